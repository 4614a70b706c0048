import {
  type Forecast,
  NetworkCycleError,
  type PortfolioSchedule,
  buildForecast,
  sharedSchedule,
} from "../../analytics/schedule/index.js";
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
      schedule = sharedSchedule({ engagement: catalog.engagement?.value, projects: catalog.projects }, asOf);
    } catch (error) {
      if (!(error instanceof NetworkCycleError)) throw error;
      schedule = null;
    }
    byDate.set(asOf, schedule);
  }
  return byDate.get(asOf) ?? undefined;
}

const forecasts = new WeakMap<Catalog, Map<string, Forecast | null>>();

/**
 * The Monte Carlo forecast, computed once per catalog, as-of date, iterations and seed.
 * Undefined when the schedule network has a cycle (see scheduleOf): the simulation would fail
 * on it, and validation reports the cycle.
 */
export function forecastOf(catalog: Catalog, asOf: string, iterations: number, seed: number): Forecast | undefined {
  let byKey = forecasts.get(catalog);
  if (!byKey) {
    byKey = new Map();
    forecasts.set(catalog, byKey);
  }
  const key = `${asOf} ${iterations} ${seed}`;
  if (!byKey.has(key)) {
    let forecast: Forecast | null = null;
    if (scheduleOf(catalog, asOf) !== undefined)
      try {
        forecast = buildForecast(
          {
            engagement: catalog.engagement?.value,
            projects: catalog.projects,
            risks: catalog.risks,
            decisions: catalog.decisions,
          },
          asOf,
          { iterations, seed },
        );
      } catch (error) {
        if (!(error instanceof NetworkCycleError)) throw error;
      }
    byKey.set(key, forecast);
  }
  return byKey.get(key) ?? undefined;
}
