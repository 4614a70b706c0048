/**
 * Monte Carlo schedule simulation over the same network as the critical path method: each
 * iteration samples the uncertain durations and dates and the risk events, runs the forward
 * pass, and records every item's finish and whether it lies on the chain that drives its
 * project's finish. Deterministic: a seed gives the same result on every machine (see
 * random.ts), and iterations run in a fixed order.
 */
import { type LinkType, type NetworkActivity, type NetworkLink, NetworkCycleError } from "./network.js";
import { normalCdf } from "./pert.js";
import { Random, normal, pertBetaFromTable, pertTable, triangular } from "./random.js";

export type Distribution = "triangular" | "pert";

export interface ThreePointDays {
  min: number;
  mode: number;
  max: number;
}

export interface SimActivity extends NetworkActivity {
  /** Held by its own date (a dated milestone) rather than scheduled from a duration. */
  dated?: boolean;
  /** The duration is uncertain: sampled from min/mode/max. */
  durationRange?: ThreePointDays;
  /**
   * The item's own date (a finish point) is uncertain: sampled from min/mode/max. Its
   * `finishNoEarlierThan` is then only the as-of floor, if any.
   */
  dateRange?: ThreePointDays;
}

export interface RiskEvent {
  id: string;
  /** Probability of occurring in one iteration, 0..1. */
  probability: number;
  /** Days added, when it occurs, to each target's duration (or own date). */
  impact: ThreePointDays;
  targets: string[];
}

export interface SimulationOptions {
  iterations: number;
  seed: number;
  distribution: Distribution;
  /**
   * Measure what drives each group's finish (the tornado): the correlation of each uncertain
   * input with the finish. Off by default; it costs a few operations per input and iteration.
   */
  sensitivity?: boolean;
  /**
   * Groups of items whose sampled durations (or dates) are rank-correlated: every pair in a
   * group has the Spearman rank correlation `coefficient` (0..1). Each item keeps its own
   * distribution, so no mean moves; only how the items vary together does.
   */
  correlations?: readonly RankCorrelation[];
}

export interface RankCorrelation {
  keys: readonly string[];
  /** Spearman's rank correlation between any two of the items, 0 to 1. */
  coefficient: number;
}

/** One input of the simulation that can drive a group's finish. */
export interface Driver {
  /**
   * `duration`: an activity's sampled duration; `date`: a dated milestone's sampled own date;
   * `risk`: the days a risk event adds (0 when it does not occur); `predecessor`: the simulated
   * finish of an item of another group that links into this one.
   */
  kind: "duration" | "date" | "risk" | "predecessor";
  /** The item's key, or the risk's id. */
  key: string;
  /** Pearson correlation of the input with the group's finish over the iterations, -1..1. */
  correlation: number;
}

export interface SimulatedItem {
  key: string;
  /** Mean finish point over the iterations. */
  meanFinish: number;
  /** Finish point of the network with every uncertain input at its mean (no risk events). */
  deterministicFinish: number;
  /** Smallest whole finish point reached in at least p of the iterations. */
  percentile(p: number): number;
  /** Share of iterations finishing at or before this point. */
  probabilityBy(point: number): number;
  /** Share of iterations in which the item is on the chain that drives its project's finish. */
  criticality: number;
  /** Number of links into the item (merge bias shows where paths join). */
  merges: number;
}

export interface SimulatedGroup {
  group: string;
  meanFinish: number;
  percentile(p: number): number;
  probabilityBy(point: number): number;
  /** The cumulative distribution: each whole finish point reached, with the share of iterations finishing by it. */
  curve(): { point: number; probability: number }[];
  /** With `sensitivity`: the inputs that vary and the finish with them, strongest correlation first. */
  drivers: Driver[];
}

export interface SimulationResult {
  /** Each group's (project's) finish: the latest finish of its items not yet complete. */
  groups: ReadonlyMap<string, SimulatedGroup>;
  iterations: number;
  seed: number;
  distribution: Distribution;
  items: SimulatedItem[];
  byKey: ReadonlyMap<string, SimulatedItem>;
  /** Share of iterations in which each risk event occurred. */
  riskOccurrence: ReadonlyMap<string, number>;
  /**
   * The links left out because their `from` or `to` names no activity, in input order (a
   * network built by networkInput has none: it leaves such `dependsOn` entries out itself).
   */
  unknownLinks: readonly NetworkLink[];
}

const TYPE_INDEX: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/** The mean of a three-point range under the chosen distribution. */
export function rangeMean(r: ThreePointDays, distribution: Distribution): number {
  return distribution === "pert" ? (r.min + 4 * r.mode + r.max) / 6 : (r.min + r.mode + r.max) / 3;
}

/**
 * Runs the simulation. A link that names an activity not in `activities` is left out of the
 * network, as the schedule's network leaves out a `dependsOn` entry naming no milestone
 * (validation reports those with their position first), and is listed in the result's
 * `unknownLinks` so that a caller can say so; it never stops the simulation. A cycle throws
 * the critical path method's NetworkCycleError.
 */
export function simulate(
  activities: readonly SimActivity[],
  allLinks: readonly NetworkLink[],
  risks: readonly RiskEvent[],
  options: SimulationOptions,
): SimulationResult {
  const n = activities.length;
  const index = new Map(activities.map((a, i) => [a.key, i]));
  const unknownLinks = allLinks.filter((l) => !index.has(l.from) || !index.has(l.to));
  const links = unknownLinks.length === 0 ? allLinks : allLinks.filter((l) => index.has(l.from) && index.has(l.to));
  const inStart: number[] = new Array(n + 1).fill(0);
  const incoming: number[][] = activities.map(() => []);
  links.forEach((l, k) => {
    incoming[index.get(l.to)!]!.push(k);
  });
  // Flat arrays for the hot loop.
  const linkFrom = new Int32Array(links.length);
  const linkType = new Int8Array(links.length);
  const linkLag = new Float64Array(links.length);
  links.forEach((l, k) => {
    linkFrom[k] = index.get(l.from)!;
    linkType[k] = TYPE_INDEX[l.type];
    linkLag[k] = l.lag;
  });
  const order = topological(n, incoming, linkFrom, activities);
  const inLinks: number[] = [];
  for (let i = 0; i < n; i++) {
    inStart[i] = inLinks.length;
    inLinks.push(...incoming[i]!);
  }
  inStart[n] = inLinks.length;
  const inFlat = Int32Array.from(inLinks);
  const groupOf = new Int32Array(n);
  const groups = new Map<string, number>();
  activities.forEach((a, i) => {
    const g = a.group ?? "";
    if (!groups.has(g)) groups.set(g, groups.size);
    groupOf[i] = groups.get(g)!;
  });
  const riskTargets = risks.map((r) => r.targets.map((k) => index.get(k)).filter((i): i is number => i !== undefined));

  const duration = new Float64Array(n);
  const ownDate = new Float64Array(n);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const driver = new Int32Array(n);

  // Per-item constants as typed arrays: the hot loop reads no object properties.
  const actualFinish = Float64Array.from(activities, (a) => a.actualFinish ?? Number.NaN);
  const actualStart = Float64Array.from(activities, (a) => a.actualStart ?? Number.NaN);
  const startFloor = Float64Array.from(activities, (a) => a.startNoEarlierThan ?? -Infinity);
  const finishFloor = Float64Array.from(activities, (a) => a.finishNoEarlierThan ?? -Infinity);
  const orderArr = Int32Array.from(order);

  /** Forward pass on the current `duration` and `ownDate` (NaN: no own date). */
  const pass = (): void => {
    for (let o = 0; o < n; o++) {
      const i = orderArr[o]!;
      const d = duration[i]!;
      driver[i] = -1;
      const done = actualFinish[i]!;
      if (!Number.isNaN(done)) {
        ef[i] = done;
        const s0 = actualStart[i]!;
        es[i] = Number.isNaN(s0) ? done - d : s0;
        continue;
      }
      const s0 = actualStart[i]!;
      const started = !Number.isNaN(s0);
      let start = started ? s0 : startFloor[i]!;
      let finishBound = finishFloor[i]!;
      const own = ownDate[i]!;
      if (!Number.isNaN(own) && own > finishBound) finishBound = own;
      let best = -Infinity;
      const endLinks = inStart[i + 1]!;
      for (let p = inStart[i]!; p < endLinks; p++) {
        const k = inFlat[p]!;
        const j = linkFrom[k]!;
        const type = linkType[k]!;
        if (started && type < 2) continue;
        const bound =
          type === 0
            ? ef[j]! + linkLag[k]!
            : type === 1
              ? es[j]! + linkLag[k]!
              : type === 2
                ? ef[j]! + linkLag[k]! - d
                : es[j]! + linkLag[k]! - d;
        if (bound > best) {
          best = bound;
          driver[i] = j;
        }
      }
      if (started) {
        es[i] = start;
        let f = start + d;
        if (finishBound > f) f = finishBound;
        if (best + d > f) f = best + d;
        ef[i] = f;
        continue;
      }
      if (finishBound - d > start) start = finishBound - d;
      if (best > start) start = best;
      else driver[i] = -1;
      if (start === -Infinity) start = 0;
      es[i] = start;
      ef[i] = start + d;
    }
  };

  const setInputs = (pick: (r: ThreePointDays) => number): void => {
    activities.forEach((a, i) => {
      duration[i] = a.durationRange ? pick(a.durationRange) : a.duration;
      ownDate[i] = a.dateRange ? pick(a.dateRange) : Number.NaN;
    });
  };

  // Bounds of every finish: the pass is monotone in durations, dates and lags, so all inputs at
  // their minimum (no risk) and at their maximum (every risk at its worst) bracket every sample.
  setInputs((r) => r.min);
  pass();
  const lo = Int32Array.from(ef, (x) => Math.ceil(x - 1e-9));
  setInputs((r) => r.max);
  risks.forEach((r, ri) => {
    for (const i of riskTargets[ri]!) addImpact(i, r.impact.max);
  });
  pass();
  const hi = Int32Array.from(ef, (x) => Math.ceil(x - 1e-9));
  /** A risk that occurs pushes an activity's duration, or a dated milestone's own date. */
  function addImpact(i: number, days: number): void {
    const a = activities[i]!;
    if (a.actualFinish !== undefined) return;
    if (a.dated) ownDate[i] = (Number.isNaN(ownDate[i]!) ? (a.finishNoEarlierThan ?? 0) : ownDate[i]!) + days;
    else duration[i] = duration[i]! + days;
  }

  // Deterministic finish on mean inputs, for merge bias.
  setInputs((r) => rangeMean(r, options.distribution));
  pass();
  const deterministic = Float64Array.from(ef);

  const histograms = activities.map((_, i) => new Int32Array(Math.max(1, hi[i]! - lo[i]! + 1)));
  const groupLo = new Int32Array(groups.size).fill(2147483647);
  const groupHi = new Int32Array(groups.size).fill(-2147483648);
  for (let i = 0; i < n; i++) {
    if (activities[i]!.actualFinish !== undefined) continue;
    const g = groupOf[i]!;
    if (lo[i]! < groupLo[g]!) groupLo[g] = lo[i]!;
    if (hi[i]! > groupHi[g]!) groupHi[g] = hi[i]!;
  }
  const groupHistograms = Array.from(groupLo, (l, g) => new Int32Array(groupHi[g]! >= l ? groupHi[g]! - l + 1 : 1));
  const groupSums = new Float64Array(groups.size);
  const sums = new Float64Array(n);
  const critical = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const occurred = new Int32Array(risks.length);
  const groupLast = new Int32Array(groups.size);
  const random = new Random(options.seed);
  // PERT-beta quantile tables resolved once per range, not per draw.
  const tables = new Map<ThreePointDays, Float64Array | undefined>();
  const tableOf = (r: ThreePointDays): Float64Array | undefined => {
    if (!tables.has(r)) tables.set(r, pertTable(r.min, r.mode, r.max));
    return tables.get(r);
  };
  const durationTables = activities.map((a) =>
    options.distribution === "pert" && a.durationRange ? tableOf(a.durationRange) : undefined,
  );
  const dateTables = activities.map((a) =>
    options.distribution === "pert" && a.dateRange ? tableOf(a.dateRange) : undefined,
  );
  const riskTables = risks.map((r) => (options.distribution === "pert" ? tableOf(r.impact) : undefined));
  const pert = options.distribution === "pert";
  const sample = (r: ThreePointDays, table: Float64Array | undefined): number =>
    pert ? pertBetaFromTable(random.next(), r.min, r.max, table) : triangular(random.next(), r.min, r.mode, r.max);

  const fixedDuration = Float64Array.from(activities, (a) => a.duration);
  const uncertainDuration = activities.flatMap((a, i) => (a.durationRange ? [i] : []));
  const uncertainDate = activities.flatMap((a, i) => (a.dateRange ? [i] : []));
  const dMin = Float64Array.from(activities, (a) => a.durationRange?.min ?? 0);
  const dMode = Float64Array.from(activities, (a) => a.durationRange?.mode ?? 0);
  const dMax = Float64Array.from(activities, (a) => a.durationRange?.max ?? 0);
  const tMin = Float64Array.from(activities, (a) => a.dateRange?.min ?? 0);
  const tMode = Float64Array.from(activities, (a) => a.dateRange?.mode ?? 0);
  const tMax = Float64Array.from(activities, (a) => a.dateRange?.max ?? 0);
  const drawAt = (u: number, lo: number, mode: number, hi: number, table: Float64Array | undefined): number =>
    pert ? pertBetaFromTable(u, lo, hi, table) : triangular(u, lo, mode, hi);
  const sensitivity =
    options.sensitivity === true
      ? sensitivityPairs(activities, links, risks, riskTargets, index, groupOf, deterministic, options.distribution)
      : undefined;
  // Rank correlation through a Gaussian copula: the items of a group share a common normal
  // factor, z_i = √r·w + √(1-r)·e_i, and each is sampled at u_i = Φ(z_i) by its own inverse
  // distribution function. Normals with correlation r have Spearman correlation
  // (6/π)·asin(r/2), so r = 2·sin(π·ρ/6) gives the rank correlation ρ asked for.
  const groupsOfCorrelation = correlationGroups(options.correlations ?? [], activities, index);
  const correlated = new Uint8Array(n);
  const uOf = new Float64Array(n);
  for (const g of groupsOfCorrelation) for (const i of g.members) correlated[i] = 1;
  const drawU = (i: number): number => (correlated[i] ? uOf[i]! : random.next());
  const drawnDuration = new Float64Array(n);
  const drawnDate = new Float64Array(n);
  const riskDays = new Float64Array(risks.length);
  for (let it = 0; it < options.iterations; it++) {
    duration.set(fixedDuration);
    ownDate.fill(Number.NaN);
    for (const g of groupsOfCorrelation) {
      const w = normal(random);
      for (const i of g.members) {
        const z = g.common * w + g.own * normal(random);
        // u < 1 always: the inverse distribution functions take [0, 1).
        uOf[i] = Math.min(normalCdf(z), 0.9999999999999999);
      }
    }
    for (const i of uncertainDuration) duration[i] = drawAt(drawU(i), dMin[i]!, dMode[i]!, dMax[i]!, durationTables[i]);
    for (const i of uncertainDate) ownDate[i] = drawAt(drawU(i), tMin[i]!, tMode[i]!, tMax[i]!, dateTables[i]);
    if (sensitivity) {
      drawnDuration.set(duration);
      drawnDate.set(ownDate);
      riskDays.fill(0);
    }
    risks.forEach((r, ri) => {
      if (random.next() >= r.probability) return;
      occurred[ri]!++;
      const days = sample(r.impact, riskTables[ri]);
      riskDays[ri] = days;
      for (const i of riskTargets[ri]!) addImpact(i, days);
    });
    pass();
    groupLast.fill(-1);
    for (let i = 0; i < n; i++) {
      const f = ef[i]!;
      const h = histograms[i]!;
      const slot = Math.ceil(f - 1e-9) - lo[i]!;
      h[slot < 0 ? 0 : slot >= h.length ? h.length - 1 : slot]!++;
      sums[i] = sums[i]! + f;
      if (!Number.isNaN(actualFinish[i]!)) continue;
      const g = groupOf[i]!;
      const last = groupLast[g]!;
      if (last < 0 || f > ef[last]! + 1e-9) groupLast[g] = i;
    }
    for (let g = 0; g < groupLast.length; g++) {
      const last = groupLast[g]!;
      if (last >= 0) {
        const day = Math.ceil(ef[last]! - 1e-9);
        const h = groupHistograms[g]!;
        h[Math.min(Math.max(day - groupLo[g]!, 0), h.length - 1)]!++;
        groupSums[g] = groupSums[g]! + ef[last]!;
      }
      for (let i = groupLast[g]!; i >= 0 && stamp[i] !== it; i = driver[i]!) {
        if (!Number.isNaN(actualFinish[i]!)) break;
        stamp[i] = it;
        critical[i]!++;
      }
    }
    if (sensitivity) {
      const { y, y0, sy, syy, kind, ref, group, x0, sx, sxx, sxy } = sensitivity;
      for (let g = 0; g < groupLast.length; g++) {
        const last = groupLast[g]!;
        const v = last >= 0 ? ef[last]! - y0[g]! : 0;
        y[g] = v;
        sy[g] = sy[g]! + v;
        syy[g] = syy[g]! + v * v;
      }
      for (let p = 0; p < kind.length; p++) {
        const r = ref[p]!;
        const k = kind[p]!;
        const x = (k === 0 ? drawnDuration[r]! : k === 1 ? drawnDate[r]! : k === 2 ? riskDays[r]! : ef[r]!) - x0[p]!;
        sx[p] = sx[p]! + x;
        sxx[p] = sxx[p]! + x * x;
        sxy[p] = sxy[p]! + x * y[group[p]!]!;
      }
    }
  }

  const N = options.iterations;
  const items: SimulatedItem[] = activities.map((a, i) => {
    return {
      key: a.key,
      meanFinish: sums[i]! / N,
      deterministicFinish: deterministic[i]!,
      ...distributionOf(histograms[i]!, lo[i]!, N),
      criticality: critical[i]! / N,
      merges: inStart[i + 1]! - inStart[i]!,
    };
  });
  const driversOf = sensitivity ? correlations(sensitivity, N, activities, risks, groups.size) : [];
  const groupResults = new Map<string, SimulatedGroup>();
  for (const [name, g] of groups) {
    if (groupHi[g]! < groupLo[g]!) continue;
    const d = distributionOf(groupHistograms[g]!, groupLo[g]!, N);
    const h = groupHistograms[g]!;
    const base = groupLo[g]!;
    const curve = (): { point: number; probability: number }[] => {
      const out: { point: number; probability: number }[] = [];
      let run = 0;
      for (let day = 0; day < h.length; day++) {
        if (h[day] === 0) continue;
        run += h[day]!;
        out.push({ point: base + day, probability: run / N });
      }
      return out;
    };
    groupResults.set(name, { group: name, meanFinish: groupSums[g]! / N, ...d, curve, drivers: driversOf[g] ?? [] });
  }
  return {
    groups: groupResults,
    iterations: N,
    seed: options.seed,
    distribution: options.distribution,
    items,
    byKey: new Map(items.map((it) => [it.key, it])),
    riskOccurrence: new Map(risks.map((r, ri) => [r.id, occurred[ri]! / N])),
    unknownLinks,
  };
}

/** Percentiles and probabilities from a histogram of whole finish points starting at `base`. */
function distributionOf(h: Int32Array, base: number, N: number): Pick<SimulatedItem, "percentile" | "probabilityBy"> {
  const cumulative = new Int32Array(h.length);
  let run = 0;
  for (let d = 0; d < h.length; d++) {
    run += h[d]!;
    cumulative[d] = run;
  }
  return {
    percentile: (p) => {
      const need = Math.max(1, Math.ceil(p * N - 1e-9));
      for (let d = 0; d < h.length; d++) if (cumulative[d]! >= need) return base + d;
      return base + h.length - 1;
    },
    probabilityBy: (point) => {
      const d = Math.floor(point + 1e-9) - base;
      if (d < 0) return 0;
      if (d >= h.length) return 1;
      return cumulative[d]! / N;
    },
  };
}

/**
 * Kahn's algorithm. On a cycle, throws the NetworkCycleError the critical path method throws
 * (scheduleNetwork), spelled the same way: walking back from the first activity left over,
 * through its first incoming link from another one left over, until a key repeats. The
 * activities left over and their in-degrees do not depend on the order Kahn's algorithm visits,
 * so `pmo forecast` names the same cycle as `pmo schedule`.
 */
function topological(
  n: number,
  incoming: number[][],
  linkFrom: Int32Array,
  activities: readonly SimActivity[],
): number[] {
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  incoming.forEach((ks, i) => {
    indegree[i] = ks.length;
    for (const k of ks) outgoing[linkFrom[k]!]!.push(i);
  });
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let h = 0; h < order.length; h++) for (const j of outgoing[order[h]!]!) if (--indegree[j]! === 0) order.push(j);
  if (order.length === n) return order;
  let i = indegree.findIndex((d) => d > 0);
  const seen = new Map<number, number>();
  const walk: number[] = [];
  while (!seen.has(i)) {
    seen.set(i, walk.length);
    walk.push(i);
    const k = incoming[i]!.find((k) => indegree[linkFrom[k]!]! > 0)!;
    i = linkFrom[k]!;
  }
  const cycle = walk.slice(seen.get(i)!).reverse();
  cycle.push(cycle[0]!);
  throw new NetworkCycleError(cycle.map((c) => activities[c]!.key));
}

const KINDS = ["duration", "date", "risk", "predecessor"] as const;

interface Sensitivity {
  /** Per pair: the input's kind (index into KINDS), the item or risk index, the group it drives, the centre. */
  kind: Int8Array;
  ref: Int32Array;
  group: Int32Array;
  x0: Float64Array;
  sx: Float64Array;
  sxx: Float64Array;
  sxy: Float64Array;
  /** Per group: this iteration's finish less its centre, the centre, and the sums. */
  y: Float64Array;
  y0: Float64Array;
  sy: Float64Array;
  syy: Float64Array;
}

/**
 * The (input, group) pairs whose correlation the tornado shows: each uncertain duration or date
 * with its own group, each risk event with the groups of the items it pushes, and each item
 * linked into another group with that group. Sums are taken about the values on mean inputs,
 * which keeps them small and the correlation exact to rounding.
 */
function sensitivityPairs(
  activities: readonly SimActivity[],
  links: readonly NetworkLink[],
  risks: readonly RiskEvent[],
  riskTargets: number[][],
  index: ReadonlyMap<string, number>,
  groupOf: Int32Array,
  deterministic: Float64Array,
  distribution: Distribution,
): Sensitivity {
  const kind: number[] = [];
  const ref: number[] = [];
  const group: number[] = [];
  const x0: number[] = [];
  const add = (k: number, r: number, g: number, centre: number): void => {
    kind.push(k);
    ref.push(r);
    group.push(g);
    x0.push(centre);
  };
  activities.forEach((a, i) => {
    if (a.actualFinish !== undefined) return;
    if (a.durationRange) add(0, i, groupOf[i]!, rangeMean(a.durationRange, distribution));
    if (a.dateRange) add(1, i, groupOf[i]!, rangeMean(a.dateRange, distribution));
  });
  risks.forEach((_, ri) => {
    const seen = new Set<number>();
    for (const i of riskTargets[ri]!) {
      if (activities[i]!.actualFinish !== undefined || seen.has(groupOf[i]!)) continue;
      seen.add(groupOf[i]!);
      add(2, ri, groupOf[i]!, 0);
    }
  });
  const seen = new Set<string>();
  for (const l of links) {
    const f = index.get(l.from)!;
    const t = index.get(l.to)!;
    if (groupOf[f] === groupOf[t] || activities[f]!.actualFinish !== undefined) continue;
    if (activities[t]!.actualFinish !== undefined) continue;
    const id = `${f} ${groupOf[t]}`;
    if (seen.has(id)) continue;
    seen.add(id);
    add(3, f, groupOf[t]!, deterministic[f]!);
  }
  const groups = Math.max(0, ...Array.from(groupOf, (g) => g + 1));
  const y0 = new Float64Array(groups).fill(-Infinity);
  activities.forEach((a, i) => {
    if (a.actualFinish === undefined && deterministic[i]! > y0[groupOf[i]!]!) y0[groupOf[i]!] = deterministic[i]!;
  });
  for (let g = 0; g < groups; g++) if (y0[g] === -Infinity) y0[g] = 0;
  const m = kind.length;
  return {
    kind: Int8Array.from(kind),
    ref: Int32Array.from(ref),
    group: Int32Array.from(group),
    x0: Float64Array.from(x0),
    sx: new Float64Array(m),
    sxx: new Float64Array(m),
    sxy: new Float64Array(m),
    y: new Float64Array(groups),
    y0,
    sy: new Float64Array(groups),
    syy: new Float64Array(groups),
  };
}

/** Each group's drivers: the pairs whose input and finish both vary, strongest correlation first. */
function correlations(
  s: Sensitivity,
  N: number,
  activities: readonly SimActivity[],
  risks: readonly RiskEvent[],
  groups: number,
): Driver[][] {
  const out: Driver[][] = Array.from({ length: groups }, () => []);
  for (let p = 0; p < s.kind.length; p++) {
    const g = s.group[p]!;
    const varX = N * s.sxx[p]! - s.sx[p]! * s.sx[p]!;
    const varY = N * s.syy[g]! - s.sy[g]! * s.sy[g]!;
    // No variation in the input or in the finish: nothing to correlate.
    if (!(varX > 1e-9 * N * N) || !(varY > 1e-9 * N * N)) continue;
    const cov = N * s.sxy[p]! - s.sx[p]! * s.sy[g]!;
    const r = Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY)));
    const k = KINDS[s.kind[p]!]!;
    out[g]!.push({ kind: k, key: k === "risk" ? risks[s.ref[p]!]!.id : activities[s.ref[p]!]!.key, correlation: r });
  }
  for (const list of out)
    list.sort(
      (a, b) =>
        Math.abs(b.correlation) - Math.abs(a.correlation) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
    );
  return out;
}

/** The correlation groups that apply: members with an uncertain duration or date, each in its first group only. */
function correlationGroups(
  correlations: readonly RankCorrelation[],
  activities: readonly SimActivity[],
  index: ReadonlyMap<string, number>,
): { members: number[]; common: number; own: number }[] {
  const taken = new Set<number>();
  const out: { members: number[]; common: number; own: number }[] = [];
  for (const c of correlations) {
    const rho = Math.max(0, Math.min(1, c.coefficient));
    const members: number[] = [];
    for (const key of c.keys) {
      const i = index.get(key);
      if (i === undefined || taken.has(i)) continue;
      const a = activities[i]!;
      if (a.actualFinish !== undefined || (!a.durationRange && !a.dateRange)) continue;
      taken.add(i);
      members.push(i);
    }
    if (members.length < 2 || rho === 0) continue;
    const r = rho === 1 ? 1 : 2 * sinSixth(rho);
    out.push({ members, common: Math.sqrt(r), own: Math.sqrt(1 - r) });
  }
  return out;
}

/** sin(π·ρ/6) for ρ in [0, 1] by its Taylor series (exact to rounding; no platform sine). */
function sinSixth(rho: number): number {
  const x = (Math.PI * rho) / 6;
  let term = x;
  let sum = x;
  for (let k = 1; k < 30; k++) {
    term *= -(x * x) / (2 * k * (2 * k + 1));
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}
