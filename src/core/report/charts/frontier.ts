import { formatMoney } from "../../money.js";
import { SERIES_COLORS } from "./palette.js";
import { frame, GRID, MUTED_INK, noDataChart, num, plural, sentences, text, tooltip, type Chart } from "./svg.js";

export interface FrontierChartInput {
  title: string;
  currency: string;
  /** What the y axis measures ("weighted score", "cost of delay"). */
  valueLabel: string;
  points: { budget: number; value: number; cost: number; count: number; status: string }[];
  /** The budget of the selection, marked on the chart. */
  chosen?: number;
}

const WIDTH = 760;
const PLOT_X = 72;
const PLOT_W = WIDTH - PLOT_X - 32;
const PLOT_H = 240;
const TOP = 24;

function niceStep(range: number): number {
  const raw = range / 5;
  if (raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

const valueText = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * The efficient frontier: the best total value the budget can buy, at each budget level. The
 * best value never falls as the budget grows, so it is drawn as a step line; a point per level
 * (with its selection's size in the tooltip) and a dashed rule at the chosen budget.
 */
export function frontierChart(input: FrontierChartInput): Chart {
  const points = (Array.isArray(input.points) ? input.points : [])
    .filter((p) => Number.isFinite(p.budget) && Number.isFinite(p.value) && p.status !== "infeasible")
    .sort((a, b) => a.budget - b.budget);
  if (points.length === 0) return noDataChart(input.title, "No feasible budget level to show");
  const minB = Math.min(...points.map((p) => p.budget), input.chosen ?? Infinity);
  const maxB = Math.max(...points.map((p) => p.budget), input.chosen ?? -Infinity);
  const bStep = niceStep(maxB - minB || maxB || 1);
  const x0 = Math.floor(minB / bStep) * bStep;
  const x1 = Math.max(x0 + bStep, Math.ceil(maxB / bStep) * bStep);
  const vMax = Math.max(...points.map((p) => p.value), 0);
  const vStep = niceStep(vMax || 1);
  const y1 = Math.max(vStep, Math.ceil(vMax / vStep) * vStep);
  const x = (b: number): number => PLOT_X + ((b - x0) / (x1 - x0)) * PLOT_W;
  const y = (v: number): number => TOP + PLOT_H - (v / y1) * PLOT_H;
  const parts: string[] = [];

  for (let v = 0; v <= y1 + vStep / 2; v += vStep) {
    parts.push(`<line x1="${PLOT_X}" y1="${num(y(v))}" x2="${PLOT_X + PLOT_W}" y2="${num(y(v))}" stroke="${GRID}"/>`);
    parts.push(text(PLOT_X - 6, y(v), valueText(v), { anchor: "end", baseline: "middle", size: 11, fill: MUTED_INK }));
  }
  for (let b = x0; b <= x1 + bStep / 2; b += bStep) {
    parts.push(
      `<line x1="${num(x(b))}" y1="${TOP + PLOT_H}" x2="${num(x(b))}" y2="${TOP + PLOT_H + 4}" stroke="#8c959f"/>`,
    );
    parts.push(
      text(x(b), TOP + PLOT_H + 16, formatMoney(b, undefined), { anchor: "middle", size: 11, fill: MUTED_INK }),
    );
  }
  parts.push(
    text(PLOT_X + PLOT_W / 2, TOP + PLOT_H + 34, `Budget (${input.currency})`, {
      anchor: "middle",
      size: 12,
      fill: MUTED_INK,
    }),
  );
  parts.push(
    text(16, TOP + PLOT_H / 2, `Best total ${input.valueLabel}`, {
      anchor: "middle",
      size: 12,
      fill: MUTED_INK,
      extra: `transform="rotate(-90 16 ${num(TOP + PLOT_H / 2)})"`,
    }),
  );

  // Step line: the value holds until the next budget level buys more.
  let d = `M${num(x(points[0]!.budget))} ${num(y(points[0]!.value))}`;
  for (let i = 1; i < points.length; i++) d += ` H${num(x(points[i]!.budget))} V${num(y(points[i]!.value))}`;
  parts.push(`<path d="${d}" fill="none" stroke="${SERIES_COLORS[0]}" stroke-width="2"/>`);
  for (const p of points) {
    const label = `${formatMoney(p.budget, input.currency)}: ${input.valueLabel} ${valueText(p.value)} from ${plural(p.count, "project")} costing ${formatMoney(p.cost, input.currency)}`;
    parts.push(
      `<circle cx="${num(x(p.budget))}" cy="${num(y(p.value))}" r="4" fill="${SERIES_COLORS[0]}">${tooltip(label)}</circle>`,
    );
  }
  if (input.chosen !== undefined && Number.isFinite(input.chosen)) {
    const cx = x(input.chosen);
    parts.push(
      `<line x1="${num(cx)}" y1="${TOP}" x2="${num(cx)}" y2="${TOP + PLOT_H}" stroke="${SERIES_COLORS[1]}" stroke-dasharray="5 3"/>`,
    );
    parts.push(
      text(cx + 4, TOP + 10, `budget ${formatMoney(input.chosen, input.currency)}`, {
        size: 11,
        fill: SERIES_COLORS[1],
      }),
    );
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const description = sentences([
    `Best total ${input.valueLabel} at ${plural(points.length, "budget level")}, from ${formatMoney(first.budget, input.currency)} (${valueText(first.value)}) to ${formatMoney(last.budget, input.currency)} (${valueText(last.value)})`,
    input.chosen !== undefined ? `The selection's budget is ${formatMoney(input.chosen, input.currency)}` : "",
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: TOP + PLOT_H + 48, body: parts.join("\n") });
}
