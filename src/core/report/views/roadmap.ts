import type { Project } from "../../../model/entities.js";
import { finishVariance, isTerminalStage } from "../../domain/index.js";
import { roadmap, type Chart, type RoadmapGroup, type RoadmapRow } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { milestoneView } from "../milestones.js";

const NO_STATUS_COLOR = "#8c959f";

export interface RoadmapGroupSummary {
  portfolio: { id: string | null; name: string; href: string | null };
  projects: number;
  /** Projects with no start or no finish date: not on the chart. */
  undated: number;
  start: string | null;
  finish: string | null;
  statusMix: { label: string; count: number }[];
}

export interface RoadmapView {
  chart: ChartView;
  projects: number;
  groups: RoadmapGroupSummary[];
}

const startOf = (p: Project): string | undefined =>
  p.schedule?.actualStart ?? p.schedule?.forecastStart ?? p.schedule?.baselineStart;
const finishOf = (p: Project): string | undefined =>
  p.schedule?.actualFinish ?? p.schedule?.forecastFinish ?? p.schedule?.baselineFinish;

/**
 * The roadmap chart of some projects: grouped by portfolio (or one group, for a portfolio's
 * own page), ranked so that when rows must be summarised the worst status, then the
 * slipped, stay visible and finished projects are the first to go.
 */
export function roadmapChart(
  ctx: ReportContext,
  title: string,
  projects: readonly Project[],
  byPortfolio: boolean,
): Chart {
  const groups = new Map<string, RoadmapGroup>();
  const sorted = [...projects].sort(
    (a, b) => compareIds(startOf(a) ?? "~", startOf(b) ?? "~") || compareIds(a.id, b.id),
  );
  for (const p of sorted) {
    const key = byPortfolio ? (p.portfolio ?? "") : "";
    const label = byPortfolio
      ? p.portfolio === undefined
        ? "No portfolio"
        : (ctx.catalog.portfolio(p.portfolio)?.value.name ?? p.portfolio)
      : title;
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(roadmapRow(ctx, p));
    groups.set(key, group);
  }
  const ordered = [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || compareIds(a, b))
    .map(([, g]) => g);
  return roadmap({ title, asOf: ctx.asOf, groups: ordered });
}

function roadmapRow(ctx: ReportContext, p: Project): RoadmapRow {
  const status = ctx.status(p.status?.overall);
  const slip = finishVariance(p) ?? 0;
  const rank = isTerminalStage(p.stage) ? -1 : (status?.rank ?? 0) + (slip > 0 ? 0.5 : 0);
  return {
    label: `${p.id} ${p.name}`,
    start: startOf(p),
    finish: finishOf(p),
    color: status?.color ?? NO_STATUS_COLOR,
    statusLabel: status?.label ?? "no status",
    rank,
    milestones: (p.milestones ?? []).map((m) => {
      const v = milestoneView(m, ctx.asOf);
      return { label: `${p.id} ${m.id} ${m.name}`, date: v.expected ?? undefined, achieved: v.state === "achieved" };
    }),
  };
}

/** The roadmap page: every project on one time axis by portfolio, and a table of the groups. */
export function buildRoadmapView(ctx: ReportContext): RoadmapView {
  const projects = ctx.catalog.projects.map((p) => p.value);
  const byGroup = new Map<string, Project[]>();
  for (const p of projects) {
    const key = p.portfolio ?? "";
    const list = byGroup.get(key);
    if (list) list.push(p);
    else byGroup.set(key, [p]);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || compareIds(a, b))
    .map(([key, list]): RoadmapGroupSummary => {
      const starts = list
        .map(startOf)
        .filter((d): d is string => d !== undefined)
        .sort(compareIds);
      const finishes = list
        .map(finishOf)
        .filter((d): d is string => d !== undefined)
        .sort(compareIds);
      const mix = new Map<string, { label: string; count: number; rank: number }>();
      for (const p of list) {
        const s = ctx.status(p.status?.overall);
        const label = s?.label ?? "No status";
        const m = mix.get(label) ?? { label, count: 0, rank: s?.rank ?? Number.MAX_SAFE_INTEGER };
        m.count += 1;
        mix.set(label, m);
      }
      return {
        portfolio:
          key === ""
            ? { id: null, name: "No portfolio", href: null }
            : { id: key, name: ctx.catalog.portfolio(key)?.value.name ?? key, href: ctx.links.portfolio(key) },
        projects: list.length,
        undated: list.filter((p) => startOf(p) === undefined || finishOf(p) === undefined).length,
        start: starts[0] ?? null,
        finish: finishes[finishes.length - 1] ?? null,
        statusMix: [...mix.values()].sort((a, b) => a.rank - b.rank).map(({ label, count }) => ({ label, count })),
      };
    });
  const chart = roadmapChart(ctx, "Roadmap: projects by portfolio", projects, true);
  return { chart: chartView(chart, "roadmap.svg", ctx.links), projects: projects.length, groups };
}
