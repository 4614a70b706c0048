import { describe, expect, it } from "vitest";
import {
  compareScenarios,
  comparisonSummaryRows,
  rankAll,
  type ScenarioState,
} from "../../../../src/core/analytics/prioritisation/index.js";
import { linksFor, portfolioFileNames, projectFileNames } from "../../../../src/core/report/links.js";
import { buildScenarioView, OWN_STATE } from "../../../../src/core/report/views/scenarios.js";
import { projectYaml, reportContextOf } from "../../../helpers/report-context.js";

/** PF-A (BASE_FILES): envelope EUR 10M, criteria value 70 / urgency 30. */
const project = (id: string, stage: string, cost: number, score: number): string =>
  projectYaml(
    id,
    `stage: ${stage}\nbudget: { currency: EUR, forecast: ${cost} }\nscores: { value: ${score}, urgency: ${score} }\nstatus: { asOf: 2026-11-27, overall: green }\n`,
  );

const TODAY = {
  "p1.yaml": project("P1", "delivery", 4_000_000, 5),
  "p2.yaml": project("P2", "proposal", 3_000_000, 4),
  "p3.yaml": project("P3", "proposal", 4_000_000, 3),
  "p4.yaml": project("P4", "proposal", 2_000_000, 2),
};

/** The scenario: P2 costs 7M and P4 scores 4.5 (rank 2). */
function scenario(): ScenarioState {
  const ctx = reportContextOf({
    ...TODAY,
    "p2.yaml": project("P2", "proposal", 7_000_000, 4),
    "p4.yaml": project("P4", "proposal", 2_000_000, 4.5),
  });
  return {
    label: "scenario/p2-overrun",
    commit: "0123456789abcdef0123456789abcdef01234567",
    rankings: rankAll(ctx.catalog, ctx.settings),
    statusOf: (id) => ctx.catalog.project(id)?.value.status?.overall,
    statusValues: ctx.settings.statusScale.values,
  };
}

describe("the scenario comparison page (pmo report --compare)", () => {
  const base = reportContextOf(TODAY);
  // Links as the scenarios page at the top of the site has them.
  const ctx = {
    ...base,
    links: linksFor("scenarios", "html", projectFileNames(base.catalog), false, portfolioFileNames(base.catalog)),
  };
  const view = buildScenarioView(ctx, { states: [scenario()] });

  it("sets the report's own state first, then each compared ref with its short commit", () => {
    expect(view.states).toEqual([
      { ref: OWN_STATE, commit: null, own: true },
      { ref: "scenario/p2-overrun", commit: "0123456", own: false },
    ]);
    expect(view.command).toBe("pmo compare working-tree scenario/p2-overrun");
  });

  it("lists first the projects that cross the cut line, with their cell in each state", () => {
    // Today: P1 (committed, 4M) and P2 (3M) fund 7M; P3 (4M) no longer fits. In the scenario
    // P4 (2M) ranks second and is funded after P1 (6M); P2 at 7M no longer fits.
    expect(view.crossings.map((c) => [c.portfolio, c.id, c.cells])).toEqual([
      ["PF-A", "P4", ["4 below line", "2 funded"]],
      ["PF-A", "P2", ["2 funded", "3 below line"]],
    ]);
    expect(view.crossings[1]!.href).toBe("projects/P2.html");
  });

  it("shows each portfolio's summary rows and project cells from pmo compare's model", () => {
    const [pf] = view.portfolios;
    const model = compareScenarios([
      {
        label: OWN_STATE,
        rankings: rankAll(ctx.catalog, ctx.settings),
        statusOf: (id) => ctx.catalog.project(id)?.value.status?.overall,
        statusValues: ctx.settings.statusScale.values,
      },
      scenario(),
    ]).portfolios[0]!;
    expect(pf!.summary).toEqual(comparisonSummaryRows(model.columns).map(([heading, cells]) => ({ heading, cells })));
    expect(pf!.summary.find((s) => s.heading === "Funded (above the line)")!.cells).toEqual(["2: EUR 7M", "2: EUR 6M"]);
    expect(pf!.rows.map((r) => [r.id, r.cells.map((c) => (c.changed ? `*${c.text}` : c.text))])).toEqual([
      ["P1", ["1 funded", "1 funded"]],
      ["P4", ["4 below line", "*2 funded"]],
      ["P2", ["2 funded", "*3 below line"]],
      ["P3", ["3 below line", "*4 below line"]],
    ]);
    expect(pf!.changed).toBe(3);
    expect(pf!.unchangedLeftOut).toBe(0);
    expect(pf!.ranking).toEqual({ href: "rankings/PF-A.html" });
  });

  it("lists only the projects that change in a portfolio longer than a page, and counts the rest", () => {
    const small = { ...ctx, layout: { ...ctx.layout, rowsPerPage: 3 } };
    const [pf] = buildScenarioView(small, { states: [scenario()] }).portfolios;
    expect(pf!.rows.map((r) => r.id)).toEqual(["P4", "P2", "P3"]);
    expect(pf!.unchangedLeftOut).toBe(1);
  });

  it("says nothing crosses the line when the states fund the same projects", () => {
    const same = buildScenarioView(ctx, {
      states: [
        {
          label: "main",
          rankings: rankAll(ctx.catalog, ctx.settings),
          statusOf: () => "green",
          statusValues: ctx.settings.statusScale.values,
        },
      ],
    });
    expect(same.crossings).toEqual([]);
    expect(same.portfolios[0]!.changed).toBe(0);
  });
});
