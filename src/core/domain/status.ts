import type { Project, StatusMessage } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import { reportsStatus } from "./lifecycle.js";
import type { Settings } from "./settings.js";

/**
 * Whether a project's status report is current on the as-of date: `not-expected` for a stage
 * that does not report (proposal, closed, cancelled), `missing` without a report, `stale` when
 * it is older than the status validity period, else `current`.
 */
export type StatusReportState =
  | { kind: "not-expected" }
  | { kind: "missing" }
  | { kind: "current"; age: number }
  | { kind: "stale"; age: number; validityDays: number };

export function statusReportState(project: Project, settings: Settings, asOf: string): StatusReportState {
  if (!reportsStatus(project.stage)) return { kind: "not-expected" };
  if (!project.status) return { kind: "missing" };
  const age = daysBetween(project.status.asOf, asOf);
  return age > settings.statusValidityDays
    ? { kind: "stale", age, validityDays: settings.statusValidityDays }
    : { kind: "current", age };
}

/**
 * A portfolio's or the engagement's status message on the as-of date: its age in days, and
 * whether it is stale (older than the status validity period, as a project's status report).
 */
export interface StatusMessageState {
  age: number;
  stale: boolean;
  validityDays: number;
}

export function statusMessageState(
  message: Pick<StatusMessage, "asOf">,
  settings: Settings,
  asOf: string,
): StatusMessageState {
  const age = daysBetween(message.asOf, asOf);
  return { age, stale: age > settings.statusValidityDays, validityDays: settings.statusValidityDays };
}
