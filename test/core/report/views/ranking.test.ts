import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildRankingPage } from "../../../../src/core/report/views/ranking.js";
import { runCli } from "../../../helpers/cli.js";
import { projectYaml, reportContextOf } from "../../../helpers/report-context.js";

/** PF-A: envelope EUR 10M, criteria value 70 / urgency 30, objectives o1 (60) and o2 (40). */
const project = (id: string, stage: string, cost: number, score: number, contributions = ""): string =>
  projectYaml(
    id,
    `stage: ${stage}\nbudget: { currency: EUR, forecast: ${cost} }\nscores: { value: ${score}, urgency: ${score} }\n${contributions}`,
  );

const FILES = {
  "p1.yaml": project("P1", "delivery", 4_000_000, 5, "contributions: [{ objective: o1, strength: high }]\n"),
  "p2.yaml": project("P2", "proposal", 3_000_000, 4, "contributions: [{ objective: o2, strength: medium }]\n"),
  "p3.yaml": project("P3", "proposal", 4_000_000, 3),
  "p4.yaml": project("P4", "proposal", 2_000_000, 2, "contributions: [{ objective: o1, strength: low }]\n"),
};

const pageOf = (ctx: ReturnType<typeof reportContextOf>) =>
  buildRankingPage(ctx, ctx.catalog.portfolio("PF-A")!, "PF-A");

describe("the ranking page", () => {
  const ctx = reportContextOf(FILES);
  const { view, csv } = pageOf(ctx);

  it("lists the projects in funding order with the cut line where the envelope runs out", () => {
    // Committed P1 first (4M), then P2 (7M); P3 would make 11M > 10M: the line falls before it.
    expect(view.rows.map((r) => [r.id, r.rank, r.cumulative, r.funding, r.cutBefore])).toEqual([
      ["P1", 1, 4_000_000, "funded", false],
      ["P2", 2, 7_000_000, "funded", false],
      ["P3", 3, 11_000_000, "below-line", true],
      ["P4", 4, 13_000_000, "below-line", false],
    ]);
    expect(view.funded).toEqual({ count: 2, cost: 7_000_000 });
    expect(view.below).toEqual({ count: 2, cost: 6_000_000 });
    expect(view.left).toBe(3_000_000);
    expect(view.cutLine).toEqual({ lastFunded: "P2", firstBelow: "P3" });
    expect(view.rows[0]!.arithmetic).toBe("(70×5 + 30×5) / 100 = 5");
    expect(view.shortened).toBe(false);
    expect(view.gapAfter).toBe(0);
  });

  it("writes the full ranking as CSV beside the page, as pmo rank --format csv does", () => {
    expect(view.csv).toEqual({ href: "PF-A.csv", file: "rankings/PF-A.csv" });
    expect(csv!.path).toBe("rankings/PF-A.csv");
    expect(csv!.content.split("\n")[1]).toBe(
      "PF-A,1,1,P1,Project P1,delivery,yes,weighted-sum,5,5,4000000,EUR,4000000,funded,(70×5 + 30×5) / 100 = 5",
    );
  });

  it("draws the alignment matrix: each project's contribution strength per objective, and the totals", () => {
    const a = view.alignment!;
    expect(a.objectives.map((o) => [o.id, o.weight])).toEqual([
      ["o1", 60],
      ["o2", 40],
    ]);
    expect(a.rows.map((r) => [r.id, r.cells.map((c) => c.strength)])).toEqual([
      ["P1", ["high", null]],
      ["P2", [null, "medium"]],
      ["P3", [null, null]],
      ["P4", ["low", null]],
    ]);
    expect(a.totals).toEqual([
      { contributing: 2, funded: 1 },
      { contributing: 1, funded: 1 },
    ]);
    expect(a.unaligned).toBe(1);
    expect(a.hasAlignmentCriterion).toBe(false);
  });

  it("compares the funded set with the exact selection within the envelope, and draws the frontier", () => {
    // P1 is fixed (4M); the 6M left buy P2 + P4 (value 6) rather than P2 alone (4) or P3 + P4 (5).
    const f = view.frontier!;
    expect(f.versus).toEqual({
      budget: 10_000_000,
      rankingValue: "9",
      selectionValue: "11",
      optimal: true,
      adds: [{ id: "P4", href: "projects/P4.html" }],
      drops: [],
    });
    expect(f.points[0]).toEqual({ budget: 4_000_000, value: "5", cost: 4_000_000, count: 1, chosen: false });
    expect(f.points.at(-1)).toEqual({ budget: 13_000_000, value: "14", cost: 13_000_000, count: 4, chosen: false });
    expect(f.points.filter((p) => p.chosen).map((p) => p.budget)).toEqual([10_000_000]);
    expect(f.chart.file).toBe("charts/frontier-PF-A.svg");
    expect(f.chart.svg).toContain("<svg");
  });
});

describe("a long ranking", () => {
  it("lists the top, the rows either side of the line and committed work below it; counts the rest", () => {
    const ctx = {
      ...reportContextOf(FILES),
      layout: { ...reportContextOf(FILES).layout, rowsPerPage: 3, dashboardRows: 1 },
    };
    const { view } = pageOf(ctx);
    expect(view.shortened).toBe(true);
    expect(view.rows.map((r) => [r.id, r.gapBefore, r.cutBefore])).toEqual([
      ["P1", 0, false],
      ["P2", 0, false],
      ["P3", 0, true],
    ]);
    expect(view.gapAfter).toBe(1);
    expect(view.alignment!.rows.map((r) => r.id)).toEqual(["P1", "P2", "P3"]);
    // The totals still count every ranked project.
    expect(view.alignment!.totals[0]).toEqual({ contributing: 2, funded: 1 });
  });

  it("marks committed work below the line, listed even when far down", () => {
    const files = {
      ...FILES,
      "portfolio.yaml": reportPortfolio("rank"),
      "p5.yaml": project("P5", "delivery", 1_000_000, 1),
    };
    const base = reportContextOf(files);
    const { view } = pageOf({ ...base, layout: { ...base.layout, rowsPerPage: 3, dashboardRows: 1 } });
    // Strictly by rank: P1 5, P2 4, P3 3 (line), P4 2, P5 1 (committed, below the line).
    expect(view.rows.map((r) => [r.id, r.gapBefore, r.exception])).toEqual([
      ["P1", 0, null],
      ["P2", 0, null],
      ["P3", 0, null],
      ["P5", 1, "committed"],
    ]);
    expect(view.committedBelowLine).toBe(1);
  });
});

describe("without an envelope or objectives", () => {
  it("has no cut line and no frontier, and says the portfolio has no objectives to align with", () => {
    const ctx = reportContextOf({
      ...FILES,
      "portfolio.yaml": `apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: Portfolio A\nowner: ann\nprioritisation:\n  criteria:\n    - { id: value, name: Value, weight: 70 }\n    - { id: urgency, name: Urgency, weight: 30 }\n`,
    });
    const { view } = pageOf(ctx);
    expect(view.available).toBeNull();
    expect(view.cutLine).toBeNull();
    expect(view.rows.map((r) => r.funding)).toEqual(["no-envelope", "no-envelope", "no-envelope", "no-envelope"]);
    expect(view.frontier).toBeNull();
    expect(view.alignment).toBeNull();
  });
});

/** PF-A with a funding order. */
function reportPortfolio(fundingOrder: string): string {
  return `apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: Portfolio A\nowner: ann\nobjectives:\n  - { id: o1, name: Grow, weight: 60 }\n  - { id: o2, name: Save, weight: 40 }\nprioritisation:\n  fundingOrder: ${fundingOrder}\n  criteria:\n    - { id: value, name: Value, weight: 70 }\n    - { id: urgency, name: Urgency, weight: 30 }\nbudget: { currency: EUR, envelope: 10000000 }\n`;
}

describe("links to and from the ranking pages in one Markdown file", () => {
  it("are anchors Markdown escaping leaves alone", async () => {
    const root = path.resolve(fileURLToPath(import.meta.url), "../../../../..");
    const out = mkdtempSync(path.join(os.tmpdir(), "pmo-ranking-single-"));
    const args = ["report", "examples/meridian-water", "--as-of", "2026-11-30", "--single", "--format", "markdown"];
    const r = await runCli([...args, "--out-dir", out], { cwd: root });
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(out, "report.md"), "utf8");
    rmSync(out, { recursive: true, force: true });
    expect(text).toContain("[Ranking and cut line](#ranking-PF-ASSET)");
    expect(text).toContain("[Portfolio page](#portfolio-PF-ASSET)");
    expect(text).toContain('<a id="ranking-PF-ASSET"></a>');
    expect(text).not.toMatch(/\]\(\\#(ranking|portfolio)-/);
  });
});
