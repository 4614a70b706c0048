import { describe, expect, it } from "vitest";
import { rankRisks, riskRow, topRiskRows } from "../../../../src/core/report/raid.js";
import { buildDashboardView } from "../../../../src/core/report/views/dashboard.js";
import { projectYaml, reportContextOf } from "../../../helpers/report-context.js";

const status = (overall: string): string => `status: { asOf: 2026-11-25, overall: ${overall} }\n`;

describe("dashboard status counts", () => {
  const ctx = reportContextOf({
    "p1.yaml": projectYaml("P1", `stage: delivery\n${status("green")}`),
    "p2.yaml": projectYaml("P2", `stage: delivery\n${status("red")}`),
    "p3.yaml": projectYaml("P3", `stage: delivery\n${status("not-assessed")}`),
    "p4.yaml": projectYaml("P4", "stage: delivery\n"),
    "p5.yaml": projectYaml("P5", "stage: delivery\n"),
  });
  const view = buildDashboardView(ctx);

  it("counts every project once: on the scale, not assessed, or without a report", () => {
    expect(view.summary.byStatus.map((s) => [s.name, s.count])).toEqual([
      ["Green", 1],
      ["Amber", 0],
      ["Red", 1],
      ["Not assessed", 1],
      ["No status report", 2],
    ]);
    expect(view.summary.byStatus.reduce((n, s) => n + s.count, 0)).toBe(view.summary.projects);
  });

  it("shows not assessed as such, never as red", () => {
    expect(view.rag.find((r) => r.id === "P3")!.overall).toMatchObject({
      value: "not-assessed",
      label: "Not assessed",
      rank: -1,
    });
    expect(view.needsDecision.red.map((r) => r.id)).toEqual(["P2"]);
  });

  it("draws projects without a status and not assessed in the status chart", () => {
    expect(view.statusChart.description).toBe("5 in 1 group: 1 Green, 1 Red, 2 No status report, 1 Not assessed.");
  });
});

describe("closed and cancelled projects in the status counts", () => {
  const ctx = reportContextOf({
    "p1.yaml": projectYaml("P1", `stage: delivery\n${status("red")}`),
    "p2.yaml": projectYaml("P2", `stage: closed\n${status("red")}`),
    "p3.yaml": projectYaml("P3", `stage: cancelled\n${status("red")}`),
    "p4.yaml": projectYaml("P4", "stage: closed\n"),
  });
  const view = buildDashboardView(ctx);

  it("are counted apart, never by their last status: one project is red now, not three", () => {
    expect(view.summary.byStatus.map((s) => [s.name, s.count])).toEqual([
      ["Green", 0],
      ["Amber", 0],
      ["Red", 1],
      ["Closed or cancelled", 3],
    ]);
    expect(view.summary.byStatus.reduce((n, s) => n + s.count, 0)).toBe(view.summary.projects);
    expect(view.summary.byStage).toEqual([
      { stage: "delivery", count: 1 },
      { stage: "closed", count: 2 },
      { stage: "cancelled", count: 1 },
    ]);
  });

  it("are not projects reporting red that need a decision", () => {
    expect(view.needsDecision.red.map((r) => r.id)).toEqual(["P1"]);
  });

  it("are left out of the status chart, which draws current projects", () => {
    expect(view.statusChart.description).toBe("1 in 1 group: 1 Red.");
  });
});

describe("a custom scale's own no-rating value", () => {
  it("keeps its label and stays off the order", () => {
    const ctx = reportContextOf({
      "engagement.yaml": `apiVersion: pmo/v1\nkind: Engagement\nid: ENG\nname: E\nclient: { name: C }\nprovider: { name: P }\npmoType: [tactical]\nphase: { current: deployment, since: 2026-01-05 }\nscope: { services: [governance] }\ncurrency: EUR\nstatusScale:\n  - { value: on-track, label: On track }\n  - { value: withheld, label: Withheld, assessed: false }\n  - { value: off-track, label: Off track }\n`,
      "p1.yaml": projectYaml("P1", `stage: delivery\n${status("withheld")}`),
      "p2.yaml": projectYaml("P2", `stage: delivery\n${status("off-track")}`),
    });
    expect(ctx.settings.statusScale.values).toEqual(["on-track", "off-track"]);
    expect(ctx.settings.isRed("off-track")).toBe(true);
    expect(ctx.settings.isRed("withheld")).toBe(false);
    const view = buildDashboardView(ctx);
    expect(view.summary.byStatus.map((s) => [s.name, s.count])).toEqual([
      ["On track", 0],
      ["Off track", 1],
      ["Withheld", 1],
    ]);
  });
});

describe("dashboard alignment spend", () => {
  it("counts approved budgets (forecasts where none is approved), never a proposal's forecast", () => {
    const contributes = "contributions:\n  - { objective: quality, strength: high }\n";
    const ctx = reportContextOf({
      "pf.yaml":
        "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\nobjectives:\n  - { id: quality, name: Quality, weight: 100 }\n",
      "p1.yaml": projectYaml("P1", `stage: delivery\nbudget: { approved: 1000000, forecast: 1200000 }\n${contributes}`),
      "p2.yaml": projectYaml("P2", `stage: delivery\nbudget: { forecast: 300000 }\n${contributes}`),
      "p3.yaml": projectYaml("P3", `stage: proposal\nbudget: { forecast: 14000000 }\n${contributes}`),
      "p4.yaml": projectYaml("P4", "stage: proposal\nbudget: { forecast: 5000000 }\n"),
      "p5.yaml": projectYaml("P5", "stage: closed\nbudget: { approved: 200000 }\n"),
    });
    const { alignment } = buildDashboardView(ctx);
    const quality = alignment.objectives.find((o) => o.id === "quality")!;
    // The proposal still shows among the projects that would contribute; its forecast is not spend.
    expect(quality.projects.map((p) => p.id)).toEqual(["P1", "P2", "P3"]);
    expect(quality.spend).toEqual([{ currency: "EUR", amount: 1300000 }]);
    expect(alignment.unaligned.projects.map((p) => p.id)).toEqual(["P4", "P5"]);
    expect(alignment.unaligned.spend).toEqual([{ currency: "EUR", amount: 200000 }]);
    expect(alignment.spendMeasure).toContain("proposals");
  });
});

describe("the exception list's over-budget judgement", () => {
  it("is the domain's cost variance: against the approved budget, else the baseline, beyond the tolerance", () => {
    const ctx = reportContextOf({
      "p1.yaml": projectYaml("P1", `stage: delivery\n${status("green")}budget: { approved: 100, forecast: 111 }\n`),
      "p2.yaml": projectYaml("P2", `stage: delivery\n${status("green")}budget: { baseline: 100, forecast: 120 }\n`),
      "p3.yaml": projectYaml("P3", `stage: delivery\n${status("green")}budget: { approved: 100, forecast: 110 }\n`),
      "p4.yaml": projectYaml("P4", `stage: delivery\n${status("green")}budget: { forecast: 500 }\n`),
    });
    const rows = buildDashboardView(ctx).exceptions.rows.filter((r) => r.kinds.includes("over-budget"));
    expect(ctx.settings.budgetTolerancePercent).toBe(10);
    expect(rows.map((r) => [r.id, r.reasons])).toEqual([
      ["P1", ["forecast EUR 111 is 11% over approved EUR 100 (tolerance 10%)"]],
      ["P2", ["forecast EUR 120 is 20% over baseline EUR 100 (tolerance 10%)"]],
    ]);
    for (const { value: p } of ctx.catalog.projects) {
      const variance = ctx.facts.costVariance(p);
      expect(rows.some((r) => r.id === p.id)).toBe(variance?.percent !== undefined && variance.percent > 10);
    }
  });
});

describe("dashboard top risks", () => {
  // 40 risks on 5 x 5 scores with many ties on score and probability, ids out of order, some closed.
  const files: Record<string, string> = { "p1.yaml": projectYaml("P1", "stage: delivery\n") };
  for (let i = 0; i < 40; i++) {
    const id = `RSK-${String((i * 17) % 40).padStart(2, "0")}`;
    files[`r${i}.yaml`] =
      `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: Risk ${id}\nproject: P1\nprobability: ${(i % 5) + 1}\nimpact: ${((i * 3) % 5) + 1}\nstatus: ${i % 7 === 0 ? "closed" : "open"}\n`;
  }
  const ctx = reportContextOf(files);

  it("are the first ten of the whole register's ranking, built for those ten only", () => {
    const open = ctx.catalog.risks.filter((r) => r.value.status === "open");
    const ranked = rankRisks(open.map((r) => riskRow(ctx, r.value))).slice(0, 10);
    expect(ranked.length).toBe(10);
    expect(
      topRiskRows(
        ctx,
        open.map((r) => r.value),
        10,
      ),
    ).toEqual(ranked);
    expect(buildDashboardView(ctx).topRisks).toEqual(ranked);
    expect(
      topRiskRows(
        ctx,
        open.map((r) => r.value),
        100,
      ),
    ).toEqual(rankRisks(open.map((r) => riskRow(ctx, r.value))));
  });
});
