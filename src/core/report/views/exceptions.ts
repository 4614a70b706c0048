import type { Project } from "../../../model/entities.js";
import { isTerminalStage, milestoneSlipDays, finishVariance } from "../../domain/index.js";
import { formatMoney, formatPercent } from "../../money.js";
import type { ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import type { StatusView } from "../status.js";
import type { ChangedStateView } from "./changes.js";

/** Why a project is on the exception list, most serious first. */
export const EXCEPTION_KINDS = ["red", "worsened", "slipped", "over-budget", "stale"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

const KIND_LABELS: Record<ExceptionKind, string> = {
  red: "at the worst status",
  worsened: "worsened since the previous report",
  slipped: "slipped beyond tolerance",
  "over-budget": "over budget beyond tolerance",
  stale: "with a stale status report",
};

export interface ExceptionRow {
  id: string;
  name: string;
  href: string | null;
  portfolio: string;
  overall: StatusView | null;
  kinds: ExceptionKind[];
  /** One plain sentence per kind, in the order of `kinds`. */
  reasons: string[];
}

export interface ExceptionsView {
  /** Projects with at least one exception. */
  total: number;
  /** Active projects judged (closed and cancelled projects are not). */
  judged: number;
  counts: { kind: ExceptionKind; label: string; count: number }[];
  /** Every exception, the most serious first: red, then worsened, then by number of kinds. */
  rows: ExceptionRow[];
}

/**
 * The projects a board should look at first: reporting the worst value of the status scale,
 * worsened since the previous report, a milestone or the finish later than its baseline by
 * more than the project's schedule tolerance, forecast at completion over the approved (else
 * baseline) budget by more than the budget tolerance (the domain's costVariance, which the
 * cost-variance-beyond-tolerance rule judges too), or a stale status report. Closed and cancelled projects
 * are not judged. Every judgement reads the domain's facts (tolerances, status report state)
 * and a missing figure is no exception (an unknown forecast is not over budget).
 */
export function buildExceptions(
  ctx: ReportContext,
  projects: readonly Project[],
  changed: ChangedStateView,
  portfolioName: (id: string | undefined) => string,
): ExceptionsView {
  const { settings } = ctx;
  const worsened = new Map(changed.changes.filter((c) => c.direction === "worsened").map((c) => [c.project.id, c]));
  const rows: ExceptionRow[] = [];
  let judged = 0;
  for (const p of projects) {
    if (isTerminalStage(p.stage)) continue;
    judged += 1;
    const kinds: ExceptionKind[] = [];
    const reasons: string[] = [];
    const overall = ctx.status(p.status?.overall);
    if (overall !== null && settings.isRed(overall.value)) {
      kinds.push("red");
      reasons.push(`reports ${overall.label}`);
    }
    const change = worsened.get(p.id);
    if (change?.status) {
      kinds.push("worsened");
      reasons.push(
        `worsened from ${change.status.from?.label ?? "no status"} to ${change.status.to?.label ?? "no status"}`,
      );
    }
    const slip = worstSlip(p);
    const tolerance = ctx.facts.scheduleTolerance(p);
    if (slip !== undefined && slip.days > tolerance.days) {
      kinds.push("slipped");
      reasons.push(`${slip.what} ${slip.days} days late against baseline (tolerance ${tolerance.text})`);
    }
    const cost = ctx.facts.costVariance(p);
    if (cost?.percent !== undefined && cost.percent > settings.budgetTolerancePercent) {
      kinds.push("over-budget");
      reasons.push(
        `forecast ${formatMoney(cost.forecast, cost.currency)} is ${formatPercent(cost.percent)} over ${cost.against} ${formatMoney(cost.reference, cost.currency)} (tolerance ${formatPercent(settings.budgetTolerancePercent)})`,
      );
    }
    const report = ctx.facts.statusReport(p);
    if (report.kind === "stale") {
      kinds.push("stale");
      reasons.push(`status report ${report.age} days old (valid for ${report.validityDays})`);
    }
    if (kinds.length > 0)
      rows.push({
        id: p.id,
        name: p.name,
        href: ctx.links.project(p.id),
        portfolio: portfolioName(p.portfolio),
        overall,
        kinds,
        reasons,
      });
  }
  const rank = (r: ExceptionRow): number => (r.kinds.includes("red") ? 0 : r.kinds.includes("worsened") ? 1 : 2);
  rows.sort((a, b) => rank(a) - rank(b) || b.kinds.length - a.kinds.length || compareIds(a.id, b.id));
  return {
    total: rows.length,
    judged,
    counts: EXCEPTION_KINDS.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      count: rows.filter((r) => r.kinds.includes(kind)).length,
    })),
    rows,
  };
}

/** The latest of the project's open milestones and its finish, against their baselines. */
function worstSlip(p: Project): { what: string; days: number } | undefined {
  let worst: { what: string; days: number } | undefined;
  for (const m of p.milestones ?? []) {
    const days = milestoneSlipDays(m);
    if (days !== undefined && (worst === undefined || days > worst.days)) worst = { what: `${m.id} ${m.name}`, days };
  }
  const finish = p.schedule?.actualFinish === undefined ? finishVariance(p) : undefined;
  if (finish !== undefined && (worst === undefined || finish > worst.days))
    worst = { what: "the finish", days: finish };
  return worst;
}
