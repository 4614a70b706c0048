import { describe, expect, it } from "vitest";
import {
  addObservedFields,
  buildRelations,
  checkPath,
  fieldTreeFromSchema,
  listEntities,
  matchesWhere,
  naturalCompare,
  parseSort,
  parsePath,
  parseWhere,
  resolveKind,
  selectValues,
  sortRows,
  statusScaleOf,
  WhereSyntaxError,
  type FieldNode,
  type QueryContext,
} from "../../../src/core/query/index.js";
import { buildModel } from "../../../src/core/domain/index.js";
import { UsageError } from "../../../src/core/errors.js";
import type { PmoDocument } from "../../../src/model/document.js";

function doc(value: Record<string, unknown>, file = "x.yaml"): PmoDocument {
  return {
    file,
    docIndex: 0,
    kind: String(value["kind"]),
    id: typeof value["id"] === "string" ? value["id"] : undefined,
    apiVersion: "pmo/v1",
    value: { apiVersion: "pmo/v1", ...value },
    locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
  };
}

describe("resolveKind", () => {
  it.each([
    ["projects", "Project"],
    ["Project", "Project"],
    ["RISKS", "Risk"],
    ["people", "Person"],
    ["persons", "Person"],
    ["person", "Person"],
    ["portfolio", "Portfolio"],
  ])("%s -> %s", (word, kind) => expect(resolveKind(word)).toBe(kind));
  it("rejects unknown words", () => expect(resolveKind("projekts")).toBeUndefined());
});

describe("selectValues", () => {
  const value = {
    status: { overall: "red" },
    tags: ["a", "b"],
    milestones: [{ id: "M1", forecast: "2026-01-01" }, { id: "M2" }],
    zero: 0,
  };
  it.each([
    ["status.overall", ["red"]],
    ["tags", ["a", "b"]],
    ["milestones.id", ["M1", "M2"]],
    ["milestones.1.id", ["M2"]],
    ["milestones.forecast", ["2026-01-01"]],
    ["missing.path", []],
    ["zero", [0]],
  ])("%s", (path, expected) => expect(selectValues(value, parsePath(path))).toEqual(expected));
});

describe("parseWhere and matchesWhere", () => {
  it("parses =, != and comma lists", () => {
    expect(parseWhere("stage=delivery,planning")).toMatchObject({
      field: "stage",
      negate: false,
      values: ["delivery", "planning"],
    });
    expect(parseWhere("status.overall != red")).toMatchObject({
      field: "status.overall",
      negate: true,
      values: ["red"],
    });
    expect(parseWhere("summary=a=b")).toMatchObject({ field: "summary", values: ["a=b"] });
  });
  it.each(["stage", "=delivery", ""])("rejects %j", (text) => expect(() => parseWhere(text)).toThrow(WhereSyntaxError));

  it.each([
    ["stage=delivery", ["delivery"], true],
    ["stage=Delivery", ["delivery"], true],
    ["stage=delivery,planning", ["planning"], true],
    ["stage=delivery", ["closed"], false],
    ["stage!=delivery", ["closed"], true],
    ["stage!=delivery,closed", ["closed"], false],
    ["stage!=delivery", [], true],
    ["manager=", [], true],
    ["manager=", ["x"], false],
    ["tags=dwi", ["treatment", "dwi"], true],
    ["percentComplete=64", [64], true],
    ["status=red", [{ overall: "red" }], false],
  ] as const)("%s on %j -> %s", (text, values, expected) =>
    expect(matchesWhere(parseWhere(text), values)).toBe(expected),
  );
});

describe("sorting", () => {
  it("orders naturally, case-insensitively", () => {
    const ids = ["PRJ-10", "PRJ-2", "prj-1", "PRJ-002", "ABC", "PRJ-10a"];
    expect([...ids].sort(naturalCompare)).toEqual(["ABC", "prj-1", "PRJ-002", "PRJ-2", "PRJ-10", "PRJ-10a"]);
  });
  it("handles digit runs longer than a safe integer", () => {
    expect(naturalCompare("X-99999999999999999999", "X-100000000000000000000")).toBeLessThan(0);
  });
  it("parses the direction", () => {
    expect(parseSort("-score")).toEqual({ field: "score", descending: true });
    expect(parseSort("+id")).toEqual({ field: "id", descending: false });
    expect(parseSort("name")).toEqual({ field: "name", descending: false });
  });
  it("puts missing values last in both directions and breaks ties by id", () => {
    const rows = [
      { id: "R-10", score: 4 },
      { id: "R-2", score: undefined },
      { id: "R-3", score: 9 },
      { id: "R-1", score: 4 },
    ];
    const by = (descending: boolean): string[] =>
      sortRows(
        rows,
        (r) => r.score,
        descending,
        (r) => r.id,
      ).map((r) => r.id);
    expect(by(false)).toEqual(["R-1", "R-10", "R-3", "R-2"]);
    expect(by(true)).toEqual(["R-3", "R-1", "R-10", "R-2"]);
  });
});

describe("field trees", () => {
  const common = {
    $defs: {
      date: { type: "string" },
      extension: {},
      status: { type: "object", properties: { overall: { type: "string" } } },
    },
  };
  const project = {
    type: "object",
    properties: {
      id: { type: "string" },
      status: { $ref: "common.schema.json#/$defs/status" },
      milestones: { type: "array", items: { $ref: "#/$defs/milestone" } },
      scores: { type: "object", additionalProperties: { type: "number" } },
    },
    $defs: {
      milestone: {
        type: "object",
        properties: { id: { type: "string" }, forecast: { $ref: "common.schema.json#/$defs/date" } },
      },
    },
  };
  const lookup = (name: string): object | undefined => ({ common, project })[name];
  const tree: FieldNode = fieldTreeFromSchema(project, lookup, "project");

  it.each([
    "id",
    "status.overall",
    "milestones.forecast",
    "milestones.0.id",
    "scores.value",
    "x-custom.anything",
    "status.x-note",
  ])("knows %s", (path) => expect(checkPath(tree, parsePath(path))).toBeUndefined());
  it("names the known fields where a path goes wrong", () => {
    expect(checkPath(tree, parsePath("stauts"))).toEqual({ at: 0, known: ["id", "status", "milestones", "scores"] });
    expect(checkPath(tree, parsePath("status.overal"))).toEqual({ at: 1, known: ["overall"] });
    expect(checkPath(tree, parsePath("id.more"))).toEqual({ at: 1, known: [] });
  });
  it("adds fields the documents hold", () => {
    const observed = fieldTreeFromSchema(project, lookup, "project");
    addObservedFields(observed, { legacy: { code: 1 } });
    expect(checkPath(observed, parsePath("legacy.code"))).toBeUndefined();
  });
});

describe("status scales", () => {
  it("colours rag and dca5 values by name and ranks them best first", () => {
    const dca5 = statusScaleOf({ statusScale: "dca5" });
    expect(dca5.values).toHaveLength(5);
    expect(["green", "amber-green", "amber", "amber-red", "red"].map((v) => dca5.colour(v))).toEqual([
      "green",
      "amber",
      "amber",
      "red",
      "red",
    ]);
    expect(dca5.rank("red")).toBe(4);
    expect(statusScaleOf(undefined).rank("amber-red")).toBeUndefined();
  });
  it("colours a custom scale by its declared colour, else by position", () => {
    const scale = statusScaleOf({
      statusScale: [
        { value: "on-track" },
        { value: "watch", color: "purple" },
        { value: "late", color: "amber" },
        { value: "stopped" },
      ],
    });
    expect(scale.values.map((v) => scale.colour(v))).toEqual(["green", "amber", "amber", "red"]);
  });
});

describe("relations", () => {
  const documents = [
    doc({ kind: "Engagement", id: "ENG", currency: "EUR", statusScale: "rag" }),
    doc({ kind: "Person", id: "ann", name: "Ann Archer" }),
    doc({ kind: "Portfolio", id: "PF-1", name: "One", owner: "ann" }),
    doc({ kind: "Portfolio", id: "PG-1", name: "Programme", parent: "PF-1", owner: "ann" }),
    doc({ kind: "Project", id: "PRJ-1", name: "First", portfolio: "PG-1", manager: "ann", stage: "delivery" }),
    doc({
      kind: "Project",
      id: "PRJ-2",
      name: "Second",
      portfolio: "PG-1",
      stage: "planning",
      dependencies: [{ project: "PRJ-1", type: "finish-to-start" }],
    }),
    doc({
      kind: "Risk",
      id: "RSK-1",
      title: "R",
      project: "PRJ-1",
      probability: 3,
      impact: 4,
      status: "open",
      owner: "ann",
    }),
    doc({
      kind: "Issue",
      id: "ISS-1",
      title: "I",
      project: "PRJ-1",
      risk: "RSK-1",
      raised: "2026-01-01",
      status: "open",
    }),
    doc({ kind: "Decision", id: "DEC-1", title: "D", portfolio: "PF-1", status: "approved", decidedBy: "ann" }),
    doc({ kind: "Decision", id: "DEC-2", title: "D2", status: "approved", supersedes: "DEC-1" }),
    doc({ kind: "Project", id: "PRJ-1", name: "Duplicate" }, "dup.yaml"),
  ];
  const relations = buildRelations(documents);

  it("links both ways", () => {
    expect(relations.subPortfolios("PF-1").map((d) => d.id)).toEqual(["PG-1"]);
    expect(relations.projectsOf("PG-1").map((d) => d.id)).toEqual(["PRJ-1", "PRJ-2"]);
    expect(relations.attached("PRJ-1", "Risk").map((d) => d.id)).toEqual(["RSK-1"]);
    expect(relations.attached("PF-1", "Decision").map((d) => d.id)).toEqual(["DEC-1"]);
    expect(relations.dependents("PRJ-1").map((d) => [d.doc.id, d.type])).toEqual([["PRJ-2", "finish-to-start"]]);
    expect(relations.issuesOfRisk("RSK-1").map((d) => d.id)).toEqual(["ISS-1"]);
    expect(relations.supersededBy("DEC-1").map((d) => d.id)).toEqual(["DEC-2"]);
    expect(relations.linksOf("ann").map((l) => `${l.doc.id}:${l.role}`)).toEqual([
      "PF-1:owner",
      "PG-1:owner",
      "PRJ-1:manager",
      "RSK-1:owner",
      "DEC-1:decidedBy",
    ]);
  });
  it("resolves people through the roster, and keeps the first of duplicate ids", () => {
    expect(relations.personName("ann")).toBe("Ann Archer");
    expect(relations.personName("Bob Free Text")).toBe("Bob Free Text");
    expect(relations.byId.get("PRJ-1")?.file).toBe("x.yaml");
  });
  it("survives documents of the wrong shape", () => {
    const odd = buildRelations([
      doc({ kind: "Project", id: "P", dependencies: "nope", gates: [null, 3], portfolio: 7 }),
    ]);
    expect(odd.projectsOf("7")).toEqual([]);
  });

  describe("listEntities", () => {
    const ctx: QueryContext = { relations, asOf: "2026-06-01", model: buildModel([], { values: {} }, "2026-06-01") };
    const open: FieldNode = { fields: new Map(), open: true };
    const ids = (where: string[], sort?: string): string[] =>
      listEntities({ kind: "Project", where: where.map(parseWhere), ...(sort && { sort }) }, ctx, open).rows.map(
        (d) => d.id ?? "",
      );

    it("filters and sorts, by id by default", () => {
      expect(ids([])).toEqual(["PRJ-1", "PRJ-1", "PRJ-2"]);
      expect(ids(["stage=planning,delivery"], "-id")).toEqual(["PRJ-2", "PRJ-1"]);
      expect(ids(["stage!=delivery"])).toEqual(["PRJ-1", "PRJ-2"]);
      expect(ids(["manager=ann", "stage=delivery"])).toEqual(["PRJ-1"]);
    });
    it("takes column names, computed ones included", () => {
      const risks = listEntities({ kind: "Risk", where: [parseWhere("score=12")] }, ctx, open);
      expect(risks.rows.map((d) => d.id)).toEqual(["RSK-1"]);
    });
    it("reports an unknown field with the known ones", () => {
      const closed: FieldNode = { fields: new Map([["stage", { fields: new Map(), open: false }]]), open: false };
      expect(() => listEntities({ kind: "Project", where: [parseWhere("stag=delivery")] }, ctx, closed)).toThrow(
        UsageError,
      );
      expect(() => listEntities({ kind: "Project", where: [], sort: "stag" }, ctx, closed)).toThrow(
        /--sort: unknown field "stag" for projects \(did you mean "stage"\?\); known fields: stage/,
      );
    });
  });
});
