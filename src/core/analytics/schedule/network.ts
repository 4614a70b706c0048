/**
 * The critical path method on a network of activities and precedence links (activity on
 * node). Time is a number of days (see calendar.ts for how dates become numbers). Pure: no
 * dates, no documents; build.ts turns a repository into this input.
 */

/** finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export type LinkType = "FS" | "SS" | "FF" | "SF";

export interface NetworkActivity {
  /** Unique key, e.g. `PRJ-001/M2`. */
  key: string;
  /** Working time in days; 0 for a milestone. */
  duration: number;
  /**
   * The activity's group (its project). Late dates are bounded by the group's finish (the latest
   * early finish in the group), so each project's float is measured against its own finish.
   */
  group?: string;
  /** Earliest start point allowed: the project start, the as-of date for work not begun. */
  startNoEarlierThan?: number;
  /** Earliest finish point allowed: a milestone's own date in a date-constrained plan, the as-of date for work in progress. */
  finishNoEarlierThan?: number;
  /** Actual start point: a fact, the pass does not move it. */
  actualStart?: number;
  /** Actual finish point: a fact; the activity is complete and has no float. */
  actualFinish?: number;
}

export interface NetworkLink {
  from: string;
  to: string;
  type: LinkType;
  /** Days; negative for a lead. */
  lag: number;
}

/** What fixed an early date when no link did. */
export type OwnDriver =
  | "start-no-earlier-than"
  | "finish-no-earlier-than"
  | "actual-start"
  | "actual-finish"
  | "network-start";

export interface ScheduledActivity {
  key: string;
  index: number;
  duration: number;
  group: string | undefined;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  /** Undefined for a complete activity (facts have no float). */
  totalFloat: number | undefined;
  freeFloat: number | undefined;
  critical: boolean;
  complete: boolean;
  inProgress: boolean;
  /** Links into this activity that fix its early dates (zero slack). */
  drivingLinks: readonly number[];
  /** Set when the activity's own constraint, not a link, fixes its early dates. */
  ownDriver: OwnDriver | undefined;
  /**
   * For a finish-no-earlier-than date: how far the links push the activity past it (the date
   * is earlier than its predecessors allow), in days. 0 or undefined when consistent.
   */
  pushedPastOwnDate: number | undefined;
}

export interface ScheduleResult {
  activities: ScheduledActivity[];
  links: NetworkLink[];
  byKey: ReadonlyMap<string, ScheduledActivity>;
  /** Latest early finish of each group (and of `""` for activities without one). */
  groupFinish: ReadonlyMap<string, number>;
  /** Latest early finish of the whole network. */
  finish: number;
  /** Links into and out of each activity, by link index. */
  incoming: readonly number[][];
  outgoing: readonly number[][];
}

/** A cycle in the links: the keys along it, first key repeated at the end. */
export class NetworkCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`the schedule links form a cycle: ${cycle.join(" -> ")}`);
  }
}

const EPS = 1e-9;

/** The link list of an activity without links, shared (frozen: it is never pushed to). */
const NO_LINKS: number[] = Object.freeze([]) as unknown as number[];

/** Link types as numbers in a NetworkPass (FS 0, SS 1, FF 2, SF 3): the two that start the successor come first. */
export const TYPE_CODES: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };
const TYPES: readonly LinkType[] = ["FS", "SS", "FF", "SF"];

/** OwnDriver as numbers in a NetworkPass; 0 is none (a link drives). */
const OWN_DRIVERS: readonly (OwnDriver | undefined)[] = [
  undefined,
  "start-no-earlier-than",
  "finish-no-earlier-than",
  "actual-start",
  "actual-finish",
  "network-start",
];
const START_NO_EARLIER_THAN = 1;
/** NetworkPass.own of an activity its finish-no-earlier-than date fixes. */
export const FINISH_NO_EARLIER_THAN = 2;
const ACTUAL_START = 3;
const ACTUAL_FINISH = 4;
const NETWORK_START = 5;

/** The links of a network by index: link k runs from activity from[k] to activity to[k]. */
export interface LinkColumns {
  from: Int32Array;
  to: Int32Array;
  /** TYPE_CODES. */
  type: Uint8Array;
  lag: Float64Array;
}

/** Which optional bounds an activity has (NodeColumns.has). */
export const HAS_ACTUAL_START = 1;
export const HAS_ACTUAL_FINISH = 2;
export const HAS_START_NO_EARLIER_THAN = 4;
export const HAS_FINISH_NO_EARLIER_THAN = 8;

/**
 * The activities of a network by index, as the pass reads them: NetworkActivity's fields in
 * columns. An optional bound counts only where its `has` bit is set.
 */
export interface NodeColumns {
  keys: readonly string[];
  duration: Float64Array;
  has: Uint8Array;
  actualStart: Float64Array;
  actualFinish: Float64Array;
  startNoEarlierThan: Float64Array;
  finishNoEarlierThan: Float64Array;
  /** Each activity's group, as an index into groupNames (`""` for an activity without one). */
  group: Int32Array;
  groupNames: string[];
}

/** NetworkActivity objects in columns. */
export function nodeColumns(activities: readonly NetworkActivity[]): NodeColumns {
  const n = activities.length;
  const nodes: NodeColumns = {
    keys: activities.map((a) => a.key),
    duration: new Float64Array(n),
    has: new Uint8Array(n),
    actualStart: new Float64Array(n),
    actualFinish: new Float64Array(n),
    startNoEarlierThan: new Float64Array(n),
    finishNoEarlierThan: new Float64Array(n),
    group: new Int32Array(n),
    groupNames: [],
  };
  const groupIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const a = activities[i]!;
    nodes.duration[i] = a.duration;
    let has = 0;
    if (a.actualStart !== undefined) {
      has |= HAS_ACTUAL_START;
      nodes.actualStart[i] = a.actualStart;
    }
    if (a.actualFinish !== undefined) {
      has |= HAS_ACTUAL_FINISH;
      nodes.actualFinish[i] = a.actualFinish;
    }
    if (a.startNoEarlierThan !== undefined) {
      has |= HAS_START_NO_EARLIER_THAN;
      nodes.startNoEarlierThan[i] = a.startNoEarlierThan;
    }
    if (a.finishNoEarlierThan !== undefined) {
      has |= HAS_FINISH_NO_EARLIER_THAN;
      nodes.finishNoEarlierThan[i] = a.finishNoEarlierThan;
    }
    nodes.has[i] = has;
    const g = a.group ?? "";
    let gi = groupIndex.get(g);
    if (gi === undefined) {
      gi = nodes.groupNames.length;
      groupIndex.set(g, gi);
      nodes.groupNames.push(g);
    }
    nodes.group[i] = gi;
  }
  return nodes;
}

/**
 * The forward and backward pass in numbers, by activity index and link index (typed arrays:
 * no object per activity, so that a network of 55,000 items leaves the collector little to
 * do). Dates and floats are as computed, not yet rounded (`clean`); NaN stands for undefined.
 * scheduleNetwork turns it into ScheduledActivity objects; buildSchedule reads it directly.
 */
export interface NetworkPass {
  n: number;
  links: LinkColumns;
  /** Links into activity i: inLinks[inStart[i]] .. inLinks[inStart[i + 1] - 1], in link order. */
  inStart: Int32Array;
  inLinks: Int32Array;
  outStart: Int32Array;
  outLinks: Int32Array;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  /** NaN for a complete activity. */
  totalFloat: Float64Array;
  freeFloat: Float64Array;
  critical: Uint8Array;
  complete: Uint8Array;
  started: Uint8Array;
  /** 1 when link k fixes its successor's early dates (a driving link). */
  drives: Uint8Array;
  /** OWN_DRIVERS index. */
  own: Uint8Array;
  /** NaN unless the links push a finish-no-earlier-than date later. */
  pushed: Float64Array;
  /** Each activity's group, as an index into groupNames; groupFinish by the same index. */
  group: Int32Array;
  groupNames: string[];
  groupFinish: Float64Array;
  finish: number;
}

/**
 * Forward and backward pass. Throws NetworkCycleError on a cycle and RangeError on a link to an
 * unknown key (validation reports both with positions before the pass runs).
 */
export function scheduleNetwork(activities: readonly NetworkActivity[], links: readonly NetworkLink[]): ScheduleResult {
  const indexOf = new Map<string, number>();
  activities.forEach((a, i) => {
    if (indexOf.has(a.key)) throw new RangeError(`duplicate activity key ${a.key}`);
    indexOf.set(a.key, i);
  });
  const m = links.length;
  const columns: LinkColumns = {
    from: new Int32Array(m),
    to: new Int32Array(m),
    type: new Uint8Array(m),
    lag: new Float64Array(m),
  };
  links.forEach((l, k) => {
    const f = indexOf.get(l.from);
    const t = indexOf.get(l.to);
    if (f === undefined || t === undefined) throw new RangeError(`link ${l.from} -> ${l.to} names an unknown activity`);
    columns.from[k] = f;
    columns.to[k] = t;
    columns.type[k] = TYPE_CODES[l.type];
    columns.lag[k] = l.lag;
  });
  return networkResult(activities, links, networkPass(nodeColumns(activities), columns));
}

/** The pass as ScheduledActivity objects (scheduleNetwork's answer). */
export function networkResult(
  activities: readonly NetworkActivity[],
  links: readonly NetworkLink[],
  pass: NetworkPass,
): ScheduleResult {
  const { n } = pass;
  const incoming = linkLists(n, pass.inStart, pass.inLinks);
  const outgoing = linkLists(n, pass.outStart, pass.outLinks);
  const result = new Array<ScheduledActivity>(n);
  for (let i = 0; i < n; i++) {
    const a = activities[i]!;
    const done = pass.complete[i] === 1;
    const pushed = pass.pushed[i]!;
    result[i] = {
      key: a.key,
      index: i,
      duration: a.duration,
      group: a.group,
      es: clean(pass.es[i]!),
      ef: clean(pass.ef[i]!),
      ls: clean(pass.ls[i]!),
      lf: clean(pass.lf[i]!),
      totalFloat: done ? undefined : pass.totalFloat[i],
      freeFloat: done ? undefined : pass.freeFloat[i],
      critical: pass.critical[i] === 1,
      complete: done,
      inProgress: !done && pass.started[i] === 1,
      drivingLinks: drivingLinksOf(pass, i),
      ownDriver: OWN_DRIVERS[pass.own[i]!],
      pushedPastOwnDate: Number.isNaN(pushed) ? undefined : clean(pushed),
    };
  }
  const byKey = new Map<string, ScheduledActivity>();
  for (const r of result) byKey.set(r.key, r);
  const groupFinish = new Map<string, number>();
  pass.groupNames.forEach((g, k) => {
    groupFinish.set(g, pass.groupFinish[k]!);
  });
  return { activities: result, links: [...links], byKey, groupFinish, finish: pass.finish, incoming, outgoing };
}

/** The driving links into activity i, in link order (a shared empty list for most). */
export function drivingLinksOf(pass: NetworkPass, i: number): readonly number[] {
  let list: number[] = NO_LINKS;
  for (let p = pass.inStart[i]!; p < pass.inStart[i + 1]!; p++) {
    const k = pass.inLinks[p]!;
    if (pass.drives[k] === 1) {
      if (list === NO_LINKS) list = [k];
      else list.push(k);
    }
  }
  return list;
}

/** Compressed rows as one list per activity (a shared empty list for most). */
function linkLists(n: number, start: Int32Array, list: Int32Array): number[][] {
  const lists = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    let l = NO_LINKS;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const k = list[p]!;
      if (l === NO_LINKS) l = [k];
      else l.push(k);
    }
    lists[i] = l;
  }
  return lists;
}

/** Links by activity in compressed rows: the links of `end[k]` ordered by link index. */
function compressedRows(n: number, end: Int32Array): { start: Int32Array; links: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < end.length; k++) start[end[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const links = new Int32Array(end.length);
  for (let k = 0; k < end.length; k++) links[fill[end[k]!]!++] = k;
  return { start, links };
}

/** The forward and backward pass over activities and links by index (see NetworkPass). */
export function networkPass(nodes: NodeColumns, columns: LinkColumns): NetworkPass {
  const n = nodes.keys.length;
  const { duration, has, actualStart, actualFinish, startNoEarlierThan, finishNoEarlierThan } = nodes;
  const { from, to, type, lag } = columns;
  const { start: inStart, links: inLinks } = compressedRows(n, to);
  const { start: outStart, links: outLinks } = compressedRows(n, from);
  const order = topologicalOrder(n, inStart, inLinks, outStart, outLinks, from, to, nodes.keys);

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const drives = new Uint8Array(from.length);
  const own = new Uint8Array(n);
  const pushed = new Float64Array(n).fill(Number.NaN);
  const complete = new Uint8Array(n);
  const started = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((has[i]! & HAS_ACTUAL_FINISH) !== 0) complete[i] = 1;
    if ((has[i]! & HAS_ACTUAL_START) !== 0) started[i] = 1;
  }

  // Forward pass.
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    const d = duration[i]!;
    const bounds = has[i]!;
    if ((bounds & HAS_ACTUAL_FINISH) !== 0) {
      ef[i] = actualFinish[i]!;
      es[i] = (bounds & HAS_ACTUAL_START) !== 0 ? actualStart[i]! : actualFinish[i]! - d;
      own[i] = ACTUAL_FINISH;
      continue;
    }
    // Lower bounds on the start and on the finish, each with what imposes it.
    let start = -Infinity;
    let finish = -Infinity;
    let startBy = 0;
    let finishBy = 0;
    const isStarted = (bounds & HAS_ACTUAL_START) !== 0;
    if (isStarted) {
      start = actualStart[i]!;
      startBy = ACTUAL_START;
    } else if ((bounds & HAS_START_NO_EARLIER_THAN) !== 0) {
      start = startNoEarlierThan[i]!;
      startBy = START_NO_EARLIER_THAN;
    }
    if ((bounds & HAS_FINISH_NO_EARLIER_THAN) !== 0) {
      finish = finishNoEarlierThan[i]!;
      finishBy = FINISH_NO_EARLIER_THAN;
    }
    const first = inStart[i]!;
    const last = inStart[i + 1]!;
    // The bound the links impose, and the bound ignoring the activity's own finish date.
    let linkBound = -Infinity;
    for (let p = first; p < last; p++) {
      const k = inLinks[p]!;
      // A start that is a fact is not moved by start links; finish links still bind.
      if (isStarted && type[k]! <= 1) continue;
      const bound = linkStartBound(type[k]!, lag[k]!, es[from[k]!]!, ef[from[k]!]!, d);
      if (bound > linkBound) linkBound = bound;
    }
    let s: number;
    if (isStarted) {
      s = actualStart[i]!;
      es[i] = s;
      ef[i] = Math.max(s + d, finish, linkBound + d);
    } else {
      s = Math.max(start, finish - d, linkBound);
      if (s === -Infinity) s = 0;
      es[i] = s;
      ef[i] = s + d;
    }
    if (finishBy !== 0 && linkBound + d > finish + EPS) pushed[i] = linkBound + d - finish;
    // What fixes the early dates: every link with zero slack; else the activity's own bound.
    const target = isStarted ? ef[i]! - d : es[i]!;
    let driven = false;
    for (let p = first; p < last; p++) {
      const k = inLinks[p]!;
      if (isStarted && type[k]! <= 1) continue;
      if (Math.abs(linkStartBound(type[k]!, lag[k]!, es[from[k]!]!, ef[from[k]!]!, d) - target) <= EPS) {
        drives[k] = 1;
        driven = true;
      }
    }
    if (!driven) {
      if (isStarted) own[i] = ef[i]! - d > s + EPS && finishBy ? finishBy : ACTUAL_START;
      else if (finishBy !== 0 && Math.abs(finish - d - s) <= EPS) own[i] = finishBy;
      else if (startBy !== 0 && Math.abs(start - s) <= EPS) own[i] = startBy;
      else own[i] = NETWORK_START;
    }
  }

  // Each group finishes at its latest early finish.
  const groupOf = nodes.group;
  const groupNames = nodes.groupNames;
  const groupFinish = new Float64Array(groupNames.length).fill(-Infinity);
  let finish = -Infinity;
  for (let i = 0; i < n; i++) {
    if (ef[i]! > groupFinish[groupOf[i]!]!) groupFinish[groupOf[i]!] = ef[i]!;
    if (ef[i]! > finish) finish = ef[i]!;
  }
  if (finish === -Infinity) finish = 0;

  // Backward pass. Complete successors do not constrain (facts); started ones only through their finish.
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  for (let o = n - 1; o >= 0; o--) {
    const i = order[o]!;
    if (complete[i] === 1) {
      ls[i] = es[i]!;
      lf[i] = ef[i]!;
      continue;
    }
    const d = duration[i]!;
    let late = groupFinish[groupOf[i]!]!;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const k = outLinks[p]!;
      const j = to[k]!;
      if (complete[j] === 1) continue;
      if (started[j] === 1 && type[k]! <= 1) continue;
      const bound = linkFinishBound(type[k]!, lag[k]!, ls[j]!, lf[j]!, d);
      if (bound < late) late = bound;
    }
    lf[i] = late;
    ls[i] = started[i] === 1 ? es[i]! : late - d;
  }

  const totalFloat = new Float64Array(n).fill(Number.NaN);
  const freeFloat = new Float64Array(n).fill(Number.NaN);
  const critical = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (complete[i] === 1) continue;
    const total = clean(lf[i]! - ef[i]!);
    let free = groupFinish[groupOf[i]!]! - ef[i]!;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const k = outLinks[p]!;
      const j = to[k]!;
      if (complete[j] === 1) continue;
      if (started[j] === 1 && type[k]! <= 1) continue;
      const slack = linkSlack(type[k]!, lag[k]!, es[i]!, ef[i]!, es[j]!, ef[j]!);
      if (slack < free) free = slack;
    }
    totalFloat[i] = total;
    freeFloat[i] = clean(Math.max(0, free));
    if (total <= EPS) critical[i] = 1;
  }
  return {
    n,
    links: columns,
    inStart,
    inLinks,
    outStart,
    outLinks,
    es,
    ef,
    ls,
    lf,
    totalFloat,
    freeFloat,
    critical,
    complete,
    started,
    drives,
    own,
    pushed,
    group: groupOf,
    groupNames,
    groupFinish,
    finish,
  };
}

/** OwnDriver of activity i in a pass. */
export function ownDriverOf(pass: NetworkPass, i: number): OwnDriver | undefined {
  return OWN_DRIVERS[pass.own[i]!];
}

/** The LinkType of a TYPE_CODES number. */
export function linkTypeOf(code: number): LinkType {
  return TYPES[code]!;
}

/**
 * A link's float: how many days its predecessor can slip before the link pushes the successor's
 * early dates (0 for a driving link). Undefined when either end is complete: facts do not move.
 */
export function linkFloat(result: ScheduleResult, k: number): number | undefined {
  const l = result.links[k]!;
  const f = result.byKey.get(l.from)!;
  const t = result.byKey.get(l.to)!;
  if (f.complete || t.complete) return undefined;
  return clean(Math.max(0, linkSlack(TYPE_CODES[l.type], l.lag, f.es, f.ef, t.es, t.ef)));
}

/** The earliest start of the successor (duration d) that a link (TYPE_CODES) allows. */
function linkStartBound(type: number, lag: number, predEs: number, predEf: number, d: number): number {
  switch (type) {
    case 0:
      return predEf + lag;
    case 1:
      return predEs + lag;
    case 2:
      return predEf + lag - d;
    default:
      return predEs + lag - d;
  }
}

/** The latest finish of the predecessor (duration d) that a link allows. */
function linkFinishBound(type: number, lag: number, succLs: number, succLf: number, d: number): number {
  switch (type) {
    case 0:
      return succLs - lag;
    case 1:
      return succLs - lag + d;
    case 2:
      return succLf - lag;
    default:
      return succLf - lag + d;
  }
}

/** How far the predecessor could slip before the link pushes the successor's early dates. */
function linkSlack(type: number, lag: number, predEs: number, predEf: number, succEs: number, succEf: number): number {
  switch (type) {
    case 0:
      return succEs - predEf - lag;
    case 1:
      return succEs - predEs - lag;
    case 2:
      return succEf - predEf - lag;
    default:
      return succEf - predEs - lag;
  }
}

/** Rounds away binary noise (0.1 + 0.2) so that sums of decimal durations read as written. */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r;
}

/** Kahn's algorithm, stable in input order; a cycle is spelled out. */
function topologicalOrder(
  n: number,
  inStart: Int32Array,
  inLinks: Int32Array,
  outStart: Int32Array,
  outLinks: Int32Array,
  from: Int32Array,
  to: Int32Array,
  keys: readonly string[],
): Int32Array {
  const indegree = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    indegree[i] = inStart[i + 1]! - inStart[i]!;
    if (indegree[i] === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const i = order[head]!;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const j = to[outLinks[p]!]!;
      if (--indegree[j]! === 0) order[tail++] = j;
    }
  }
  if (tail === n) return order;
  // Walk backwards from an activity left over until a key repeats.
  let i = indegree.findIndex((d) => d > 0);
  const seen = new Map<number, number>();
  const walk: number[] = [];
  while (!seen.has(i)) {
    seen.set(i, walk.length);
    walk.push(i);
    let k = -1;
    for (let p = inStart[i]!; p < inStart[i + 1]!; p++)
      if (indegree[from[inLinks[p]!]!]! > 0) {
        k = inLinks[p]!;
        break;
      }
    i = from[k]!;
  }
  const cycle = walk.slice(seen.get(i)!).reverse();
  cycle.push(cycle[0]!);
  throw new NetworkCycleError(cycle.map((c) => keys[c]!));
}
