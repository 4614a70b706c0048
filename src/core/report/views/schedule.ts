import {
  DEFAULT_FORECAST_SEED,
  NetworkCycleError,
  buildForecast,
  linkFloat,
  sharedSchedule,
  type Forecast,
  type ForecastProject,
  type PortfolioSchedule,
} from "../../analytics/schedule/index.js";
import { milestoneVariance, type Catalog } from "../../domain/index.js";
import { probabilityCurve, tornado } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext, type ReportForecast } from "../context.js";
import { compareIds } from "../links.js";
import { projectRef, type DependencyProjectRef } from "./dependencies.js";

/** Iterations and seed of the report's forecast unless the report is told otherwise (`--forecast-iterations`). */
export const DEFAULT_REPORT_FORECAST: ReportForecast = { iterations: 2000, seed: DEFAULT_FORECAST_SEED };
/**
 * Above this many projects the report leaves the forecast out unless asked for it: on 2,500
 * projects 2,000 iterations cost seconds, a third of the report's time.
 */
export const DEFAULT_FORECAST_PROJECTS = 500;

/** Drivers shown in a tornado; cross-project critical paths listed on the dependencies page. */
const TORNADO_BARS = 6;
/**
 * A tornado leaves out drivers whose correlation is below this: at the report's 2,000
 * iterations an input unrelated to the finish correlates by up to about ±0.05 by chance.
 */
const TORNADO_NOISE = 0.05;
const PATHS_SHOWN = 5;

/** The network and the forecast one report reads, computed once per catalog, as-of date and forecast settings. */
export interface ScheduleAnalysis {
  schedule: PortfolioSchedule | null;
  /** Why there is no network (a cycle in the links). */
  note: string | null;
  forecast: Forecast | null;
  /** Why there is no forecast (turned off, nothing uncertain, no network). */
  forecastNote: string | null;
  /** Cross-project milestone links, by link index, into and out of each project. */
  linksInto: ReadonlyMap<string, number[]>;
  linksOutOf: ReadonlyMap<string, number[]>;
  forecastOf: ReadonlyMap<string, ForecastProject>;
  /** Each project's milestones on a critical path that crosses projects, sorted by key. */
  onCrossProjectPath: ReadonlyMap<string, string[]>;
}

const analyses = new WeakMap<Catalog, Map<string, ScheduleAnalysis>>();

export function scheduleAnalysis(ctx: ReportContext): ScheduleAnalysis {
  const large = ctx.catalog.projects.length > DEFAULT_FORECAST_PROJECTS;
  const settings = ctx.forecast === undefined ? (large ? null : DEFAULT_REPORT_FORECAST) : ctx.forecast;
  const memoKey = `${ctx.asOf} ${settings ? `${settings.iterations} ${settings.seed}` : "off"}`;
  let byKey = analyses.get(ctx.catalog);
  if (!byKey) {
    byKey = new Map();
    analyses.set(ctx.catalog, byKey);
  }
  const known = byKey.get(memoKey);
  if (known) return known;
  const source = {
    engagement: ctx.catalog.engagement?.value,
    projects: ctx.catalog.projects,
    risks: ctx.catalog.risks,
    decisions: ctx.catalog.decisions,
  };
  let schedule: PortfolioSchedule | null = null;
  let note: string | null = null;
  try {
    schedule = sharedSchedule(source, ctx.asOf);
  } catch (error) {
    if (!(error instanceof NetworkCycleError) && !(error instanceof RangeError)) throw error;
    note = `The schedule network could not be built: ${error.message}. Run pmo validate for the cycle or the calendar problem.`;
  }
  let forecast: Forecast | null = null;
  let forecastNote: string | null = null;
  if (!schedule) forecastNote = "No forecast: the schedule network could not be built.";
  else if (!settings)
    forecastNote =
      ctx.forecast === null
        ? "The forecast is left out of this report (--forecast-iterations 0)."
        : `The forecast is left out of a report of more than ${DEFAULT_FORECAST_PROJECTS} projects unless asked for: pmo report --forecast-iterations 2000 (or pmo forecast) runs it.`;
  else {
    forecast = buildForecast(source, ctx.asOf, { ...settings, sensitivity: true });
    if (!forecast.projects.some((p) => p.curve.length > 1))
      forecastNote = "No project finish varies in the forecast: no three-point estimate or risk event reaches one.";
  }
  const linksInto = new Map<string, number[]>();
  const linksOutOf = new Map<string, number[]>();
  schedule?.links.forEach((l, k) => {
    const from = schedule.byKey.get(l.from)!;
    const to = schedule.byKey.get(l.to)!;
    if (from.project === to.project) return;
    push(linksInto, to.project, k);
    push(linksOutOf, from.project, k);
  });
  // Read by every project page: walked once here, not once per page.
  const onPath = new Map<string, Set<string>>();
  for (const path of schedule?.criticalPaths.paths ?? []) {
    const projects = new Set(path.map((k) => schedule!.byKey.get(k)!.project));
    if (projects.size < 2) continue;
    for (const k of path) {
      const project = schedule!.byKey.get(k)!.project;
      let keys = onPath.get(project);
      if (!keys) {
        keys = new Set();
        onPath.set(project, keys);
      }
      keys.add(k);
    }
  }
  const analysis: ScheduleAnalysis = {
    schedule,
    note,
    forecast,
    forecastNote,
    linksInto,
    linksOutOf,
    forecastOf: new Map((forecast?.projects ?? []).map((p) => [p.id, p])),
    onCrossProjectPath: new Map([...onPath].map(([project, keys]) => [project, [...keys].sort(compareIds)])),
  };
  byKey.set(memoKey, analysis);
  return analysis;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One milestone on a critical path, as the report lists it. */
export interface CriticalStepView {
  key: string;
  name: string;
  project: DependencyProjectRef;
  /** The early finish the network gives it. */
  date: string;
  /** The link from the step before ("finish-to-start +39"), null for the first step. */
  link: { type: string; lag: number } | null;
  complete: boolean;
}

export interface CriticalPathView {
  steps: CriticalStepView[];
  /** How many projects the path crosses. */
  projects: number;
}

/** A project finish as the forecast gives it. */
export interface FinishForecastView {
  project: DependencyProjectRef;
  committed: string | null;
  p50: string;
  p80: string;
  p90: string;
  /** Share of the iterations meeting the committed date, in percent. */
  onTimePercent: number | null;
}

export interface ForecastSummaryView {
  iterations: number;
  seed: number;
  distribution: string;
}

/** The dependencies page's schedule section: the portfolio's critical paths and what drives the finish at their end. */
export interface PortfolioScheduleView {
  /** Calendar or working days (floats and lags count them). */
  dayKind: "calendar" | "working";
  note: string | null;
  /** Critical paths that cross projects, at most PATHS_SHOWN of them. */
  paths: CriticalPathView[];
  /** Cross-project critical paths in all, and how many more there are than are shown. */
  crossProject: number;
  more: number;
  /** Critical paths within one project (most are one dated milestone held by its own date). */
  withinProject: number;
  /** The list of paths stopped at the network's limit. */
  truncated: boolean;
  forecast: ForecastSummaryView | null;
  forecastNote: string | null;
  /** The finishes at the end of the paths shown: their forecast, S-curve and tornado. */
  finishes: FinishForecastView[];
  curve: ChartView | null;
  tornado: ChartView | null;
  /** The project whose finish the tornado explains. */
  tornadoOf: string | null;
}

export function buildPortfolioScheduleView(ctx: ReportContext): PortfolioScheduleView {
  const a = scheduleAnalysis(ctx);
  const dayKind = a.schedule?.days ?? ctx.catalog.engagement?.value.scheduling?.days ?? "calendar";
  const empty = {
    dayKind,
    note: a.note,
    paths: [],
    crossProject: 0,
    more: 0,
    withinProject: 0,
    truncated: false,
    forecast: null,
    forecastNote: a.forecastNote,
    finishes: [],
    curve: null,
    tornado: null,
    tornadoOf: null,
  };
  const schedule = a.schedule;
  if (!schedule) return empty;
  const across: string[][] = [];
  let within = 0;
  for (const path of schedule.criticalPaths.paths) {
    const projects = new Set(path.map((k) => schedule.byKey.get(k)!.project));
    if (projects.size > 1) across.push(path);
    else within++;
  }
  const linkIndex = new Map(schedule.links.map((l, k) => [`${l.from} ${l.to}`, k]));
  const paths = across.slice(0, PATHS_SHOWN).map((path) => ({
    steps: path.map((key, i): CriticalStepView => {
      const item = schedule.byKey.get(key)!;
      const k = i === 0 ? undefined : linkIndex.get(`${path[i - 1]} ${key}`);
      const l = k === undefined ? undefined : schedule.links[k];
      return {
        key,
        name: item.name,
        project: projectRef(ctx, item.project),
        date: item.earlyFinish,
        link: l ? { type: l.type, lag: l.lag } : null,
        complete: item.complete,
      };
    }),
    projects: new Set(path.map((k) => schedule.byKey.get(k)!.project)).size,
  }));
  // The finishes at the end of the paths shown, first path first.
  const ends: string[] = [];
  for (const p of paths) {
    const project = p.steps.at(-1)!.project.id;
    if (!ends.includes(project)) ends.push(project);
  }
  const finishes = ends.flatMap((id) => {
    const f = a.forecastOf.get(id);
    return f ? [finishView(ctx, f)] : [];
  });
  const varying = ends.map((id) => a.forecastOf.get(id)).filter((f): f is ForecastProject => f !== undefined);
  const first = varying.find((f) => strongDrivers(f).length > 0);
  return {
    ...empty,
    paths,
    crossProject: across.length,
    more: Math.max(0, across.length - PATHS_SHOWN),
    withinProject: within,
    truncated: schedule.criticalPaths.truncated,
    forecast: a.forecast ? summary(a.forecast) : null,
    finishes,
    curve:
      varying.some((f) => f.curve.length > 1) && a.forecast
        ? chartView(
            probabilityCurve({
              title: "Chance of finishing by each date: the projects at the end of the critical paths",
              series: varying.slice(0, 4).map((f) => ({ label: f.id, points: f.curve, committed: f.committed })),
            }),
            "schedule-critical-finishes.svg",
            ctx.links,
          )
        : null,
    tornado: first ? tornadoChart(ctx, first, "schedule-critical-drivers.svg") : null,
    tornadoOf: first?.id ?? null,
  };
}

/** A cross-project milestone link as a project page lists it, seen from that project. */
export interface ProjectLinkView {
  /** This project's milestone. */
  milestone: { key: string; name: string };
  /** The other project's milestone, and its project. */
  other: { key: string; name: string; project: DependencyProjectRef; complete: boolean };
  type: string;
  lag: number;
  /** The predecessor's slip against its baseline, in days (positive: late); null when unknown or achieved. */
  slipDays: number | null;
  /** Days the predecessor can still slip before the link moves the successor (0: it drives it); null once either is complete. */
  floatDays: number | null;
  /** Days the predecessor pushes the successor past its own forecast. */
  pushedDays: number | null;
  /** The successor's total float: how far it can move before its project's finish does. */
  successorFloatDays: number | null;
  critical: boolean;
}

/** A project page's schedule section: the milestone links across projects and the forecast of its finish. */
export interface ProjectScheduleView {
  /** Calendar or working days (floats and lags count them). */
  dayKind: "calendar" | "working";
  note: string | null;
  waitsOn: ProjectLinkView[];
  waitedOnBy: ProjectLinkView[];
  /** This project's milestones on a critical path that crosses projects. */
  onCriticalPath: string[];
  forecast: ForecastSummaryView | null;
  forecastNote: string | null;
  finish: FinishForecastView | null;
  curve: ChartView | null;
  tornado: ChartView | null;
}

export function buildProjectScheduleView(ctx: ReportContext, projectId: string, fileName: string): ProjectScheduleView {
  const a = scheduleAnalysis(ctx);
  const schedule = a.schedule;
  const dayKind = schedule?.days ?? ctx.catalog.engagement?.value.scheduling?.days ?? "calendar";
  const row = (k: number, side: "into" | "outOf"): ProjectLinkView => {
    const l = schedule!.links[k]!;
    const from = schedule!.byKey.get(l.from)!;
    const to = schedule!.byKey.get(l.to)!;
    const mine = side === "into" ? to : from;
    const other = side === "into" ? from : to;
    const fromMilestone = ctx.catalog.project(from.project)?.value.milestones?.[from.index];
    return {
      milestone: { key: mine.key, name: mine.name },
      other: { key: other.key, name: other.name, project: projectRef(ctx, other.project), complete: other.complete },
      type: l.type,
      lag: l.lag,
      slipDays: from.complete || !fromMilestone ? null : (milestoneVariance(fromMilestone) ?? null),
      floatDays: linkFloat(schedule!.result, k) ?? null,
      pushedDays: to.complete ? null : (to.inconsistentByDays ?? null),
      successorFloatDays: to.complete ? null : (to.totalFloat ?? null),
      critical: from.critical && to.critical && to.drivers.some((d) => d.key === from.key),
    };
  };
  const order = (r: ProjectLinkView[]): ProjectLinkView[] =>
    r.sort(
      (x, y) =>
        (x.floatDays ?? Infinity) - (y.floatDays ?? Infinity) ||
        compareIds(x.milestone.key, y.milestone.key) ||
        compareIds(x.other.key, y.other.key),
    );
  const f = a.forecastOf.get(projectId);
  const varies = f !== undefined && f.curve.length > 1;
  return {
    dayKind,
    note: a.note,
    waitsOn: order((a.linksInto.get(projectId) ?? []).map((k) => row(k, "into"))),
    waitedOnBy: order((a.linksOutOf.get(projectId) ?? []).map((k) => row(k, "outOf"))),
    onCriticalPath: [...(a.onCrossProjectPath.get(projectId) ?? [])],
    forecast: a.forecast ? summary(a.forecast) : null,
    forecastNote: a.forecastNote,
    finish: f ? finishView(ctx, f) : null,
    curve: varies
      ? chartView(
          probabilityCurve({
            title: `Chance of ${projectId} finishing by each date`,
            series: [{ label: `${projectId} finish`, points: f.curve, committed: f.committed }],
          }),
          `schedule-finish-${fileName}.svg`,
          ctx.links,
        )
      : null,
    tornado: varies && strongDrivers(f).length > 0 ? tornadoChart(ctx, f, `schedule-drivers-${fileName}.svg`) : null,
  };
}

function strongDrivers(f: ForecastProject): ForecastProject["drivers"] {
  return f.drivers.filter((d) => Math.abs(d.correlation) >= TORNADO_NOISE).slice(0, TORNADO_BARS);
}

function summary(f: Forecast): ForecastSummaryView {
  return {
    iterations: f.iterations,
    seed: f.seed,
    distribution: f.distribution === "pert" ? "PERT-beta" : "triangular",
  };
}

function finishView(ctx: ReportContext, f: ForecastProject): FinishForecastView {
  return {
    project: projectRef(ctx, f.id),
    committed: f.committed ?? null,
    p50: f.p50,
    p80: f.p80,
    p90: f.p90,
    onTimePercent: f.probabilityOnTime === undefined ? null : f.probabilityOnTime * 100,
  };
}

const KIND_WORDS = { duration: "duration", date: "date", risk: "risk", predecessor: "finish" } as const;

function tornadoChart(ctx: ReportContext, f: ForecastProject, file: string): ChartView {
  return chartView(
    tornado({
      title: `What drives the ${f.id} finish`,
      measure: "correlation with the finish date",
      bars: strongDrivers(f).map((d) => ({
        label: `${d.key} ${d.name} (${KIND_WORDS[d.kind]})`,
        value: d.correlation,
      })),
    }),
    file,
    ctx.links,
  );
}

/** The charts of the schedule views, for Markdown's chart files. */
export function scheduleCharts(view: PortfolioScheduleView | ProjectScheduleView | null | undefined): ChartView[] {
  if (!view) return [];
  return [view.curve, view.tornado].filter((c): c is ChartView => c !== null);
}
