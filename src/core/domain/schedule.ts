import type { Milestone, Project } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import type { Catalog } from "./catalog.js";
import type { Settings } from "./settings.js";

/** A milestone with an actual date has been achieved; its slip is history. */
export function isAchieved(m: Milestone): boolean {
  return m.actual !== undefined;
}

/**
 * The variance of a date against its baseline, in days (negative when early): the actual date
 * when there is one, else the forecast. Undefined without a baseline or either date. The one
 * definition of slip that report pages, `pmo show` and the rules share.
 */
export function slipDays(
  baseline: string | undefined,
  forecast: string | undefined,
  actual: string | undefined,
): number | undefined {
  const current = actual ?? forecast;
  return baseline === undefined || current === undefined ? undefined : daysBetween(baseline, current);
}

/** A milestone's variance against its original baseline (actual, else forecast). */
export function milestoneVariance(m: Milestone): number | undefined {
  return slipDays(m.baseline, m.forecast, m.actual);
}

/** The project's finish against its baseline finish (actual finish, else forecast). */
export function finishVariance(project: Project): number | undefined {
  const s = project.schedule;
  return s ? slipDays(s.baselineFinish, s.forecastFinish, s.actualFinish) : undefined;
}

/**
 * Days the forecast of a milestone not yet achieved lies after its baseline (negative when
 * ahead); undefined when the milestone is achieved or lacks a baseline or a forecast.
 */
export function milestoneSlipDays(m: Milestone): number | undefined {
  return isAchieved(m) ? undefined : milestoneVariance(m);
}

/** Planned duration in days, from baseline start to baseline finish, when both are known. */
export function baselineDurationDays(project: Project): number | undefined {
  const s = project.schedule;
  if (!s || s.baselineStart === undefined || s.baselineFinish === undefined) return undefined;
  return daysBetween(s.baselineStart, s.baselineFinish);
}

/** The schedule tolerance that applies to one project, and how it was derived (for messages). */
export interface ScheduleTolerance {
  days: number;
  /** "30 days", or "20 days (10% of the 200-day baseline)" when the percentage is the tighter limit. */
  text: string;
}

/**
 * Either limit breaches: the tolerance in days, and (when the engagement or config sets a
 * percentage and the baseline duration is known) that share of the planned duration.
 * The tighter of the two is the tolerance.
 */
export function scheduleTolerance(project: Project, settings: Settings): ScheduleTolerance {
  const days = settings.scheduleToleranceDays;
  const percent = settings.scheduleTolerancePercent;
  const duration = baselineDurationDays(project);
  if (percent !== undefined && duration !== undefined) {
    const percentDays = Math.floor((duration * percent) / 100);
    if (percentDays < days)
      return { days: percentDays, text: `${percentDays} days (${percent}% of the ${duration}-day baseline)` };
  }
  return { days, text: `${days} days` };
}

/**
 * What approved re-baseline decisions of a project cover. A decision that lists milestones
 * covers those milestones and the project's finish; one that lists none re-plans the whole
 * project. Milestones keep their original baselines in the data, so the variance stays
 * visible; rules judging slip against baseline ask here whether the slip was approved, and
 * against which date: a decision that records the new dates (`approves.baselines`) moves the
 * yardstick to them, so a further slip beyond tolerance needs a new decision. When several
 * decisions re-baseline the same milestone, the latest (by date, then id) holds.
 */
export interface Rebaselines {
  wholeProject: boolean;
  finish: boolean;
  milestone(id: string): boolean;
  /** The approved re-baselined date of a milestone (or "finish"), with the decision that set it. */
  baseline(id: string): { date: string; decision: string } | undefined;
}

export function approvedRebaselines(catalog: Catalog, projectId: string): Rebaselines {
  const milestones = new Set<string>();
  const dates = new Map<string, { date: string; decision: string; decided: string }>();
  let wholeProject = false;
  let any = false;
  for (const { value: d } of catalog.decisionsOf(projectId)) {
    if (d.status !== "approved" || d.approves?.type !== "rebaseline") continue;
    any = true;
    const listed = d.approves.milestones ?? [];
    const baselines = Object.entries(d.approves.baselines ?? {}).filter(([key]) => !key.startsWith("x-"));
    if (listed.length === 0 && baselines.every(([key]) => key === "finish")) wholeProject = true;
    // The schema keeps both to plain milestone ids of the project (no `PRJ-1/M2` form).
    for (const id of listed) milestones.add(id);
    for (const [id, date] of baselines) {
      if (id !== "finish") milestones.add(id);
      const decided = `${d.date ?? ""} ${d.id}`;
      const previous = dates.get(id);
      if (!previous || previous.decided < decided) dates.set(id, { date, decision: d.id, decided });
    }
  }
  return {
    wholeProject,
    finish: any,
    milestone: (id) => wholeProject || milestones.has(id),
    baseline: (id) => {
      const found = dates.get(id);
      return found ? { date: found.date, decision: found.decision } : undefined;
    },
  };
}

/**
 * A slip that needs approval: beyond tolerance against the baseline in force. That is the
 * re-baselined date when an approved decision records one, else the original baseline (and
 * then any approved re-baseline covering the milestone approves the slip).
 */
export function unapprovedSlip(
  id: string,
  forecast: string | undefined,
  baseline: string | undefined,
  toleranceDays: number,
  rebaselines: Rebaselines,
): { days: number; against: string; decision?: string } | undefined {
  if (forecast === undefined) return undefined;
  const rebaselined = rebaselines.baseline(id);
  if (rebaselined) {
    const days = daysBetween(rebaselined.date, forecast);
    return days > toleranceDays ? { days, against: rebaselined.date, decision: rebaselined.decision } : undefined;
  }
  if (baseline === undefined) return undefined;
  const days = daysBetween(baseline, forecast);
  if (days <= toleranceDays) return undefined;
  const covered = id === "finish" ? rebaselines.finish : rebaselines.milestone(id);
  return covered ? undefined : { days, against: baseline };
}
