import { safeColor, statusColor } from "./palette.js";
import { dayOf, longDate, monthStart, monthTicks } from "./time-scale.js";
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
  tooltip,
  type Chart,
} from "./svg.js";

export interface StatusHistoryInput {
  title: string;
  /** The status scale, best value first: one band of the y axis per value, best at the top. */
  scale: { value: string; label: string; color: string }[];
  /** The status from each date on, oldest first; `value` undefined for a time without a status. */
  points: { date: string; value: string | undefined }[];
  /** The last status holds until this date (the report's as-of date). */
  until: string;
}

const WIDTH = 760;
const LABEL_W = 120;
const PLOT_X = LABEL_W + 16;
const PLOT_W = WIDTH - PLOT_X - 24;
const LANE_H = 28;
const TOP = 12;
/** The text alternative spells out the latest changes only. */
const SPELLED = 6;

/**
 * A project's overall status over time as a step line: the status holds from one change to the
 * next, so the line runs flat and jumps at each change. The y axis is the status scale itself
 * (best at the top, each band labelled with its name), so the chart reads in greyscale: the
 * height says the status, the colour only repeats it. Each change is a marker with a tooltip.
 */
export function statusHistory(input: StatusHistoryInput): Chart {
  const scale = (Array.isArray(input.scale) ? input.scale : []).filter((s) => typeof s?.value === "string");
  const until = dayOf(input.until);
  const points = (Array.isArray(input.points) ? input.points : [])
    .map((p) => ({ day: dayOf(p?.date), value: typeof p?.value === "string" ? p.value : undefined }))
    .filter((p): p is { day: number; value: string | undefined } => p.day !== undefined)
    .sort((a, b) => a.day - b.day);
  if (scale.length === 0 || points.length === 0 || !points.some((p) => p.value !== undefined))
    return noDataChart(input.title, "No status history to show");

  const known = new Set(scale.map((s) => s.value));
  // A value off the scale (a scale that changed since) gets its own band below the scale.
  const extra = [
    ...new Set(points.map((p) => p.value).filter((v): v is string => v !== undefined && !known.has(v))),
  ].sort();
  const lanes = [
    ...scale.map((s, i) => ({
      value: s.value,
      label: typeof s.label === "string" && s.label !== "" ? s.label : s.value,
      color: safeColor(s.color, statusColor(s.value, i)),
    })),
    ...extra.map((v) => ({ value: v, label: v, color: statusColor(v, scale.length) })),
  ];
  const laneOf = new Map(lanes.map((l, i) => [l.value, i]));

  const first = points[0]!.day;
  const lastDay = Math.max(points[points.length - 1]!.day, until ?? first);
  const from = monthStart(first);
  const to = monthStart(lastDay, 1);
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const y = (lane: number): number => TOP + lane * LANE_H + LANE_H / 2;
  const plotH = lanes.length * LANE_H;
  const parts: string[] = [];

  lanes.forEach((lane, i) => {
    parts.push(
      `<line x1="${PLOT_X}" y1="${num(y(i))}" x2="${PLOT_X + PLOT_W}" y2="${num(y(i))}" stroke="${GRID}" stroke-dasharray="2 3"/>`,
    );
    parts.push(`<rect x="${num(PLOT_X - 12)}" y="${num(y(i) - 4)}" width="8" height="8" fill="${lane.color}"/>`);
    parts.push(text(PLOT_X - 16, y(i), fitText(lane.label, LABEL_W - 8, 12), { anchor: "end", baseline: "middle" }));
  });
  const axisY = TOP + plotH;
  parts.push(`<line x1="${PLOT_X}" y1="${axisY}" x2="${PLOT_X + PLOT_W}" y2="${axisY}" stroke="#8c959f"/>`);
  for (const tick of monthTicks(from, to, Math.floor(PLOT_W / 60))) {
    parts.push(
      `<line x1="${num(x(tick.day))}" y1="${axisY}" x2="${num(x(tick.day))}" y2="${axisY + 4}" stroke="#8c959f"/>`,
    );
    parts.push(text(x(tick.day), axisY + 16, tick.month, { anchor: "middle", size: 11, fill: MUTED_INK }));
    if (tick.year)
      parts.push(
        text(x(tick.day), axisY + 29, tick.year, { anchor: "middle", size: 11, fill: MUTED_INK, weight: "bold" }),
      );
  }

  // The step line: flat while a status holds, a vertical jump at each change; a gap without a status.
  const segments: string[][] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    const end = i + 1 < points.length ? points[i + 1]!.day : Math.max(p.day, until ?? p.day);
    const lane = p.value === undefined ? undefined : laneOf.get(p.value);
    if (lane === undefined) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    current.push(`${num(x(p.day))},${num(y(lane))}`, `${num(x(end))},${num(y(lane))}`);
  });
  if (current.length > 0) segments.push(current);
  for (const s of segments)
    parts.push(
      `<polyline points="${s.join(" ")}" fill="none" stroke="${INK}" stroke-width="2" stroke-linejoin="round"/>`,
    );

  // Each marker is a commit that set a status; the description names the changes between them.
  const changes: string[] = [];
  let previous: string | undefined;
  for (const p of points) {
    if (p.value === undefined) {
      previous = undefined;
      continue;
    }
    const lane = laneOf.get(p.value)!;
    const label = lanes[lane]!.label;
    const before = previous === undefined ? undefined : lanes[laneOf.get(previous)!]!.label;
    const what =
      before === undefined
        ? `${label} from ${longDate(p.day)}`
        : before === label
          ? `${label} on ${longDate(p.day)}`
          : `${before} to ${label} on ${longDate(p.day)}`;
    if (before !== undefined && previous !== p.value) changes.push(what);
    parts.push(
      `<g>${tooltip(what)}<circle cx="${num(x(p.day))}" cy="${num(y(lane))}" r="5" fill="${lanes[lane]!.color}" stroke="#ffffff" stroke-width="1.5"/></g>`,
    );
    previous = p.value;
  }
  if (until !== undefined) {
    parts.push(
      `<line x1="${num(x(until))}" y1="${TOP}" x2="${num(x(until))}" y2="${axisY}" stroke="${MUTED_INK}" stroke-dasharray="4 3"/>`,
    );
    parts.push(text(x(until) - 4, TOP + 8, `as of ${longDate(until)}`, { anchor: "end", size: 11, fill: MUTED_INK }));
  }

  const start = points.find((p) => p.value !== undefined)!;
  const latest = [...points].reverse().find((p) => p.value !== undefined)!;
  const labelOf = (value: string): string => lanes[laneOf.get(value)!]!.label;
  const spelled =
    changes.length > SPELLED
      ? `${plural(changes.length - SPELLED, "earlier change")}, then ${changes.slice(-SPELLED).join("; ")}`
      : changes.join("; ");
  const description = sentences([
    `${labelOf(start.value!)} from ${longDate(start.day)}`,
    changes.length === 0 ? "No change since" : `${plural(changes.length, "change")}: ${spelled}`,
    `${labelOf(latest.value!)}${until !== undefined ? ` as of ${longDate(lastDay)}` : ""}`,
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: axisY + 40, body: parts.join("\n") });
}
