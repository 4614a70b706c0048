import { formatMoney, formatPercent } from "../../money.js";
import { patternDefs, patternId, SERIES_COLORS, STATUS_COLORS } from "./palette.js";
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
  urlOf,
  type Chart,
} from "./svg.js";

export interface BudgetBarsInput {
  title: string;
  currency: string;
  /**
   * An amount that is not known is null: no bar, and "unknown" where its amount would be.
   * `variance`/`variancePercent`, when given, are the forecast's variance as the caller
   * computed it (like for like); otherwise forecast minus approved.
   */
  rows: {
    label: string;
    approved: number | null;
    actual: number | null;
    forecast: number | null;
    variance?: number | null;
    variancePercent?: number | null;
  }[];
}

const WIDTH = 760;
const LABEL_W = 200;
const PLOT_X = LABEL_W + 16;
const VARIANCE_W = 84;
const VALUE_W = 72;
const PLOT_W = WIDTH - PLOT_X - VARIANCE_W - VALUE_W;
const BAR_H = 11;
const BAR_GAP = 3;
const ROW_H = 3 * BAR_H + 2 * BAR_GAP + 16;
const ACTUAL = SERIES_COLORS[0];
const FORECAST = SERIES_COLORS[1];

type Measure = "approved" | "actual" | "forecast";
const MEASURES: { key: Measure; label: string }[] = [
  { key: "approved", label: "Approved" },
  { key: "actual", label: "Actual" },
  { key: "forecast", label: "Forecast" },
];

/**
 * Grouped horizontal bars per row: approved (hollow), actual (solid) and forecast (hatched)
 * against one scale, each labelled with its amount, and the forecast's variance from the
 * approved budget at the right (over budget in red and with a plus sign, so not by colour alone).
 */
export function budgetBars(input: BudgetBarsInput): Chart {
  const currency = typeof input.currency === "string" ? input.currency : "";
  const rows = (Array.isArray(input.rows) ? input.rows : []).map((r) => {
    const approved = amount(r.approved);
    const forecast = amount(r.forecast);
    const given = r.variance !== undefined || r.variancePercent !== undefined;
    const by = given ? amount(r.variance) : approved !== null && forecast !== null ? forecast - approved : null;
    const percent = given
      ? amount(r.variancePercent)
      : by !== null && approved !== null && approved > 0
        ? (by / approved) * 100
        : null;
    return {
      label: typeof r.label === "string" ? r.label : "",
      approved,
      actual: amount(r.actual),
      forecast,
      by,
      percent,
    };
  });
  const max = Math.max(0, ...rows.flatMap((r) => [r.approved ?? 0, r.actual ?? 0, r.forecast ?? 0]));
  if (rows.length === 0) return noDataChart(input.title, "No budgets to show");
  if (max === 0) return noDataChart(input.title, "No budget amounts to show");

  const money = (value: number): string => formatMoney(value, currency || undefined);
  const parts: string[] = [];
  let lx = 8;
  for (const m of MEASURES) {
    parts.push(`<g transform="translate(${num(lx)} 6)">${bar(m.key, 0, 0, 22, 12)}</g>`);
    parts.push(text(lx + 28, 12, m.label, { baseline: "middle" }));
    lx += 28 + textWidth(m.label, 12) + 18;
  }
  parts.push(
    text(WIDTH - 8, 12, "Forecast vs approved", { anchor: "end", baseline: "middle", size: 11, fill: MUTED_INK }),
  );
  const top = 32;

  const over: { label: string; by: number; percent: number }[] = [];
  rows.forEach((row, index) => {
    const y = top + index * ROW_H;
    if (index % 2 === 1)
      parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" fill="#f6f8fa" fill-opacity="0.7"/>`);
    const mid = y + ROW_H / 2;
    parts.push(
      `<g>${tooltip(row.label)}${text(8, mid, fitText(row.label, LABEL_W - 8, 12), { baseline: "middle" })}</g>`,
    );
    MEASURES.forEach((m, i) => {
      const by = y + 8 + i * (BAR_H + BAR_GAP);
      const value = row[m.key];
      if (value === null) {
        parts.push(
          `<g>${tooltip(`${row.label}: ${m.label.toLowerCase()} unknown`)}${text(PLOT_X + 5, by + BAR_H / 2, "unknown", { baseline: "middle", size: 11, fill: MUTED_INK })}</g>`,
        );
        return;
      }
      const w = (Math.max(0, value) / max) * PLOT_W;
      parts.push(
        `<g>${tooltip(`${row.label}: ${m.label.toLowerCase()} ${money(value)}`)}${bar(m.key, PLOT_X, by, w, BAR_H)}${text(PLOT_X + w + 5, by + BAR_H / 2, money(value), { baseline: "middle", size: 11, fill: m.key === "approved" ? MUTED_INK : INK })}</g>`,
      );
    });
    let variance: string;
    let attrs: { fill: string; weight: "bold" | "normal" } = { fill: MUTED_INK, weight: "normal" };
    if (row.percent !== null) {
      const percent = row.percent;
      variance = `${percent > 0 ? "+" : percent < 0 ? "\u2212" : ""}${formatPercent(Math.abs(percent))}`;
      if (row.by !== null && row.by > 0) {
        attrs = { fill: STATUS_COLORS["red"]!, weight: "bold" };
        over.push({ label: row.label, by: row.by, percent });
      }
    } else {
      variance = "n/a";
    }
    parts.push(text(WIDTH - 8, mid, variance, { anchor: "end", baseline: "middle", ...attrs }));
  });
  const bottom = top + rows.length * ROW_H;
  parts.push(`<line x1="${PLOT_X}" y1="${top}" x2="${PLOT_X}" y2="${bottom}" stroke="${GRID}"/>`);

  // Sums of the known amounts; a measure unknown in some rows says so.
  const sum = (k: Measure): string => {
    const known = rows.filter((r) => r[k] !== null);
    if (known.length === 0) return "unknown";
    const total = money(known.reduce((s, r) => s + r[k]!, 0));
    return known.length < rows.length ? `${total} (${rows.length - known.length} unknown)` : total;
  };
  over.sort((a, b) => b.by - a.by);
  const description = sentences([
    `${plural(rows.length, "budget")}${currency ? ` in ${currency}` : ""}: approved ${sum("approved")}, actual ${sum("actual")}, forecast ${sum("forecast")}`,
    over.length > 0
      ? `${over.length} forecast over approved; the largest overrun is ${over[0]!.label}, by ${money(over[0]!.by)} (${formatPercent(over[0]!.percent)})`
      : "No forecast is over its approved budget",
  ]);
  return frame({
    title: input.title,
    description,
    width: WIDTH,
    height: bottom + 8,
    defs: patternDefs(["diagonal"], "light"),
    body: parts.join("\n"),
  });
}

function bar(measure: Measure, x: number, y: number, w: number, h: number): string {
  const at = `x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"`;
  // The outline is drawn inside the bar's box, so a hollow bar is exactly as long as a filled one.
  if (measure === "approved")
    return `<rect x="${num(x + 0.6)}" y="${num(y + 0.6)}" width="${num(Math.max(0, w - 1.2))}" height="${num(h - 1.2)}" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/>`;
  if (measure === "actual") return `<rect ${at} fill="${ACTUAL}"/>`;
  return `<rect ${at} fill="${FORECAST}"/><rect ${at} fill="${urlOf(patternId("diagonal", "light"))}"/>`;
}

function amount(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
