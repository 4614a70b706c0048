import { describe, expect, it } from "vitest";
import { signedDuration } from "../../../src/core/diff/context.js";
import { diffWorkspaces, formatDiffMarkdown, type DiffSide } from "../../../src/core/diff/index.js";
import { resolveSettings } from "../../../src/core/domain/index.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import type { PmoDocument } from "../../../src/model/document.js";

interface P {
  overall?: string;
  forecast?: number;
  approved?: number;
  finish?: string;
  baselineFinish?: string;
}
const project = (id: string, p: P): PmoDocument =>
  ({
    kind: "Project",
    id,
    file: `projects/${id}.yaml`,
    docIndex: 0,
    value: {
      apiVersion: "pmo/v1",
      kind: "Project",
      id,
      name: `Project ${id}`,
      ...(p.overall !== undefined && { status: { asOf: "2023-03-31", overall: p.overall } }),
      schedule: {
        ...(p.baselineFinish !== undefined && { baselineFinish: p.baselineFinish }),
        ...(p.finish !== undefined && { forecastFinish: p.finish }),
      },
      budget: {
        currency: "GBP",
        ...(p.approved !== undefined && { approved: p.approved }),
        ...(p.forecast !== undefined && { forecast: p.forecast }),
      },
    },
  }) as unknown as PmoDocument;

const side = (
  label: string,
  documents: PmoDocument[],
  scale: "rag" | "dca5" = "rag",
  findings: Diagnostic[] = [],
): DiffSide => ({
  label,
  documents,
  settings: resolveSettings({ statusScale: scale, currency: "GBP" } as never),
  findings,
});

describe("the decision-first diff", () => {
  it("splits the forecast change into like for like, joining, leaving, newly unknown and newly known, never counting a missing forecast as 0", () => {
    // Like for like: A 100 -> 110, B 200 -> 230 (+40, +13.3%). C joins with 50; D leaves with
    // 400; E's forecast is withheld (was 300); F's is published (now 70); G joins without one.
    const base = [
      project("A", { forecast: 100 }),
      project("B", { forecast: 200 }),
      project("D", { forecast: 400 }),
      project("E", { forecast: 300 }),
      project("F", {}),
    ];
    const head = [
      project("A", { forecast: 110 }),
      project("B", { forecast: 230 }),
      project("C", { forecast: 50 }),
      project("E", {}),
      project("F", { forecast: 70 }),
      project("G", {}),
    ];
    const result = diffWorkspaces(side("2022", base), side("2023", head));
    expect(result.decision.money).toEqual([
      {
        currency: "GBP",
        likeForLike: { projects: 2, before: 300, after: 340, delta: 40, percent: 13.3 },
        joined: { projects: 1, amount: 50, unknown: 1 },
        left: { projects: 1, amount: 400 },
        newlyUnknown: { projects: 1, amount: 300 },
        newlyKnown: { projects: 1, amount: 70 },
        notCompared: 0,
        // 1,000 -> 460: the total alone reads as a 54% saving.
        total: { before: 1000, after: 460, delta: -540, percent: -54 },
      },
    ]);
    expect(result.summary.text).toContain(
      "forecast +GBP 40 (+13.3%) like for like, +GBP 50 joining (1 project), -GBP 400 leaving (1 project), -GBP 300 newly unknown (1 project), +GBP 70 newly known (1 project): total -GBP 540 (-54%)",
    );
  });

  it("lists worsened projects worst step first, and finishes that slipped in days and months, largest first", () => {
    const base = [
      project("A", { overall: "green", finish: "2027-01-01" }),
      project("B", { overall: "amber", baselineFinish: "2027-01-01" }),
      project("C", { overall: "green", finish: "2027-01-01" }),
      project("D", { overall: "red" }),
    ];
    const head = [
      project("A", { overall: "amber", finish: "2027-02-15" }),
      project("B", { overall: "red", baselineFinish: "2028-03-01" }),
      project("C", { overall: "red", finish: "2026-12-01" }),
      project("D", { overall: "green" }),
    ];
    const result = diffWorkspaces(side("a", base), side("b", head));
    expect(result.decision.worsened.map((m) => `${m.id} ${m.from}->${m.to} ${m.finishDays ?? ""}`)).toEqual([
      "C green->red -31",
      "B amber->red 425",
      "A green->amber 45",
    ]);
    expect(result.decision.statusChanges).toEqual([
      { id: "D", name: "Project D", from: "red", to: "green", direction: "improved" },
    ]);
    expect(result.decision.finishSlips.map((m) => `${m.id} ${m.days}`)).toEqual(["B 425", "A 45"]);
    expect(result.decision.finishPullIns.map((m) => `${m.id} ${m.days}`)).toEqual(["C -31"]);
    expect(result.summary.finishes).toEqual({ slipped: 2, maxSlipDays: 425, pulledIn: 1 });
    expect(result.summary.text).toContain(
      "3 projects worsened, 1 improved; 2 finishes slipped (max +425 days, about 14 months), 1 pulled in",
    );
  });

  it("does not read a forecast finish that is no longer given (withheld) as a move back to the baseline", () => {
    // GMPP 2022 -> 2023: HS2 Phase 1's end date, 2030-06-30, is exempt from publication in
    // 2023, so the file keeps only the baseline (2029-11-30); that is not a pull-in of 212 days.
    const base = [
      project("W", { overall: "amber", baselineFinish: "2029-11-30", finish: "2030-06-30" }),
      project("S", { overall: "amber", baselineFinish: "2027-01-01", finish: "2027-03-01" }),
    ];
    const head = [
      project("W", { overall: "red", baselineFinish: "2029-11-30" }),
      project("S", { overall: "amber", baselineFinish: "2027-01-01", finish: "2027-01-15" }),
    ];
    const result = diffWorkspaces(side("2022", base), side("2023", head));
    expect(result.decision.finishPullIns.map((m) => `${m.id} ${m.days}`)).toEqual(["S -45"]);
    expect(result.decision.finishSlips).toEqual([]);
    expect(result.decision.worsened.map((m) => `${m.id} ${m.finishDays ?? "-"}`)).toEqual(["W -"]);
    expect(formatDiffMarkdown(result)).not.toContain("-212 days");
  });

  it("formats slips in days, with months from 90 days and years from two years", () => {
    expect([45, 89, 90, -120, 400, 800, 3399].map(signedDuration)).toEqual([
      "+45 days",
      "+89 days",
      "+90 days, about 3 months",
      "-120 days, about 4 months",
      "+400 days, about 13 months",
      "+800 days, about 2.2 years",
      "+3,399 days, about 9.3 years",
    ]);
  });

  it("reports a change of status scale as such, not as movements", () => {
    // GMPP moved from the five-point DCA to three points in 2022: amber-red -> amber is not an improvement.
    const base = [
      project("A", { overall: "amber-red" }),
      project("B", { overall: "amber-green" }),
      project("C", { overall: "red" }),
    ];
    const head = [
      project("A", { overall: "amber" }),
      project("B", { overall: "amber" }),
      project("C", { overall: "red" }),
    ];
    const result = diffWorkspaces(side("2021", base, "dca5"), side("2022", head, "rag"));
    expect(result.summary.projects).toMatchObject({ worsened: 0, improved: 0 });
    expect(result.summary.statusScaleChanged).toBe(true);
    expect(result.decision.statusScale).toEqual({
      from: { name: "dca5", values: ["green", "amber-green", "amber", "amber-red", "red"] },
      to: { name: "rag", values: ["green", "amber", "red"] },
    });
    expect(result.decision.statusChanges.map((m) => `${m.id} ${m.reason}`)).toEqual([
      "A scale-changed",
      "B scale-changed",
    ]);
    expect(result.changes.find((c) => c.id === "A")?.details[0]?.text).toBe(
      "overall status amber-red -> amber (status scale changed: not a movement)",
    );
    expect(result.summary.text).toMatch(/^status scale changed dca5 -> rag; 2 projects re-rated on the new scale; /);
    expect(formatDiffMarkdown(result)).toContain("> **Status scale changed** from `dca5`");
    // On one scale the same change is a movement.
    const same = diffWorkspaces(side("a", base, "dca5"), side("b", head, "dca5"));
    expect(same.decision.worsened.map((m) => m.id)).toEqual(["B"]);
    expect(same.decision.statusChanges.map((m) => `${m.id} ${m.direction}`)).toEqual(["A improved"]);
  });

  it("tells a status no longer rated from a worsening, and mentions an overrun that grew", () => {
    const base = [
      project("A", { overall: "amber", approved: 100, forecast: 115 }),
      project("B", { overall: "red", approved: 100, forecast: 100 }),
    ];
    const head = [
      project("A", { overall: "amber", approved: 100, forecast: 125 }),
      project("B", { approved: 100, forecast: 100 }),
    ];
    const result = diffWorkspaces(side("a", base), side("b", head));
    expect(result.decision.statusChanges).toEqual([
      { id: "B", name: "Project B", from: "red", reason: "no-longer-rated" },
    ]);
    expect(result.decision.overruns).toEqual([
      {
        id: "A",
        name: "Project A",
        currency: "GBP",
        from: 15,
        to: 25,
        approved: 100,
        forecast: 125,
        tolerance: 10,
        crossedTolerance: false,
      },
    ]);
    expect(result.summary.text).toContain("1 project no longer rated");
    expect(result.summary.text).toContain("1 overrun grew (A 15% -> 25% over approved)");
  });
});
