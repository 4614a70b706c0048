import { SERIES_COLORS } from "./palette.js";
import { dayOf, longDate, monthStart, monthTicks } from "./time-scale.js";
import {
  fitText,
  frame,
  GRID,
  MUTED_INK,
  noDataChart,
  num,
  sentences,
  text,
  textWidth,
  tooltip,
  type Chart,
} from "./svg.js";

export interface ProbabilityCurveInput {
  title: string;
  /** One cumulative distribution per series: each date a finish falls on, with the share (0..1) finished by then. */
  series: { label: string; points: { date: string; probability: number }[]; committed?: string | null }[];
}

const WIDTH = 760;
const PLOT_X = 56;
const PLOT_W = WIDTH - PLOT_X - 24;
const PLOT_H = 200;
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

/**
 * The S-curve of a Monte Carlo forecast: the probability of finishing by each date, a step
 * line per series, with each series' committed date as a vertical mark and the 50% and 80%
 * levels drawn, so P50 and P80 can be read off where the curve crosses them.
 */
export function probabilityCurve(input: ProbabilityCurveInput): Chart {
  const series = (Array.isArray(input.series) ? input.series : []).map((s) => ({
    label: typeof s.label === "string" ? s.label : "",
    committed: dayOf(s.committed ?? undefined),
    points: (Array.isArray(s.points) ? s.points : [])
      .map((p) => ({ day: dayOf(p?.date), probability: p?.probability }))
      .filter(
        (p): p is { day: number; probability: number } =>
          p.day !== undefined && typeof p.probability === "number" && p.probability >= 0 && p.probability <= 1,
      )
      .sort((a, b) => a.day - b.day),
  }));
  const days = series.flatMap((s) => [
    ...s.points.map((p) => p.day),
    ...(s.committed !== undefined ? [s.committed] : []),
  ]);
  if (series.every((s) => s.points.length === 0)) return noDataChart(input.title, "No forecast to show");
  const from = monthStart(Math.min(...days));
  const to = monthStart(Math.max(...days), 1);
  const parts: string[] = [];

  let lx = PLOT_X;
  let ly = 12;
  series.forEach((s, i) => {
    const label = fitText(s.label, 260, 12);
    const w = 34 + textWidth(label, 12) + 18;
    if (lx + w > WIDTH && lx > PLOT_X) {
      lx = PLOT_X;
      ly += 20;
    }
    parts.push(
      `<g>${tooltip(s.label)}<line x1="${num(lx)}" y1="${ly}" x2="${num(lx + 28)}" y2="${ly}" ${lineAttrs(i)}/>${text(lx + 34, ly, label, { baseline: "middle" })}</g>`,
    );
    lx += w;
  });
  const top = ly + 22;
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const y = (p: number): number => top + PLOT_H - p * PLOT_H;

  for (const level of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    parts.push(
      `<line x1="${PLOT_X}" y1="${num(y(level))}" x2="${PLOT_X + PLOT_W}" y2="${num(y(level))}" stroke="${GRID}"${level === 0.8 ? ` stroke-dasharray="4 3"` : ""}/>`,
    );
    parts.push(
      text(PLOT_X - 6, y(level), `${Math.round(level * 100)}%`, {
        anchor: "end",
        baseline: "middle",
        size: 11,
        fill: MUTED_INK,
      }),
    );
  }
  parts.push(
    `<line x1="${PLOT_X}" y1="${num(y(0.5))}" x2="${PLOT_X + PLOT_W}" y2="${num(y(0.5))}" stroke="${GRID}" stroke-dasharray="4 3"/>`,
  );
  parts.push(text(PLOT_X + PLOT_W, y(0.5) - 6, "P50", { anchor: "end", size: 11, fill: MUTED_INK }));
  parts.push(text(PLOT_X + PLOT_W, y(0.8) - 6, "P80", { anchor: "end", size: 11, fill: MUTED_INK }));
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

  series.forEach((s, i) => {
    if (s.committed !== undefined) {
      const cx = x(s.committed);
      parts.push(
        `<g>${tooltip(`${s.label}: committed ${longDate(s.committed)}`)}<line x1="${num(cx)}" y1="${top}" x2="${num(cx)}" y2="${top + PLOT_H}" stroke="${SERIES_COLORS[i % SERIES_COLORS.length]}" stroke-width="1.5" stroke-dasharray="2 2"/>${text(cx + 4, top + 10 + i * 14, series.length > 1 ? `${fitText(s.label, 120, 11)} committed` : "committed", { size: 11, fill: MUTED_INK })}</g>`,
      );
    }
    if (s.points.length === 0) return;
    // A step line: the probability holds until the next date a finish falls on.
    const first = s.points[0]!;
    const coords = [`${num(x(first.day))},${num(y(0))}`];
    let previous = 0;
    for (const p of s.points) {
      coords.push(`${num(x(p.day))},${num(y(previous))}`, `${num(x(p.day))},${num(y(p.probability))}`);
      previous = p.probability;
    }
    coords.push(`${num(x(to))},${num(y(previous))}`);
    parts.push(`<g>${tooltip(describe(s))}<polyline points="${coords.join(" ")}" fill="none" ${lineAttrs(i)}/></g>`);
  });
  const description = sentences([
    "Probability of finishing by each date (share of the iterations)",
    ...series.filter((s) => s.points.length > 0).map(describe),
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: top + PLOT_H + 40, body: parts.join("\n") });
}

function describe(s: {
  label: string;
  committed: number | undefined;
  points: { day: number; probability: number }[];
}): string {
  const at = (level: number): string => {
    const p = s.points.find((q) => q.probability >= level - 1e-12);
    return p ? longDate(p.day) : "unknown";
  };
  const committed =
    s.committed !== undefined
      ? `; committed ${longDate(s.committed)}, ${Math.round(
          (s.points.filter((p) => p.day <= s.committed!).at(-1)?.probability ?? 0) * 100,
        )}% by then`
      : "";
  return `${s.label}: 50% by ${at(0.5)}, 80% by ${at(0.8)}${committed}`;
}

function lineAttrs(i: number): string {
  const dash = DASHES[i % DASHES.length];
  return `stroke="${SERIES_COLORS[i % SERIES_COLORS.length]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""} stroke-linejoin="round"`;
}
