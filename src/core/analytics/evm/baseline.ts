import type { PmoDocument } from "../../../model/document.js";
import type { EarnedValuePeriod, Milestone, Project } from "../../../model/entities.js";
import { projectEvm, type ProjectEvm, type ProjectEvmOptions } from "./project.js";

/**
 * A baseline to measure against (`--baseline NAME` of evm, report and schedule): its name and
 * each project as the baseline froze it.
 */
export interface BaselinePlan {
  name: string;
  projects: ReadonlyMap<string, Project>;
}

/** The baseline named `name` holding these projects. */
export function baselinePlan(name: string, projects: readonly Project[]): BaselinePlan {
  return { name, projects: new Map(projects.map((p) => [p.id, p])) };
}

/**
 * The one merge of a baseline into today's data, which `pmo evm`, `pmo report` and
 * `pmo schedule --baseline` all read: today's project with its **plan** taken from the
 * baseline and its **progress** left as it is now.
 *
 * - The plan is the budget at completion (`budget.approved`, `budget.baseline`, the currency),
 *   the project's baseline dates, the earned value plan (method, planned-value curve, the
 *   periods' planned amounts, the milestones' values) and each milestone's baseline date.
 * - Everything else (percent complete, actual and forecast dates, actual cost per period,
 *   dependencies, durations, status) is today's.
 * - The milestones are today's: one added since the baseline has no baseline date; one deleted
 *   since is not part of today's network (its planned value is still the baseline's: see
 *   `projectEvmAgainst`).
 * - A project that is not in the baseline (`baseline` undefined) has **no plan** there: no
 *   budget at completion, no baseline dates, no planned value. Its figures are unknown, never
 *   today's budget presented as the baseline's (the baseline never approved it) and never 0.
 *
 * Merging a project that is already merged with the same baseline changes nothing.
 */
export function withBaselinePlan(current: Project, baseline: Project | undefined): Project {
  const dates = new Map((baseline?.milestones ?? []).map((m) => [m.id, m.baseline]));
  const milestones = (current.milestones ?? []).map((m) => {
    const merged: Milestone = { ...m };
    delete merged.baseline;
    const date = dates.get(m.id);
    if (date !== undefined) merged.baseline = date;
    return merged;
  });

  const plan = baseline?.earnedValue;
  const periods = new Map<string, EarnedValuePeriod>();
  for (const p of plan?.periods ?? [])
    if (p.planned !== undefined) periods.set(p.period, { period: p.period, planned: p.planned });
  for (const p of current.earnedValue?.periods ?? []) {
    if (p.actual === undefined) continue;
    const entry = periods.get(p.period) ?? { period: p.period };
    entry.actual = p.actual;
    periods.set(p.period, entry);
  }
  const method = plan?.method ?? current.earnedValue?.method;
  const earnedValue =
    plan || current.earnedValue
      ? {
          ...(method !== undefined && { method }),
          ...(plan?.plannedValue !== undefined && { plannedValue: plan.plannedValue }),
          ...(periods.size > 0 && {
            periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
          }),
          ...(plan?.milestones !== undefined && { milestones: plan.milestones }),
        }
      : undefined;

  const budget = {
    ...current.budget,
    approved: baseline?.budget?.approved,
    baseline: baseline?.budget?.baseline,
    currency: baseline?.budget?.currency ?? current.budget?.currency,
  };
  for (const key of ["approved", "baseline", "currency"] as const) if (budget[key] === undefined) delete budget[key];
  const schedule = {
    ...current.schedule,
    baselineStart: baseline?.schedule?.baselineStart,
    baselineFinish: baseline?.schedule?.baselineFinish,
  };
  for (const key of ["baselineStart", "baselineFinish"] as const) if (schedule[key] === undefined) delete schedule[key];

  const merged: Project = { ...current, budget, schedule, milestones };
  if (current.milestones === undefined) delete merged.milestones;
  if (earnedValue) merged.earnedValue = earnedValue;
  else delete merged.earnedValue;
  return merged;
}

/**
 * A project's earned value against a baseline, the same figures in `pmo evm --baseline` and in
 * `pmo report --baseline`: `withBaselinePlan`, then `projectEvm`. The planned-value curve is
 * the baseline's own, so a milestone deleted since the baseline still carries its planned
 * value (it can no longer be earned). A project not in the baseline has no plan: BAC, PV and
 * every figure computed from them are unknown, saying why.
 */
export function projectEvmAgainst(
  current: Project,
  plan: BaselinePlan,
  options: Omit<ProjectEvmOptions, "noPlan" | "plannedMilestones">,
): ProjectEvm {
  const baseline = plan.projects.get(current.id);
  const merged = withBaselinePlan(current, baseline);
  if (!baseline) return projectEvm(merged, { ...options, noPlan: `${current.id} is not in baseline ${plan.name}` });
  return projectEvm(merged, { ...options, plannedMilestones: baseline.milestones ?? [] });
}

/**
 * Project entries (catalog entries or documents) with each project measured against the
 * baseline (`withBaselinePlan`), and the ids of the projects that are not in it, sorted.
 */
export function entriesAgainstBaseline<E extends { value: Project }>(
  entries: readonly E[],
  plan: BaselinePlan,
): { entries: E[]; notInBaseline: string[] } {
  const notInBaseline: string[] = [];
  const out = entries.map((e) => {
    const baseline = plan.projects.get(e.value.id);
    if (!baseline) notInBaseline.push(e.value.id);
    return { ...e, value: withBaselinePlan(e.value, baseline) };
  });
  return { entries: out, notInBaseline: notInBaseline.sort() };
}

/**
 * The documents with each project measured against a baseline (`withBaselinePlan`), for the
 * report. Projects that are not in the baseline are named in `notInBaseline`. Other documents
 * are returned as they are; every document keeps its source positions (only `value` is
 * replaced).
 */
export function againstBaseline(
  documents: readonly PmoDocument[],
  plan: BaselinePlan,
): { documents: PmoDocument[]; notInBaseline: string[] } {
  const projects: { index: number; value: Project }[] = [];
  documents.forEach((doc, index) => {
    if (doc.kind === "Project" && doc.id !== undefined)
      projects.push({ index, value: doc.value as unknown as Project });
  });
  const measured = entriesAgainstBaseline(projects, plan);
  const out = [...documents];
  for (const { index, value } of measured.entries)
    out[index] = { ...documents[index]!, value: value as unknown as Record<string, unknown> };
  return { documents: out, notInBaseline: measured.notInBaseline };
}
