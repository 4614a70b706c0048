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
  findings: Record<Severity, number>;
  /** Projects in initiation, planning, delivery or closure with a status report within its validity. */
  onTimeReports: { onTime: number; expected: number; percent?: number };
}

export interface History {
  period: PeriodKind;
  since?: string;
  until?: string;
  statusScale: readonly string[];
  projects: ProjectHistory[];
  periods: PeriodSnapshot[];
}
