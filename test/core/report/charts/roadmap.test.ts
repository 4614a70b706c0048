import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { roadmap, type RoadmapGroup, type RoadmapRow } from "../../../../src/core/report/charts/index.js";
import { axisLabels } from "../../../../src/core/report/charts/trend-lines.js";

const row = (i: number, rank = 0, extra: Partial<RoadmapRow> = {}): RoadmapRow => ({
  label: `PRJ-${String(i).padStart(3, "0")} Project ${i}`,
  start: `2026-${String((i % 12) + 1).padStart(2, "0")}-01`,
  finish: `2028-${String((i % 12) + 1).padStart(2, "0")}-15`,
  color: "#1a7f37",
  statusLabel: rank > 0 ? "Red" : "Green",
  rank,
  milestones: [{ label: `M1 of ${i}`, date: "2027-03-31", achieved: false }],
  ...extra,
});
const bars = (svg: string): number =>
  (svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="10" rx="2" fill="#1a7f37"\/>/g) ?? []).length;

describe("roadmap chart", () => {
  it("draws every project of a small portfolio, grouped, with milestones and the as-of line", () => {
    const chart = roadmap({
      title: "Roadmap",
      asOf: "2026-11-30",
      groups: [
        { label: "Network", rows: [row(1), row(2)] },
        { label: "Digital", rows: [row(3)] },
      ],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(bars(chart.svg)).toBe(3);
    expect(chart.svg).toContain(">Network</text>");
    expect(chart.svg).toContain("As of 30 Nov 2026");
    expect(chart.svg).toMatch(/<title id="[^"]+-title">Roadmap<\/title>/);
    expect(chart.description).toBe("3 projects in 2 groups from Feb 2026 to Apr 2028, as of 30 Nov 2026.");
  });

  it("stays legible at 200 projects: each group keeps its worst projects and summarises the rest", () => {
    const groups: RoadmapGroup[] = Array.from({ length: 5 }, (_, g) => ({
      label: `Portfolio ${g}`,
      rows: Array.from({ length: 40 }, (_, i) => row(g * 40 + i, i === 20 ? 4 : 0)),
    }));
    const chart = roadmap({ title: "Roadmap", asOf: "2026-11-30", groups });
    // 40 rows at most: 8 per group, 7 drawn and one summary bar each.
    expect(bars(chart.svg)).toBe(35);
    expect(chart.svg).toContain(">+ 33 more projects: 33 Green</text>");
    for (let g = 0; g < 5; g++)
      expect(chart.svg).toContain(`PRJ-${String(g * 40 + 20).padStart(3, "0")} Project ${g * 40 + 20}: Red`);
    expect(chart.description).toContain("200 projects in 5 groups");
    expect(chart.description).toContain(
      "35 drawn one by one (the worst status first within each group), 165 summarised in grey bars",
    );
    const height = Number(/height="(\d+)"/.exec(chart.svg)![1]);
    expect(height).toBeLessThan(1200);
  });

  it("folds the smallest groups together beyond maxGroups", () => {
    const groups = Array.from({ length: 20 }, (_, g) => ({
      label: `G${g}`,
      rows: Array.from({ length: g + 1 }, (_, i) => row(i)),
    }));
    const chart = roadmap({ title: "Roadmap", asOf: "2026-11-30", groups, maxGroups: 4 });
    expect(chart.svg).toContain(">17 more groups</text>");
    expect(chart.svg).toContain(">G19</text>");
    expect(chart.svg).not.toContain(">G0</text>");
  });

  it("counts projects without dates instead of dropping them silently, and says when nothing can be drawn", () => {
    const chart = roadmap({
      title: "Roadmap",
      asOf: "2026-11-30",
      groups: [{ label: "A", rows: [row(1), row(2, 0, { start: undefined })] }],
    });
    expect(chart.description).toContain("1 project without a start and finish date is not drawn");
    expect(
      roadmap({
        title: "Roadmap",
        asOf: "2026-11-30",
        groups: [{ label: "A", rows: [row(2, 0, { finish: undefined })] }],
      }).description,
    ).toBe("Roadmap: No project has a start and finish date");
    expect(roadmap({ title: "Roadmap", asOf: "2026-11-30", groups: [] }).description).toBe(
      "Roadmap: No project to show",
    );
  });

  it("escapes labels", () => {
    const chart = roadmap({
      title: "R",
      asOf: "2026-11-30",
      groups: [{ label: "<b>&", rows: [row(1, 0, { label: `<script>"x"</script>` })] }],
    });
    expect(chart.svg).not.toContain("<script>");
    expect(XMLValidator.validate(chart.svg)).toBe(true);
  });
});

describe("trend axis labels", () => {
  it("use one unit and as many decimals as the step needs, so the steps read as even", () => {
    const at = (min: number, max: number, step: number): string[] => {
      const label = axisLabels(min, max, step);
      const out: string[] = [];
      for (let i = 0; min + i * step <= max + step / 2; i++) out.push(label(min + i * step));
      return out;
    };
    expect(at(100_000_000, 101_000_000, 250_000)).toEqual(["100.00M", "100.25M", "100.50M", "100.75M", "101.00M"]);
    expect(at(0, 15_000_000, 2_500_000)).toEqual(["0.0M", "2.5M", "5.0M", "7.5M", "10.0M", "12.5M", "15.0M"]);
    expect(at(0, 50_000, 10_000)).toEqual(["0k", "10k", "20k", "30k", "40k", "50k"]);
    expect(at(-0.5, 0.5, 0.25)).toEqual(["-0.50", "-0.25", "0.00", "0.25", "0.50"]);
    expect(at(0, 5000, 1000)).toEqual(["0", "1,000", "2,000", "3,000", "4,000", "5,000"]);
  });
});
