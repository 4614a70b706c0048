import type { DocumentRef } from "../../../model/document.js";
import type { Engagement, LinkType as LinkTypeName, Milestone, Project } from "../../../model/entities.js";
import { type WorkCalendar, makeCalendar } from "./calendar.js";
import {
  clean,
  drivingLinksOf,
  FINISH_NO_EARLIER_THAN as OWN_FINISH_NO_EARLIER_THAN,
  HAS_ACTUAL_FINISH,
  HAS_ACTUAL_START,
  HAS_FINISH_NO_EARLIER_THAN,
  HAS_START_NO_EARLIER_THAN,
  type LinkColumns,
  type LinkType,
  type NetworkActivity,
  type NetworkLink,
  networkPass,
  networkResult,
  type NodeColumns,
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
  /** Every item, in the order of the projects and their milestones (built when first read). */
  readonly items: ScheduleItem[];
  /** How many items there are. */
  itemCount: number;
  /**
   * Item i of `items`: the same object once `items` has been read, before that a new one each
   * time, so that a reader going through the items once (pmo schedule's output) keeps none.
   */
  itemAt(i: number): ScheduleItem;
  /** True when item i is critical (without building it). */
  isCritical(i: number): boolean;
  /** The index of the item with this key. */
  indexOfKey(key: string): number | undefined;
  readonly byKey: ReadonlyMap<string, ScheduleItem>;
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

/** LinkTypeName by TYPE_CODES number. */
const TYPE_NAMES: readonly LinkTypeName[] = [
  "finish-to-start",
  "start-to-start",
  "finish-to-finish",
  "start-to-finish",
];

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
  const ref = dependsOnRef(entry);
  const key = ref.includes("/") ? ref : `${projectId}/${ref}`;
  return { key, type: dependsOnType(entry), lag: dependsOnLag(entry) };
}

/** A `dependsOn` entry's milestone as written: `M2` (the same project's) or `PRJ-001/M2`. */
function dependsOnRef(entry: string | { milestone: string }): string {
  return typeof entry === "string" ? entry : entry.milestone;
}

function dependsOnType(entry: string | { type?: LinkTypeName }): LinkTypeName {
  return typeof entry === "string" ? "finish-to-start" : (entry.type ?? "finish-to-start");
}

function dependsOnLag(entry: string | { lag?: number }): number {
  return typeof entry === "string" ? 0 : (entry.lag ?? 0);
}

/** A project's links to its own milestones are found among its items when it has at most this many. */
const LOCAL_SCAN = 16;

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

const KINDS: readonly ScheduleItem["kind"][] = ["activity", "dated", "milestone"];
const ACTIVITY = 0;
const DATED = 1;
const MILESTONE = 2;
/** DateReason as numbers in ItemColumns; 0 is none. */
const REASONS: readonly (DateReason | undefined)[] = [
  undefined,
  "project-start",
  "as-of",
  "own-date",
  "actual",
  "no-start-date",
];
const PROJECT_START = 1;
const AS_OF = 2;
const OWN_DATE = 3;
const NO_START_DATE = 5;

/** What an item is beside its node in the network, by index (ItemMeta in columns). */
export interface ItemColumns {
  milestone: Milestone[];
  /** The index of the item's entry in the source's projects. */
  entry: Int32Array;
  /** The item's index in its project's `milestones`. */
  index: Int32Array;
  /** KINDS. */
  kind: Uint8Array;
  /** REASONS. */
  startReason: Uint8Array;
  finishReason: Uint8Array;
  /** The point the item's project counts from. */
  origin: Float64Array;
  /** 1 when the item's project records progress. */
  progress: Uint8Array;
}

/**
 * The schedule network of every project in the repository: each milestone or activity is a
 * node, each `dependsOn` entry a link; the forward and backward pass, floats and critical
 * paths follow. Links to unknown milestones are left out (validation reports them); a cycle
 * throws NetworkCycleError (validation reports it too, with positions).
 */
export interface NetworkInput {
  calendar: WorkCalendar;
  /** The activities by index, as the pass reads them. */
  nodes: NodeColumns;
  /** The same activities as objects (built when first read). */
  readonly activities: NetworkActivity[];
  /** Each activity's index by key. */
  indexOf: ReadonlyMap<string, number>;
  /** The links by index (network.ts LinkColumns), as the pass reads them. */
  columns: LinkColumns;
  /** The same links as objects (built when first read). */
  readonly links: NetworkLink[];
  /** The same links by their names (built when first read). */
  readonly linkNames: PortfolioSchedule["links"];
  items: ItemColumns;
  /** The items' ItemColumns as objects (built when first read). */
  readonly metas: ItemMeta[];
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
  let capacity = 0;
  for (const { value: p } of source.projects) capacity += p.milestones?.length ?? 0;
  // Columns of the most items there can be (a repeated key is left out), cut to size at the end.
  const keys: string[] = [];
  const duration = new Float64Array(capacity);
  const has = new Uint8Array(capacity);
  const actualStart = new Float64Array(capacity);
  const actualFinish = new Float64Array(capacity);
  const startNoEarlierThan = new Float64Array(capacity);
  const finishNoEarlierThan = new Float64Array(capacity);
  const group = new Int32Array(capacity);
  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const milestone: Milestone[] = [];
  const entry = new Int32Array(capacity);
  const index = new Int32Array(capacity);
  const kind = new Uint8Array(capacity);
  const startReason = new Uint8Array(capacity);
  const finishReason = new Uint8Array(capacity);
  const origin = new Float64Array(capacity);
  const progressOf = new Uint8Array(capacity);
  const indexOf = new Map<string, number>();
  const projects: ProjectSchedule[] = [];
  // Every dependsOn entry: the predecessor (its index once found, else -1 and its key to look
  // up), the index of the item that has it, the link.
  const pendingFrom: (string | undefined)[] = [];
  const pendingFromIndex: number[] = [];
  const pendingTo: number[] = [];
  const pendingType: LinkTypeName[] = [];
  const pendingLag: number[] = [];

  let n = 0;
  for (let e = 0; e < source.projects.length; e++) {
    const p = source.projects[e]!.value;
    const start = projectStart(p);
    const progress = hasProgress(p);
    projects.push({ id: p.id, start, finish: undefined, inProgress: progress });
    const startPoint = start !== undefined ? calendar.startPoint(start) : asOfStart;
    const projectReason = start !== undefined ? PROJECT_START : NO_START_DATE;
    // The project's group, numbered when its first item is (as the pass numbers groups).
    let g = -1;
    // This project's items are first..n-1 (each the first item with its key: a repeated key is
    // left out), so a link to one of its own milestones found among them is the one the key names.
    const first = n;
    const firstLink = pendingFrom.length;
    const milestones = p.milestones;
    if (milestones === undefined) continue;
    for (let mi = 0; mi < milestones.length; mi++) {
      const m = milestones[mi]!;
      const key = `${p.id}/${m.id}`;
      if (indexOf.has(key)) continue;
      const i = n++;
      indexOf.set(key, i);
      if (g < 0) {
        g = groupIndex.get(p.id) ?? groupNames.length;
        if (g === groupNames.length) {
          groupIndex.set(p.id, g);
          groupNames.push(p.id);
        }
      }
      keys.push(key);
      milestone.push(m);
      // An estimate without a duration schedules on the PERT expected duration.
      const d = m.duration ?? (m.durationEstimate ? pertMean(m.durationEstimate) : undefined);
      const ownDate = d === undefined ? (m.forecast ?? m.baseline) : undefined;
      kind[i] = d !== undefined ? ACTIVITY : ownDate !== undefined ? DATED : MILESTONE;
      duration[i] = d ?? 0;
      group[i] = g;
      entry[i] = e;
      index[i] = mi;
      origin[i] = startPoint;
      progressOf[i] = progress ? 1 : 0;
      let sReason = projectReason;
      let fReason = 0;
      let bounds = 0;
      if (m.actual !== undefined) {
        bounds |= HAS_ACTUAL_FINISH;
        actualFinish[i] = calendar.finishPoint(m.actual);
        if (m.actualStart !== undefined) {
          bounds |= HAS_ACTUAL_START;
          actualStart[i] = calendar.startPoint(m.actualStart);
        }
      } else if (m.actualStart !== undefined) {
        bounds |= HAS_ACTUAL_START | HAS_FINISH_NO_EARLIER_THAN;
        actualStart[i] = calendar.startPoint(m.actualStart);
        finishNoEarlierThan[i] = asOfFinish;
        fReason = AS_OF;
      } else if (ownDate !== undefined) {
        bounds |= HAS_FINISH_NO_EARLIER_THAN;
        finishNoEarlierThan[i] = calendar.finishPoint(ownDate);
        fReason = OWN_DATE;
        if (progress && asOfFinish > finishNoEarlierThan[i]!) {
          finishNoEarlierThan[i] = asOfFinish;
          fReason = AS_OF;
        }
      } else {
        bounds |= HAS_START_NO_EARLIER_THAN;
        startNoEarlierThan[i] = startPoint;
        if (progress && asOfStart > startPoint) {
          startNoEarlierThan[i] = asOfStart;
          sReason = AS_OF;
        }
      }
      has[i] = bounds;
      startReason[i] = sReason;
      finishReason[i] = fReason;
      const dependsOn = m.dependsOn;
      if (dependsOn !== undefined)
        for (const d of dependsOn) {
          // A milestone of the same project is looked for once all of the project's items are known.
          const ref = dependsOnRef(d);
          pendingFrom.push(ref);
          pendingFromIndex.push(ref.includes("/") ? -1 : -2);
          pendingType.push(dependsOnType(d));
          pendingLag.push(dependsOnLag(d));
          pendingTo.push(i);
        }
    }
    for (let k = firstLink; k < pendingFrom.length; k++) {
      if (pendingFromIndex[k] !== -2) continue;
      const ref = pendingFrom[k]!;
      let f = -1;
      if (n - first <= LOCAL_SCAN)
        for (let j = first; j < n; j++)
          if (milestone[j]!.id === ref) {
            f = j;
            break;
          }
      pendingFromIndex[k] = f;
      pendingFrom[k] = f < 0 ? `${p.id}/${ref}` : undefined;
    }
  }
  const nodes: NodeColumns = {
    keys,
    duration: duration.subarray(0, n),
    has: has.subarray(0, n),
    actualStart: actualStart.subarray(0, n),
    actualFinish: actualFinish.subarray(0, n),
    startNoEarlierThan: startNoEarlierThan.subarray(0, n),
    finishNoEarlierThan: finishNoEarlierThan.subarray(0, n),
    group: group.subarray(0, n),
    groupNames,
  };
  const items: ItemColumns = {
    milestone,
    entry: entry.subarray(0, n),
    index: index.subarray(0, n),
    kind: kind.subarray(0, n),
    startReason: startReason.subarray(0, n),
    finishReason: finishReason.subarray(0, n),
    origin: origin.subarray(0, n),
    progress: progressOf.subarray(0, n),
  };
  // Resolve links now that every key is known; unknown predecessors are validation's to report.
  const fromIndex: number[] = [];
  for (let k = 0; k < pendingFrom.length; k++) {
    const f = pendingFromIndex[k]! >= 0 ? pendingFromIndex[k]! : indexOf.get(pendingFrom[k]!);
    if (f === undefined) continue;
    const kept = fromIndex.length;
    fromIndex.push(f);
    pendingFrom[kept] = pendingFrom[k];
    pendingTo[kept] = pendingTo[k]!;
    pendingType[kept] = pendingType[k]!;
    pendingLag[kept] = pendingLag[k]!;
  }
  const m = fromIndex.length;
  pendingFrom.length = m;
  const columns: LinkColumns = {
    from: Int32Array.from(fromIndex),
    to: Int32Array.from(pendingTo.slice(0, m)),
    type: new Uint8Array(m),
    lag: Float64Array.from(pendingLag.slice(0, m)),
  };
  for (let k = 0; k < m; k++) columns.type[k] = TYPE_CODES[TYPE_CODE[pendingType[k]!]];
  let links: NetworkLink[] | undefined;
  let linkNames: PortfolioSchedule["links"] | undefined;
  let activities: NetworkActivity[] | undefined;
  let metas: ItemMeta[] | undefined;
  return {
    calendar,
    nodes,
    get activities() {
      activities ??= keys.map((key, i) => {
        const a: NetworkActivity = { key, duration: nodes.duration[i]!, group: groupNames[nodes.group[i]!] };
        const bounds = nodes.has[i]!;
        if ((bounds & HAS_ACTUAL_FINISH) !== 0) a.actualFinish = nodes.actualFinish[i];
        if ((bounds & HAS_ACTUAL_START) !== 0) a.actualStart = nodes.actualStart[i];
        if ((bounds & HAS_FINISH_NO_EARLIER_THAN) !== 0) a.finishNoEarlierThan = nodes.finishNoEarlierThan[i];
        if ((bounds & HAS_START_NO_EARLIER_THAN) !== 0) a.startNoEarlierThan = nodes.startNoEarlierThan[i];
        return a;
      });
      return activities;
    },
    indexOf,
    columns,
    get links() {
      links ??= this.linkNames.map((l) => ({ from: l.from, to: l.to, type: TYPE_CODE[l.type], lag: l.lag }));
      return links;
    },
    get linkNames() {
      linkNames ??= pendingFrom.map((from, k) => ({
        // A link found among its project's items has its predecessor's key (the same text).
        from: from ?? keys[columns.from[k]!]!,
        to: keys[columns.to[k]!]!,
        type: pendingType[k]!,
        lag: columns.lag[k]!,
      }));
      return linkNames;
    },
    items,
    get metas() {
      metas ??= keys.map((_, i) => {
        const { doc, value: project } = source.projects[items.entry[i]!]!;
        const k = items.kind[i]!;
        const m = items.milestone[i]!;
        return {
          project,
          doc,
          milestone: m,
          index: items.index[i]!,
          kind: KINDS[k]!,
          ownDate: k === DATED ? (m.forecast ?? m.baseline) : undefined,
          startReason: REASONS[items.startReason[i]!]!,
          finishReason: REASONS[items.finishReason[i]!],
          origin: items.origin[i]!,
          progress: items.progress[i] === 1,
        };
      });
      return metas;
    },
    projects,
    asOfFinish,
  };
}

export function buildSchedule(source: ScheduleSource, asOf: string): PortfolioSchedule {
  const input = networkInput(source, asOf);
  const { calendar, nodes, columns, items: columnsOfItems, projects } = input;
  const pass = networkPass(nodes, columns);
  const n = nodes.keys.length;
  const { milestone, entry, index, kind, startReason, finishReason, origin } = columnsOfItems;
  const lag = columns.lag;
  const from = columns.from;

  /** The item's early finish date. */
  const earlyFinishOf = (i: number): string => {
    const m = milestone[i]!;
    // A dated milestone the network leaves where it is keeps the date as written (a weekend date stays).
    if (kind[i] === DATED && pass.own[i] === OWN_FINISH_NO_EARLIER_THAN && finishReason[i] === OWN_DATE)
      return (m.forecast ?? m.baseline)!;
    return dateOf(calendar, clean(pass.ef[i]!), nodes.duration[i]!, true, origin[i]!);
  };
  const makeItem = (i: number): ScheduleItem => {
    const m = milestone[i]!;
    const { doc, value: project } = source.projects[entry[i]!]!;
    const start = origin[i]!;
    const duration = nodes.duration[i]!;
    const es = clean(pass.es[i]!);
    const ef = clean(pass.ef[i]!);
    const ls = clean(pass.ls[i]!);
    const lf = clean(pass.lf[i]!);
    const complete = pass.complete[i] === 1;
    const ownDriver = ownDriverOf(pass, i);
    const drivingLinks = drivingLinksOf(pass, i);
    const k = kind[i]!;
    const earlyFinish = earlyFinishOf(i);
    const reason: DateReason | undefined =
      drivingLinks.length > 0
        ? undefined
        : ownDriver === "actual-finish" || ownDriver === "actual-start"
          ? "actual"
          : ownDriver === "finish-no-earlier-than"
            ? REASONS[finishReason[i]!]
            : REASONS[startReason[i]!];
    const pushed = pass.pushed[i]!;
    const pushedPastOwnDate = Number.isNaN(pushed) ? 0 : clean(pushed);
    return {
      key: nodes.keys[i]!,
      project: project.id,
      id: m.id,
      name: m.name,
      doc,
      index: index[i]!,
      kind: KINDS[k]!,
      duration,
      es: es - start,
      ef: ef - start,
      ls: ls - start,
      lf: lf - start,
      earlyStart: duration === 0 ? earlyFinish : dateOf(calendar, es, duration, false, start),
      earlyFinish,
      lateStart:
        duration === 0 ? dateOf(calendar, lf, duration, true, start) : dateOf(calendar, ls, duration, false, start),
      lateFinish: dateOf(calendar, lf, duration, true, start),
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
        k === DATED && finishReason[i] === OWN_DATE && pushedPastOwnDate > 0 ? pushedPastOwnDate : undefined,
      drivers:
        drivingLinks.length === 0
          ? NO_DRIVERS
          : drivingLinks.map((l) => ({
              key: nodes.keys[from[l]!]!,
              type: TYPE_NAMES[columns.type[l]!]!,
              lag: lag[l]!,
            })),
    };
  };
  // Each project's finish date: the latest date among its items that finish at its finish point.
  const finishDate = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const finish = pass.groupFinish[pass.group[i]!]!;
    if (Math.abs(clean(pass.ef[i]!) - finish) >= 1e-9) continue;
    const project = source.projects[entry[i]!]!.value.id;
    const date = earlyFinishOf(i);
    const previous = finishDate.get(project);
    if (previous === undefined || date > previous) finishDate.set(project, date);
  }
  for (const ps of projects) ps.finish = finishDate.get(ps.id);
  const graph = passGraph(pass, nodes.keys);
  // The items, the item map and the pass as objects are built when first read: `pmo schedule`
  // goes through the items once (itemAt) and reads neither map.
  let items: ScheduleItem[] | undefined;
  let byKey: Map<string, ScheduleItem> | undefined;
  let result: ScheduleResult | undefined;
  const schedule: PortfolioSchedule = {
    asOf,
    days: calendar.days,
    get items() {
      if (!items) {
        items = new Array<ScheduleItem>(n);
        for (let i = 0; i < n; i++) items[i] = makeItem(i);
      }
      return items;
    },
    itemCount: n,
    itemAt: (i) => (items ? items[i]! : makeItem(i)),
    isCritical: (i) => pass.critical[i] === 1,
    indexOfKey: (key) => input.indexOf.get(key),
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (const it of schedule.items) byKey.set(it.key, it);
      }
      return byKey;
    },
    projects,
    criticalPaths: criticalPathsOf(graph),
    driversOf: (key) => {
      const i = input.indexOf.get(key);
      return i === undefined ? { paths: [], truncated: false } : drivingChainsOf(graph, i);
    },
    get links() {
      return input.linkNames;
    },
    get result() {
      result ??= networkResult(input.activities, input.links, pass);
      return result;
    },
    calendar,
  };
  return schedule;
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
