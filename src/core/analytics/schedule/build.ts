import type { DocumentRef } from "../../../model/document.js";
import type { Engagement, LinkType as LinkTypeName, Milestone, Project } from "../../../model/entities.js";
import { type WorkCalendar, makeCalendar } from "./calendar.js";
import {
  clean,
  drivingLinksOf,
  type LinkColumns,
  type LinkType,
  type NetworkActivity,
  type NetworkLink,
  networkPass,
  networkResult,
  ownDriverOf,
  type ScheduleResult,
  TYPE_CODES,
} from "./network.js";
import { criticalPathsOf, drivingChainsOf, type PathList, passGraph } from "./paths.js";
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
  /** Each activity's index by key. */
  indexOf: ReadonlyMap<string, number>;
  /** The links by index (network.ts LinkColumns), as the pass reads them. */
  columns: LinkColumns;
  /** The same links as objects (built when first read). */
  readonly links: NetworkLink[];
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
  const indexOf = new Map<string, number>();
  const projects: ProjectSchedule[] = [];
  // Every dependsOn entry, and the index of the item that has it.
  const pending: PortfolioSchedule["links"] = [];
  const pendingTo: number[] = [];

  for (const { doc, value: p } of source.projects) {
    const start = projectStart(p);
    const progress = hasProgress(p);
    projects.push({ id: p.id, start, finish: undefined, inProgress: progress });
    const startPoint = start !== undefined ? calendar.startPoint(start) : asOfStart;
    const startReason: DateReason = start !== undefined ? "project-start" : "no-start-date";
    const milestones = p.milestones ?? [];
    for (let index = 0; index < milestones.length; index++) {
      const m = milestones[index]!;
      const key = `${p.id}/${m.id}`;
      if (indexOf.has(key)) continue;
      const i = activities.length;
      indexOf.set(key, i);
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
      const dependsOn = m.dependsOn;
      if (dependsOn !== undefined)
        for (const entry of dependsOn) {
          const link = parseDependsOn(p.id, entry);
          pending.push({ from: link.key, to: key, type: link.type, lag: link.lag });
          pendingTo.push(i);
        }
    }
  }
  // Resolve links now that every key is known; unknown predecessors are validation's to report.
  let known = 0;
  for (const l of pending) if (indexOf.has(l.from)) known++;
  const columns: LinkColumns = {
    from: new Int32Array(known),
    to: new Int32Array(known),
    type: new Uint8Array(known),
    lag: new Float64Array(known),
  };
  const linkNames: PortfolioSchedule["links"] = known === pending.length ? pending : [];
  let k = 0;
  pending.forEach((l, p) => {
    const f = indexOf.get(l.from);
    if (f === undefined) return;
    columns.from[k] = f;
    columns.to[k] = pendingTo[p]!;
    columns.type[k] = TYPE_CODES[TYPE_CODE[l.type]];
    columns.lag[k] = l.lag;
    if (linkNames !== pending) linkNames.push(l);
    k++;
  });
  let links: NetworkLink[] | undefined;
  return {
    calendar,
    activities,
    indexOf,
    columns,
    get links() {
      links ??= linkNames.map((l) => ({ from: l.from, to: l.to, type: TYPE_CODE[l.type], lag: l.lag }));
      return links;
    },
    linkNames,
    metas,
    projects,
    asOfFinish,
  };
}

export function buildSchedule(source: ScheduleSource, asOf: string): PortfolioSchedule {
  const input = networkInput(source, asOf);
  const { calendar, activities, linkNames, metas, projects } = input;
  const pass = networkPass(activities, input.columns);
  const n = activities.length;

  const items = new Array<ScheduleItem>(n);
  for (let i = 0; i < n; i++) {
    const meta = metas[i]!;
    const m = meta.milestone;
    const origin = meta.origin;
    const duration = activities[i]!.duration;
    const es = clean(pass.es[i]!);
    const ef = clean(pass.ef[i]!);
    const ls = clean(pass.ls[i]!);
    const lf = clean(pass.lf[i]!);
    const complete = pass.complete[i] === 1;
    const ownDriver = ownDriverOf(pass, i);
    const drivingLinks = drivingLinksOf(pass, i);
    let earlyFinish = dateOf(calendar, ef, duration, true, origin);
    // A dated milestone the network leaves where it is keeps the date as written (a weekend date stays).
    if (meta.ownDate !== undefined && ownDriver === "finish-no-earlier-than" && meta.finishReason === "own-date")
      earlyFinish = meta.ownDate;
    const reason: DateReason | undefined =
      drivingLinks.length > 0
        ? undefined
        : ownDriver === "actual-finish" || ownDriver === "actual-start"
          ? "actual"
          : ownDriver === "finish-no-earlier-than"
            ? meta.finishReason
            : meta.startReason;
    const pushed = pass.pushed[i]!;
    const pushedPastOwnDate = Number.isNaN(pushed) ? 0 : clean(pushed);
    items[i] = {
      key: activities[i]!.key,
      project: meta.project.id,
      id: m.id,
      name: m.name,
      doc: meta.doc,
      index: meta.index,
      kind: meta.kind,
      duration,
      es: es - origin,
      ef: ef - origin,
      ls: ls - origin,
      lf: lf - origin,
      earlyStart: duration === 0 ? earlyFinish : dateOf(calendar, es, duration, false, origin),
      earlyFinish,
      lateStart:
        duration === 0 ? dateOf(calendar, lf, duration, true, origin) : dateOf(calendar, ls, duration, false, origin),
      lateFinish: dateOf(calendar, lf, duration, true, origin),
      totalFloat: complete ? undefined : pass.totalFloat[i],
      freeFloat: complete ? undefined : pass.freeFloat[i],
      critical: pass.critical[i] === 1,
      complete,
      inProgress: !complete && pass.started[i] === 1,
      baseline: m.baseline,
      forecast: m.forecast,
      actual: m.actual,
      reason,
      inconsistentByDays:
        meta.kind === "dated" && meta.finishReason === "own-date" && pushedPastOwnDate > 0
          ? pushedPastOwnDate
          : undefined,
      drivers:
        drivingLinks.length === 0
          ? NO_DRIVERS
          : drivingLinks.map((k) => ({ key: linkNames[k]!.from, type: linkNames[k]!.type, lag: linkNames[k]!.lag })),
    };
  }
  // Each project's finish date: the latest date among its items that finish at its finish point.
  const finishDate = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const finish = pass.groupFinish[pass.group[i]!]!;
    if (Math.abs(clean(pass.ef[i]!) - finish) >= 1e-9) continue;
    const previous = finishDate.get(it.project);
    if (previous === undefined || it.earlyFinish > previous) finishDate.set(it.project, it.earlyFinish);
  }
  for (const ps of projects) ps.finish = finishDate.get(ps.id);
  const graph = passGraph(
    pass,
    activities.map((a) => a.key),
  );
  // The item map and the pass as objects are built when first read: `pmo schedule` reads neither.
  let byKey: Map<string, ScheduleItem> | undefined;
  let result: ScheduleResult | undefined;
  return {
    asOf,
    days: calendar.days,
    items,
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (const it of items) byKey.set(it.key, it);
      }
      return byKey;
    },
    projects,
    criticalPaths: criticalPathsOf(graph),
    driversOf: (key) => {
      const i = input.indexOf.get(key);
      return i === undefined ? { paths: [], truncated: false } : drivingChainsOf(graph, i);
    },
    links: linkNames,
    get result() {
      result ??= networkResult(activities, input.links, pass);
      return result;
    },
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
