import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { quadrant } from "../../../../src/core/report/charts/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const EVIL = `<script>alert("x" & 'y')</script>`;

const input = {
  title: "Cost and schedule performance (SPI vs CPI)",
  points: [
    { id: "PRJ-002", label: "PRJ-002 Trunk main", spi: 0.54, cpi: 0.75 },
    { id: "PRJ-015", label: "PRJ-015 Portal", spi: 1.12, cpi: 1.11 },
    { id: "PRJ-009", label: "PRJ-009 Leakage", spi: 0.79, cpi: 1.05 },
    { id: "PRJ-OUT", label: "PRJ-OUT far out", spi: 2.4, cpi: 0.2 },
  ],
  leftOut: ["PRJ-017"],
};

describe("quadrant chart", () => {
  it("matches its golden SVG", async () => {
    await expect(quadrant(input).svg).toMatchFileSnapshot(path.join(here, "__snapshots__", "quadrant.svg"));
  });

  it("is valid SVG that says in words who is behind and over cost, and who is left out", () => {
    const chart = quadrant(input);
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).not.toMatch(/NaN|Infinity|undefined|<script/);
    expect(chart.description).toContain("behind schedule and over cost: PRJ-002.");
    expect(chart.description).toContain("PRJ-OUT: SPI 2.40, CPI 0.20");
    expect(chart.description).toContain("without SPI or CPI: PRJ-017");
  });

  it("draws indexes outside 0.5-1.5 on the border, and escapes labels", () => {
    const chart = quadrant({ title: EVIL, points: [{ id: EVIL, label: EVIL, spi: 9, cpi: -3 }] });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).not.toContain("<script>");
    // SPI 9 is drawn at x = 64 + 400, CPI -3 at y = 24 + 400.
    expect(chart.svg).toContain('<circle cx="464" cy="424"');
  });

  it("with nothing to plot, says so", () => {
    expect(quadrant({ title: "Q", points: [], leftOut: ["A"] }).description).toContain(
      "No project has both SPI and CPI",
    );
  });

  it("above 40 points drops the point labels and describes itself in counts, naming the ten worst behind and over cost", () => {
    const points = Array.from({ length: 60 }, (_, i) => ({
      id: `PRJ-${String(i).padStart(3, "0")}`,
      label: `PRJ-${i}`,
      spi: 0.5 + i / 100,
      cpi: 0.55 + i / 100,
    }));
    const chart = quadrant({ title: "Many", points, leftOut: ["PRJ-X", "PRJ-Y"] });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    // 60 tooltips, no label beside any point.
    expect(chart.svg.match(/<circle /g)?.length).toBe(60);
    expect(chart.svg).not.toMatch(/>PRJ-0\d\d<\/text>/);
    expect(chart.description).toBe(
      "60 projects by SPI and CPI. 45 behind schedule and over cost, the worst: PRJ-000 (SPI 0.50, CPI 0.55), PRJ-001 (SPI 0.51, CPI 0.56), PRJ-002 (SPI 0.52, CPI 0.57), PRJ-003 (SPI 0.53, CPI 0.58), PRJ-004 (SPI 0.54, CPI 0.59), PRJ-005 (SPI 0.55, CPI 0.60), PRJ-006 (SPI 0.56, CPI 0.61), PRJ-007 (SPI 0.57, CPI 0.62), PRJ-008 (SPI 0.58, CPI 0.63), PRJ-009 (SPI 0.59, CPI 0.64). 2 without SPI or CPI.",
    );
  });
});
