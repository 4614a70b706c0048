import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import { describe, expect, it } from "vitest";
import { FORMATTERS } from "../../../src/core/format/index.js";
import { FINGERPRINT_KEY, fingerprint } from "../../../src/core/format/sarif.js";
import { checkContext, DIAGNOSTICS, HOSTILE, RULES } from "./fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const format = FORMATTERS["sarif"]!;

/**
 * The official SARIF 2.1.0 schema (OASIS rtm.5, as published on schemastore), shipped by
 * @microsoft/jest-sarif. It is draft-04, hence ajv-draft-04.
 */
const schemaPath = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
// ajv-draft-04 is CommonJS: under NodeNext its default import is module.exports, which is the
// Ajv class itself and also carries it as `.default` (the only spelling the typings allow).
const Ajv04 = ajvDraft04.default;
const addFormats: FormatsPlugin =
  (ajvFormats as unknown as { default?: FormatsPlugin }).default ?? (ajvFormats as unknown as FormatsPlugin);
// The schema's `language` pattern has a stray `]` that is only legal without the `u` flag.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);

function parse(text: string): any {
  return JSON.parse(text);
}

describe("sarif formatter", () => {
  it("matches the golden file", async () => {
    await expect(format(DIAGNOSTICS, checkContext())).toMatchFileSnapshot(path.join(here, "__snapshots__/check.sarif"));
  });

  const cases = {
    "findings and waivers": checkContext(),
    "no waivers": checkContext({ waived: undefined }),
    "no rule metadata, no version": checkContext({ rules: undefined, toolVersion: undefined }),
  };
  for (const [name, ctx] of Object.entries(cases)) {
    it(`validates against the SARIF 2.1.0 schema: ${name}`, () => {
      const log = parse(format(DIAGNOSTICS, ctx));
      expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    });
  }

  it("the schema check is live: it rejects a pmo severity used as a SARIF level", () => {
    const log = parse(format(DIAGNOSTICS, checkContext()));
    log.runs[0].results[0].level = "warn";
    expect(validateSarif(log)).toBe(false);
  });

  it("validates against the schema with nothing found, and with a hostile message and file name", () => {
    expect(validateSarif(parse(format([], checkContext({ waived: [] })))), JSON.stringify(validateSarif.errors)).toBe(
      true,
    );
    const log = parse(format([HOSTILE], checkContext({ waived: [] })));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0].results[0].message.text).toBe(HOSTILE.message);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "odd/we%2Cird%3Aname%25.yaml",
    );
  });

  // What GitHub code scanning reads (docs.github.com "SARIF support for code scanning").
  it("carries the fields GitHub code scanning requires", () => {
    const log = parse(format(DIAGNOSTICS, checkContext()));
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: "pmo", version: "0.1.0" });
    expect(run.tool.driver.informationUri).toBe("https://www.npmjs.com/package/@pmo-as-code/pmo");
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(["budget-rag-consistent", "milestone-has-date", "risk-has-owner", "schema"]);
    expect(run.tool.driver.rules.map((r: { name: string }) => r.name)).toEqual([
      "BudgetRagConsistent",
      "MilestoneHasDate",
      "RiskHasOwner",
      "Schema",
    ]);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.message.text).not.toBe("");
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:|\\/i);
      expect(loc.artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(["error", "warning", "error", "note"]);
  });

  it("lists only the rules that appear, with their metadata", () => {
    const run = parse(format([DIAGNOSTICS[1]!], checkContext({ waived: [] }))).runs[0];
    expect(run.tool.driver.rules).toEqual([
      {
        id: "risk-has-owner",
        name: "RiskHasOwner",
        helpUri: "https://unpkg.com/@pmo-as-code/pmo@0.1.0/docs/rules/risk-has-owner.md",
        shortDescription: { text: RULES.get("risk-has-owner")!.description },
        help: {
          text: "Every open risk has an owner\n\nDocumentation: docs/rules/risk-has-owner.md in the pmo package.",
        },
        defaultConfiguration: { level: "warning" },
        properties: { tags: ["Risk management"] },
      },
    ]);
  });

  it("leaves waived findings out (GitHub closes their alerts) and counts them in the run's properties", () => {
    const context = checkContext();
    const run = parse(format(DIAGNOSTICS, context)).runs[0];
    expect(context.waived!.length).toBe(2);
    expect(run.results).toHaveLength(DIAGNOSTICS.length);
    expect(run.results.some((r: { suppressions?: unknown }) => r.suppressions !== undefined)).toBe(false);
    expect(run.properties).toEqual({ waivedFindings: 2 });
  });

  it("writes URIs relative to the repository root, also when run from a folder below it or beside the files", () => {
    const uris = (repositoryPath: string) =>
      parse(format([DIAGNOSTICS[0]!], checkContext({ waived: [], repositoryPath }))).runs[0].results.map(
        (r: any) => r.locations[0].physicalLocation.artifactLocation.uri,
      );
    expect(uris("")).toEqual(["projects/alpha.yaml"]);
    expect(uris("engagements/acme")).toEqual(["engagements/acme/projects/alpha.yaml"]);
    const outside = parse(
      format(
        [{ ...DIAGNOSTICS[0]!, file: "../pmo/projects/alpha.yaml" }],
        checkContext({ waived: [], repositoryPath: "tools" }),
      ),
    ).runs[0].results[0];
    expect(outside.locations[0].physicalLocation.artifactLocation.uri).toBe("pmo/projects/alpha.yaml");
  });

  it("fingerprints ignore the line, so a finding keeps its identity when it moves", () => {
    const d = DIAGNOSTICS[0]!;
    expect(fingerprint({ ...d, line: 99, column: 1, endLine: 99, endColumn: 3 })).toBe(fingerprint(d));
    expect(fingerprint({ ...d, pointer: "/status/schedule/rag" })).not.toBe(fingerprint(d));
    expect(fingerprint({ ...d, ruleId: "other" })).not.toBe(fingerprint(d));
    expect(fingerprint({ ...d, file: "projects/other.yaml" })).not.toBe(fingerprint(d));
    expect(fingerprint({ ...d, entity: "PRJ-OTHER" })).not.toBe(fingerprint(d));
  });

  it("is deterministic", () => {
    expect(format(DIAGNOSTICS, checkContext())).toBe(format(DIAGNOSTICS, checkContext()));
  });
});
