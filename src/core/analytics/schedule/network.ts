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

/**
 * Forward and backward pass. Throws NetworkCycleError on a cycle and RangeError on a link to an
 * unknown key (validation reports both with positions before the pass runs).
 */
export function scheduleNetwork(activities: readonly NetworkActivity[], links: readonly NetworkLink[]): ScheduleResult {
  const n = activities.length;
  const indexOf = new Map<string, number>();
  activities.forEach((a, i) => {
    if (indexOf.has(a.key)) throw new RangeError(`duplicate activity key ${a.key}`);
    indexOf.set(a.key, i);
  });
  // Most activities of a large portfolio have no link at all: they share one empty list, and
  // get their own on their first link (a hundred thousand empty arrays are work for the GC).
  const incoming: number[][] = new Array<number[]>(n).fill(NO_LINKS);
  const outgoing: number[][] = new Array<number[]>(n).fill(NO_LINKS);
  const from: number[] = [];
  const to: number[] = [];
  links.forEach((l, k) => {
    const f = indexOf.get(l.from);
    const t = indexOf.get(l.to);
    if (f === undefined || t === undefined) throw new RangeError(`link ${l.from} -> ${l.to} names an unknown activity`);
    from.push(f);
    to.push(t);
    if (outgoing[f] === NO_LINKS) outgoing[f] = [k];
    else outgoing[f]!.push(k);
    if (incoming[t] === NO_LINKS) incoming[t] = [k];
    else incoming[t]!.push(k);
  });
  const order = topologicalOrder(n, incoming, outgoing, to, from, activities);

  const es = new Array<number>(n).fill(0);
  const ef = new Array<number>(n).fill(0);
  const driving: number[][] = new Array<number[]>(n).fill(NO_LINKS);
  const own: (OwnDriver | undefined)[] = new Array(n).fill(undefined);
  const pushed: (number | undefined)[] = new Array(n).fill(undefined);
  const complete = activities.map((a) => a.actualFinish !== undefined);
  const started = activities.map((a) => a.actualStart !== undefined);

  // Forward pass.
  for (const i of order) {
    const a = activities[i]!;
    const d = a.duration;
    if (a.actualFinish !== undefined) {
      ef[i] = a.actualFinish;
      es[i] = a.actualStart ?? a.actualFinish - d;
      own[i] = "actual-finish";
      continue;
    }
    // Lower bounds on the start and on the finish, each with what imposes it.
    let start = -Infinity;
    let finish = -Infinity;
    let startBy: OwnDriver | undefined;
    let finishBy: OwnDriver | undefined;
    if (a.actualStart !== undefined) {
      start = a.actualStart;
      startBy = "actual-start";
    } else if (a.startNoEarlierThan !== undefined) {
      start = a.startNoEarlierThan;
      startBy = "start-no-earlier-than";
    }
    if (a.finishNoEarlierThan !== undefined) {
      finish = a.finishNoEarlierThan;
      finishBy = "finish-no-earlier-than";
    }
    // The bound the links impose, and the bound ignoring the activity's own finish date.
    let linkBound = -Infinity;
    for (const k of incoming[i]!) {
      const bound = linkStartBound(links[k]!, es[from[k]!]!, ef[from[k]!]!, d);
      // A start that is a fact is not moved by start links; finish links still bind.
      if (a.actualStart !== undefined && startsSuccessor(links[k]!.type)) continue;
      if (bound > linkBound) linkBound = bound;
    }
    let s: number;
    if (a.actualStart !== undefined) {
      s = a.actualStart;
      const f = Math.max(s + d, finish, linkBound + d);
      es[i] = s;
      ef[i] = f;
    } else {
      s = Math.max(start, finish - d, linkBound);
      if (s === -Infinity) s = 0;
      es[i] = s;
      ef[i] = s + d;
    }
    if (finishBy !== undefined && linkBound + d > finish + EPS) pushed[i] = linkBound + d - finish;
    // What fixes the early dates: every link with zero slack; else the activity's own bound.
    const target = a.actualStart !== undefined ? ef[i]! - d : es[i]!;
    for (const k of incoming[i]!) {
      if (a.actualStart !== undefined && startsSuccessor(links[k]!.type)) continue;
      if (Math.abs(linkStartBound(links[k]!, es[from[k]!]!, ef[from[k]!]!, d) - target) <= EPS) {
        if (driving[i] === NO_LINKS) driving[i] = [k];
        else driving[i]!.push(k);
      }
    }
    if (driving[i]!.length === 0) {
      if (a.actualStart !== undefined) own[i] = ef[i]! - d > s + EPS && finishBy ? finishBy : "actual-start";
      else if (finishBy !== undefined && Math.abs(finish - d - s) <= EPS) own[i] = finishBy;
      else if (startBy !== undefined && Math.abs(start - s) <= EPS) own[i] = startBy;
      else own[i] = "network-start";
    }
  }

  // Each group finishes at its latest early finish.
  const groupFinish = new Map<string, number>();
  let finish = -Infinity;
  activities.forEach((a, i) => {
    const g = a.group ?? "";
    if (ef[i]! > (groupFinish.get(g) ?? -Infinity)) groupFinish.set(g, ef[i]!);
    if (ef[i]! > finish) finish = ef[i]!;
  });
  if (finish === -Infinity) finish = 0;

  // Backward pass. Complete successors do not constrain (facts); started ones only through their finish.
  const ls = new Array<number>(n).fill(0);
  const lf = new Array<number>(n).fill(0);
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o]!;
    const a = activities[i]!;
    const d = a.duration;
    if (complete[i]) {
      ls[i] = es[i]!;
      lf[i] = ef[i]!;
      continue;
    }
    let late = groupFinish.get(a.group ?? "")!;
    for (const k of outgoing[i]!) {
      const j = to[k]!;
      if (complete[j]) continue;
      const l = links[k]!;
      if (started[j] && startsSuccessor(l.type)) continue;
      const bound = linkFinishBound(l, ls[j]!, lf[j]!, d);
      if (bound < late) late = bound;
    }
    lf[i] = late;
    ls[i] = started[i] ? es[i]! : late - d;
  }

  const result: ScheduledActivity[] = activities.map((a, i) => {
    const done = complete[i]!;
    let totalFloat: number | undefined;
    let freeFloat: number | undefined;
    if (!done) {
      totalFloat = clean(lf[i]! - ef[i]!);
      let free = groupFinish.get(a.group ?? "")! - ef[i]!;
      for (const k of outgoing[i]!) {
        const j = to[k]!;
        if (complete[j]) continue;
        const l = links[k]!;
        if (started[j] && startsSuccessor(l.type)) continue;
        const slack = linkSlack(l, es[i]!, ef[i]!, es[j]!, ef[j]!);
        if (slack < free) free = slack;
      }
      freeFloat = clean(Math.max(0, free));
    }
    return {
      key: a.key,
      index: i,
      duration: a.duration,
      group: a.group,
      es: clean(es[i]!),
      ef: clean(ef[i]!),
      ls: clean(ls[i]!),
      lf: clean(lf[i]!),
      totalFloat,
      freeFloat,
      critical: totalFloat !== undefined && totalFloat <= EPS,
      complete: done,
      inProgress: !done && started[i]!,
      drivingLinks: driving[i]!,
      ownDriver: own[i],
      pushedPastOwnDate: pushed[i] === undefined ? undefined : clean(pushed[i]!),
    };
  });
  const byKey = new Map<string, ScheduledActivity>();
  for (const r of result) byKey.set(r.key, r);
  return { activities: result, links: [...links], byKey, groupFinish, finish, incoming, outgoing };
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
  return clean(Math.max(0, linkSlack(l, f.es, f.ef, t.es, t.ef)));
}

/** True for the link types that constrain the successor's start (FS, SS). */
function startsSuccessor(type: LinkType): boolean {
  return type === "FS" || type === "SS";
}

/** The earliest start of the successor (duration d) that the link allows. */
function linkStartBound(l: NetworkLink, predEs: number, predEf: number, d: number): number {
  switch (l.type) {
    case "FS":
      return predEf + l.lag;
    case "SS":
      return predEs + l.lag;
    case "FF":
      return predEf + l.lag - d;
    case "SF":
      return predEs + l.lag - d;
  }
}

/** The latest finish of the predecessor (duration d) that the link allows. */
function linkFinishBound(l: NetworkLink, succLs: number, succLf: number, d: number): number {
  switch (l.type) {
    case "FS":
      return succLs - l.lag;
    case "SS":
      return succLs - l.lag + d;
    case "FF":
      return succLf - l.lag;
    case "SF":
      return succLf - l.lag + d;
  }
}

/** How far the predecessor could slip before the link pushes the successor's early dates. */
function linkSlack(l: NetworkLink, predEs: number, predEf: number, succEs: number, succEf: number): number {
  switch (l.type) {
    case "FS":
      return succEs - predEf - l.lag;
    case "SS":
      return succEs - predEs - l.lag;
    case "FF":
      return succEf - predEf - l.lag;
    case "SF":
      return succEf - predEs - l.lag;
  }
}

/** Rounds away binary noise (0.1 + 0.2) so that sums of decimal durations read as written. */
function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r;
}

/** Kahn's algorithm, stable in input order; a cycle is spelled out. */
function topologicalOrder(
  n: number,
  incoming: number[][],
  outgoing: number[][],
  to: number[],
  from: number[],
  activities: readonly NetworkActivity[],
): number[] {
  const indegree = incoming.map((l) => l.length);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  const order: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    order.push(i);
    for (const k of outgoing[i]!) {
      const j = to[k]!;
      if (--indegree[j]! === 0) queue.push(j);
    }
  }
  if (order.length === n) return order;
  // Walk backwards from an activity left over until a key repeats.
  let i = indegree.findIndex((d) => d > 0);
  const seen = new Map<number, number>();
  const walk: number[] = [];
  while (!seen.has(i)) {
    seen.set(i, walk.length);
    walk.push(i);
    const k = incoming[i]!.find((k) => indegree[from[k]!]! > 0)!;
    i = from[k]!;
  }
  const cycle = walk.slice(seen.get(i)!).reverse();
  cycle.push(cycle[0]!);
  throw new NetworkCycleError(cycle.map((c) => activities[c]!.key));
}
