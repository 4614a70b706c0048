import type { Decision, Risk } from "../../../model/entities.js";
import { type ScheduleSource, networkInput } from "./build.js";
import {
  type Distribution,
  type Driver,
  type RankCorrelation,
  type RiskEvent,
  type SimActivity,
  rangeMean,
  simulate,
} from "./montecarlo.js";
import { scheduleNetwork } from "./network.js";
import { normalCdf } from "./pert.js";

export interface ForecastSource extends ScheduleSource {
  risks: readonly { value: Risk }[];
  decisions: readonly { value: Decision }[];
}

/** The seed every forecast uses unless told otherwise: fixed, so that a forecast is reproducible. */
export const DEFAULT_FORECAST_SEED = 20260101;

export interface ForecastOptions {
  iterations: number;
  seed: number;
  /** Measure each project's drivers (the tornado); see `SimulationOptions.sensitivity`. */
  sensitivity?: boolean;
}

/** An input that moves a project's finish, for the tornado. */
export interface ForecastDriver {
  kind: Driver["kind"];
  /** The item's key (`PRJ-001/M2`) or the risk's id. */
  key: string;
  /** The milestone's name or the risk's title. */
  name: string;
  correlation: number;
}

export interface ForecastItem {
  key: string;
  project: string;
  name: string;
  /** The committed date: the re-baselined date an approved rebaseline records, else the baseline. */
  committed: string | undefined;
  committedFrom: "baseline" | "rebaseline" | undefined;
  /** The single-point forecast: the milestone's forecast, else its date in the schedule network. */
  forecast: string | undefined;
  p50: string;
  p80: string;
  p90: string;
  /** Share of iterations meeting the committed date. */
  probabilityOnTime: number | undefined;
  /** PERT's normal approximation along the driving chain, for comparison. */
  pertProbabilityOnTime: number | undefined;
  criticality: number;
  /** Mean simulated finish minus the finish on mean inputs, in days: where paths join, the merge bias. */
  meanMinusDeterministic: number;
  merges: number;
  uncertain: boolean;
}

export interface ForecastProject {
  id: string;
  committed: string | undefined;
  /** The project's forecast finish as written. */
  forecast: string | undefined;
  p50: string;
  p80: string;
  p90: string;
  probabilityOnTime: number | undefined;
  /** The S-curve: each date a finish falls on, with the share of iterations finished by then. */
  curve: { date: string; probability: number }[];
  /** With `sensitivity`: what moves the finish, strongest first (every input that varies). */
  drivers: ForecastDriver[];
}

export interface Forecast {
  asOf: string;
  iterations: number;
  seed: number;
  distribution: Distribution;
  items: ForecastItem[];
  projects: ForecastProject[];
  risks: { id: string; probability: number; occurred: number; milestones: string[] }[];
  notes: string[];
}

/**
 * The Monte Carlo forecast of every milestone not yet complete: durations from
 * `durationEstimate`, dates from a dated milestone's `estimate`, risk events from risks with a
 * `probabilityPercent`, a `scheduleImpact` and the `milestones` it pushes. Same inputs and seed,
 * same output.
 */
export function buildForecast(source: ForecastSource, asOf: string, options: ForecastOptions): Forecast {
  const distribution: Distribution = source.engagement?.scheduling?.distribution ?? "pert";
  const input = networkInput(source, asOf);
  const { calendar } = input;
  const notes: string[] = [];
  const variance = new Map<string, number>();
  const sim: SimActivity[] = input.activities.map((a, i) => {
    const meta = input.metas[i]!;
    const m = meta.milestone;
    const s: SimActivity = { ...a, dated: meta.kind === "dated" };
    if (a.actualFinish !== undefined) return s;
    if (m.durationEstimate && meta.kind === "activity") {
      const r = {
        min: m.durationEstimate.optimistic,
        mode: m.durationEstimate.mostLikely,
        max: m.durationEstimate.pessimistic,
      };
      s.durationRange = r;
      variance.set(a.key, ((r.max - r.min) / 6) ** 2);
    } else if (m.estimate && meta.kind === "dated") {
      const r = {
        min: calendar.finishPoint(m.estimate.optimistic),
        mode: calendar.finishPoint(m.estimate.mostLikely),
        max: calendar.finishPoint(m.estimate.pessimistic),
      };
      if (r.min <= r.mode && r.mode <= r.max) {
        s.dateRange = r;
        variance.set(a.key, ((r.max - r.min) / 6) ** 2);
        s.finishNoEarlierThan = meta.progress ? input.asOfFinish : undefined;
      }
    }
    return s;
  });

  const keys = new Set(sim.map((a) => a.key));
  const events: RiskEvent[] = [];
  let incomplete = 0;
  for (const { value: r } of source.risks) {
    if (r.status !== "open" || (r.type ?? "threat") !== "threat" || !r.scheduleImpact) continue;
    if (r.probabilityPercent === undefined || !r.milestones || r.milestones.length === 0) {
      if (r.milestones?.length || r.probabilityPercent !== undefined) incomplete++;
      continue;
    }
    const targets = r.milestones
      .map((ref) => (ref.includes("/") ? ref : `${r.project ?? ""}/${ref}`))
      .filter((k) => keys.has(k));
    if (targets.length === 0) {
      incomplete++;
      continue;
    }
    events.push({
      id: r.id,
      probability: r.probabilityPercent / 100,
      impact: { min: r.scheduleImpact.min, mode: r.scheduleImpact.mostLikely, max: r.scheduleImpact.max },
      targets,
    });
  }
  if (incomplete > 0)
    notes.push(
      `${incomplete} ${incomplete === 1 ? "risk names" : "risks name"} milestones or a probability but not all of probabilityPercent, scheduleImpact and milestones that resolve: left out of the simulation`,
    );
  const uncertainKeys = new Set(sim.filter((a) => a.durationRange || a.dateRange).map((a) => a.key));
  const uncertain = uncertainKeys.size;
  if (uncertain === 0 && events.length === 0)
    notes.push("no item has a three-point estimate and no risk event applies: every iteration gives the same dates");

  // Rank correlations between estimates (the engagement's scheduling.correlations).
  const correlations: RankCorrelation[] = [];
  let unknownCorrelated = 0;
  for (const c of source.engagement?.scheduling?.correlations ?? []) {
    const found = c.milestones.filter((k) => uncertainKeys.has(k));
    unknownCorrelated += c.milestones.length - found.length;
    correlations.push({ keys: found, coefficient: c.coefficient });
  }
  if (unknownCorrelated > 0)
    notes.push(
      `${unknownCorrelated} ${unknownCorrelated === 1 ? "milestone" : "milestones"} of scheduling.correlations ${unknownCorrelated === 1 ? "is" : "are"} not an item with a three-point estimate not yet complete: left out of the correlation`,
    );
  const result = simulate(sim, input.links, events, {
    iterations: options.iterations,
    seed: options.seed,
    distribution,
    sensitivity: options.sensitivity,
    correlations,
  });

  // PERT's analytic answer: the network on mean inputs, and the variance along each item's driving chain.
  const meanNetwork = scheduleNetwork(
    sim.map((a) => {
      const m = { ...a };
      if (a.durationRange) m.duration = rangeMean(a.durationRange, "pert");
      if (a.dateRange)
        m.finishNoEarlierThan = Math.max(rangeMean(a.dateRange, "pert"), a.finishNoEarlierThan ?? -Infinity);
      return m;
    }),
    input.links,
  );

  // The variance along the first driving chain back from each item (PERT's critical path to
  // it), memoised: chains across projects share their tails, and walking each one anew is quadratic.
  const chainVariances = new Map<string, number>();
  const chainVariance = (key: string): number => {
    const walk: string[] = [];
    let base = 0;
    for (let r = meanNetwork.byKey.get(key); r !== undefined; ) {
      const known = chainVariances.get(r.key);
      if (known !== undefined) {
        base = known;
        break;
      }
      walk.push(r.key);
      const k = r.drivingLinks[0];
      r = k === undefined ? undefined : meanNetwork.byKey.get(meanNetwork.links[k]!.from);
    }
    for (let w = walk.length - 1; w >= 0; w--) {
      base += variance.get(walk[w]!) ?? 0;
      chainVariances.set(walk[w]!, base);
    }
    return chainVariances.get(key) ?? base;
  };
  const rebaselined = committedDates(source.decisions);
  const dateOfFinish = (point: number): string => calendar.dateOfDay(point - 1);
  const items: ForecastItem[] = [];
  sim.forEach((a, i) => {
    if (a.actualFinish !== undefined) return;
    const meta = input.metas[i]!;
    const s = result.byKey.get(a.key)!;
    const re = rebaselined.get(`${meta.project.id}/${meta.milestone.id}`);
    const committed = re ?? meta.milestone.baseline;
    const committedPoint = committed === undefined ? undefined : calendar.finishPoint(committed);
    let pertP: number | undefined;
    if (committedPoint !== undefined) {
      const v = chainVariance(a.key);
      const mean = meanNetwork.byKey.get(a.key)!.ef;
      pertP = v > 0 ? normalCdf((committedPoint - mean) / Math.sqrt(v)) : committedPoint >= mean ? 1 : 0;
    }
    items.push({
      key: a.key,
      project: meta.project.id,
      name: meta.milestone.name,
      committed,
      committedFrom: re ? "rebaseline" : committed ? "baseline" : undefined,
      forecast:
        meta.milestone.forecast ??
        (meta.kind === "activity" ? dateOfFinish(Math.ceil(meanNetwork.byKey.get(a.key)!.ef - 1e-9)) : undefined),
      p50: dateOfFinish(s.percentile(0.5)),
      p80: dateOfFinish(s.percentile(0.8)),
      p90: dateOfFinish(s.percentile(0.9)),
      probabilityOnTime: committedPoint === undefined ? undefined : s.probabilityBy(committedPoint),
      pertProbabilityOnTime: pertP,
      criticality: s.criticality,
      meanMinusDeterministic: Math.round((s.meanFinish - s.deterministicFinish) * 10) / 10,
      merges: s.merges,
      uncertain: a.durationRange !== undefined || a.dateRange !== undefined,
    });
  });
  const riskTitles = new Map(source.risks.map((r) => [r.value.id, r.value.title]));
  const keyIndex = new Map(sim.map((a, i) => [a.key, i]));
  const projects: ForecastProject[] = [];
  for (const { value: p } of source.projects) {
    const g = result.groups.get(p.id);
    if (!g) continue;
    const committed = rebaselined.get(`${p.id}/finish`) ?? p.schedule?.baselineFinish;
    const point = committed === undefined ? undefined : calendar.finishPoint(committed);
    projects.push({
      id: p.id,
      committed,
      forecast: p.schedule?.forecastFinish,
      p50: dateOfFinish(g.percentile(0.5)),
      p80: dateOfFinish(g.percentile(0.8)),
      p90: dateOfFinish(g.percentile(0.9)),
      probabilityOnTime: point === undefined ? undefined : g.probabilityBy(point),
      curve: g.curve().map((c) => ({ date: dateOfFinish(c.point), probability: c.probability })),
      drivers: g.drivers.map((d) => ({
        ...d,
        name:
          d.kind === "risk"
            ? (riskTitles.get(d.key) ?? d.key)
            : (input.metas[keyIndex.get(d.key)!]?.milestone.name ?? d.key),
      })),
    });
  }
  return {
    asOf,
    iterations: result.iterations,
    seed: result.seed,
    distribution,
    items,
    projects,
    risks: events.map((e) => ({
      id: e.id,
      probability: e.probability,
      occurred: result.riskOccurrence.get(e.id)!,
      milestones: e.targets,
    })),
    notes,
  };
}

/** Re-baselined dates approved decisions record, the latest decision winning (by date, then id). */
function committedDates(decisions: readonly { value: Decision }[]): Map<string, string> {
  const best = new Map<string, { date: string; decided: string }>();
  for (const { value: d } of decisions) {
    if (d.status !== "approved" || d.approves?.type !== "rebaseline" || !d.project) continue;
    for (const [key, date] of Object.entries(d.approves.baselines ?? {})) {
      if (key.startsWith("x-")) continue;
      const id = key.startsWith(`${d.project}/`) ? key : `${d.project}/${key}`;
      const decided = `${d.date ?? ""} ${d.id}`;
      const previous = best.get(id);
      if (!previous || previous.decided < decided) best.set(id, { date, decided });
    }
  }
  return new Map([...best].map(([k, v]) => [k, v.date]));
}
