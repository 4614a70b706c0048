import type { Kpi } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import type { ReportContext } from "./context.js";

/** Measures pmo can compute from the repository alone. */
export const METRICS = {
  "status-reports-on-time": "Share of active projects whose status report is within the validity period",
  "risk-reviews-on-time": "Share of open risks reviewed within the review period",
  "milestones-within-tolerance":
    "Share of milestones achieved in the last 90 days within the schedule tolerance of their baseline",
} as const;
export type MetricId = keyof typeof METRICS;

export interface MetricValue {
  id: MetricId;
  description: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

/**
 * Which metric a KPI measures: `x-pmo-metric` when the KPI names one, otherwise recognised from
 * its name and measure (a status report KPI, a risk review KPI, a milestone KPI). KPIs that
 * match none (board papers, decision turnaround: the repository does not hold their data)
 * are shown without a current value.
 */
export function metricOf(kpi: Kpi): MetricId | null {
  const declared = kpi["x-pmo-metric"];
  if (typeof declared === "string" && declared in METRICS) return declared as MetricId;
  if (kpi.unit !== undefined && kpi.unit !== "percent" && kpi.unit !== "%") return null;
  const text = `${kpi.name} ${kpi.measure ?? ""}`.toLowerCase();
  if (text.includes("status report")) return "status-reports-on-time";
  if (text.includes("risk") && text.includes("review")) return "risk-reviews-on-time";
  if (text.includes("milestone") && (text.includes("tolerance") || text.includes("on time")))
    return "milestones-within-tolerance";
  return null;
}

const ACTIVE_STAGES = new Set(["initiation", "planning", "delivery", "closure"]);

export function computeMetrics(ctx: ReportContext): Record<MetricId, MetricValue> {
  const { catalog, asOf, settings } = ctx;
  const ratio = (id: MetricId, numerator: number, denominator: number): MetricValue => ({
    id,
    description: METRICS[id],
    value: denominator === 0 ? null : (numerator / denominator) * 100,
    numerator,
    denominator,
  });
  const active = catalog.projects.filter((p) => ACTIVE_STAGES.has(p.value.stage));
  const onTime = active.filter(
    (p) => p.value.status !== undefined && daysBetween(p.value.status.asOf, asOf) <= settings.statusValidityDays,
  ).length;
  const openRisks = catalog.risks.filter((r) => r.value.status === "open");
  const reviewed = openRisks.filter((r) => {
    const date = r.value.lastReviewed ?? r.value.raised;
    return date !== undefined && daysBetween(date, asOf) <= settings.risk.reviewDays;
  }).length;
  let achieved = 0;
  let within = 0;
  for (const p of catalog.projects) {
    for (const m of p.value.milestones ?? []) {
      if (m.actual === undefined || m.baseline === undefined) continue;
      const age = daysBetween(m.actual, asOf);
      if (age < 0 || age > 90) continue;
      achieved += 1;
      if (daysBetween(m.baseline, m.actual) <= settings.scheduleToleranceDays) within += 1;
    }
  }
  return {
    "status-reports-on-time": ratio("status-reports-on-time", onTime, active.length),
    "risk-reviews-on-time": ratio("risk-reviews-on-time", reviewed, openRisks.length),
    "milestones-within-tolerance": ratio("milestones-within-tolerance", within, achieved),
  };
}
