import { SERIES_COLORS, STATUS_COLORS } from "./palette.js";
import { dayOf, longDate, monthStart, monthTicks, monthYear } from "./time-scale.js";
import { fitText, frame, GRID, INK, MUTED_INK, noDataChart, num, plural, sentences, text, textWidth, tooltip, type Chart } from "./svg.js";

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
const ROW_H = 50;
const FORECAST = SERIES_COLORS[0];
const DONE = "#57606a";
const AS_OF = STATUS_COLORS["red"]!;

/**
 * A Gantt-like milestone timeline, one lane per row: the baseline as a hollow bar above the
 * forecast (or actual) bar, milestones as diamonds (baseline hollow, forecast filled blue,
 * achieved filled dark) joined when they slipped, month ticks and a dashed as-of line.
 */
export function timeline(input: TimelineInput): Chart {
  const rows = Array.isArray(input.rows) ? input.rows : [];
  const asOf = dayOf(input.asOf);
  const days: number[] = [];
  for (const row of rows) {
    for (const d of [row.baselineStart, row.baselineFinish, row.forecastStart, row.forecastFinish, row.actualFinish]) pushDay(days, d);
    for (const m of milestonesOf(row)) for (const d of [m.baseline, m.forecast, m.actual]) pushDay(days, d);
  }
  if (rows.length === 0 || days.length === 0) return noDataChart(input.title, rows.length === 0 ? "Nothing to show" : "No dates to show");
  if (asOf !== undefined) days.push(asOf);

  const from = monthStart(Math.min(...days));
  const to = monthStart(Math.max(...days), 1);
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const parts: string[] = [];
  const bottom = AXIS_H + rows.length * ROW_H;

  // Month grid and labels.
  for (const tick of monthTicks(from, to, Math.floor(PLOT_W / 56))) {
    parts.push(`<line x1="${num(x(tick.day))}" y1="${AXIS_H - 4}" x2="${num(x(tick.day))}" y2="${bottom}" stroke="${GRID}"/>`);
    // The closing boundary has no room for its label, and needs none: the axis ends there.
    if (x(tick.day) + textWidth(tick.label, 11) + 3 > WIDTH) continue;
    parts.push(text(x(tick.day) + 3, 14, tick.month, { size: 11, fill: MUTED_INK }));
    if (tick.year) parts.push(text(x(tick.day) + 3, 27, tick.year, { size: 11, fill: MUTED_INK, weight: "bold" }));
  }
  parts.push(`<line x1="${PLOT_X}" y1="${AXIS_H - 4}" x2="${PLOT_X + PLOT_W}" y2="${AXIS_H - 4}" stroke="#8c959f"/>`);

  let slipped = 0;
  let worst: { label: string; days: number } | undefined;
  let milestoneCount = 0;
  let achieved = 0;
  let overdue = 0;

  rows.forEach((row, index) => {
    const y = AXIS_H + index * ROW_H;
    const label = typeof row.label === "string" ? row.label : "";
    if (index % 2 === 1) parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" fill="#f6f8fa" fill-opacity="0.7"/>`);
    parts.push(`<g>${tooltip(label)}${text(8, y + 22, fitText(label, LABEL_W - 8, 12), { baseline: "middle" })}</g>`);

    const bs = dayOf(row.baselineStart);
    const bf = dayOf(row.baselineFinish);
    if (bs !== undefined && bf !== undefined && bf >= bs) {
      parts.push(`<g>${tooltip(`${label}: baseline ${row.baselineStart} to ${row.baselineFinish}`)}<rect x="${num(x(bs))}" y="${y + 9}" width="${num(Math.max(2, x(bf) - x(bs)))}" height="7" rx="2" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/></g>`);
    }
    const fs = dayOf(row.forecastStart) ?? bs;
    const af = dayOf(row.actualFinish);
    const ff = af ?? dayOf(row.forecastFinish);
    if (fs !== undefined && ff !== undefined && ff >= fs) {
      const what = af !== undefined ? `finished ${row.actualFinish}` : `forecast to finish ${row.forecastFinish}`;
      parts.push(`<g>${tooltip(`${label}: from ${isoOr(row.forecastStart ?? row.baselineStart)}, ${what}`)}<rect x="${num(x(fs))}" y="${y + 18}" width="${num(Math.max(2, x(ff) - x(fs)))}" height="10" rx="2" fill="${af !== undefined ? DONE : FORECAST}"/></g>`);
    }
    if (bf !== undefined && ff !== undefined && ff > bf) {
      slipped++;
      if (!worst || ff - bf > worst.days) worst = { label, days: ff - bf };
    }

    // Milestones: connector first, so diamonds sit on top; labels placed left to right without overlap.
    const labelSpans: [number, number][] = [];
    const placed = milestonesOf(row)
      .map((m) => ({ m, base: dayOf(m.baseline), act: dayOf(m.actual), fc: dayOf(m.forecast) }))
      .sort((a, b) => (a.act ?? a.fc ?? a.base ?? 0) - (b.act ?? b.fc ?? b.base ?? 0));
    for (const { m, base, act, fc } of placed) {
      milestoneCount++;
      const now = act ?? fc;
      if (act !== undefined) achieved++;
      else if (asOf !== undefined && (fc ?? base) !== undefined && (fc ?? base)! < asOf) overdue++;
      const mLabel = typeof m.label === "string" ? m.label : "";
      const facts = [m.baseline ? `baseline ${m.baseline}` : "", m.actual ? `achieved ${m.actual}` : m.forecast ? `forecast ${m.forecast}` : ""].filter(Boolean);
      const g: string[] = [`<g>${tooltip(`${mLabel}: ${facts.join(", ") || "no dates"}`)}`];
      if (base !== undefined && now !== undefined && base !== now) {
        g.push(`<path d="M${num(x(base))},${y + 12.5} L${num(x(now))},${y + 23}" stroke="${MUTED_INK}" stroke-width="1" stroke-dasharray="2 2" fill="none"/>`);
      }
      if (base !== undefined) g.push(diamond(x(base), y + 12.5, 5, `fill="#ffffff" stroke="${INK}" stroke-width="1.5"`));
      if (now !== undefined) g.push(diamond(x(now), y + 23, 6.5, `fill="${act !== undefined ? INK : FORECAST}" stroke="#ffffff" stroke-width="1.5"`));
      g.push(`</g>`);
      parts.push(g.join(""));
      const at = now ?? base;
      if (at !== undefined && mLabel !== "") {
        const short = fitText(mLabel, 90, 10);
        const w = textWidth(short, 10);
        const cx = Math.min(Math.max(x(at), PLOT_X + w / 2), PLOT_X + PLOT_W - w / 2);
        const span: [number, number] = [cx - w / 2 - 3, cx + w / 2 + 3];
        if (labelSpans.every(([a, b]) => span[1] <= a || span[0] >= b)) {
          labelSpans.push(span);
          parts.push(text(cx, y + 42, short, { anchor: "middle", size: 10, fill: MUTED_INK }));
        }
      }
    }
  });

  // As-of line over everything.
  if (asOf !== undefined) {
    const ax = x(asOf);
    parts.push(`<line x1="${num(ax)}" y1="${AXIS_H - 4}" x2="${num(ax)}" y2="${bottom + 4}" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    const asOfLabel = `As of ${longDate(asOf)}`;
    const w = textWidth(asOfLabel, 11);
    const anchor = ax + w + 4 > WIDTH - 4 ? "end" : "start";
    parts.push(text(anchor === "end" ? ax - 4 : ax + 4, bottom + 14, asOfLabel, { size: 11, fill: AS_OF, weight: "bold", anchor }));
  }

  const legendY = bottom + 30;
  parts.push(legend(legendY));
  const description = sentences([
    `${plural(rows.length, "schedule")} from ${monthYear(from)} to ${monthYear(to - 1)}${asOf !== undefined ? `, as of ${longDate(asOf)}` : ""}`,
    slipped > 0 && worst ? `${slipped} forecast to finish later than baseline; the largest slip is ${worst.label}, ${plural(worst.days, "day")}` : "None is forecast to finish later than baseline",
    milestoneCount > 0 ? `${plural(milestoneCount, "milestone")}: ${achieved} achieved, ${overdue} overdue` : "",
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: legendY + 22, body: parts.join("\n") });
}

function legend(y: number): string {
  const items: [string, string][] = [
    [`<rect x="0" y="-4" width="22" height="7" rx="2" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/>`, "Baseline"],
    [`<rect x="0" y="-5" width="22" height="10" rx="2" fill="${FORECAST}"/>`, "Forecast"],
    [`<rect x="0" y="-5" width="22" height="10" rx="2" fill="${DONE}"/>`, "Finished"],
    [diamond(11, 0, 5, `fill="#ffffff" stroke="${INK}" stroke-width="1.5"`), "Baseline milestone"],
    [diamond(11, 0, 6.5, `fill="${FORECAST}"`), "Forecast milestone"],
    [diamond(11, 0, 6.5, `fill="${INK}"`), "Achieved"],
    [`<line x1="11" y1="-8" x2="11" y2="8" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`, "As of"],
  ];
  const out: string[] = [];
  let lx = 8;
  for (const [symbol, label] of items) {
    out.push(`<g transform="translate(${num(lx)} ${y})">${symbol}${text(28, 0, label, { size: 11, baseline: "middle" })}</g>`);
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

function isoOr(value: string | undefined): string {
  return value ?? "an unknown date";
}
