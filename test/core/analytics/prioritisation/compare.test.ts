import { describe, expect, it } from "vitest";
import {
  compareScenarios,
  formatComparisonTable,
  rankPortfolio,
  type Candidate,
  type ScenarioState,
} from "../../../../src/core/analytics/prioritisation/index.js";
import { renderTable } from "../../../../src/core/query/index.js";

const PLAIN = { bold: (s: string) => s, table: renderTable };

const candidate = (id: string, cost: number, score: number): Candidate => ({
  id,
  name: `Project ${id}`,
  stage: "proposal",
  committed: false,
  cost,
  scores: { v: score },
  contributions: [],
  dependsOn: [],
});

const ranking = (envelope: number) =>
  rankPortfolio({
    portfolio: { id: "PF", name: "Portfolio" },
    method: {
      method: "weighted-sum",
      declaredBy: "PF",
      scale: { min: 1, max: 5 },
      criteria: [{ id: "v", name: "Value", weight: 100, source: "scores" }],
      alignmentPoints: { high: 5, medium: 3, low: 1 },
      objectives: [],
      fundingOrder: "committed-first",
    },
    currency: "EUR",
    envelope,
    candidates: [candidate("A", 100, 5), candidate("B", 100, 4), candidate("C", 100, 3)],
  });

const state = (label: string, envelope: number, forecast?: ScenarioState["forecast"]): ScenarioState => ({
  label,
  rankings: [ranking(envelope)],
  statusOf: () => "green",
  statusValues: ["green", "amber", "red"],
  ...(forecast && { forecast }),
});

describe("compareScenarios with the schedule forecast", () => {
  // A misses its committed finish at P80, B meets it, C has no committed finish; D is not ranked.
  const forecast = new Map([
    ["A", { p80: "2027-06-30", committed: "2027-03-31" }],
    ["B", { p80: "2027-01-29", committed: "2027-03-31" }],
    ["C", { p80: "2027-09-30", committed: undefined }],
    ["D", { p80: "2030-01-01", committed: "2029-01-01" }],
  ]);

  it("per portfolio: the latest P80 of its ranked projects, and how many miss their committed finish at P80", () => {
    const result = compareScenarios([state("main", 300, forecast), state("cut", 200, new Map())]);
    const [main, cut] = result.portfolios[0]!.columns;
    expect(main!.p80).toEqual({ latest: "2027-09-30", lateAtP80: 1, withCommitted: 2, noForecast: 0 });
    // A state whose forecast has no project: nothing known, every project counted as without one.
    expect(cut!.p80).toEqual({ latest: null, lateAtP80: 0, withCommitted: 0, noForecast: 3 });
    expect(result.portfolios[0]!.projects.map((p) => [p.id, p.cells[0]!.p80, p.cells[1]!.p80])).toEqual([
      ["A", "2027-06-30", undefined],
      ["B", "2027-01-29", undefined],
      ["C", "2027-09-30", undefined],
    ]);
    const table = formatComparisonTable(result, PLAIN);
    expect(table).toContain("P80 finish (latest project)  2027-09-30");
    expect(table).toContain("Late at P80 (of committed)   1 of 2");
    expect(table).toContain("0 of 0; 3 without a forecast");
    expect(table).toContain("1 funded, P80 2027-06-30");
  });

  it("without a forecast, shows no P80 at all", () => {
    const result = compareScenarios([state("main", 300), state("cut", 200)]);
    expect(result.portfolios[0]!.columns.map((c) => c.p80)).toEqual([null, null]);
    expect(formatComparisonTable(result, PLAIN)).not.toContain("P80");
  });
});
