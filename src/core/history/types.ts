import type { Severity } from "../../model/diagnostic.js";
import type { PeriodKind } from "./periods.js";

/** A point in a project's history where its status, forecast finish or forecast cost changed. */
export interface ProjectEntry {
  date: string;
  commit: string;
  author: string;
  change: "added" | "modified" | "removed";
  overall?: string;
  /** Only when the history was built with `trackStage`. */
  stage?: string;
  forecastFinish?: string;
  forecastCost?: number;
  currency?: string;
}

export interface ProjectHistory {
  id: string;
  name?: string;
  entries: ProjectEntry[];
}

/** The portfolio and the PMO's own KPIs at the end of a reporting period. */
export interface PeriodSnapshot {
  period: string;
  start: string;
  end: string;
  /** The date the period was judged at: its last day, or --as-of for the current period. */
  asOf: string;
  /** Commits in the period. */
  commits: number;
  /** The last commit in or before the period. */
  commit: string;
  projects: number;
  /** Projects by overall status, in the order of the status scale; `none` for no report. */
  statuses: Record<string, number>;
  /** Total forecast cost per currency (never added across currencies), sorted by currency. */
  forecast: { currency: string; total: number }[];
  /** Projects (not cancelled) without a forecast cost: left out of `forecast`, never counted as 0. */
  forecastUnknown: number;
  /** Findings of a full check of `commit`, judged on that commit's date; absent when not asked for. */
  findings?: Record<Severity, number>;
  /** Projects in initiation, planning, delivery or closure with a status report within its validity. */
  onTimeReports: { onTime: number; expected: number; percent?: number };
}

/** A status scale as history records it: its name, its values best first, and its "no rating" values. */
export interface StatusScaleInfo {
  name: string;
  values: string[];
  notAssessed: string[];
}

/** A commit that changed the engagement's status scale (GMPP went from five values to three in 2022). */
export interface ScaleChange {
  date: string;
  commit: string;
  from: StatusScaleInfo;
  to: StatusScaleInfo;
}

export interface History {
  period: PeriodKind;
  since?: string;
  until?: string;
  statusScale: readonly string[];
  /** Commits that changed the engagement's status scale: ratings on either side are not compared. */
  scaleChanges: ScaleChange[];
  projects: ProjectHistory[];
  periods: PeriodSnapshot[];
}
