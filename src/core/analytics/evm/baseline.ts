import type { PmoDocument } from "../../../model/document.js";
import type { EarnedValuePeriod, Milestone, Project } from "../../../model/entities.js";

/**
 * A project measured against a baseline: the plan (BAC, baseline dates, the earned value plan,
 * the milestones' baseline dates and values) as the baseline recorded it, the progress
 * (percent complete, actual dates, actual cost, the forecast) as it is now. The milestones
 * are the baseline's (a milestone deleted since still carries its planned value), with
 * today's actual dates; `pmo evm --baseline` measures this.
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
  return withPlanOf(current, baseline, milestones);
}

/**
 * A project as it is today with only its plan taken from the baseline: the budget at
 * completion, the baseline dates of the project and of each milestone, and the earned value
 * plan. Everything else (forecasts, dependencies, durations, progress) is today's, so that a
 * schedule or a report reads today's network measured against the baseline's dates. A
 * milestone added since the baseline has no baseline date; one deleted since is gone. With
 * no baseline project (the project is not in the baseline), the plan is removed: unknown,
 * never 0.
 */
export function withBaselineDates(current: Project, baseline: Project | undefined): Project {
  const dates = new Map((baseline?.milestones ?? []).map((m) => [m.id, m.baseline]));
  const milestones = (current.milestones ?? []).map((m) => {
    const merged: Milestone = { ...m };
    delete merged.baseline;
    const date = dates.get(m.id);
    if (date !== undefined) merged.baseline = date;
    return merged;
  });
  const merged = withPlanOf(current, baseline ?? ({ id: current.id, name: current.name } as Project), milestones);
  if (current.milestones === undefined) delete merged.milestones;
  return merged;
}

/** `current` with the budget, baseline dates and earned value plan of `baseline`, and these milestones. */
function withPlanOf(current: Project, baseline: Project, milestones: Milestone[]): Project {
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

/**
 * The documents with each project measured against a baseline (`withBaselineDates`), for the
 * report and the schedule. Projects that are not in the baseline are named in `notInBaseline`.
 * Other documents are returned as they are; every document keeps its source positions (only
 * `value` is replaced).
 */
export function againstBaseline(
  documents: readonly PmoDocument[],
  baselineProjects: readonly Project[],
): { documents: PmoDocument[]; notInBaseline: string[] } {
  const planned = new Map(baselineProjects.map((p) => [p.id, p]));
  const notInBaseline: string[] = [];
  const out = documents.map((doc) => {
    if (doc.kind !== "Project" || doc.id === undefined) return doc;
    const plan = planned.get(doc.id);
    if (!plan) notInBaseline.push(doc.id);
    const value = withBaselineDates(doc.value as unknown as Project, plan);
    return { ...doc, value: value as unknown as Record<string, unknown> };
  });
  return { documents: out, notInBaseline: notInBaseline.sort() };
}
