import { type NetworkActivity, type NetworkLink, type ScheduleResult, scheduleNetwork } from "./network.js";
import { criticalPaths } from "./paths.js";
import { type PertProbability, type ThreePoint, pertMean, pertProbability, pertVariance } from "./pert.js";

export interface PertActivity extends Omit<NetworkActivity, "duration"> {
  /** A three-point estimate; without one the duration is certain. */
  estimate?: ThreePoint;
  /** The certain duration when there is no estimate. */
  duration?: number;
}

export interface PertAnalysis {
  /** The critical path method on the expected durations. */
  schedule: ScheduleResult;
  /** Expected duration and variance of each activity, by key. */
  mean: ReadonlyMap<string, number>;
  variance: ReadonlyMap<string, number>;
  /**
   * The critical path PERT reads the finish from: of several with equal length, the one with the
   * largest variance (the usual textbook convention, which gives the most cautious probability).
   */
  criticalPath: string[];
  /** Expected finish (the critical path's length from the network start) and its variance. */
  finishMean: number;
  finishVariance: number;
  /** P(finish <= target) for each target asked about. */
  probabilities: { target: number; result: PertProbability }[];
}

export function pertAnalysis(
  activities: readonly PertActivity[],
  links: readonly NetworkLink[],
  targets: readonly number[] = [],
): PertAnalysis {
  const mean = new Map<string, number>();
  const variance = new Map<string, number>();
  const network: NetworkActivity[] = activities.map((a) => {
    const m = a.estimate ? pertMean(a.estimate) : (a.duration ?? 0);
    mean.set(a.key, m);
    variance.set(a.key, a.estimate ? pertVariance(a.estimate) : 0);
    const { estimate: _estimate, ...rest } = a;
    return { ...rest, duration: m };
  });
  const schedule = scheduleNetwork(network, links);
  const { paths } = criticalPaths(schedule);
  let best: string[] = [];
  let bestVariance = -1;
  let bestFinish = -Infinity;
  for (const p of paths) {
    const last = schedule.byKey.get(p[p.length - 1]!)!;
    const v = p.reduce((s, k) => s + variance.get(k)!, 0);
    if (last.ef > bestFinish + 1e-9 || (Math.abs(last.ef - bestFinish) <= 1e-9 && v > bestVariance)) {
      best = p;
      bestVariance = v;
      bestFinish = last.ef;
    }
  }
  const finishMean = best.length > 0 ? schedule.finish : 0;
  const finishVariance = Math.max(0, bestVariance);
  return {
    schedule,
    mean,
    variance,
    criticalPath: best,
    finishMean,
    finishVariance,
    probabilities: targets.map((target) => ({ target, result: pertProbability(finishMean, finishVariance, target) })),
  };
}
