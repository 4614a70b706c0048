import { fitText, frame, GRID, MUTED_INK, noDataChart, num, sentences, text, tooltip, type Chart } from "./svg.js";

export interface TornadoInput {
  title: string;
  /** What the bars measure, e.g. "correlation with the finish". */
  measure: string;
  /** Values from -1 to 1, in the order drawn (largest first). */
  bars: { label: string; value: number }[];
}

const WIDTH = 760;
const LABEL_W = 300;
const PLOT_X = LABEL_W + 12;
const PLOT_W = WIDTH - PLOT_X - 48;
const BAR_H = 18;
const GAP = 8;
const POSITIVE = "#bc4c00";
const NEGATIVE = "#0969da";

/**
 * A tornado: one horizontal bar per driver from the zero line, longest first; bars to the right
 * push the date later as the input grows, bars to the left pull it earlier. The value is
 * written at the end of each bar, so the chart reads in greyscale.
 */
export function tornado(input: TornadoInput): Chart {
  const bars = (Array.isArray(input.bars) ? input.bars : []).filter(
    (b) => typeof b?.value === "number" && Number.isFinite(b.value),
  );
  if (bars.length === 0) return noDataChart(input.title, "No input varies the date");
  const top = 8;
  const axisY = top + bars.length * (BAR_H + GAP);
  const mid = PLOT_X + PLOT_W / 2;
  const x = (v: number): number => mid + (Math.max(-1, Math.min(1, v)) * PLOT_W) / 2;
  const parts: string[] = [];
  for (const v of [-1, -0.5, 0, 0.5, 1]) {
    parts.push(
      `<line x1="${num(x(v))}" y1="${top - 4}" x2="${num(x(v))}" y2="${axisY}" stroke="${v === 0 ? "#8c959f" : GRID}"/>`,
    );
    parts.push(text(x(v), axisY + 14, v === 0 ? "0" : v.toFixed(1), { anchor: "middle", size: 11, fill: MUTED_INK }));
  }
  parts.push(text(mid, axisY + 30, input.measure, { anchor: "middle", size: 11, fill: MUTED_INK }));
  bars.forEach((b, i) => {
    const y = top + i * (BAR_H + GAP);
    const x0 = Math.min(x(0), x(b.value));
    const w = Math.abs(x(b.value) - x(0));
    const shown = formatValue(b.value);
    parts.push(
      `<g>${tooltip(`${b.label}: ${shown}`)}<rect x="${num(x0)}" y="${y}" width="${num(Math.max(w, 1))}" height="${BAR_H}" fill="${b.value >= 0 ? POSITIVE : NEGATIVE}"/>${text(
        LABEL_W,
        y + BAR_H / 2,
        fitText(b.label, LABEL_W - 48, 12),
        { anchor: "end", baseline: "middle" },
      )}${text(b.value >= 0 ? x(b.value) + 4 : x(b.value) - 4, y + BAR_H / 2, shown, {
        anchor: b.value >= 0 ? "start" : "end",
        baseline: "middle",
        size: 11,
      })}</g>`,
    );
  });
  const description = sentences([
    `${input.measure.charAt(0).toUpperCase()}${input.measure.slice(1)} of ${bars.length === 1 ? "1 driver" : `${bars.length} drivers`}, strongest first`,
    bars.map((b) => `${b.label} ${formatValue(b.value)}`).join("; "),
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: axisY + 40, body: parts.join("\n") });
}

/** Two decimals, never "-0.00". */
function formatValue(v: number): string {
  const r = Math.round(v * 100) / 100;
  return (r === 0 ? 0 : r).toFixed(2);
}
