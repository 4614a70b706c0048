import type { Milestone } from "../../model/entities.js";
import { milestoneVariance } from "../domain/index.js";

export interface MilestoneView {
  id: string;
  name: string;
  baseline: string | null;
  forecast: string | null;
  actual: string | null;
  /** Days the actual (or forecast) lies after the baseline; negative when early. */
  slipDays: number | null;
  /** achieved, overdue (date passed, not achieved), upcoming, or unplanned (no date). */
  state: "achieved" | "overdue" | "upcoming" | "unplanned";
  /** The date the milestone is now expected: actual, else forecast, else baseline. */
  expected: string | null;
}

export function milestoneView(m: Milestone, asOf: string): MilestoneView {
  const current = m.actual ?? m.forecast;
  const expected = current ?? m.baseline ?? null;
  const slipDays = milestoneVariance(m) ?? null;
  const state =
    m.actual !== undefined ? "achieved" : expected === null ? "unplanned" : expected < asOf ? "overdue" : "upcoming";
  return {
    id: m.id,
    name: m.name,
    baseline: m.baseline ?? null,
    forecast: m.forecast ?? null,
    actual: m.actual ?? null,
    slipDays,
    state,
    expected,
  };
}
