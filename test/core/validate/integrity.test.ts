import { describe, expect, it } from "vitest";
import { documentsOf } from "../../../src/core/load/index.js";
import { checkIntegrity } from "../../../src/core/validate/integrity.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import type { PmoDocument } from "../../../src/model/document.js";

/** Builds documents from in-memory files, exactly as the loader does. */
function docs(files: Record<string, string>): PmoDocument[] {
  const diagnostics: Diagnostic[] = [];
  const out = Object.entries(files).flatMap(([file, text]) => documentsOf(file, text, diagnostics, new Map()));
  expect(diagnostics).toEqual([]);
  return out;
}

function check(files: Record<string, string>, asOf = "2026-11-30"): string[] {
  return checkIntegrity(docs({ "engagement.yaml": ENGAGEMENT, ...files }), asOf).map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`,
  );
}

const ENGAGEMENT = `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: E
governance:
  forums:
    - id: steerco
      name: Steering committee
  risk:
    scale: { probability: 4, impact: 5 }
`;

const PORTFOLIOS = `apiVersion: pmo/v1
kind: Portfolio
id: PF-TOP
name: Top
objectives:
  - { id: grow, name: Grow, weight: 100 }
prioritisation:
  criteria:
    - { id: value, name: Value, weight: 100 }
---
apiVersion: pmo/v1
kind: Portfolio
id: PG-SUB
name: Sub
parent: PF-TOP
objectives:
  - { id: save, name: Save, weight: 100 }
`;

const project = (id: string, extra = ""): string =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: ${id}\nstage: delivery\n${extra}`;

describe("checkIntegrity", () => {
  it("accepts a consistent repository", () => {
    expect(
      check({
        "portfolios.yaml": PORTFOLIOS,
        "p1.yaml": project(
          "P1",
          "portfolio: PG-SUB\ncontributions:\n  - objective: save\n  - objective: grow\nscores:\n  value: 3\nmilestones:\n  - id: M1\n    name: A\n  - id: M2\n    name: B\n    dependsOn: [M1, P2/M1]\n",
        ),
        "p2.yaml": project("P2", "milestones:\n  - id: M1\n    name: A\n    actual: 2026-11-30\n"),
        "d.yaml":
          "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: T\nstatus: approved\nforum: steerco\ndate: 2026-11-01\n",
      }),
    ).toEqual([]);
  });

  it.each([
    [
      "a dangling portfolio",
      { "p.yaml": project("P1", "portfolio: PF-NONE\n") },
      'p.yaml:6:12 unresolved-reference portfolio refers to "PF-NONE", but no Portfolio has that id',
    ],
    [
      "a reference to the wrong kind",
      { "p.yaml": project("P1", "portfolio: ENG\n") },
      'p.yaml:6:12 unresolved-reference portfolio refers to "ENG", which is a Engagement (engagement.yaml), not a Portfolio',
    ],
    [
      "an id differing only in case",
      { "portfolios.yaml": PORTFOLIOS, "p.yaml": project("P1", "portfolio: pf-top\n") },
      'p.yaml:6:12 unresolved-reference portfolio refers to "pf-top", but no Portfolio has that id (did you mean "PF-TOP"?)',
    ],
    [
      "an objective outside the portfolio chain",
      {
        "portfolios.yaml": PORTFOLIOS,
        "p.yaml": project("P1", "portfolio: PF-TOP\ncontributions:\n  - objective: save\n"),
      },
      'p.yaml:8:16 unresolved-reference objective "save" is not an objective of portfolio "PF-TOP" (known: grow)',
    ],
    [
      "a score for an unknown criterion",
      { "portfolios.yaml": PORTFOLIOS, "p.yaml": project("P1", "portfolio: PF-TOP\nscores:\n  valeu: 3\n") },
      'p.yaml:8:3 unresolved-reference score "valeu" is not a prioritisation criterion of portfolio "PF-TOP" (known: value)',
    ],
    [
      "an unknown forum",
      { "d.yaml": "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: T\nstatus: proposed\nforum: board\n" },
      'd.yaml:6:8 unresolved-reference forum "board" is not one of the engagement\'s governance forums (steerco)',
    ],
    [
      "a milestone of a missing project",
      { "p.yaml": project("P1", "milestones:\n  - id: M1\n    name: A\n    dependsOn: [P9/M1]\n") },
      'p.yaml:9:17 unresolved-reference milestone dependency "P9/M1" names project "P9", which does not exist',
    ],
    [
      "a duplicate milestone id",
      { "p.yaml": project("P1", "milestones:\n  - id: M1\n    name: A\n  - id: M1\n    name: B\n") },
      'p.yaml:9:9 duplicate-id duplicate milestone id "M1" in project P1',
    ],
    [
      "a rebaseline naming a milestone the project lacks",
      {
        "p.yaml": project("P1", "milestones:\n  - id: M1\n    name: A\n"),
        "d.yaml":
          "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: T\nproject: P1\nstatus: proposed\napproves: { type: rebaseline, milestones: [M1, M9] }\n",
      },
      'd.yaml:7:48 unresolved-reference milestone "M9" is not a milestone of project P1 (known: M1)',
    ],
    [
      "a re-baselined date keyed by an unknown milestone",
      {
        "p.yaml": project("P1", "milestones:\n  - id: M1\n    name: A\n"),
        "d.yaml":
          "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: T\nproject: P1\nstatus: proposed\napproves:\n  type: rebaseline\n  baselines: { M1: 2027-01-01, finish: 2027-02-01, M7: 2027-01-15 }\n",
      },
      'd.yaml:9:52 unresolved-reference re-baselined milestone "M7" is not a milestone of project P1 (known: M1)',
    ],
    [
      "a risk above the scale",
      { "r.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: R1\ntitle: T\nprobability: 5\nimpact: 5\nstatus: open\n" },
      "r.yaml:5:14 risk-scale probability 5 is above the engagement's risk scale maximum of 4",
    ],
    [
      "a status off the scale",
      { "p.yaml": project("P1", "status:\n  asOf: 2026-11-20\n  overall: amber-green\n") },
      'p.yaml:8:12 status-scale status overall "amber-green" is not on the engagement\'s rag status scale (green, amber, red, not-assessed)',
    ],
    [
      "estimates out of order",
      {
        "p.yaml": project(
          "P1",
          "milestones:\n  - id: M1\n    name: A\n    estimate: { optimistic: 2026-12-10, mostLikely: 2026-12-01, pessimistic: 2027-01-01 }\n",
        ),
      },
      "p.yaml:9:53 date-order milestones[0].estimate.mostLikely 2026-12-01 is before milestones[0].estimate.optimistic 2026-12-10",
    ],
    [
      "an actual date after as-of",
      { "p.yaml": project("P1", "schedule:\n  actualStart: 2026-12-01\n") },
      "p.yaml:7:16 date-in-future schedule.actualStart 2026-12-01 is after the as-of date 2026-11-30: it records something that has not happened yet",
    ],
    [
      "a dated decision after as-of",
      { "d.yaml": "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: T\nstatus: approved\ndate: 2026-12-02\n" },
      "d.yaml:6:7 date-in-future decision date 2026-12-02 is after the as-of date 2026-11-30",
    ],
  ])("reports %s", (_name, files, expected) => {
    expect(check(files as Record<string, string>)).toEqual([expected]);
  });

  it("reports duplicate ids in both places", () => {
    expect(check({ "a.yaml": project("P1"), "b.yaml": project("P1") })).toEqual([
      'a.yaml:3:5 duplicate-id duplicate id "P1": also used by Project in b.yaml:3',
      'b.yaml:3:5 duplicate-id duplicate id "P1": also used by Project in a.yaml:3',
    ]);
  });

  it("spells out each cycle once, from its smallest node, whatever the file order", () => {
    const files = {
      "c.yaml": project("P3", "dependencies:\n  - project: P1\n"),
      "a.yaml": project("P1", "dependencies:\n  - project: P2\n"),
      "b.yaml": project("P2", "dependencies:\n  - project: P3\n"),
    };
    expect(check(files)).toEqual([
      "a.yaml:7:14 reference-cycle project dependencies form a cycle: P1 -> P2 -> P3 -> P1",
    ]);
  });

  it("finds milestone cycles across projects and portfolio parent cycles", () => {
    const result = check({
      "a.yaml": project("P1", "milestones:\n  - id: M1\n    name: A\n    dependsOn: [P2/M1]\n"),
      "b.yaml": project("P2", "milestones:\n  - id: M1\n    name: A\n    dependsOn: [P1/M1]\n"),
      "pf.yaml":
        "apiVersion: pmo/v1\nkind: Portfolio\nid: A\nname: A\nparent: B\n---\napiVersion: pmo/v1\nkind: Portfolio\nid: B\nname: B\nparent: A\n",
    });
    expect(result.sort()).toEqual([
      "a.yaml:9:17 reference-cycle milestone dependencies form a cycle: P1/M1 -> P2/M1 -> P1/M1",
      "pf.yaml:5:9 reference-cycle portfolio parents form a cycle: A -> B -> A",
    ]);
  });

  it("checks people only when a roster exists", () => {
    const files = { "p.yaml": project("P1", "sponsor: Jane Doe\n") };
    expect(check(files)).toEqual([]);
    expect(
      check({ ...files, "people.yaml": "apiVersion: pmo/v1\nkind: Person\nid: jane.doe\nname: Jane Doe\n" }),
    ).toEqual(['p.yaml:6:10 unresolved-reference sponsor refers to "Jane Doe", but no Person has that id']);
  });

  it("requires exactly one engagement", () => {
    const noEngagement = checkIntegrity(docs({ "p.yaml": project("P1") }), "2026-11-30");
    expect(noEngagement.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(["p.yaml:1 engagement-count"]);
    expect(check({ "e2.yaml": ENGAGEMENT.replace("id: ENG", "id: ENG2") })).toEqual([
      "e2.yaml:2:7 engagement-count more than one Engagement: the first is Engagement in engagement.yaml:3",
    ]);
  });

  it("never throws on documents of the wrong shape", () => {
    const result = check({
      "p.yaml": project(
        "P1",
        "milestones: 3\ndependencies: [1, {project: 2}]\nstatus: red\ncontributions: {}\nscores: []\n",
      ),
    });
    expect(result).toEqual([]);
  });
});
