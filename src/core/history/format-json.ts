import type { History } from "./types.js";

/** `{ version, period, since?, until?, statusScale, periods: [...], projects: [...] }` (docs/history.md). */
export function formatHistoryJson(history: History): string {
  const { period, since, until, statusScale, scaleChanges, periods, projects } = history;
  return (
    JSON.stringify(
      {
        version: 1,
        period,
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        statusScale,
        scaleChanges,
        periods,
        projects,
      },
      null,
      2,
    ) + "\n"
  );
}
