import { STATUS_COLORS } from "./palette.js";
import {
  fitText,
  frame,
  GRID,
  INK,
  MUTED_INK,
  noDataChart,
  num,
  PANEL,
  plural,
  sentences,
  text,
  textWidth,
  tooltip,
  type Chart,
} from "./svg.js";
import { dayOf, longDate, monthStart, monthTicks, monthYear } from "./time-scale.js";

export interface RoadmapMilestone {
  label: string;
  /** The date the milestone is expected (actual, else forecast, else baseline). */
  date?: string;
  achieved: boolean;
}

export interface RoadmapRow {
  label: string;
  start?: string;
  finish?: string;
  /** The bar's colour (the status colour) and the words for it, which the tooltip carries too. */
  color: string;
  statusLabel: string;
  /** Higher is worse: when a group has more rows than fit, the worst are drawn and the rest summarised. */
  rank: number;
  milestones: RoadmapMilestone[];
}

export interface RoadmapGroup {
  label: string;
  rows: RoadmapRow[];
}

export interface RoadmapInput {
  title: string;
  asOf: string;
  groups: RoadmapGroup[];
  /** Rows drawn at most, over all groups (default 40); beyond it each group keeps its worst rows and summarises the rest. */
  maxRows?: number;
  /** Groups drawn at most (default 12); the rest become one summary row. */
  maxGroups?: number;
}

const WIDTH = 760;
const LABEL_W = 220;
const PLOT_X = LABEL_W + 12;
const PLOT_W = WIDTH - PLOT_X - 16;
const AXIS_H = 36;
const GROUP_H = 24;
const ROW_H = 20;
const BAR_H = 10;
const AS_OF = STATUS_COLORS["red"]!;
const SUMMARY_FILL = "#afb8c1";

interface Line {
  kind: "group" | "row" | "summary";
  label: string;
  tip: string;
  start?: number;
  finish?: number;
  color?: string;
  milestones?: { day: number; achieved: boolean; tip: string }[];
}

/**
 * The portfolio roadmap: one bar per project on a shared time axis, grouped (by portfolio),
 * coloured by status, its milestones as diamonds and the as-of date as a dashed line. It stays
 * legible at any size: past `maxRows` each group keeps its worst-ranked projects and summarises
 * the others in one grey bar from the earliest start to the latest finish, saying how many it
 * holds and their statuses; past `maxGroups` the smallest groups are summarised together.
 * Projects without dates are counted in the description, never silently dropped.
 */
export function roadmap(input: RoadmapInput): Chart {
  const groups = (Array.isArray(input.groups) ? input.groups : []).filter((g) => g.rows.length > 0);
  const maxRows = Math.max(1, input.maxRows ?? 40);
  const maxGroups = Math.max(1, input.maxGroups ?? 12);
  const asOf = dayOf(input.asOf);
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const dated = (row: RoadmapRow): boolean =>
    dayOf(row.start) !== undefined && dayOf(row.finish) !== undefined && dayOf(row.finish)! >= dayOf(row.start)!;
  const undated = groups.reduce((n, g) => n + g.rows.filter((r) => !dated(r)).length, 0);
  if (total === 0 || total === undated)
    return noDataChart(input.title, total === 0 ? "No project to show" : "No project has a start and finish date");

  // The largest groups are drawn; the rest share one summary line.
  const shown = [...groups].map((g, i) => ({ g, i })).sort((a, b) => b.g.rows.length - a.g.rows.length || a.i - b.i);
  const drawn = shown
    .slice(0, groups.length > maxGroups ? maxGroups - 1 : maxGroups)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.g);
  const folded = groups.length > maxGroups ? shown.slice(maxGroups - 1).map((x) => x.g) : [];
  const rowsShown = drawn.reduce((n, g) => n + g.rows.filter(dated).length, 0);
  const perGroup = rowsShown <= maxRows ? Infinity : Math.max(2, Math.floor(maxRows / drawn.length));

  const lines: Line[] = [];
  let summarised = 0;
  for (const group of drawn) {
    const rows = group.rows.filter(dated);
    lines.push({ kind: "group", label: group.label, tip: `${group.label}: ${plural(group.rows.length, "project")}` });
    const keep = new Set(
      rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => b.row.rank - a.row.rank || a.i - b.i)
        .slice(0, rows.length > perGroup ? perGroup - 1 : perGroup)
        .map((x) => x.row),
    );
    for (const row of rows) if (keep.has(row)) lines.push(rowLine(row));
    const rest = rows.filter((r) => !keep.has(r));
    if (rest.length > 0) {
      summarised += rest.length;
      lines.push(summaryLine(`${plural(rest.length, "more project")}`, rest));
    }
  }
  if (folded.length > 0) {
    const rest = folded.flatMap((g) => g.rows.filter(dated));
    summarised += rest.length;
    lines.push({
      kind: "group",
      label: `${plural(folded.length, "more group")}`,
      tip: folded.map((g) => g.label).join(", "),
    });
    if (rest.length > 0) lines.push(summaryLine(`${plural(rest.length, "project")}`, rest));
  }

  const days: number[] = [];
  for (const line of lines) {
    if (line.start !== undefined) days.push(line.start);
    if (line.finish !== undefined) days.push(line.finish);
    for (const m of line.milestones ?? []) days.push(m.day);
  }
  if (asOf !== undefined) days.push(asOf);
  const from = monthStart(Math.min(...days));
  const to = monthStart(Math.max(...days), 1);
  const x = (day: number): number => PLOT_X + ((day - from) / (to - from)) * PLOT_W;
  const heights = lines.map((l) => (l.kind === "group" ? GROUP_H : ROW_H));
  const bottom = AXIS_H + heights.reduce((a, b) => a + b, 0);
  const parts: string[] = [];

  let y = AXIS_H;
  lines.forEach((line, i) => {
    if (line.kind === "group")
      parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${GROUP_H}" fill="${PANEL}"/>`);
    y += heights[i]!;
  });
  for (const tick of monthTicks(from, to, Math.floor(PLOT_W / 56))) {
    parts.push(
      `<line x1="${num(x(tick.day))}" y1="${AXIS_H - 4}" x2="${num(x(tick.day))}" y2="${bottom}" stroke="${GRID}"/>`,
    );
    if (x(tick.day) + textWidth(tick.label, 11) + 3 > WIDTH) continue;
    parts.push(text(x(tick.day) + 3, 14, tick.month, { size: 11, fill: MUTED_INK }));
    if (tick.year) parts.push(text(x(tick.day) + 3, 27, tick.year, { size: 11, fill: MUTED_INK, weight: "bold" }));
  }
  parts.push(`<line x1="${PLOT_X}" y1="${AXIS_H - 4}" x2="${PLOT_X + PLOT_W}" y2="${AXIS_H - 4}" stroke="#8c959f"/>`);

  y = AXIS_H;
  lines.forEach((line, i) => {
    const mid = y + heights[i]! / 2;
    if (line.kind === "group") {
      parts.push(
        `<g>${tooltip(line.tip)}${text(8, mid, fitText(line.label, (WIDTH - 16) * 0.9, 12), { weight: "bold", baseline: "middle" })}</g>`,
      );
    } else {
      const g = [
        `<g>${tooltip(line.tip)}`,
        text(16, mid, fitText(line.label, LABEL_W - 16, 11), {
          size: 11,
          baseline: "middle",
          fill: line.kind === "summary" ? MUTED_INK : INK,
        }),
      ];
      if (line.start !== undefined && line.finish !== undefined) {
        const attrs =
          line.kind === "summary"
            ? `fill="${SUMMARY_FILL}" fill-opacity="0.6" stroke="${MUTED_INK}" stroke-dasharray="3 2"`
            : `fill="${line.color}"`;
        g.push(
          `<rect x="${num(x(line.start))}" y="${num(mid - BAR_H / 2)}" width="${num(Math.max(2, x(line.finish) - x(line.start)))}" height="${BAR_H}" rx="2" ${attrs}/>`,
        );
      }
      g.push("</g>");
      parts.push(g.join(""));
      for (const m of line.milestones ?? []) {
        parts.push(
          `<g>${tooltip(m.tip)}${diamond(x(m.day), mid, 4.5, m.achieved ? `fill="${INK}" stroke="#ffffff"` : `fill="#ffffff" stroke="${INK}" stroke-width="1.2"`)}</g>`,
        );
      }
    }
    y += heights[i]!;
  });

  if (asOf !== undefined) {
    const ax = x(asOf);
    parts.push(
      `<line x1="${num(ax)}" y1="${AXIS_H - 4}" x2="${num(ax)}" y2="${bottom + 4}" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
    const label = `As of ${longDate(asOf)}`;
    const anchor = ax + textWidth(label, 11) + 4 > WIDTH - 4 ? "end" : "start";
    parts.push(
      text(anchor === "end" ? ax - 4 : ax + 4, bottom + 14, label, { size: 11, fill: AS_OF, weight: "bold", anchor }),
    );
  }
  const legendY = bottom + 32;
  parts.push(legend(legendY, summarised > 0));

  const description = sentences([
    `${plural(total, "project")} in ${plural(groups.length, "group")} from ${monthYear(from)} to ${monthYear(to - 1)}${asOf !== undefined ? `, as of ${longDate(asOf)}` : ""}`,
    summarised > 0
      ? `${total - undated - summarised} drawn one by one (the worst status first within each group), ${summarised} summarised in grey bars`
      : "",
    undated > 0
      ? `${plural(undated, "project")} without a start and finish date ${undated === 1 ? "is" : "are"} not drawn`
      : "",
  ]);
  return frame({ title: input.title, description, width: WIDTH, height: legendY + 14, body: parts.join("\n") });
}

function rowLine(row: RoadmapRow): Line {
  const milestones = (Array.isArray(row.milestones) ? row.milestones : []).flatMap((m) => {
    const day = dayOf(m.date);
    return day === undefined
      ? []
      : [{ day, achieved: m.achieved, tip: `${m.label}: ${m.achieved ? "achieved" : "expected"} ${m.date}` }];
  });
  return {
    kind: "row",
    label: row.label,
    tip: `${row.label}: ${row.statusLabel}, ${row.start} to ${row.finish}`,
    start: dayOf(row.start),
    finish: dayOf(row.finish),
    color: row.color,
    milestones,
  };
}

function summaryLine(label: string, rows: RoadmapRow[]): Line {
  const starts = rows.map((r) => dayOf(r.start)!);
  const finishes = rows.map((r) => dayOf(r.finish)!);
  const start = Math.min(...starts);
  const finish = Math.max(...finishes);
  // Worst status first, so that what a truncated label keeps is what matters.
  const byStatus = new Map<string, { count: number; rank: number }>();
  for (const r of rows) {
    const s = byStatus.get(r.statusLabel) ?? { count: 0, rank: r.rank };
    s.count += 1;
    s.rank = Math.max(s.rank, r.rank);
    byStatus.set(r.statusLabel, s);
  }
  const mix = [...byStatus.entries()]
    .sort(([a, x], [b, y]) => y.rank - x.rank || (a < b ? -1 : a > b ? 1 : 0))
    .map(([s, { count }]) => `${count} ${s}`)
    .join(", ");
  return {
    kind: "summary",
    label: `+ ${label}: ${mix}`,
    tip: `${label} (${mix}): from ${longDate(start)} to ${longDate(finish)}`,
    start,
    finish,
  };
}

function legend(y: number, summarised: boolean): string {
  const items: [string, string][] = [
    [
      `<rect x="0" y="-5" width="22" height="10" rx="2" fill="${STATUS_COLORS["green"]}"/>`,
      "Project, coloured by status",
    ],
    ...(summarised
      ? [
          [
            `<rect x="0" y="-5" width="22" height="10" rx="2" fill="${SUMMARY_FILL}" fill-opacity="0.6" stroke="${MUTED_INK}" stroke-dasharray="3 2"/>`,
            "Projects summarised",
          ] as [string, string],
        ]
      : []),
    [diamond(11, 0, 5, `fill="#ffffff" stroke="${INK}" stroke-width="1.2"`), "Milestone"],
    [diamond(11, 0, 5, `fill="${INK}"`), "Achieved"],
    [`<line x1="11" y1="-8" x2="11" y2="8" stroke="${AS_OF}" stroke-width="1.5" stroke-dasharray="5 3"/>`, "As of"],
  ];
  const out: string[] = [];
  let lx = 8;
  for (const [symbol, label] of items) {
    out.push(
      `<g transform="translate(${num(lx)} ${y})">${symbol}${text(28, 0, label, { size: 11, baseline: "middle" })}</g>`,
    );
    lx += 28 + textWidth(label, 11) + 16;
  }
  return out.join("\n");
}

function diamond(cx: number, cy: number, r: number, attrs: string): string {
  return `<path d="M${num(cx)},${num(cy - r)} L${num(cx + r)},${num(cy)} L${num(cx)},${num(cy + r)} L${num(cx - r)},${num(cy)} Z" ${attrs}/>`;
}
