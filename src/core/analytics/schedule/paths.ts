import type { NetworkPass, ScheduleResult } from "./network.js";

/** Paths are listed up to this many; a network with more says so. */
export const MAX_PATHS = 200;

export interface PathList {
  /** Each path is a list of activity keys, first to last. */
  paths: string[][];
  /** True when more paths exist than were listed. */
  truncated: boolean;
}

/** What the path walks read of a network: its links by index, which are driving, which activities are critical. */
export interface PathGraph {
  keys: readonly string[];
  /** Each activity's group ("" without one). */
  groups: (i: number) => string;
  critical: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  /** 1 for a link that fixes its successor's early dates. */
  drives: Uint8Array;
  inStart: Int32Array;
  inLinks: Int32Array;
  outStart: Int32Array;
  outLinks: Int32Array;
}

/** A pass's path graph, with the activities' keys. */
export function passGraph(pass: NetworkPass, keys: readonly string[]): PathGraph {
  return {
    keys,
    groups: (i) => pass.groupNames[pass.group[i]!]!,
    critical: pass.critical,
    from: pass.links.from,
    to: pass.links.to,
    drives: pass.drives,
    inStart: pass.inStart,
    inLinks: pass.inLinks,
    outStart: pass.outStart,
    outLinks: pass.outLinks,
  };
}

/** The path graph of a ScheduleResult's objects. */
function resultGraph(result: ScheduleResult): PathGraph {
  const { activities, links, byKey } = result;
  const n = activities.length;
  const m = links.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  links.forEach((l, k) => {
    from[k] = byKey.get(l.from)!.index;
    to[k] = byKey.get(l.to)!.index;
  });
  const drives = new Uint8Array(m);
  const critical = new Uint8Array(n);
  for (const a of activities) {
    if (a.critical) critical[a.index] = 1;
    for (const k of a.drivingLinks) drives[k] = 1;
  }
  const rows = (lists: readonly (readonly number[])[]) => {
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.length;
    const flat = new Int32Array(start[n]!);
    for (let i = 0; i < n; i++) flat.set(lists[i]!, start[i]!);
    return { start, flat };
  };
  const incoming = rows(result.incoming);
  const outgoing = rows(result.outgoing);
  return {
    keys: activities.map((a) => a.key),
    groups: (i) => activities[i]!.group ?? "",
    critical,
    from,
    to,
    drives,
    inStart: incoming.start,
    inLinks: incoming.flat,
    outStart: outgoing.start,
    outLinks: outgoing.flat,
  };
}

/**
 * Every critical path: chains of critical activities joined by driving links (links with zero
 * slack), from a critical activity no critical link drives to one that drives no critical
 * activity. Listed in the order of the activities' input order.
 */
export function criticalPaths(result: ScheduleResult, group?: string): PathList {
  return criticalPathsOf(resultGraph(result), group);
}

/** criticalPaths over a path graph. */
export function criticalPathsOf(g: PathGraph, group?: string): PathList {
  const { critical, from, to, drives, inStart, inLinks, outStart, outLinks, keys } = g;
  const n = keys.length;
  const inGroup = (i: number): boolean => group === undefined || g.groups(i) === group;
  const isCriticalLink = (k: number): boolean =>
    critical[from[k]!] === 1 && critical[to[k]!] === 1 && drives[k] === 1 && (inGroup(from[k]!) || inGroup(to[k]!));
  const paths: string[][] = [];
  let truncated = false;
  const stack: number[] = [];
  const visit = (i: number): void => {
    if (paths.length >= MAX_PATHS) {
      truncated = true;
      return;
    }
    stack.push(i);
    let successors = 0;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const k = outLinks[p]!;
      if (!isCriticalLink(k)) continue;
      successors++;
      visit(to[k]!);
    }
    if (successors === 0) paths.push(stack.map((s) => keys[s]!));
    stack.pop();
  };
  for (let i = 0; i < n; i++) {
    if (critical[i] !== 1 || !inGroup(i)) continue;
    let criticalIn = false;
    for (let p = inStart[i]!; p < inStart[i + 1]! && !criticalIn; p++) criticalIn = isCriticalLink(inLinks[p]!);
    if (!criticalIn) visit(i);
  }
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
  return drivingChainsOf(resultGraph(result), target.index);
}

/** drivingChains over a path graph, from activity `target`. */
export function drivingChainsOf(g: PathGraph, target: number): PathList {
  const { from, drives, inStart, inLinks, keys } = g;
  const paths: string[][] = [];
  let truncated = false;
  const stack: number[] = [];
  const visit = (i: number): void => {
    if (paths.length >= MAX_PATHS) {
      truncated = true;
      return;
    }
    stack.push(i);
    let driven = false;
    for (let p = inStart[i]!; p < inStart[i + 1]!; p++) {
      const k = inLinks[p]!;
      if (drives[k] !== 1) continue;
      driven = true;
      visit(from[k]!);
    }
    if (!driven) paths.push(stack.map((s) => keys[s]!).reverse());
    stack.pop();
  };
  visit(target);
  return { paths, truncated };
}
