import { describe, expect, it } from "vitest";
import {
  buildPortfolioScheduleView,
  buildProjectScheduleView,
  DEFAULT_FORECAST_PROJECTS,
} from "../../../../src/core/report/views/schedule.js";
import { projectYaml, reportContextOf } from "../../../helpers/report-context.js";

// P1/M2 is uncertain (a three-point date) and drives P2/M1 across projects, which a risk can
// push further; P2/M2 follows P2/M1. P3 waits on P1 with 60 days of float.
const files = {
  "p1.yaml": projectYaml(
    "P1",
    `stage: delivery
schedule: { baselineStart: 2026-06-01, baselineFinish: 2027-03-31 }
milestones:
  - { id: M1, name: Design, baseline: 2026-12-15, forecast: 2026-12-15 }
  - { id: M2, name: Build, baseline: 2027-03-01, forecast: 2027-03-10, dependsOn: [M1], estimate: { optimistic: 2027-03-01, mostLikely: 2027-03-10, pessimistic: 2027-04-30 } }
`,
  ),
  "p2.yaml": projectYaml(
    "P2",
    `stage: delivery
schedule: { baselineStart: 2026-06-01, baselineFinish: 2027-05-31 }
milestones:
  - { id: M1, name: Integrate, baseline: 2027-03-20, forecast: 2027-03-20, dependsOn: [{ milestone: P1/M2, lag: 10 }] }
  - { id: M2, name: Go live, baseline: 2027-05-31, forecast: 2027-05-31, duration: 30, dependsOn: [M1] }
`,
  ),
  "p3.yaml": projectYaml(
    "P3",
    `stage: delivery
schedule: { baselineStart: 2026-06-01, baselineFinish: 2027-09-30 }
milestones:
  - { id: M1, name: Train, baseline: 2027-06-30, forecast: 2027-06-30, dependsOn: [P1/M1] }
`,
  ),
  "r.yaml": `apiVersion: pmo/v1
kind: Risk
id: R-1
title: Supplier late
project: P2
status: open
owner: ann
raised: 2026-10-01
probability: 3
impact: 3
probabilityPercent: 30
scheduleImpact: { min: 5, mostLikely: 10, max: 30 }
milestones: [M1]
`,
};

describe("the report's schedule views", () => {
  const ctx = reportContextOf(files, { asOf: "2026-11-30" });

  it("lists the critical path across projects with the links between its steps", () => {
    const view = buildPortfolioScheduleView(ctx);
    expect(view.paths.map((p) => p.steps.map((s) => s.key))).toEqual([["P1/M2", "P2/M1", "P2/M2"]]);
    expect(view.paths[0]!.projects).toBe(2);
    // P1/M2 is held by its own forecast (later than P1/M1 allows): the path starts there.
    expect(view.paths[0]!.steps.map((s) => s.link)).toEqual([
      null,
      { type: "finish-to-start", lag: 10 },
      { type: "finish-to-start", lag: 0 },
    ]);
    expect(view.crossProject).toBe(1);
    expect(view.finishes.map((f) => f.project.id)).toEqual(["P2"]);
    expect(view.curve?.file).toBe("charts/schedule-critical-finishes.svg");
    expect(view.tornadoOf).toBe("P2");
    expect(view.forecast).toEqual({ iterations: 2000, seed: 20260101, distribution: "PERT-beta" });
  });

  it("shows, per project, what it waits on and who waits on it, with float and the slip carried", () => {
    const p2 = buildProjectScheduleView(ctx, "P2", "P2");
    expect(p2.waitsOn).toEqual([
      expect.objectContaining({
        milestone: { key: "P2/M1", name: "Integrate" },
        other: expect.objectContaining({ key: "P1/M2", name: "Build" }),
        type: "finish-to-start",
        lag: 10,
        slipDays: 9,
        floatDays: 0,
        pushedDays: null,
        successorFloatDays: 0,
        critical: true,
      }),
    ]);
    expect(p2.waitedOnBy).toEqual([]);
    expect(p2.onCriticalPath).toEqual(["P2/M1", "P2/M2"]);
    const p1 = buildProjectScheduleView(ctx, "P1", "P1");
    expect(p1.waitedOnBy.map((r) => [r.milestone.key, r.other.key, r.floatDays, r.critical])).toEqual([
      ["P1/M2", "P2/M1", 0, true],
      ["P1/M1", "P3/M1", 197, false],
    ]);
    // The tornado of P2's finish: the uncertain predecessor across projects and the risk.
    expect(p2.tornado?.description).toMatch(
      /^Correlation with the finish date of 2 drivers, strongest first\. P1\/M2 Build \(finish\) 0\.\d\d; R-1 Supplier late \(risk\) 0\.\d\d\.$/,
    );
    expect(p2.finish).toMatchObject({ committed: "2027-05-31", p50: expect.any(String) });
    // P3 never varies (P1/M1 has 197 days of float before it moves P3/M1): no S-curve, no tornado.
    const p3 = buildProjectScheduleView(ctx, "P3", "P3");
    expect([p3.curve, p3.tornado]).toEqual([null, null]);
  });

  it("is deterministic and leaves the forecast out when told to, or above the size limit unless asked", () => {
    expect(buildProjectScheduleView(ctx, "P2", "P2")).toEqual(
      buildProjectScheduleView(reportContextOf(files, { asOf: "2026-11-30" }), "P2", "P2"),
    );
    const off = buildPortfolioScheduleView({ ...ctx, forecast: null });
    expect(off.forecast).toBeNull();
    expect(off.forecastNote).toBe("The forecast is left out of this report (--forecast-iterations 0).");
    expect(off.paths).toHaveLength(1);
    const many: Record<string, string> = { ...files };
    for (let i = 0; i < DEFAULT_FORECAST_PROJECTS; i++) many[`x${i}.yaml`] = projectYaml(`X${i}`, "stage: delivery\n");
    const large = reportContextOf(many, { asOf: "2026-11-30" });
    expect(buildPortfolioScheduleView(large).forecastNote).toMatch(
      /^The forecast is left out of a report of more than 500 projects/,
    );
    expect(buildPortfolioScheduleView({ ...large, forecast: { iterations: 500, seed: 1 } }).forecast?.iterations).toBe(
      500,
    );
  });
});
