import { BAND_COLORS, patternDefs, patternId, type Pattern } from "./palette.js";
import {
  countOf,
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
  urlOf,
  type Chart,
} from "./svg.js";

export interface HeatMapInput {
  title: string;
  probabilityMax: number;
  impactMax: number;
  /** Risks per cell: counts[probability - 1][impact - 1]. */
  counts: number[][];
  /** Band name per cell, same indexing: low | medium | high | critical. */
  bands: string[][];
}

const BAND_ORDER = ["low", "medium", "high", "critical"];
const BAND_PATTERNS: Record<string, Pattern> = {
  low: "solid",
  medium: "dots",
  high: "diagonal",
  critical: "crosshatch",
};
const UNKNOWN_BAND_COLOR = "#eaeef2";
const MAX_SCALE = 10;

/**
 * A probability x impact heat map: probability grows upwards, impact to the right, each cell
 * coloured and patterned by its band and showing how many risks sit in it.
 */
export function heatMap(input: HeatMapInput): Chart {
  const pMax = scaleSize(input.probabilityMax);
  const iMax = scaleSize(input.impactMax);
  if (pMax === 0 || iMax === 0) return noDataChart(input.title, "No risk matrix to show");

  const count = (p: number, i: number): number => countOf(input.counts?.[p - 1]?.[i - 1]);
  const band = (p: number, i: number): string => {
    const b = input.bands?.[p - 1]?.[i - 1];
    return typeof b === "string" ? b : "";
  };

  const cell = Math.max(30, Math.min(64, Math.floor(400 / Math.max(pMax, iMax))));
  const left = 64;
  const top = 12;
  const gridW = iMax * cell;
  const gridH = pMax * cell;
  const parts: string[] = [];
  const bandsUsed = new Set<string>();
  let total = 0;
  const perBand = new Map<string, number>();
  let fullest: { p: number; i: number; n: number } | undefined;

  for (let p = pMax; p >= 1; p--) {
    for (let i = 1; i <= iMax; i++) {
      const x = left + (i - 1) * cell;
      const y = top + (pMax - p) * cell;
      const b = band(p, i);
      const n = count(p, i);
      if (b) bandsUsed.add(b);
      total += n;
      if (n > 0) perBand.set(b, (perBand.get(b) ?? 0) + n);
      if (n > 0 && (!fullest || n > fullest.n || (n === fullest.n && p * i > fullest.p * fullest.i)))
        fullest = { p, i, n };
      const fill = BAND_COLORS[b] ?? UNKNOWN_BAND_COLOR;
      const pattern = BAND_PATTERNS[b] ?? "solid";
      const label = `Probability ${p} x impact ${i}: ${plural(n, "risk")}${b ? `, ${b} band` : ""}`;
      const g = [
        `<g>${tooltip(label)}`,
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}" stroke="#ffffff" stroke-width="2"/>`,
      ];
      if (pattern !== "solid")
        g.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="${urlOf(patternId(pattern, "dark"))}"/>`,
        );
      if (n > 0) {
        const label = String(n);
        const w = Math.max(22, label.length * 8 + 10);
        g.push(
          `<rect x="${num(x + (cell - w) / 2)}" y="${num(y + cell / 2 - 11)}" width="${w}" height="22" rx="11" fill="#ffffff" stroke="#1f2328" stroke-opacity="0.25"/>`,
        );
        g.push(
          text(x + cell / 2, y + cell / 2, label, { anchor: "middle", baseline: "middle", weight: "bold", size: 13 }),
        );
      }
      g.push(`</g>`);
      parts.push(g.join(""));
    }
  }

  // Axes: tick numbers, names, arrows pointing to "more".
  for (let p = 1; p <= pMax; p++)
    parts.push(
      text(left - 8, top + (pMax - p + 0.5) * cell, String(p), { anchor: "end", baseline: "middle", fill: MUTED_INK }),
    );
  for (let i = 1; i <= iMax; i++)
    parts.push(text(left + (i - 0.5) * cell, top + gridH + 16, String(i), { anchor: "middle", fill: MUTED_INK }));
  parts.push(text(left + gridW / 2, top + gridH + 36, "Impact \u2192", { anchor: "middle", weight: "bold" }));
  parts.push(
    text(18, top + gridH / 2, "Probability \u2192", {
      anchor: "middle",
      weight: "bold",
      extra: `transform="rotate(-90 18 ${num(top + gridH / 2)})"`,
    }),
  );
  parts.push(`<rect x="${left}" y="${top}" width="${gridW}" height="${gridH}" fill="none" stroke="${GRID}"/>`);

  // Legend: every band the matrix uses, in order of severity, with its pattern.
  const legendBands = [...bandsUsed].sort((a, b) => rank(a) - rank(b) || compare(a, b));
  const legendY = top + gridH + 54;
  let lx = left;
  for (const b of legendBands) {
    const pattern = BAND_PATTERNS[b] ?? "solid";
    const n = perBand.get(b) ?? 0;
    const label = `${b || "no band"} (${n})`;
    parts.push(
      `<rect x="${num(lx)}" y="${legendY}" width="16" height="16" rx="2" fill="${BAND_COLORS[b] ?? UNKNOWN_BAND_COLOR}" stroke="#8c959f"/>`,
    );
    if (pattern !== "solid")
      parts.push(
        `<rect x="${num(lx)}" y="${legendY}" width="16" height="16" rx="2" fill="${urlOf(patternId(pattern, "dark"))}"/>`,
      );
    parts.push(text(lx + 22, legendY + 8, label, { baseline: "middle" }));
    lx += 22 + textWidth(label, 12) + 18;
  }
  if (total === 0) {
    parts.push(
      `<rect x="${num(left + gridW / 2 - 60)}" y="${num(top + gridH / 2 - 14)}" width="120" height="28" rx="4" fill="#ffffff" stroke="${GRID}"/>`,
    );
    parts.push(
      text(left + gridW / 2, top + gridH / 2, "No risks", { anchor: "middle", baseline: "middle", fill: MUTED_INK }),
    );
  }

  const width = Math.max(left + gridW + 16, lx);
  const height = legendY + 16 + 12;
  const defs = patternDefs(
    legendBands.map((b) => BAND_PATTERNS[b] ?? "solid"),
    "dark",
  );
  return frame({
    title: input.title,
    description: describe(total, perBand, fullest, pMax, iMax),
    width,
    height,
    defs,
    body: parts.join("\n"),
  });
}

function describe(
  total: number,
  perBand: Map<string, number>,
  fullest: { p: number; i: number; n: number } | undefined,
  pMax: number,
  iMax: number,
): string {
  const matrix = `a ${pMax} x ${iMax} probability and impact matrix`;
  if (total === 0 || !fullest) return `No risks in ${matrix}.`;
  const bands = [...perBand.entries()]
    .sort((a, b) => rank(b[0]) - rank(a[0]) || compare(a[0], b[0]))
    .map(([b, n]) => `${n} ${b || "without a band"}`)
    .join(", ");
  return sentences([
    `${plural(total, "risk")} in ${matrix}: ${bands}`,
    `The fullest cell is probability ${fullest.p} x impact ${fullest.i} with ${plural(fullest.n, "risk")}`,
  ]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank(band: string): number {
  const i = BAND_ORDER.indexOf(band);
  return i === -1 ? BAND_ORDER.length : i;
}

function scaleSize(value: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.min(MAX_SCALE, Math.floor(value)) : 0;
}
