import { SERIES_COLORS } from "./palette.js";
import {
  fitText,
  frame,
  GRID,
  MUTED_INK,
  noDataChart,
  num,
  PANEL,
  plural,
  sentences,
  text,
  tooltip,
  type Chart,
} from "./svg.js";

export interface QuadrantInput {
  title: string;
  /** One point per project: schedule performance (x) and cost performance (y). */
  points: { id: string; label: string; spi: number; cpi: number }[];
  /** How many projects had no SPI or CPI to plot (they are named in the description). */
  leftOut?: string[];
}

const WIDTH = 560;
/** Above this many points the chart drops the point labels and describes itself in counts. */
const MANY = 40;
const LISTED = 10;
const PLOT_X = 64;
const PLOT_Y = 24;
const PLOT = 400;
const LOW = 0.5;
const HIGH = 1.5;

/**
 * The portfolio quadrant of earned value: SPI across, CPI up, the lines at 1.00 splitting
 * "ahead and under cost" (top right) from "behind and over cost" (bottom left). Indexes
 * outside 0.5-1.5 are drawn on the border with their value in the tooltip and the text.
 */
export function quadrant(input: QuadrantInput): Chart {
  const points = (Array.isArray(input.points) ? input.points : []).filter(
    (p) => Number.isFinite(p?.spi) && Number.isFinite(p?.cpi),
  );
  const leftOut = Array.isArray(input.leftOut) ? input.leftOut : [];
  if (points.length === 0)
    return noDataChart(
      input.title,
      leftOut.length > 0 ? `No project has both SPI and CPI (${leftOut.length} without)` : "No project to show",
    );
  const clamp = (v: number) => Math.min(HIGH, Math.max(LOW, v));
  const x = (spi: number) => PLOT_X + ((clamp(spi) - LOW) / (HIGH - LOW)) * PLOT;
  const y = (cpi: number) => PLOT_Y + PLOT - ((clamp(cpi) - LOW) / (HIGH - LOW)) * PLOT;
  const parts: string[] = [];
  parts.push(`<rect x="${PLOT_X}" y="${PLOT_Y}" width="${PLOT}" height="${PLOT}" fill="${PANEL}" stroke="${GRID}"/>`);
  for (let v = LOW; v <= HIGH + 1e-9; v += 0.25) {
    const stroke = v === 1 ? `stroke="#8c959f" stroke-width="2"` : `stroke="${GRID}"`;
    parts.push(`<line x1="${num(x(v))}" y1="${PLOT_Y}" x2="${num(x(v))}" y2="${PLOT_Y + PLOT}" ${stroke}/>`);
    parts.push(`<line x1="${PLOT_X}" y1="${num(y(v))}" x2="${PLOT_X + PLOT}" y2="${num(y(v))}" ${stroke}/>`);
    parts.push(text(x(v), PLOT_Y + PLOT + 16, v.toFixed(2), { anchor: "middle", size: 11, fill: MUTED_INK }));
    parts.push(text(PLOT_X - 6, y(v), v.toFixed(2), { anchor: "end", baseline: "middle", size: 11, fill: MUTED_INK }));
  }
  parts.push(
    text(PLOT_X + PLOT / 2, PLOT_Y + PLOT + 34, "SPI (schedule performance)", { anchor: "middle", weight: "bold" }),
  );
  const cy = PLOT_Y + PLOT / 2;
  parts.push(
    text(16, cy, "CPI (cost performance)", {
      anchor: "middle",
      weight: "bold",
      extra: `transform="rotate(-90 16 ${num(cy)})"`,
    }),
  );
  const corner = (cx: number, cyy: number, label: string, anchor: "start" | "end") =>
    parts.push(text(cx, cyy, label, { anchor, size: 11, fill: MUTED_INK }));
  corner(PLOT_X + PLOT - 6, PLOT_Y + 14, "ahead, under cost", "end");
  corner(PLOT_X + 6, PLOT_Y + 14, "behind, under cost", "start");
  corner(PLOT_X + PLOT - 6, PLOT_Y + PLOT - 8, "ahead, over cost", "end");
  corner(PLOT_X + 6, PLOT_Y + PLOT - 8, "behind, over cost", "start");

  const sorted = [...points].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Beyond a few dozen points, labels would cover each other and a description naming every
  // point would be longer than the page: the tooltips still name each one.
  const many = sorted.length > MANY;
  sorted.forEach((p, i) => {
    const px = x(p.spi);
    const py = y(p.cpi);
    const tip = `${p.label}: SPI ${p.spi.toFixed(2)}, CPI ${p.cpi.toFixed(2)}`;
    parts.push(
      `<g>${tooltip(tip)}<circle cx="${num(px)}" cy="${num(py)}" r="5" fill="${SERIES_COLORS[i % SERIES_COLORS.length]}" stroke="#ffffff" stroke-width="1.2"/>${many ? "" : text(px + 8, py - 6, fitText(p.id, 90, 11), { size: 11 })}</g>`,
    );
  });
  const behindOverPoints = sorted.filter((p) => p.spi < 1 && p.cpi < 1);
  const behindOver = behindOverPoints.map((p) => p.id);
  // The worst first (lowest SPI x CPI) when the list is cut.
  const worst = [...behindOverPoints]
    .sort((a, b) => a.spi * a.cpi - b.spi * b.cpi || (a.id < b.id ? -1 : 1))
    .slice(0, LISTED);
  const description = sentences(
    many
      ? [
          `${plural(sorted.length, "project")} by SPI and CPI`,
          behindOver.length > 0
            ? `${behindOver.length} behind schedule and over cost, the worst: ${worst.map((p) => `${p.id} (SPI ${p.spi.toFixed(2)}, CPI ${p.cpi.toFixed(2)})`).join(", ")}`
            : "none is both behind schedule and over cost",
          ...(leftOut.length > 0 ? [`${leftOut.length} without SPI or CPI`] : []),
        ]
      : [
          `${plural(sorted.length, "project")} by SPI and CPI`,
          behindOver.length > 0
            ? `behind schedule and over cost: ${behindOver.join(", ")}`
            : "none is both behind schedule and over cost",
          ...sorted.map((p) => `${p.id}: SPI ${p.spi.toFixed(2)}, CPI ${p.cpi.toFixed(2)}`),
          ...(leftOut.length > 0 ? [`without SPI or CPI: ${leftOut.join(", ")}`] : []),
        ],
  );
  return frame({ title: input.title, description, width: WIDTH, height: PLOT_Y + PLOT + 48, body: parts.join("\n") });
}
