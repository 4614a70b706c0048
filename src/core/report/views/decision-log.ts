import { DECISION_STATUSES } from "../../../model/entities.js";
import type { ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { decisionRows, type DecisionRow } from "../raid.js";

export interface DecisionStatusSection {
  status: string;
  anchor: string;
  count: number;
  rows: DecisionRow[];
}

/** Money at stake in one currency; amounts in different currencies are never added. */
export interface AmountTotal {
  currency: string;
  value: number;
  decisions: number;
}

export interface DecisionLogView {
  total: number;
  /** Proposed decisions: what the board is asked to decide, soonest due first. */
  awaiting: DecisionRow[];
  /** Proposed decisions whose due date has passed. */
  overdue: number;
  /** Proposed decisions without a due date. */
  undated: number;
  /** The money the proposed decisions put at stake, by currency; decisions that state none are counted, never taken as 0. */
  atStake: AmountTotal[];
  withoutAmount: number;
  levels: { projects: number; portfolios: number; engagement: number };
  /** One section per status (proposed, approved, rejected, deferred, superseded), empty ones included. */
  sections: DecisionStatusSection[];
}

/** The decision log: every decision of the repository, whatever it belongs to, by status. */
export function buildDecisionLogView(ctx: ReportContext): DecisionLogView {
  const rows = decisionRows(ctx, ctx.catalog.decisions);
  const sections = DECISION_STATUSES.map((status) => {
    const list = rows.filter((r) => r.status === status);
    return { status, anchor: `decisions-${status}`, count: list.length, rows: list };
  });
  const awaiting = rows
    .filter((r) => r.status === "proposed")
    .sort(
      (a, b) =>
        (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
        compareIds(a.due ?? "", b.due ?? "") ||
        compareIds(a.id, b.id),
    );
  const totals = new Map<string, AmountTotal>();
  for (const r of awaiting) {
    if (r.amount === null) continue;
    const t = totals.get(r.amount.currency) ?? { currency: r.amount.currency, value: 0, decisions: 0 };
    t.value += r.amount.value;
    t.decisions += 1;
    totals.set(r.amount.currency, t);
  }
  const { decisions } = ctx.catalog;
  return {
    total: rows.length,
    awaiting,
    overdue: awaiting.filter((r) => r.dueDays !== null && r.dueDays < 0).length,
    undated: awaiting.filter((r) => r.due === null).length,
    atStake: [...totals.values()].sort((a, b) => compareIds(a.currency, b.currency)),
    withoutAmount: awaiting.filter((r) => r.amount === null).length,
    levels: {
      projects: decisions.filter((d) => d.value.project !== undefined).length,
      portfolios: decisions.filter((d) => d.value.project === undefined && d.value.portfolio !== undefined).length,
      engagement: decisions.filter((d) => d.value.project === undefined && d.value.portfolio === undefined).length,
    },
    sections,
  };
}
