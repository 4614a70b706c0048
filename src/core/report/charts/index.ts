/**
 * PLACEHOLDER chart module, to be replaced by the real charts (same exports, same contract).
 * Every function is pure and deterministic and returns a complete, accessible <svg> element
 * (role="img", aria-labelledby pointing at its <title> and <desc>); the shapes are minimal.
 */

export interface Chart {
  svg: string;
  title: string;
  description: string;
}

export const STATUS_COLORS: Record<string, string> = {
  green: "#2e7d32",
  "amber-green": "#9e9d24",
  amber: "#f9a825",
  "amber-red": "#ef6c00",
  red: "#c62828",
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function idOf(title: string): string {
  let hash = 0;
  for (let i = 0; i < title.length; i++) hash = (hash * 31 + title.charCodeAt(i)) >>> 0;
  return `chart-${hash.toString(36)}`;
}

function box(title: string, description: string, body: string, width = 400, height = 40): Chart {
  const id = idOf(title);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${body}</svg>`;
  return { svg, title, description };
}

export function heatMap(input: { title: string; probabilityMax: number; impactMax: number; counts: number[][]; bands: string[][] }): Chart {
  const total = input.counts.flat().reduce((a, b) => a + b, 0);
  return box(input.title, `${total} risks on a ${input.probabilityMax} by ${input.impactMax} probability and impact grid`, `<rect width="400" height="40" fill="#eeeeee"/>`);
}

export function timeline(input: {
  title: string;
  asOf: string;
  rows: { label: string; baselineStart?: string; baselineFinish?: string; forecastStart?: string; forecastFinish?: string; actualFinish?: string; milestones: { label: string; baseline?: string; forecast?: string; actual?: string }[] }[];
}): Chart {
  const milestones = input.rows.reduce((n, r) => n + r.milestones.length, 0);
  return box(input.title, `${input.rows.length} rows and ${milestones} milestones as of ${input.asOf}`, `<rect width="400" height="40" fill="#eeeeee"/>`);
}

export function statusBars(input: { title: string; scale: { value: string; label: string; color: string }[]; rows: { label: string; counts: Record<string, number> }[] }): Chart {
  return box(input.title, `status counts for ${input.rows.length} rows`, `<rect width="400" height="40" fill="#eeeeee"/>`);
}

export function budgetBars(input: { title: string; currency: string; rows: { label: string; approved: number; actual: number; forecast: number }[] }): Chart {
  return box(input.title, `approved, actual and forecast in ${input.currency} for ${input.rows.length} rows`, `<rect width="400" height="40" fill="#eeeeee"/>`);
}

export function trendLines(input: { title: string; yLabel: string; series: { label: string; points: { date: string; value: number }[] }[] }): Chart {
  return box(input.title, `${input.series.length} series of ${input.yLabel}`, `<rect width="400" height="40" fill="#eeeeee"/>`);
}
