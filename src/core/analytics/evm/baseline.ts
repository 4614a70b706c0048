import type { EarnedValuePeriod, Milestone, Project } from "../../../model/entities.js";

/**
 * A project measured against a baseline: the plan (BAC, baseline dates, the earned value plan,
 * the milestones' baseline dates and values) as the baseline recorded it, the progress
 * (percent complete, actual dates, actual cost, the forecast) as it is now.
 */
export function withBaselinePlan(current: Project, baseline: Project): Project {
  const currentMilestones = new Map((current.milestones ?? []).map((m) => [m.id, m]));
  const baselineIds = new Set((baseline.milestones ?? []).map((m) => m.id));
  const milestones: Milestone[] = [
    ...(baseline.milestones ?? []).map((m) => {
      const now = currentMilestones.get(m.id);
      const merged: Milestone = { ...m };
      delete merged.actual;
      if (now?.actual !== undefined) merged.actual = now.actual;
      return merged;
    }),
    // Milestones added since the baseline carry no planned date or value of the baseline.
    ...(current.milestones ?? [])
      .filter((m) => !baselineIds.has(m.id))
      .map((m) => ({ id: m.id, name: m.name, ...(m.actual !== undefined && { actual: m.actual }) })),
  ];

  const periods = new Map<string, EarnedValuePeriod>();
  for (const p of baseline.earnedValue?.periods ?? [])
    if (p.planned !== undefined) periods.set(p.period, { period: p.period, planned: p.planned });
  for (const p of current.earnedValue?.periods ?? []) {
    if (p.actual === undefined) continue;
    const entry = periods.get(p.period) ?? { period: p.period };
    entry.actual = p.actual;
    periods.set(p.period, entry);
  }
  const plan = baseline.earnedValue;
  const earnedValue =
    plan || current.earnedValue
      ? {
          ...(plan?.method !== undefined
            ? { method: plan.method }
            : current.earnedValue?.method !== undefined
              ? { method: current.earnedValue.method }
              : {}),
          ...(plan?.plannedValue !== undefined && { plannedValue: plan.plannedValue }),
          ...(periods.size > 0 && {
            periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
          }),
          ...(plan?.milestones !== undefined && { milestones: plan.milestones }),
        }
      : undefined;

  const budget = {
    ...current.budget,
    approved: baseline.budget?.approved,
    baseline: baseline.budget?.baseline,
    currency: baseline.budget?.currency ?? current.budget?.currency,
  };
  for (const key of ["approved", "baseline", "currency"] as const) if (budget[key] === undefined) delete budget[key];
  const schedule = {
    ...current.schedule,
    baselineStart: baseline.schedule?.baselineStart,
    baselineFinish: baseline.schedule?.baselineFinish,
  };
  for (const key of ["baselineStart", "baselineFinish"] as const) if (schedule[key] === undefined) delete schedule[key];

  const merged: Project = { ...current, budget, schedule, milestones };
  if (earnedValue) merged.earnedValue = earnedValue;
  else delete merged.earnedValue;
  return merged;
}
