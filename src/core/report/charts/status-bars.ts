import {
  inkOn,
  patternDefs,
  patternFor,
  patternId,
  safeColor,
  STATUS_COLORS,
  statusColor,
  type Pattern,
} from "./palette.js";
import {
  countOf,
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
  urlOf,
  type Chart,
} from "./svg.js";

export interface StatusBarsInput {
  title: string;
  /** The status scale, best value first. */
  scale: { value: string; label: string; color: string }[];
  /** One bar per row (a portfolio, a stage, ...): how many items have each status value. */
  rows: { label: string; counts: Record<string, number> }[];
  /**
   * `periods` when the rows are the same items at successive times (a status distribution per
   * month): the legend and the text alternative count the last row, not the sum over rows,
   * which would count each item once per period.
   */
  rowsAre?: "groups" | "periods";
}

const WIDTH = 760;
const LABEL_W = 200;
const PLOT_X = LABEL_W + 16;
const PLOT_W = WIDTH - PLOT_X - 48;
const ROW_H = 30;
const BAR_H = 20;

interface Segment {
  value: string;
  label: string;
  color: string;
  pattern: Pattern;
}

/**
 * Horizontal stacked bars: per row, how many items have each status value, best value first,
 * every segment coloured, patterned and (where it fits) labelled with its count; the total at
 * the end of each bar; a legend with each value's count over all rows.
 */
export function statusBars(input: StatusBarsInput): Chart {
  const rows = (Array.isArray(input.rows) ? input.rows : []).map((r) => ({
    label: typeof r.label === "string" ? r.label : "",
    counts: r.counts ?? {},
  }));
  const scale = Array.isArray(input.scale) ? input.scale.filter((s) => typeof s?.value === "string") : [];
  const known = new Set(scale.map((s) => s.value));
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))]
    .filter((v) => !known.has(v) && rows.some((r) => countOf(r.counts[v]) > 0))
    .sort(compare);
  const size = scale.length + extra.length;
  const segments: Segment[] = [
    ...scale.map((s, i) => ({
      value: s.value,
      label: typeof s.label === "string" && s.label !== "" ? s.label : s.value,
      color: safeColor(s.color, statusColor(s.value, i)),
      pattern: patternFor(i, scale.length),
    })),
    ...extra.map((v, i) => ({
      value: v,
      label: v,
      color: STATUS_COLORS[v] ?? STATUS_COLORS["unknown"]!,
      pattern: patternFor(scale.length + i, Math.max(size, 6)),
    })),
  ];
  const totals = rows.map((r) => segments.reduce((sum, s) => sum + countOf(r.counts[s.value]), 0));
  const grand = totals.reduce((a, b) => a + b, 0);
  if (rows.length === 0 || grand === 0) return noDataChart(input.title, "No statuses to show");

  const overTime = input.rowsAre === "periods";
  const latest = rows[rows.length - 1]!;
  const perValue = segments.map((s) =>
    overTime ? countOf(latest.counts[s.value]) : rows.reduce((sum, r) => sum + countOf(r.counts[s.value]), 0),
  );
  const max = Math.max(...totals);
  const parts: string[] = [];

  // Legend first: it is read before the bars.
  let lx = 8;
  let ly = 14;
  segments.forEach((s, i) => {
    const label = `${s.label} (${perValue[i]})`;
    const w = 22 + textWidth(label, 12) + 18;
    if (lx + w > WIDTH && lx > 8) {
      lx = 8;
      ly += 22;
    }
    parts.push(swatch(lx, ly - 8, s));
    parts.push(text(lx + 22, ly, label, { baseline: "middle" }));
    lx += w;
  });
  const top = ly + 22;

  rows.forEach((row, index) => {
    const y = top + index * ROW_H;
    const by = y + (ROW_H - BAR_H) / 2;
    parts.push(
      `<g>${tooltip(row.label)}${text(8, y + ROW_H / 2, fitText(row.label, LABEL_W - 8, 12), { baseline: "middle" })}</g>`,
    );
    parts.push(`<rect x="${PLOT_X}" y="${num(by)}" width="${PLOT_W}" height="${BAR_H}" fill="#f6f8fa"/>`);
    let x = PLOT_X;
    segments.forEach((s) => {
      const n = countOf(row.counts[s.value]);
      if (n === 0) return;
      const w = (n / max) * PLOT_W;
      const g = [
        `<g>${tooltip(`${row.label}: ${n} ${s.label}`)}`,
        `<rect x="${num(x)}" y="${num(by)}" width="${num(w)}" height="${BAR_H}" fill="${s.color}"/>`,
      ];
      if (s.pattern !== "solid")
        g.push(
          `<rect x="${num(x)}" y="${num(by)}" width="${num(w)}" height="${BAR_H}" fill="${urlOf(patternId(s.pattern, "light"))}"/>`,
        );
      g.push(
        `<line x1="${num(x + w)}" y1="${num(by)}" x2="${num(x + w)}" y2="${num(by + BAR_H)}" stroke="#ffffff" stroke-width="1.5"/>`,
      );
      const label = String(n);
      if (w >= textWidth(label, 12) + 10) {
        g.push(
          `<rect x="${num(x + w / 2 - textWidth(label, 12) / 2 - 3)}" y="${num(by + 3)}" width="${num(textWidth(label, 12) + 6)}" height="${BAR_H - 6}" rx="3" fill="${s.color}"/>`,
        );
        g.push(
          text(x + w / 2, by + BAR_H / 2, label, {
            anchor: "middle",
            baseline: "middle",
            weight: "bold",
            extra: inkOn(s.color),
          }),
        );
      }
      g.push(`</g>`);
      parts.push(g.join(""));
      x += w;
    });
    parts.push(text(x + 6, y + ROW_H / 2, String(totals[index]), { baseline: "middle", fill: MUTED_INK }));
  });
  const bottom = top + rows.length * ROW_H;
  parts.push(`<line x1="${PLOT_X}" y1="${top}" x2="${PLOT_X}" y2="${bottom}" stroke="${GRID}"/>`);

  const byValue = segments
    .map((s, i) => ({ s, n: perValue[i]! }))
    .filter((e) => e.n > 0)
    .map((e) => `${e.n} ${e.s.label}`)
    .join(", ");
  // The worst value on the scale: values off it (no report, not assessed) are not worse, only unknown.
  const worstIndex = [...segments.keys()].reverse().find((i) => perValue[i]! > 0 && i > 0 && i < scale.length);
  let worstRow = "";
  if (worstIndex !== undefined && rows.length > 1) {
    const value = segments[worstIndex]!;
    const best = rows.map((r) => ({ label: r.label, n: countOf(r.counts[value.value]) })).sort((a, b) => b.n - a.n)[0]!;
    worstRow = `Most ${value.label}: ${best.label} (${best.n})`;
  }
  const description = overTime
    ? sentences([
        `${latest.label}: ${totals[totals.length - 1]} in all${byValue ? `: ${byValue}` : ""}`,
        `${plural(rows.length, "period")} shown, from ${rows[0]!.label} to ${latest.label}`,
      ])
    : sentences([`${grand} in ${plural(rows.length, "group")}: ${byValue}`, worstRow]);
  return frame({
    title: input.title,
    description,
    width: WIDTH,
    height: bottom + 10,
    defs: patternDefs(
      segments.map((s) => s.pattern),
      "light",
    ),
    body: parts.join("\n"),
  });
}

function swatch(x: number, y: number, s: Segment): string {
  const at = `x="${num(x)}" y="${num(y)}" width="16" height="16" rx="2"`;
  const pattern = s.pattern === "solid" ? "" : `<rect ${at} fill="${urlOf(patternId(s.pattern, "light"))}"/>`;
  return `<rect ${at} fill="${s.color}"/>${pattern}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
