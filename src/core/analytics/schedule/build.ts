import type { DocumentRef } from "../../../model/document.js";
import type { Engagement, LinkType as LinkTypeName, Milestone, Project } from "../../../model/entities.js";
import { type WorkCalendar, makeCalendar } from "./calendar.js";
import {
  type LinkType,
  type NetworkActivity,
  type NetworkLink,
  type ScheduleResult,
  scheduleNetwork,
} from "./network.js";
import { criticalPaths, drivingChains, type PathList } from "./paths.js";
import { pertMean } from "./pert.js";

/** The repository's projects, as the schedule reads them. */
export interface ScheduleSource {
  engagement: Engagement | undefined;
  projects: readonly { doc: DocumentRef; value: Project }[];
}

/** Why an item's early date is what it is, when no predecessor fixes it. */
export type DateReason = "project-start" | "as-of" | "own-date" | "actual" | "no-start-date";

export interface ScheduleItem {
  /** `PRJ-001/M2`. */
  key: string;
  project: string;
  id: string;
  name: string;
  doc: DocumentRef;
  /** Index of the item in the project's `milestones`, for positions. */
  index: number;
  /** `activity` (has a duration), `dated` (a milestone dated by its forecast or baseline), `milestone` (no date, dated by the network). */
  kind: "activity" | "dated" | "milestone";
  duration: number;
  /** Offsets in schedule days from the project's start (the network's numbers); undefined without a start. */
  es: number;
  ef: number;
  ls: number;
  lf: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number | undefined;
  freeFloat: number | undefined;
  critical: boolean;
  complete: boolean;
  inProgress: boolean;
  baseline: string | undefined;
  forecast: string | undefined;
  actual: string | undefined;
  /** When no predecessor drives the early date, what does. */
  reason: DateReason | undefined;
  /**
   * A dated milestone whose own date is earlier than its predecessors allow: the days the
   * predecessors push it (the pass uses the later date).
   */
  inconsistentByDays: number | undefined;
  /** The driving predecessors (keys), with the link that drives. */
  drivers: readonly { key: string; type: LinkTypeName; lag: number }[];
}

/** The drivers of an item that no predecessor drives, shared (frozen: most items have none). */
const NO_DRIVERS: ScheduleItem["drivers"] = Object.freeze([]);

export interface ProjectSchedule {
  id: string;
  /** The project start the network counts from (actual, else forecast, else baseline start). */
  start: string | undefined;
  /** Latest early finish of the project's items. */
  finish: string | undefined;
  /** True once the project records progress: then remaining work starts no earlier than the as-of date. */
  inProgress: boolean;
}

export interface PortfolioSchedule {
  asOf: string;
  days: "calendar" | "working";
  items: ScheduleItem[];
  byKey: ReadonlyMap<string, ScheduleItem>;
  projects: ProjectSchedule[];
  /** Every critical path, across projects. */
  criticalPaths: PathList;
  /** The chains of driving predecessors behind an item's date. */
  driversOf(key: string): PathList;
  links: { from: string; to: string; type: LinkTypeName; lag: number }[];
  /** The underlying pass. */
  result: ScheduleResult;
  calendar: WorkCalendar;
}

const TYPE_CODE: Record<LinkTypeName, LinkType> = {
  "finish-to-start": "FS",
  "start-to-start": "SS",
  "finish-to-finish": "FF",
  "start-to-finish": "SF",
};
const TYPE_NAME: Record<LinkType, LinkTypeName> = {
  FS: "finish-to-start",
  SS: "start-to-start",
  FF: "finish-to-finish",
  SF: "start-to-finish",
};

/** A `dependsOn` entry resolved to the predecessor's key and the link. */
export function parseDependsOn(
  projectId: string,
  entry: string | { milestone: string; type?: LinkTypeName; lag?: number },
): { key: string; type: LinkTypeName; lag: number } {
  const ref = typeof entry === "string" ? entry : entry.milestone;
  const key = ref.includes("/") ? ref : `${projectId}/${ref}`;
  return typeof entry === "string"
    ? { key, type: "finish-to-start", lag: 0 }
    : { key, type: entry.type ?? "finish-to-start", lag: entry.lag ?? 0 };
}

function projectStart(p: Project): string | undefined {
  return p.schedule?.actualStart ?? p.schedule?.forecastStart ?? p.schedule?.baselineStart;
}

function hasProgress(p: Project): boolean {
  return (
    p.schedule?.actualStart !== undefined ||
    (p.milestones ?? []).some((m) => m.actual !== undefined || m.actualStart !== undefined)
  );
}

export interface ItemMeta {
  project: Project;
  doc: DocumentRef;
  milestone: Milestone;
  index: number;
  kind: ScheduleItem["kind"];
  ownDate: string | undefined;
  startReason: DateReason;
  finishReason: DateReason | undefined;
  origin: number;
  /** The project records progress (the as-of floor applies). */
  progress: boolean;
}

/**
 * The schedule network of every project in the repository: each milestone or activity is a
 * node, each `dependsOn` entry a link; the forward and backward pass, floats and critical
 * paths follow. Links to unknown milestones are left out (validation reports them); a cycle
 * throws NetworkCycleError (validation reports it too, with positions).
 */
export interface NetworkInput {
  calendar: WorkCalendar;
  activities: NetworkActivity[];
  links: NetworkLink[];
  linkNames: PortfolioSchedule["links"];
  metas: ItemMeta[];
  projects: ProjectSchedule[];
  /** The as-of floor for finishes, applied to projects in progress. */
  asOfFinish: number;
}

/** The network a repository describes, before any pass (shared by the schedule and the forecast). */
export function networkInput(source: ScheduleSource, asOf: string): NetworkInput {
  const scheduling = source.engagement?.scheduling;
  const calendar = makeCalendar({
    days: scheduling?.days ?? "calendar",
    workingWeekdays: scheduling?.workingWeekdays,
    nonWorkingDates: scheduling?.nonWorkingDates,
  });
  const asOfStart = calendar.startPoint(asOf);
  const asOfFinish = calendar.finishPoint(asOf);
  const activities: NetworkActivity[] = [];
  const metas: ItemMeta[] = [];
  const keys = new Set<string>();
  const projects: ProjectSchedule[] = [];
  const pending: { from: string; to: string; type: LinkTypeName; lag: number }[] = [];

  for (const { doc, value: p } of source.projects) {
    const start = projectStart(p);
    const progress = hasProgress(p);
    projects.push({ id: p.id, start, finish: undefined, inProgress: progress });
    const startPoint = start !== undefined ? calendar.startPoint(start) : asOfStart;
    const startReason: DateReason = start !== undefined ? "project-start" : "no-start-date";
    (p.milestones ?? []).forEach((m, index) => {
      const key = `${p.id}/${m.id}`;
      if (keys.has(key)) return;
      keys.add(key);
      // An estimate without a duration schedules on the PERT expected duration.
      const duration = m.duration ?? (m.durationEstimate ? pertMean(m.durationEstimate) : undefined);
      const ownDate = duration === undefined ? (m.forecast ?? m.baseline) : undefined;
      const kind: ScheduleItem["kind"] =
        duration !== undefined ? "activity" : ownDate !== undefined ? "dated" : "milestone";
      const a: NetworkActivity = { key, duration: duration ?? 0, group: p.id };
      let finishReason: DateReason | undefined;
      let sReason: DateReason = startReason;
      if (m.actual !== undefined) {
        a.actualFinish = calendar.finishPoint(m.actual);
        if (m.actualStart !== undefined) a.actualStart = calendar.startPoint(m.actualStart);
      } else if (m.actualStart !== undefined) {
        a.actualStart = calendar.startPoint(m.actualStart);
        a.finishNoEarlierThan = asOfFinish;
        finishReason = "as-of";
      } else {
        if (ownDate !== undefined) {
          a.finishNoEarlierThan = calendar.finishPoint(ownDate);
          finishReason = "own-date";
          if (progress && asOfFinish > a.finishNoEarlierThan) {
            a.finishNoEarlierThan = asOfFinish;
            finishReason = "as-of";
          }
        } else {
          a.startNoEarlierThan = startPoint;
          if (progress && asOfStart > startPoint) {
            a.startNoEarlierThan = asOfStart;
            sReason = "as-of";
          }
        }
      }
      activities.push(a);
      metas.push({
        project: p,
        doc,
        milestone: m,
        index,
        kind,
        ownDate,
        startReason: sReason,
        finishReason,
        origin: startPoint,
        progress,
      });
      for (const entry of m.dependsOn ?? []) {
        const link = parseDependsOn(p.id, entry);
        pending.push({ from: link.key, to: key, type: link.type, lag: link.lag });
      }
    });
  }
  // Resolve links now that every key is known; unknown predecessors are validation's to report.
  const links: NetworkLink[] = [];
  const linkNames: PortfolioSchedule["links"] = [];
  for (const l of pending) {
    if (!keys.has(l.from)) continue;
    links.push({ from: l.from, to: l.to, type: TYPE_CODE[l.type], lag: l.lag });
    linkNames.push(l);
  }
  return { calendar, activities, links, linkNames, metas, projects, asOfFinish };
}

export function buildSchedule(source: ScheduleSource, asOf: string): PortfolioSchedule {
  const { calendar, activities, links, linkNames, metas, projects } = networkInput(source, asOf);
  const result = scheduleNetwork(activities, links);

  const items: ScheduleItem[] = result.activities.map((r, i) => {
    const meta = metas[i]!;
    const m = meta.milestone;
    const origin = meta.origin;
    let earlyFinish = dateOf(calendar, r.ef, r.duration, true, origin);
    // A dated milestone the network leaves where it is keeps the date as written (a weekend date stays).
    if (meta.ownDate !== undefined && r.ownDriver === "finish-no-earlier-than" && meta.finishReason === "own-date")
      earlyFinish = meta.ownDate;
    const reason: DateReason | undefined =
      r.drivingLinks.length > 0
        ? undefined
        : r.ownDriver === "actual-finish" || r.ownDriver === "actual-start"
          ? "actual"
          : r.ownDriver === "finish-no-earlier-than"
            ? meta.finishReason
            : meta.startReason;
    return {
      key: r.key,
      project: meta.project.id,
      id: m.id,
      name: m.name,
      doc: meta.doc,
      index: meta.index,
      kind: meta.kind,
      duration: r.duration,
      es: r.es - meta.origin,
      ef: r.ef - meta.origin,
      ls: r.ls - meta.origin,
      lf: r.lf - meta.origin,
      earlyStart: r.duration === 0 ? earlyFinish : dateOf(calendar, r.es, r.duration, false, origin),
      earlyFinish,
      lateStart:
        r.duration === 0
          ? dateOf(calendar, r.lf, r.duration, true, origin)
          : dateOf(calendar, r.ls, r.duration, false, origin),
      lateFinish: dateOf(calendar, r.lf, r.duration, true, origin),
      totalFloat: r.totalFloat,
      freeFloat: r.freeFloat,
      critical: r.critical,
      complete: r.complete,
      inProgress: r.inProgress,
      baseline: m.baseline,
      forecast: m.forecast,
      actual: m.actual,
      reason,
      inconsistentByDays:
        meta.kind === "dated" && meta.finishReason === "own-date" && (r.pushedPastOwnDate ?? 0) > 0
          ? r.pushedPastOwnDate
          : undefined,
      drivers:
        r.drivingLinks.length === 0
          ? NO_DRIVERS
          : r.drivingLinks.map((k) => ({
              key: links[k]!.from,
              type: TYPE_NAME[links[k]!.type],
              lag: links[k]!.lag,
            })),
    };
  });
  const byKey = new Map<string, ScheduleItem>();
  for (const it of items) byKey.set(it.key, it);
  // Each project's finish date: the latest date among its items that finish at its finish point.
  // A project's items come one after the other, so its finish point is looked up once per run of them.
  const finishDate = new Map<string, string>();
  let project: string | undefined;
  let finish: number | undefined;
  items.forEach((it, i) => {
    if (it.project !== project) {
      project = it.project;
      finish = result.groupFinish.get(project);
    }
    if (finish === undefined || Math.abs(result.activities[i]!.ef - finish) >= 1e-9) return;
    const previous = finishDate.get(it.project);
    if (previous === undefined || it.earlyFinish > previous) finishDate.set(it.project, it.earlyFinish);
  });
  for (const ps of projects) ps.finish = finishDate.get(ps.id);
  return {
    asOf,
    days: calendar.days,
    items,
    byKey,
    projects,
    criticalPaths: criticalPaths(result),
    driversOf: (key) => drivingChains(result, key),
    links: linkNames,
    result,
    calendar,
  };
}

/**
 * The date of a time point: a start is the day that begins there; a finish is the day that
 * ends there (the day before), except a zero-duration item at its project's start, which is
 * dated on the start day.
 */
function dateOf(calendar: WorkCalendar, t: number, duration: number, isFinish: boolean, origin: number): string {
  if (!isFinish) return calendar.dateOfDay(Math.floor(t + 1e-9));
  const day = Math.ceil(t - 1e-9) - 1;
  if (duration === 0 && day < origin) return calendar.dateOfDay(Math.ceil(t - 1e-9));
  return calendar.dateOfDay(day);
}
