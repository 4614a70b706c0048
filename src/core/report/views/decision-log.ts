import { DECISION_STATUSES } from "../../../model/entities.js";
import { formatCsv } from "../../csv.js";
import type { ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { decisionRows, type DecisionRow } from "../raid.js";
import { cutRows, isLargeSite, RECORD_ROWS, REGISTER_ROWS, type CsvFile, type CsvLink } from "./register-cut.js";

export interface DecisionStatusSection {
  status: string;
  anchor: string;
  count: number;
  /** Latest first: every one, or the first RECORD_ROWS of a large site. */
  rows: DecisionRow[];
  /** Decisions of this status not listed (a large site only). */
  more: number;
}

/** Money at stake in one currency; amounts in different currencies are never added. */
export interface AmountTotal {
  currency: string;
  value: number;
  decisions: number;
}

export interface DecisionLogView {
  total: number;
  /** Proposed decisions: what the board is asked to decide, soonest due first (the first REGISTER_ROWS of a large site). */
  awaiting: DecisionRow[];
  /** Every proposed decision, counted. */
  awaitingCount: number;
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
  /**
   * Above the exception-first threshold, in a site, the page lists the decisions awaited
   * soonest (as a table rather than one card each) and the latest of each status, and says
   * how many it left out; every decision is in `csv` (a file beside the page). Nothing is cut
   * otherwise (`csv` null).
   */
  cut: { awaiting: number; csv: CsvLink | null };
}

/** Soonest due first; undated ones last. */
function byDue(a: DecisionRow, b: DecisionRow): number {
  return (
    (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
    compareIds(a.due ?? "", b.due ?? "") ||
    compareIds(a.id, b.id)
  );
}

/** The decision log: every decision of the repository, whatever it belongs to, by status. */
export function buildDecisionLogView(ctx: ReportContext): DecisionLogView {
  const large = isLargeSite(ctx);
  const rows = decisionRows(ctx, ctx.catalog.decisions);
  const sections = DECISION_STATUSES.map((status) => {
    const list = cutRows(
      rows.filter((r) => r.status === status),
      large,
      RECORD_ROWS,
    );
    return {
      status,
      anchor: `decisions-${status}`,
      count: list.kept.length + list.more,
      rows: list.kept,
      more: list.more,
    };
  });
  const awaiting = rows.filter((r) => r.status === "proposed").sort(byDue);
  const totals = new Map<string, AmountTotal>();
  for (const r of awaiting) {
    if (r.amount === null) continue;
    const t = totals.get(r.amount.currency) ?? { currency: r.amount.currency, value: 0, decisions: 0 };
    t.value += r.amount.value;
    t.decisions += 1;
    totals.set(r.amount.currency, t);
  }
  const { decisions } = ctx.catalog;
  const shown = cutRows(awaiting, large, REGISTER_ROWS);
  return {
    total: rows.length,
    awaiting: shown.kept,
    awaitingCount: awaiting.length,
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
    cut: { awaiting: shown.more, csv: large ? { file: "decisions.csv", rows: rows.length } : null },
  };
}

const CSV_COLUMNS = [
  "id",
  "title",
  "status",
  "for",
  "for_name",
  "approves",
  "forum",
  "decided_by",
  "date",
  "due",
  "due_days",
  "currency",
  "amount",
  "options",
  "recommended_option",
  "recommended_by",
  "recommendation_rationale",
  "description",
  "rationale",
] as const;

/** decisions.csv beside a large site's decision log; nothing otherwise. */
export function decisionLogCsvFiles(ctx: ReportContext): CsvFile[] {
  return isLargeSite(ctx) ? [{ path: "decisions.csv", content: decisionLogCsv(ctx) }] : [];
}

/**
 * The whole log as CSV: every decision, one row each, the proposed ones first (soonest due
 * first), then the others latest first; options as `A: title (amount); B: ...`. Unknown cells
 * are empty; formula-like text is neutralised (src/core/csv.ts).
 */
export function decisionLogCsv(ctx: ReportContext): string {
  const rows = decisionRows(ctx, ctx.catalog.decisions);
  const ordered = [
    ...rows.filter((r) => r.status === "proposed").sort(byDue),
    ...rows.filter((r) => r.status !== "proposed"),
  ];
  return formatCsv(
    CSV_COLUMNS,
    ordered.map((r) => [
      r.id,
      r.title,
      r.status,
      r.scope.id ?? "",
      r.scope.name,
      r.approves ?? "",
      r.forum ?? "",
      r.decidedBy ?? "",
      r.date ?? "",
      r.due ?? "",
      r.dueDays ?? "",
      r.amount?.currency ?? r.currency,
      r.amount?.value ?? "",
      r.options.map((o) => `${o.id}: ${o.title}${o.amount === null ? "" : ` (${o.amount})`}`).join("; "),
      r.recommendation?.option ?? "",
      r.recommendation?.by ?? "",
      r.recommendation?.rationale ?? "",
      r.description ?? "",
      r.rationale ?? "",
    ]),
  );
}
