import { SERIES_COLORS, STATUS_COLORS } from "./palette.js";
import { dayOf, longDate, monthStart, monthTicks, monthYear } from "./time-scale.js";
import {
  fitText,
  frame,
  GRID,
  INK,
  MUTED_INK,
  noDataChart,
  num,
  plural,
  sentences,
  text,
  textWidth,
  tooltip,
  type Chart,
} from "./svg.js";

export interface TimelineMilestone {
  label: string;
  baseline?: string;
  forecast?: string;
  actual?: string;
}

export interface TimelineRow {
  label: string;
  baselineStart?: string;
  baselineFinish?: string;
  forecastStart?: string;
  forecastFinish?: string;
  actualFinish?: string;
  milestones: TimelineMilestone[];
}

export interface TimelineInput {
  title: string;
  asOf: string;
  rows: TimelineRow[];
}

const WIDTH = 760;
const LABEL_W = 200;
const PLOT_X = LABEL_W + 16;
const PLOT_W = WIDTH - PLOT_X - 20;
const AXIS_H = 36;
/** A row with its milestones drawn on it (compact layout). */
const ROW_H = 50;
/** A row's bars alone, and one milestone line beneath it (expanded layout). */
const BAR_ROW_H = 34;
const MILESTONE_H = 24;
/** Up to this many milestones in all, each gets its own labelled line. */
const EXPAND_UP_TO = 12;
const FORECAST = SERIES_COLORS[0];
const DONE = "#57606a";
const AS_OF = STATUS_COLORS["red"]!;

// The attributes of the milestone diamonds, written once (a timeline draws one or two per milestone).
const BASELINE_DIAMOND = `fill="#ffffff" stroke="${INK}" stroke-width="1.5"`;
const FORECAST_DIAMOND = `fill="${FORECAST}"`;
const ACHIEVED_DIAMOND = `fill="${INK}"`;
const FORECAST_ON_BAR = `fill="${FORECAST}" stroke="#ffffff" stroke-width="1.5"`;
const ACHIEVED_ON_BAR = `fill="${INK}" stroke="#ffffff" stroke-width="1.5"`;

interface PlacedMilestone {
  label: string;
  base: number | undefined;
  /** The actual date, else the forecast. */
  now: number | undefined;
  achieved: boolean;
  tip: string;
}

/**
 * A Gantt-like milestone timeline: per row the baseline as a hollow bar above the forecast (or
 * actual) bar; milestones as diamonds (baseline hollow, forecast filled blue, achieved filled
 * dark) joined by a dotted line when they moved; month ticks and a dashed as-of line. With a few
 * milestones (one project's page) each milestone gets its own labelled line, with its slip in
 * days; with many (a portfolio), milestones sit on their row's bar, labelled where room allows.
 */
export function timeline(input: TimelineInput): Chart {
  const rows = Array.isArray(input.rows) ? input.rows : [];
  const asOf = dayOf(input.asOf);
  const days: number[] = [];
  for (const row of rows) {
    for (const d of [row.baselineStart, row.baselineFinish, row.forecastStart, row.forecastFinish, row.actualFinish])
      pushDay(days, d);
    for (const m of milestonesOf(row)) for (const d of [m.baseline, m.forecast, m.actual]) pushDay(days, d);
  }
  if (rows.length === 0 || days.length === 0)
    return noDataChart(input.title, rows.length === 0 ? "Nothing to show" : "No dates to show");
  if (asOf !== undefined) days.push(asOf);

  const from = monthStart(Math.min(...days));
  const to = monthStart(Math.max(...days), 1);
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const placedRows = rows.map((row) => ({
    row,
    label: typeof row.label === "string" ? row.label : "",
    milestones: placeMilestones(row),
  }));
  const milestoneCount = placedRows.reduce((n, r) => n + r.milestones.length, 0);
  const expanded = milestoneCount <= EXPAND_UP_TO;
  const heights = placedRows.map((r) =>
    expanded ? BAR_ROW_H + r.milestones.length * MILESTONE_H + (r.milestones.length > 0 ? 6 : 0) : ROW_H,
  );
  const bottom = AXIS_H + heights.reduce((a, b) => a + b, 0);
  const parts: string[] = [];

  // Row shading first, then the month grid over it.
  let y = AXIS_H;
  placedRows.forEach((_, index) => {
    if (index % 2 === 1)
      parts.push(
        `<rect x="0" y="${y}" width="${WIDTH}" height="${heights[index]}" fill="#f6f8fa" fill-opacity="0.7"/>`,
      );
    y += heights[index]!;
  });
  for (const tick of monthTicks(from, to, Math.floor(PLOT_W / 56))) {
    parts.push(
      `<line x1="${num(x(tick.day))}" y1="${AXIS_H - 4}" x2="${num(x(tick.day))}" y2="${bottom}" stroke="${GRID}"/>`,
    );
    // The closing boundary has no room for its label, and needs none: the axis ends there.
    if (x(tick.day) + textWidth(tick.label, 11) + 3 > WIDTH) continue;
    parts.push(text(x(tick.day) + 3, 14, tick.month, { size: 11, fill: MUTED_INK }));
    if (tick.year) parts.push(text(x(tick.day) + 3, 27, tick.year, { size: 11, fill: MUTED_INK, weight: "bold" }));
  }
  parts.push(`<line x1="${PLOT_X}" y1="${AXIS_H - 4}" x2="${PLOT_X + PLOT_W}" y2="${AXIS_H - 4}" stroke="#8c959f"/>`);

  let slipped = 0;
  let worst: { label: string; days: number } | undefined;
  let achieved = 0;
  let overdue = 0;

  y = AXIS_H;
  placedRows.forEach(({ row, label, milestones }, index) => {
    const barTop = y + (expanded ? 4 : 9);
    // Bold text runs about a tenth wider than the estimate, which is for the regular weight.
    parts.push(
      `<g>${tooltip(label)}${text(8, barTop + 13, fitText(label, expanded ? (LABEL_W - 8) * 0.9 : LABEL_W - 8, 12), { baseline: "middle", weight: expanded ? "bold" : "normal" })}</g>`,
    );
    const bs = dayOf(row.baselineStart);
    const bf = dayOf(row.baselineFinish);
    if (bs !== undefined && bf !== undefined && bf >= bs) {
      parts.push(
        `<g>${tooltip(`${label}: baseline ${row.baselineStart} to ${row.baselineFinish}`)}<rect x="${num(x(bs))}" y="${barTop}" width="${num(Math.max(2, x(bf) - x(bs)))}" height="7" rx="2" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/></g>`,
      );
    }
    const fs = dayOf(row.forecastStart) ?? bs;
    const af = dayOf(row.actualFinish);
    const ff = af ?? dayOf(row.forecastFinish);
    if (fs !== undefined && ff !== undefined && ff >= fs) {
      const what = af !== undefined ? `finished ${row.actualFinish}` : `forecast to finish ${row.forecastFinish}`;
      parts.push(
        `<g>${tooltip(`${label}: from ${row.forecastStart ?? row.baselineStart ?? "an unknown date"}, ${what}`)}<rect x="${num(x(fs))}" y="${barTop + 9}" width="${num(Math.max(2, x(ff) - x(fs)))}" height="10" rx="2" fill="${af !== undefined ? DONE : FORECAST}"/></g>`,
      );
    }
    if (bf !== undefined && ff !== undefined && ff > bf) {
      slipped++;
      if (!worst || ff - bf > worst.days) worst = { label, days: ff - bf };
    }
    for (const m of milestones) {
      if (m.achieved) achieved++;
      else if (asOf !== undefined && (m.now ?? m.base) !== undefined && (m.now ?? m.base)! < asOf) overdue++;
    }
    if (expanded) parts.push(...milestoneLines(milestones, y + BAR_ROW_H, x));
    else parts.push(...milestonesOnBar(milestones, barTop, x));
    y += heights[index]!;
  });

  if (asOf !== undefined) {
    const ax = x(asOf);
    parts.push(
      `<line x1="${num(ax)}" y1="${AXIS_H - 4}" x2="${num(ax)}" y2="${bottom + 4}" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
    const asOfLabel = `As of ${longDate(asOf)}`;
    const anchor = ax + textWidth(asOfLabel, 11) + 4 > WIDTH - 4 ? "end" : "start";
    parts.push(
      text(anchor === "end" ? ax - 4 : ax + 4, bottom + 14, asOfLabel, {
        size: 11,
        fill: AS_OF,
        weight: "bold",
        anchor,
      }),
    );
  }

  const legendY = bottom + 32;
  parts.push(legend(legendY));
  const description = sentences([
    `${plural(rows.length, "schedule")} from ${monthYear(from)} to ${monthYear(to - 1)}${asOf !== undefined ? `, as of ${longDate(asOf)}` : ""}`,
    slipped > 0 && worst
      ? `${slipped} forecast to finish later than baseline; the largest slip is ${worst.label}, ${plural(worst.days, "day")}`
      : "None is forecast to finish later than baseline",
    milestoneCount > 0 ? `${plural(milestoneCount, "milestone")}: ${achieved} achieved, ${overdue} overdue` : "",
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: legendY + 14, body: parts.join("\n") });
}

/** Expanded layout: one line per milestone, its label at the left and its slip at the right of its diamonds. */
function milestoneLines(milestones: PlacedMilestone[], top: number, x: (day: number) => number): string[] {
  return milestones.map((m, i) => {
    const cy = top + i * MILESTONE_H + MILESTONE_H / 2;
    const g = [
      `<g>${tooltip(m.tip)}`,
      text(20, cy, fitText(m.label, LABEL_W - 20, 11), { size: 11, baseline: "middle" }),
    ];
    if (m.base !== undefined && m.now !== undefined && m.base !== m.now) {
      g.push(
        `<line x1="${num(x(m.base))}" y1="${num(cy)}" x2="${num(x(m.now))}" y2="${num(cy)}" stroke="${MUTED_INK}" stroke-width="1.2" stroke-dasharray="2 2"/>`,
      );
    }
    if (m.base !== undefined) g.push(diamond(x(m.base), cy, 7, BASELINE_DIAMOND));
    if (m.now !== undefined) g.push(diamond(x(m.now), cy, 5.5, m.achieved ? ACHIEVED_DIAMOND : FORECAST_DIAMOND));
    if (m.base !== undefined && m.now !== undefined && m.now !== m.base) {
      const slip = m.now - m.base;
      const note = `${slip > 0 ? "+" : "\u2212"}${Math.abs(slip)}d`;
      const right = Math.max(x(m.base), x(m.now)) + 10;
      const fitsRight = right + textWidth(note, 10) < WIDTH - 2;
      const at = fitsRight ? right : Math.min(x(m.base), x(m.now)) - 10;
      g.push(
        text(at, cy, note, {
          size: 10,
          baseline: "middle",
          fill: slip > 0 ? AS_OF : MUTED_INK,
          anchor: fitsRight ? "start" : "end",
          weight: slip > 0 ? "bold" : "normal",
        }),
      );
    }
    g.push(`</g>`);
    return g.join("");
  });
}

/** Compact layout: milestones on their row's bars, labelled beneath where they do not collide. */
function milestonesOnBar(milestones: PlacedMilestone[], barTop: number, x: (day: number) => number): string[] {
  const out: string[] = [];
  const spans: [number, number][] = [];
  for (const m of milestones) {
    const g: string[] = [`<g>${tooltip(m.tip)}`];
    if (m.base !== undefined && m.now !== undefined && m.base !== m.now) {
      g.push(
        `<path d="M${num(x(m.base))},${barTop + 3.5} L${num(x(m.now))},${barTop + 14}" stroke="${MUTED_INK}" stroke-width="1" stroke-dasharray="2 2" fill="none"/>`,
      );
    }
    if (m.base !== undefined) g.push(diamond(x(m.base), barTop + 3.5, 5, BASELINE_DIAMOND));
    if (m.now !== undefined)
      g.push(diamond(x(m.now), barTop + 14, 6.5, m.achieved ? ACHIEVED_ON_BAR : FORECAST_ON_BAR));
    g.push(`</g>`);
    out.push(g.join(""));
    const at = m.now ?? m.base;
    if (at !== undefined && m.label !== "") {
      const short = fitText(m.label, 90, 10);
      const w = textWidth(short, 10);
      const cx = Math.min(Math.max(x(at), PLOT_X + w / 2), PLOT_X + PLOT_W - w / 2);
      const span: [number, number] = [cx - w / 2 - 3, cx + w / 2 + 3];
      if (spans.every(([a, b]) => span[1] <= a || span[0] >= b)) {
        spans.push(span);
        out.push(text(cx, barTop + 33, short, { anchor: "middle", size: 10, fill: MUTED_INK }));
      }
    }
  }
  return out;
}

/** A row's milestones with their dates resolved, in date order (undated ones last, in input order). */
function placeMilestones(row: TimelineRow): PlacedMilestone[] {
  return milestonesOf(row)
    .map((m, index) => {
      const base = dayOf(m.baseline);
      const act = dayOf(m.actual);
      const now = act ?? dayOf(m.forecast);
      const label = typeof m.label === "string" ? m.label : "";
      const facts = [
        m.baseline ? `baseline ${m.baseline}` : "",
        act !== undefined ? `achieved ${m.actual}` : m.forecast ? `forecast ${m.forecast}` : "",
      ].filter(Boolean);
      return {
        index,
        placed: { label, base, now, achieved: act !== undefined, tip: `${label}: ${facts.join(", ") || "no dates"}` },
      };
    })
    .sort(
      (a, b) =>
        (a.placed.now ?? a.placed.base ?? Infinity) - (b.placed.now ?? b.placed.base ?? Infinity) || a.index - b.index,
    )
    .map((m) => m.placed);
}

/** The legend is the same on every timeline but for its height: drawn once per height. */
const legends = new Map<number, string>();

function legend(y: number): string {
  let drawn = legends.get(y);
  if (drawn === undefined) {
    drawn = drawLegend(y);
    legends.set(y, drawn);
  }
  return drawn;
}

function drawLegend(y: number): string {
  const items: [string, string][] = [
    [`<rect x="0" y="-4" width="22" height="7" rx="2" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/>`, "Baseline"],
    [`<rect x="0" y="-5" width="22" height="10" rx="2" fill="${FORECAST}"/>`, "Forecast"],
    [`<rect x="0" y="-5" width="22" height="10" rx="2" fill="${DONE}"/>`, "Finished"],
    [diamond(11, 0, 6, `fill="#ffffff" stroke="${INK}" stroke-width="1.5"`), "Baseline milestone"],
    [diamond(11, 0, 6, `fill="${FORECAST}"`), "Forecast milestone"],
    [diamond(11, 0, 6, `fill="${INK}"`), "Achieved"],
    [`<line x1="11" y1="-8" x2="11" y2="8" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`, "As of"],
  ];
  const out: string[] = [];
  let lx = 8;
  for (const [symbol, label] of items) {
    out.push(
      `<g transform="translate(${num(lx)} ${y})">${symbol}${text(28, 0, label, { size: 11, baseline: "middle" })}</g>`,
    );
    lx += 28 + textWidth(label, 11) + 16;
  }
  return out.join("\n");
}

function diamond(cx: number, cy: number, r: number, attrs: string): string {
  return `<path d="M${num(cx)},${num(cy - r)} L${num(cx + r)},${num(cy)} L${num(cx)},${num(cy + r)} L${num(cx - r)},${num(cy)} Z" ${attrs}/>`;
}

function milestonesOf(row: TimelineRow): TimelineMilestone[] {
  return Array.isArray(row.milestones) ? row.milestones : [];
}

function pushDay(days: number[], value: string | undefined): void {
  const day = dayOf(value);
  if (day !== undefined) days.push(day);
}
