import type { Decision } from "../../model/entities.js";
import { daysBetween } from "../dates.js";

/**
 * Days from the as-of date to a proposed decision's `due` date: negative once the date has
 * passed with the decision still not taken. Undefined for a decision without a due date, and
 * for one no longer proposed (taken, deferred or replaced: its deadline no longer runs).
 */
export function daysUntilDue(decision: Decision, asOf: string): number | undefined {
  if (decision.status !== "proposed" || decision.due === undefined) return undefined;
  return daysBetween(asOf, decision.due);
}
