import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  budgetBars,
  heatMap,
  statusBars,
  STATUS_COLORS,
  timeline,
  trendLines,
  type Chart,
} from "../../../../src/core/report/charts/index.js";
import { contrastRatio } from "../../../../src/core/report/charts/palette.js";
import {
  budgetBarsInput,
  dca5Scale,
  heatMapInput,
  portfolioTimelineInput,
  statusBarsInput,
  timelineInput,
  trendLinesInput,
} from "./fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const EVIL = `<script>alert("x" & 'y')</script>`;

const examples: Record<string, () => Chart> = {
  "heat-map": () => heatMap(heatMapInput),
  "status-bars": () => statusBars(statusBarsInput),
  "budget-bars": () => budgetBars(budgetBarsInput),
  timeline: () => timeline(timelineInput),
  "timeline-compact": () => timeline(portfolioTimelineInput),
  "trend-lines": () => trendLines(trendLinesInput),
};

const empties: Record<string, () => Chart> = {
  "heat-map without a matrix": () =>
    heatMap({ title: "Risks", probabilityMax: 0, impactMax: 0, counts: [], bands: [] }),
  "heat-map without risks": () => heatMap({ ...heatMapInput, counts: [] }),
  "timeline without rows": () => timeline({ title: "Milestones", asOf: "2026-11-30", rows: [] }),
  "timeline without dates": () =>
    timeline({ title: "Milestones", asOf: "2026-11-30", rows: [{ label: "A", milestones: [{ label: "M1" }] }] }),
  "status-bars without rows": () => statusBars({ title: "Status", scale: dca5Scale, rows: [] }),
  "status-bars with zero counts": () =>
    statusBars({ title: "Status", scale: [], rows: [{ label: "A", counts: { green: 0 } }] }),
  "budget-bars without rows": () => budgetBars({ title: "Budget", currency: "EUR", rows: [] }),
  "budget-bars with zero amounts": () =>
    budgetBars({ title: "Budget", currency: "EUR", rows: [{ label: "A", approved: 0, actual: 0, forecast: 0 }] }),
  "trend-lines without series": () => trendLines({ title: "Trend", yLabel: "EUR", series: [] }),
  "trend-lines without points": () =>
    trendLines({ title: "Trend", yLabel: "EUR", series: [{ label: "A", points: [] }] }),
};

/** Bad data a YAML file or a view builder could hand over: nothing here may throw. */
const hostile: Record<string, () => Chart> = {
  "heat-map with NaN, negative and ragged counts": () =>
    heatMap({
      title: "R",
      probabilityMax: 3,
      impactMax: 3,
      counts: [[Number.NaN, -2], [1.6]] as number[][],
      bands: [["low"], ["nonsense"]],
    }),
  "heat-map with a huge scale": () =>
    heatMap({ title: "R", probabilityMax: 1e9, impactMax: Number.POSITIVE_INFINITY, counts: [], bands: [] }),
  "timeline with invalid dates": () =>
    timeline({
      title: "T",
      asOf: "not a date",
      rows: [
        {
          label: "A",
          baselineStart: "2026-02-30",
          baselineFinish: "2026-13-01",
          forecastFinish: "2026-05-01",
          milestones: [{ label: "M", forecast: "tomorrow", baseline: "2026-04-01" }],
        },
      ],
    }),
  "timeline finishing before it starts": () =>
    timeline({
      title: "T",
      asOf: "2026-11-30",
      rows: [{ label: "A", baselineStart: "2026-06-01", baselineFinish: "2026-01-01", milestones: [] }],
    }),
  "status-bars with hostile colours": () =>
    statusBars({
      title: "S",
      scale: [{ value: "green", label: "G", color: `red" onload="alert(1)` }],
      rows: [{ label: "A", counts: { green: 2, weird: 1 } }],
    }),
  "budget-bars with negative and infinite amounts": () =>
    budgetBars({
      title: "B",
      currency: "EUR",
      rows: [{ label: "A", approved: -5, actual: Number.POSITIVE_INFINITY, forecast: 10 }],
    }),
  "trend-lines with equal values": () =>
    trendLines({
      title: "T",
      yLabel: "",
      series: [
        {
          label: "A",
          points: [
            { date: "2026-01-01", value: 5 },
            { date: "2026-01-01", value: 5 },
          ],
        },
      ],
    }),
};

const all = { ...examples, ...empties, ...hostile };

function parse(svg: string): Record<string, unknown> {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg) as Record<string, unknown>;
}

describe("report charts", () => {
  for (const [name, make] of Object.entries(examples)) {
    it(`${name} matches its golden SVG`, async () => {
      await expect(make().svg).toMatchFileSnapshot(path.join(here, "__snapshots__", `${name}.svg`));
    });
  }

  for (const [name, make] of Object.entries(all)) {
    it(`${name}: a valid, labelled, self-contained SVG`, () => {
      const chart = make();
      expect(XMLValidator.validate(chart.svg)).toBe(true);
      const svg = parse(chart.svg)["svg"] as Record<string, unknown>;
      expect(svg["xmlns"]).toBe("http://www.w3.org/2000/svg");
      expect(svg["role"]).toBe("img");
      expect(svg["viewBox"]).toMatch(/^0 0 \d+ \d+$/);
      const [titleId, descId] = String(svg["aria-labelledby"]).split(" ");
      expect(svg["title"]).toMatchObject({ id: titleId });
      expect(svg["desc"]).toMatchObject({ id: descId });
      expect(chart.description.length).toBeGreaterThan(10);
      expect(chart.svg).toContain(`<desc id="${descId}">`);
      // Nothing a Content-Security-Policy would block or a browser would fetch.
      expect(chart.svg).not.toMatch(/<style|\sstyle=|<script|<image|<foreignObject|href=|@import|url\((?!#)/);
      // Byte-stable geometry: one decimal at most, no exponents, no NaN.
      const geometry = [
        ...chart.svg.matchAll(/\s(?:x|y|x1|y1|x2|y2|cx|cy|r|rx|width|height|d|points|transform)="([^"]*)"/g),
      ].map((m) => m[1]!);
      expect(geometry.length).toBeGreaterThan(3);
      for (const value of geometry) expect(value).toMatch(/^(?:[A-Za-z(), -]|-?\d+(?:\.\d)?(?![\d.]))*$/);
      expect(chart.svg).not.toMatch(/NaN|Infinity|undefined|\[object/);
    });
  }

  it("is deterministic: same input, same bytes", () => {
    for (const make of Object.values(all)) expect(make().svg).toBe(make().svg);
  });

  it("gives every chart its own ids, derived from its content", () => {
    const ids = (svg: string): string[] => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const a = heatMap(heatMapInput);
    const b = heatMap({ ...heatMapInput, title: "Closed risks" });
    const c = heatMap({ ...heatMapInput, counts: [[1]] });
    expect(ids(a.svg).length).toBeGreaterThan(2);
    expect(ids(a.svg)).toEqual(ids(heatMap(heatMapInput).svg));
    expect(new Set(ids(a.svg)).size).toBe(ids(a.svg).length);
    for (const other of [b, c]) expect(ids(other.svg).filter((id) => ids(a.svg).includes(id))).toEqual([]);
    // Every url(#...) points at an id of the same chart.
    for (const chart of Object.values(examples).map((make) => make())) {
      for (const [, ref] of chart.svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids(chart.svg)).toContain(ref);
    }
  });

  it("escapes every label, title and value", () => {
    const charts = [
      heatMap({ ...heatMapInput, title: EVIL, bands: heatMapInput.bands.map((row) => row.map(() => EVIL)) }),
      timeline({
        title: EVIL,
        asOf: "2026-11-30",
        rows: timelineInput.rows.map((r) => ({
          ...r,
          label: EVIL,
          milestones: r.milestones.map((m) => ({ ...m, label: EVIL })),
        })),
      }),
      statusBars({
        title: EVIL,
        scale: [{ value: "green", label: EVIL, color: EVIL }],
        rows: [{ label: EVIL, counts: { green: 3, [EVIL]: 1 } }],
      }),
      budgetBars({ title: EVIL, currency: EVIL, rows: [{ label: EVIL, approved: 10, actual: 5, forecast: 12 }] }),
      trendLines({ title: EVIL, yLabel: EVIL, series: [{ label: EVIL, points: [{ date: "2026-01-01", value: 1 }] }] }),
    ];
    for (const chart of charts) {
      expect(XMLValidator.validate(chart.svg)).toBe(true);
      expect(chart.svg).not.toContain("<script");
      expect(chart.svg).toContain("&lt;script&gt;");
      expect(chart.title).toBe(EVIL);
    }
  });

  it("drops characters XML cannot hold instead of producing an invalid document", () => {
    const chart = statusBars({
      title: "A\u0000B\u001bC",
      scale: dca5Scale,
      rows: [{ label: "x\u0007y", counts: { green: 1 } }],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).toContain("<title id=");
    expect(chart.svg).toContain(">ABC</title>");
  });

  it("says what the chart shows in its text alternative", () => {
    expect(heatMap(heatMapInput).description).toBe(
      "37 risks in a 5 x 5 probability and impact matrix: 3 critical, 5 high, 22 medium, 7 low. The fullest cell is probability 3 x impact 3 with 5 risks.",
    );
    expect(statusBars(statusBarsInput).description).toBe(
      "18 in 4 groups: 5 Green, 7 Amber/green, 3 Amber, 1 Amber/red, 1 Red, 1 unknown. Most Red: Water Network Performance (1).",
    );
    expect(budgetBars(budgetBarsInput).description).toBe(
      "4 budgets in GBP: approved GBP 169.7M, actual GBP 83.19M, forecast GBP 175.3M. 3 forecast over approved; the largest overrun is Water Network Performance, by GBP 3.55M (8.9%).",
    );
    expect(timeline(timelineInput).description).toBe(
      "3 schedules from Mar 2025 to Dec 2027, as of 30 Nov 2026. 2 forecast to finish later than baseline; the largest slip is Smart metering rollout phase 1, 84 days. 6 milestones: 3 achieved, 0 overdue.",
    );
    expect(heatMap({ ...heatMapInput, counts: [] }).description).toBe(
      "No risks in a 5 x 5 probability and impact matrix.",
    );
    expect(timeline({ title: "Milestones", asOf: "2026-11-30", rows: [] }).description).toBe(
      "Milestones: Nothing to show",
    );
  });

  it("counts a milestone overdue when its date has passed without an actual", () => {
    const chart = timeline({
      title: "T",
      asOf: "2026-11-30",
      rows: [
        {
          label: "A",
          milestones: [
            { label: "M", baseline: "2026-10-01", forecast: "2026-11-29" },
            { label: "N", forecast: "2026-11-30" },
          ],
        },
      ],
    });
    expect(chart.description).toContain("2 milestones: 0 achieved, 1 overdue");
  });

  it("gives each milestone its own labelled line when there are few, and puts them on the bars when there are many", () => {
    const few = timeline(timelineInput).svg;
    expect(few).toContain(">M3 50k meters</text>");
    expect(few).toContain(">+98d</text>");
    const many = timeline(portfolioTimelineInput).svg;
    expect(many).toContain(">Design</text>");
    expect(many).not.toMatch(/>\+\d+d</);
  });

  it("places dates by the calendar, whatever the time zone (tests run in Pacific/Auckland)", () => {
    const chart = timeline({
      title: "T",
      asOf: "2026-01-01",
      rows: [{ label: "A", baselineStart: "2026-01-01", baselineFinish: "2026-01-31", milestones: [] }],
    });
    // One month, January 2026 exactly: the baseline bar runs from the left edge to 30/31 of the plot.
    expect(chart.svg).toContain(">Jan</text>");
    expect(chart.svg).toContain(">2026</text>");
    expect(chart.description).toContain("from Jan 2026 to Jan 2026, as of 1 Jan 2026");
  });

  it("shows the risk band beside the colour: patterns and a legend with counts", () => {
    const svg = heatMap(heatMapInput).svg;
    for (const band of ["low (7)", "medium (22)", "high (5)", "critical (3)"]) expect(svg).toContain(`>${band}</text>`);
    expect(svg.match(/<pattern /g)).toHaveLength(3);
    expect(svg).toContain("<title>Probability 5 x impact 5: 1 risk, critical band</title>");
  });

  it("labels status segments with their counts and legends with their names", () => {
    const svg = statusBars(statusBarsInput).svg;
    expect(svg).toContain(">Amber/red (1)</text>");
    expect(svg).toContain("<title>Asset Renewal and Treatment: 2 Green</title>");
    expect(svg.match(/<pattern /g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("marks a forecast over its approved budget with a sign, not only a colour", () => {
    const svg = budgetBars(budgetBarsInput).svg;
    expect(svg).toContain(">+8.9%</text>");
    expect(svg).toContain(">\u221210.6%</text>");
    expect(svg).toContain(">GBP 95.43M</text>");
  });

  it("keeps status colours readable under white text (WCAG AA, 4.5:1)", () => {
    for (const value of ["green", "amber-green", "amber", "amber-red", "red"])
      expect(STATUS_COLORS[value]).toBeDefined();
    for (const [value, colour] of Object.entries(STATUS_COLORS))
      expect(contrastRatio(colour, "#ffffff"), value).toBeGreaterThanOrEqual(4.5);
  });
});
