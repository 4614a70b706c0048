import { buildSchedule, type PortfolioSchedule, type ScheduleSource } from "./build.js";

type Outcome = { schedule: PortfolioSchedule } | { error: unknown };

/** Outcomes by the source's project list (the catalog's array), then engagement and as-of date. */
const built = new WeakMap<ScheduleSource["projects"], Map<string, { engagement: unknown; outcome: Outcome }[]>>();

/**
 * `buildSchedule` once per list of projects (by identity: a catalog's `projects`), engagement
 * and as-of date: the schedule rules of `pmo check` and the report's pages read the same
 * network without building it again. A source that cannot be scheduled throws the same error
 * to every reader (a cycle is a NetworkCycleError). The result is shared: readers must not
 * change it.
 */
export function sharedSchedule(source: ScheduleSource, asOf: string): PortfolioSchedule {
  let byDate = built.get(source.projects);
  if (!byDate) {
    byDate = new Map();
    built.set(source.projects, byDate);
  }
  let known = byDate.get(asOf);
  if (!known) {
    known = [];
    byDate.set(asOf, known);
  }
  let entry = known.find((e) => e.engagement === source.engagement);
  if (!entry) {
    let outcome: Outcome;
    try {
      outcome = { schedule: buildSchedule(source, asOf) };
    } catch (error) {
      outcome = { error };
    }
    entry = { engagement: source.engagement, outcome };
    known.push(entry);
  }
  if ("error" in entry.outcome) throw entry.outcome.error;
  return entry.outcome.schedule;
}
