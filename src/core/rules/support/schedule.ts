import { NetworkCycleError, type PortfolioSchedule, buildSchedule } from "../../analytics/schedule/index.js";
import type { Catalog } from "../../catalog/index.js";

const cache = new WeakMap<Catalog, Map<string, PortfolioSchedule | null>>();

/**
 * The repository's schedule network, computed once per catalog and as-of date and shared by
 * every rule that reads it. Undefined when the milestone links form a cycle: validation
 * reports the cycle with its position, and no schedule can satisfy it.
 */
export function scheduleOf(catalog: Catalog, asOf: string): PortfolioSchedule | undefined {
  let byDate = cache.get(catalog);
  if (!byDate) {
    byDate = new Map();
    cache.set(catalog, byDate);
  }
  if (!byDate.has(asOf)) {
    let schedule: PortfolioSchedule | null;
    try {
      schedule = buildSchedule({ engagement: catalog.engagement?.value, projects: catalog.projects }, asOf);
    } catch (error) {
      if (!(error instanceof NetworkCycleError)) throw error;
      schedule = null;
    }
    byDate.set(asOf, schedule);
  }
  return byDate.get(asOf) ?? undefined;
}
