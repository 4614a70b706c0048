import type { ScheduleResult } from "./network.js";

/** Paths are listed up to this many; a network with more says so. */
export const MAX_PATHS = 200;

/** The critical successors of an activity that has none, shared (most of a large portfolio's). */
const NONE: readonly number[] = Object.freeze([]);

export interface PathList {
  /** Each path is a list of activity keys, first to last. */
  paths: string[][];
  /** True when more paths exist than were listed. */
  truncated: boolean;
}

/**
 * Every critical path: chains of critical activities joined by driving links (links with zero
 * slack), from a critical activity no critical link drives to one that drives no critical
 * activity. Listed in the order of the activities' input order.
 */
export function criticalPaths(result: ScheduleResult, group?: string): PathList {
  const { activities, links, incoming, outgoing } = result;
  const indexOf = result.byKey;
  const inGroup = (i: number): boolean => group === undefined || activities[i]!.group === group;
  const isCriticalLink = (k: number): boolean => {
    const f = indexOf.get(links[k]!.from)!;
    const t = indexOf.get(links[k]!.to)!;
    return f.critical && t.critical && t.drivingLinks.includes(k) && (inGroup(f.index) || inGroup(t.index));
  };
  const next = activities.map((a, i) =>
    a.critical && outgoing[i]!.length > 0
      ? outgoing[i]!.filter(isCriticalLink).map((k) => indexOf.get(links[k]!.to)!.index)
      : NONE,
  );
  const hasCriticalIn = activities.map((a, i) => a.critical && incoming[i]!.some(isCriticalLink));
  const starts = activities.filter((a, i) => a.critical && !hasCriticalIn[i] && inGroup(i)).map((a) => a.index);
  const paths: string[][] = [];
  let truncated = false;
  const stack: number[] = [];
  const visit = (i: number): void => {
    if (paths.length >= MAX_PATHS) {
      truncated = true;
      return;
    }
    stack.push(i);
    const succ = next[i]!;
    if (succ.length === 0) paths.push(stack.map((s) => activities[s]!.key));
    else for (const j of succ) visit(j);
    stack.pop();
  };
  for (const s of starts) visit(s);
  return { paths, truncated };
}

export interface DriverStep {
  /** The driving predecessor. */
  key: string;
  /** The link index from it. */
  link: number;
}

/**
 * What drives an activity's date: the chains of driving links back from it to the activities
 * whose own constraint (start date, actual, forecast date, as-of) fixes their dates. Each
 * chain is listed root first, ending with the activity asked about.
 */
export function drivingChains(result: ScheduleResult, key: string): PathList {
  const target = result.byKey.get(key);
  if (!target) return { paths: [], truncated: false };
  const { activities, links } = result;
  const paths: string[][] = [];
  let truncated = false;
  const stack: number[] = [];
  const visit = (i: number): void => {
    if (paths.length >= MAX_PATHS) {
      truncated = true;
      return;
    }
    stack.push(i);
    const driving = activities[i]!.drivingLinks;
    if (driving.length === 0) paths.push(stack.map((s) => activities[s]!.key).reverse());
    else for (const k of driving) visit(result.byKey.get(links[k]!.from)!.index);
    stack.pop();
  };
  visit(target.index);
  return { paths, truncated };
}
