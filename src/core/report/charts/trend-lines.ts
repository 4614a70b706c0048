import { formatMoney, groupThousands } from "../../money.js";
import { SERIES_COLORS } from "./palette.js";
import { dayOf, longDate, monthStart, monthTicks } from "./time-scale.js";
import {
  fitText,
  frame,
  GRID,
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

export interface TrendLinesInput {
  title: string;
  yLabel: string;
  series: { label: string; points: { date: string; value: number }[] }[];
  /**
   * Start the y axis at zero (the default). Off for a drift, where a few percent on top of a
   * large amount would otherwise be a flat line: the axis then spans the values only.
   */
  includeZero?: boolean;
}

const WIDTH = 760;
const PLOT_X = 72;
const PLOT_W = WIDTH - PLOT_X - 24;
const PLOT_H = 220;
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];
const MARKERS = ["circle", "square", "triangle", "diamond"] as const;

/**
 * Lines over time, one per series (a project's status rank, a portfolio's forecast, ...): each
 * series has its own colour, dash and marker shape, so the lines stay apart in greyscale.
 */
export function trendLines(input: TrendLinesInput): Chart {
  const series = (Array.isArray(input.series) ? input.series : []).map((s) => ({
    label: typeof s.label === "string" ? s.label : "",
    points: (Array.isArray(s.points) ? s.points : [])
      .map((p) => ({ day: dayOf(p?.date), value: p?.value }))
      .filter(
        (p): p is { day: number; value: number } =>
          p.day !== undefined && typeof p.value === "number" && Number.isFinite(p.value),
      )
      .sort((a, b) => a.day - b.day),
  }));
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return noDataChart(input.title, "No history to show");
  const yLabel = typeof input.yLabel === "string" ? input.yLabel : "";

  const days = points.map((p) => p.day);
  const from = monthStart(Math.min(...days));
  const to = monthStart(Math.max(...days), 1);
  const values = points.map((p) => p.value);
  let low = input.includeZero === false ? Math.min(...values) : Math.min(0, ...values);
  let high = Math.max(...values);
  if (high <= low && input.includeZero === false) {
    // A flat line: a band of 5% around it, so that the axis shows the amount, not decimals of it.
    const pad = Math.max(1, Math.abs(low) * 0.05);
    low -= pad;
    high += pad;
  }
  const { min, max, step } = niceRange(low, high);
  const parts: string[] = [];

  // Legend.
  let lx = PLOT_X;
  let ly = 12;
  series.forEach((s, i) => {
    const label = fitText(s.label, 220, 12);
    const w = 34 + textWidth(label, 12) + 18;
    if (lx + w > WIDTH && lx > PLOT_X) {
      lx = PLOT_X;
      ly += 20;
    }
    parts.push(
      `<g>${tooltip(s.label)}<line x1="${num(lx)}" y1="${ly}" x2="${num(lx + 28)}" y2="${ly}" ${lineAttrs(i)}/>${marker(i, lx + 14, ly)}${text(lx + 34, ly, label, { baseline: "middle" })}</g>`,
    );
    lx += w;
  });
  const top = ly + 22;
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const y = (value: number): number => top + PLOT_H - ((value - min) / (max - min)) * PLOT_H;

  const tickLabel = axisLabels(min, max, step);
  for (let i = 0; min + i * step <= max + step / 2; i++) {
    const v = min + i * step;
    parts.push(`<line x1="${PLOT_X}" y1="${num(y(v))}" x2="${PLOT_X + PLOT_W}" y2="${num(y(v))}" stroke="${GRID}"/>`);
    parts.push(text(PLOT_X - 6, y(v), tickLabel(v), { anchor: "end", baseline: "middle", size: 11, fill: MUTED_INK }));
  }
  for (const tick of monthTicks(from, to, Math.floor(PLOT_W / 60))) {
    parts.push(
      `<line x1="${num(x(tick.day))}" y1="${top + PLOT_H}" x2="${num(x(tick.day))}" y2="${top + PLOT_H + 4}" stroke="#8c959f"/>`,
    );
    parts.push(text(x(tick.day), top + PLOT_H + 16, tick.month, { anchor: "middle", size: 11, fill: MUTED_INK }));
    if (tick.year)
      parts.push(
        text(x(tick.day), top + PLOT_H + 29, tick.year, {
          anchor: "middle",
          size: 11,
          fill: MUTED_INK,
          weight: "bold",
        }),
      );
  }
  parts.push(
    `<line x1="${PLOT_X}" y1="${top + PLOT_H}" x2="${PLOT_X + PLOT_W}" y2="${top + PLOT_H}" stroke="#8c959f"/>`,
  );
  if (yLabel) {
    const cy = top + PLOT_H / 2;
    parts.push(
      text(16, cy, fitText(yLabel, PLOT_H, 12), {
        anchor: "middle",
        weight: "bold",
        extra: `transform="rotate(-90 16 ${num(cy)})"`,
      }),
    );
  }

  series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const coords = s.points.map((p) => `${num(x(p.day))},${num(y(p.value))}`).join(" ");
    const g = [`<g>`];
    if (s.points.length > 1) g.push(`<polyline points="${coords}" fill="none" ${lineAttrs(i)}/>`);
    for (const p of s.points)
      g.push(
        `<g>${tooltip(`${s.label}: ${formatValue(p.value)} on ${longDate(p.day)}`)}${marker(i, x(p.day), y(p.value))}</g>`,
      );
    g.push(`</g>`);
    parts.push(g.join(""));
  });

  const described = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return s.points.length === 1
        ? `${s.label}: ${formatValue(first.value)} on ${longDate(first.day)}`
        : `${s.label}: from ${formatValue(first.value)} on ${longDate(first.day)} to ${formatValue(last.value)} on ${longDate(last.day)}`;
    });
  const description = sentences([
    `${plural(series.length, "series", "series")}${yLabel ? ` of ${yLabel}` : ""}, ${plural(points.length, "point")}`,
    ...described,
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: top + PLOT_H + 40, body: parts.join("\n") });
}

/** Each series' line and marker attributes, written once (a chart draws a marker per point). */
const lineAttrsOf: string[] = [];
const markerFillOf: string[] = [];

function lineAttrs(i: number): string {
  let attrs = lineAttrsOf[i];
  if (attrs === undefined) {
    const dash = DASHES[i % DASHES.length];
    attrs = `stroke="${SERIES_COLORS[i % SERIES_COLORS.length]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""} stroke-linejoin="round"`;
    lineAttrsOf[i] = attrs;
  }
  return attrs;
}

function marker(i: number, cx: number, cy: number): string {
  let fill = markerFillOf[i];
  if (fill === undefined) {
    fill = `fill="${SERIES_COLORS[i % SERIES_COLORS.length]}" stroke="#ffffff" stroke-width="1.2"`;
    markerFillOf[i] = fill;
  }
  switch (MARKERS[i % MARKERS.length]) {
    case "circle":
      return `<circle cx="${num(cx)}" cy="${num(cy)}" r="4" ${fill}/>`;
    case "square":
      return `<rect x="${num(cx - 4)}" y="${num(cy - 4)}" width="8" height="8" ${fill}/>`;
    case "triangle":
      return `<path d="M${num(cx)},${num(cy - 5)} L${num(cx + 5)},${num(cy + 4)} L${num(cx - 5)},${num(cy + 4)} Z" ${fill}/>`;
    default:
      return `<path d="M${num(cx)},${num(cy - 5)} L${num(cx + 5)},${num(cy)} L${num(cx)},${num(cy + 5)} L${num(cx - 5)},${num(cy)} Z" ${fill}/>`;
  }
}

/** An axis from `low` to `high` in 1, 2 or 5 x 10^n steps, about five of them. */
function niceRange(low: number, high: number): { min: number; max: number; step: number } {
  if (high <= low) high = low + 1;
  const raw = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

/**
 * The labels of one axis: every tick in the same unit (k, M or bn, chosen by the largest tick)
 * with as many decimals as the step needs, so that the steps read as even: 100M, 100.25M,
 * 100.5M rather than 100M, 100.2M, 100.5M.
 */
export function axisLabels(min: number, max: number, step: number): (value: number) => string {
  const largest = Math.max(Math.abs(min), Math.abs(max));
  const [unit, suffix] =
    largest >= 1e9 ? [1e9, "bn"] : largest >= 1e6 ? [1e6, "M"] : largest >= 1e4 ? [1e3, "k"] : [1, ""];
  const scaled = step / unit;
  let decimals = 0;
  while (
    decimals < 6 &&
    Math.abs(Math.round(scaled * 10 ** decimals) - scaled * 10 ** decimals) > 1e-9 * 10 ** decimals
  )
    decimals++;
  return (value) => {
    const text = (value / unit).toFixed(decimals);
    const clean = /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
    return `${unit === 1 && decimals === 0 ? groupThousands(Number(clean)) : clean}${suffix}`;
  };
}

/** Compact, locale-free numbers: 1250000 -> "1.25M", 0.5 -> "0.5". */
function formatValue(value: number): string {
  if (Math.abs(value) >= 1e4) return formatMoney(value, undefined);
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}
