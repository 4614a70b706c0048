import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../src/model/document.js";
import * as entities from "../../src/model/entities.js";
import { getSchema, schemaNames, validateConfig, validateDocument } from "../../src/core/validate/schema.js";
import { validateImportMapping } from "../../src/core/import/index.js";

type Node = Record<string, any>;
const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);
const files = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith(".schema.json"))
  .sort();
const schemas = new Map(
  files.map((f) => [
    f.replace(/\.schema\.json$/, ""),
    JSON.parse(readFileSync(new URL(f, SCHEMA_DIR), "utf8")) as Node,
  ]),
);

/** Every subschema with a JSON-pointer-ish location, walking all applicators and $defs. */
function* subschemas(node: unknown, at: string): Generator<[string, Node]> {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return;
  const schema = node as Node;
  yield [at, schema];
  for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
    for (const [name, child] of Object.entries((schema[key] ?? {}) as Node))
      yield* subschemas(child, `${at}/${key}/${name}`);
  }
  for (const key of ["items", "additionalProperties", "propertyNames", "not", "if", "then", "else"])
    yield* subschemas(schema[key], `${at}/${key}`);
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    for (const [i, child] of ((schema[key] ?? []) as unknown[]).entries())
      yield* subschemas(child, `${at}/${key}/${i}`);
  }
}

describe("schema files", () => {
  it("are exactly the ones schemaNames() lists", () => {
    expect([...schemas.keys()].sort()).toEqual(schemaNames().sort());
    expect(schemaNames()).toEqual([...KINDS.map((k) => k.toLowerCase()), "config", "import-mapping", "common"]);
  });

  it.each([...schemas.keys()])("%s has $schema, $id, title, description and examples", (name) => {
    const schema = schemas.get(name)!;
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(`https://pmo.dev/schemas/v1/${name}.schema.json`);
    expect(schema["title"]).toEqual(expect.any(String));
    expect(schema["description"]).toEqual(expect.any(String));
    expect(schema["examples"]).toEqual(expect.arrayContaining([expect.anything()]));
    expect(getSchema(name)).toEqual(schema);
  });

  it.each([...schemas.keys()])("%s: every property, item and $defs entry has a description", (name) => {
    const missing: string[] = [];
    for (const [at, schema] of subschemas(schemas.get(name), "#")) {
      const isNamed = /\/(properties|\$defs|dependentSchemas)\/[^/]+$|\/items$/.test(at);
      if (isNamed && !(typeof schema["description"] === "string" && schema["description"].length > 10))
        missing.push(at);
    }
    expect(missing).toEqual([]);
  });

  it.each([...schemas.keys()])("%s: every object is closed except for x- keys", (name) => {
    const open: string[] = [];
    for (const [at, schema] of subschemas(schemas.get(name), "#")) {
      if (schema["type"] !== "object") continue;
      const closed = schema["additionalProperties"] === false || typeof schema["additionalProperties"] === "object";
      if (!closed || schema["patternProperties"]?.["^x-"]?.["$ref"] !== "common.schema.json#/$defs/extension")
        open.push(at);
    }
    expect(open).toEqual([]);
  });

  it("relative $refs point at common.schema.json or the same file", () => {
    const refs = files.flatMap((f) =>
      [...readFileSync(new URL(f, SCHEMA_DIR), "utf8").matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!),
    );
    for (const ref of refs) expect(ref).toMatch(/^(common\.schema\.json)?#\/\$defs\/[A-Za-z]+$/);
  });
});

describe("schema examples", () => {
  it.each(KINDS)("the %s schema's examples are valid documents", (kind) => {
    for (const example of schemas.get(kind.toLowerCase())!["examples"] as unknown[])
      expect(validateDocument(kind, example)).toEqual([]);
  });

  it("the import-mapping schema's examples are valid", () => {
    for (const example of schemas.get("import-mapping")!["examples"] as unknown[])
      expect(validateImportMapping(example)).toEqual([]);
  });

  it("the config schema's examples are valid", () => {
    for (const example of schemas.get("config")!["examples"] as unknown[]) expect(validateConfig(example)).toEqual([]);
  });
});

describe("TypeScript enums match the schemas", () => {
  const common = schemas.get("common")!["$defs"] as Node;
  const engagement = schemas.get("engagement")!["properties"] as Node;
  const project = schemas.get("project")!["properties"] as Node;
  const risk = schemas.get("risk")!;
  const cases: [string, readonly string[], unknown][] = [
    ["STAGES", entities.STAGES, common["stage"].enum],
    ["PMO_TYPES", entities.PMO_TYPES, engagement["pmoType"].items.enum],
    ["ENGAGEMENT_PHASES", entities.ENGAGEMENT_PHASES, schemas.get("engagement")!["$defs"].phase.enum],
    ["PMO_SERVICES", entities.PMO_SERVICES, engagement["scope"].properties.services.items.enum],
    ["CADENCES", entities.CADENCES, schemas.get("engagement")!["$defs"].cadence.enum],
    ["REPORT_FORMATS", entities.REPORT_FORMATS, engagement["reporting"].properties.formats.items.enum],
    ["RISK_APPETITES", entities.RISK_APPETITES, engagement["governance"].properties.risk.properties.appetite.enum],
    ["KPI_DIRECTIONS", entities.KPI_DIRECTIONS, engagement["kpis"].items.properties.direction.enum],
    ["STATUS_SCALE_NAMES", entities.STATUS_SCALE_NAMES, engagement["statusScale"].oneOf[0].enum],
    ["DEPENDENCY_TYPES", entities.DEPENDENCY_TYPES, project["dependencies"].items.properties.type.enum],
    ["LINK_TYPES", entities.LINK_TYPES, common["linkType"].enum],
    ["SCHEDULE_DAYS", entities.SCHEDULE_DAYS, engagement["scheduling"].properties.days.enum],
    ["WEEKDAY_NAMES", entities.WEEKDAY_NAMES, engagement["scheduling"].properties.workingWeekdays.items.enum],
    [
      "CONTRIBUTION_STRENGTHS",
      entities.CONTRIBUTION_STRENGTHS,
      project["contributions"].items.properties.strength.enum,
    ],
    ["BENEFIT_STATUSES", entities.BENEFIT_STATUSES, project["benefits"].items.properties.status.enum],
    ["GATE_OUTCOMES", entities.GATE_OUTCOMES, project["gates"].items.properties.outcome.enum],
    ["EV_METHODS", entities.EV_METHODS, project["earnedValue"].properties.method.enum],
    ["PV_CURVES", entities.PV_CURVES, project["earnedValue"].properties.plannedValue.enum],
    ["RISK_TYPES", entities.RISK_TYPES, risk["properties"].type.enum],
    ["RISK_STATUSES", entities.RISK_STATUSES, risk["properties"].status.enum],
    ["RISK_RESPONSES", entities.RISK_RESPONSES, risk["properties"].response.enum],
    ["THREAT_RESPONSES", entities.THREAT_RESPONSES, risk["dependentSchemas"].response.else.properties.response.enum],
    [
      "OPPORTUNITY_RESPONSES",
      entities.OPPORTUNITY_RESPONSES,
      risk["dependentSchemas"].response.then.properties.response.enum,
    ],
    ["MITIGATION_STATUSES", entities.MITIGATION_STATUSES, risk["properties"].mitigations.items.properties.status.enum],
    ["ISSUE_STATUSES", entities.ISSUE_STATUSES, schemas.get("issue")!["properties"].status.enum],
    ["ISSUE_PRIORITIES", entities.ISSUE_PRIORITIES, schemas.get("issue")!["properties"].priority.enum],
    ["DECISION_STATUSES", entities.DECISION_STATUSES, schemas.get("decision")!["properties"].status.enum],
    ["APPROVAL_TYPES", entities.APPROVAL_TYPES, schemas.get("decision")!["properties"].approves.properties.type.enum],
  ];
  it.each(cases)("%s", (_name, values, schemaEnum) => {
    expect([...values]).toEqual(schemaEnum);
  });

  it("STATUS_DIMENSIONS are the status fields that hold scale values", () => {
    const status = project["status"].properties as Node;
    const scaleFields = Object.keys(status).filter((k) => status[k].$ref === "common.schema.json#/$defs/statusValue");
    expect(scaleFields).toEqual([...entities.STATUS_DIMENSIONS]);
  });

  it("the built-in scales list their values best first and match the data model", () => {
    expect(entities.STATUS_SCALES.rag).toEqual(["green", "amber", "red"]);
    expect(entities.STATUS_SCALES.dca5).toEqual(["green", "amber-green", "amber", "amber-red", "red"]);
    expect(Object.keys(entities.STATUS_SCALES)).toEqual([...entities.STATUS_SCALE_NAMES]);
  });
});
