import type { Decision, Issue, Risk } from "../../model/entities.js";
import { daysUntilDue, decisionAmount, decisionCurrency, reviewState, riskScore, type Entry } from "../domain/index.js";
import { daysBetween } from "../dates.js";
import { compareIds } from "./links.js";
import { personName, scopeOf, type ReportContext, type ScopeView } from "./context.js";

/** A risk as a register row. */
export interface RiskRow {
  id: string;
  title: string;
  type: string;
  category: string | null;
  scope: ScopeView;
  status: string;
  probability: number;
  impact: number;
  score: number;
  band: string;
  owner: string | null;
  response: string | null;
  lastReviewed: string | null;
  /** Days past the review period, when the review is overdue (open risks only). */
  reviewOverdueDays: number | null;
  proximity: string | null;
  /** Days from the as-of date to the proximity date (negative once it has passed); open risks only. */
  proximityDays: number | null;
  openMitigations: number;
  /** Whether the risk is still open: a closed or occurred risk has no live band. */
  active: boolean;
  closed: string | null;
  mitigations: MitigationRow[];
  /** The three-point cost impact, in its currency (else the engagement's). */
  costImpact: { currency: string; min: number; mostLikely: number; max: number } | null;
  /** Expected cost of an open risk: probabilityPercent × the most likely cost impact; null when either is unknown. */
  exposure: number | null;
  scheduleImpact: { min: number; mostLikely: number; max: number } | null;
  /** Issues that record this risk as the one that occurred. */
  issues: string[];
}

export interface MitigationRow {
  action: string;
  owner: string | null;
  due: string | null;
  status: string | null;
  /** Days past due for an action not done. */
  overdueDays: number | null;
}

export function riskRow(ctx: ReportContext, risk: Risk): RiskRow {
  const { reviewDays } = ctx.settings.risk;
  const review = reviewState(risk, ctx.asOf, reviewDays);
  const overdue = risk.status === "open" && review.kind === "overdue" ? review.age - reviewDays : null;
  return {
    id: risk.id,
    title: risk.title,
    type: risk.type ?? "threat",
    category: risk.category ?? null,
    scope: scopeOf(ctx, risk),
    status: risk.status,
    probability: risk.probability,
    impact: risk.impact,
    score: riskScore(risk),
    band: ctx.facts.riskBand(risk),
    owner: personName(ctx.catalog, risk.owner),
    response: risk.response ?? null,
    lastReviewed: risk.lastReviewed ?? null,
    reviewOverdueDays: overdue,
    proximity: risk.proximity ?? null,
    proximityDays:
      risk.status === "open" && risk.proximity !== undefined ? daysBetween(ctx.asOf, risk.proximity) : null,
    openMitigations: (risk.mitigations ?? []).filter((m) => m.status !== "done").length,
    active: risk.status === "open",
    closed: risk.closed ?? null,
    mitigations: (risk.mitigations ?? []).map((m) => {
      const late = m.status !== "done" && m.due !== undefined ? daysBetween(m.due, ctx.asOf) : 0;
      return {
        action: m.action,
        owner: personName(ctx.catalog, m.owner),
        due: m.due ?? null,
        status: m.status ?? null,
        overdueDays: late > 0 ? late : null,
      };
    }),
    costImpact: risk.costImpact
      ? {
          currency: risk.costImpact.currency ?? ctx.settings.currency,
          min: risk.costImpact.min,
          mostLikely: risk.costImpact.mostLikely,
          max: risk.costImpact.max,
        }
      : null,
    exposure:
      risk.status === "open" && risk.costImpact !== undefined && risk.probabilityPercent !== undefined
        ? (risk.costImpact.mostLikely * risk.probabilityPercent) / 100
        : null,
    scheduleImpact: risk.scheduleImpact
      ? { min: risk.scheduleImpact.min, mostLikely: risk.scheduleImpact.mostLikely, max: risk.scheduleImpact.max }
      : null,
    issues: ctx.catalog
      .issuesForRisk(risk.id)
      .map((i) => i.value.id)
      .sort(compareIds),
  };
}

/** Highest score first; ties by probability, then id: the order a risk register is read in. */
export function rankRisks(rows: RiskRow[]): RiskRow[] {
  return rows.sort((a, b) => b.score - a.score || b.probability - a.probability || compareIds(a.id, b.id));
}

/**
 * The first `count` rows of `rankRisks` over these risks, building rows for those only: a
 * dashboard lists the ten highest of thousands. Ranked on the same fields in the same order.
 */
export function topRiskRows(ctx: ReportContext, risks: readonly Risk[], count: number): RiskRow[] {
  return risks
    .map((risk) => ({ risk, score: riskScore(risk) }))
    .sort((a, b) => b.score - a.score || b.risk.probability - a.risk.probability || compareIds(a.risk.id, b.risk.id))
    .slice(0, count)
    .map(({ risk }) => riskRow(ctx, risk));
}

/** Open risks ranked, then occurred and closed ones (most recently closed first), for pages that show both. */
export function splitRisks(rows: RiskRow[]): { open: RiskRow[]; inactive: RiskRow[] } {
  const open = rankRisks(rows.filter((r) => r.active));
  const inactive = rows
    .filter((r) => !r.active)
    .sort(
      (a, b) => compareIds(a.status, b.status) || compareIds(b.closed ?? "", a.closed ?? "") || compareIds(a.id, b.id),
    );
  return { open, inactive };
}

export interface IssueRow {
  id: string;
  title: string;
  scope: ScopeView;
  status: string;
  priority: string | null;
  owner: string | null;
  raised: string;
  due: string | null;
  /** Days past due for an issue not yet resolved. */
  overdueDays: number | null;
  escalatedTo: string | null;
}

const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function issueRows(ctx: ReportContext, issues: readonly Entry<Issue>[]): IssueRow[] {
  return issues
    .map(({ value: i }) => {
      const open = i.status === "open" || i.status === "in-progress";
      const late = open && i.due !== undefined ? daysBetween(i.due, ctx.asOf) : 0;
      return {
        id: i.id,
        title: i.title,
        scope: scopeOf(ctx, i),
        status: i.status,
        priority: i.priority ?? null,
        owner: personName(ctx.catalog, i.owner),
        raised: i.raised,
        due: i.due ?? null,
        overdueDays: late > 0 ? late : null,
        escalatedTo: personName(ctx.catalog, i.escalatedTo),
      };
    })
    .sort(
      (a, b) =>
        openFirst(a.status, b.status) ||
        PRIORITY_RANK[a.priority ?? "low"]! - PRIORITY_RANK[b.priority ?? "low"]! ||
        compareIds(a.id, b.id),
    );
}

function openFirst(a: string, b: string): number {
  const closed = (s: string): number => (s === "resolved" || s === "closed" ? 1 : 0);
  return closed(a) - closed(b);
}

export interface DecisionRow {
  id: string;
  title: string;
  scope: ScopeView;
  status: string;
  decidedBy: string | null;
  date: string | null;
  forum: string | null;
  approves: string | null;
  description: string | null;
  /** The date by which the decision is needed. */
  due: string | null;
  /** Days from the as-of date to `due` for a proposed decision: negative once overdue. */
  dueDays: number | null;
  /** The decision's currency: its amount's, else its project's or portfolio's budget currency, else the engagement's. */
  currency: string;
  /** The money at stake, in the decision's currency. */
  amount: { value: number; currency: string } | null;
  options: { id: string; title: string; description: string | null; amount: number | null; recommended: boolean }[];
  recommendation: {
    option: string | null;
    optionTitle: string | null;
    by: string | null;
    rationale: string | null;
  } | null;
  rationale: string | null;
}

export function decisionRows(ctx: ReportContext, decisions: readonly Entry<Decision>[]): DecisionRow[] {
  const forums = new Map((ctx.catalog.engagement?.value.governance?.forums ?? []).map((f) => [f.id, f.name]));
  return decisions
    .map(({ value: d }) => ({
      id: d.id,
      title: d.title,
      scope: scopeOf(ctx, d),
      status: d.status,
      decidedBy: personName(ctx.catalog, d.decidedBy),
      date: d.date ?? null,
      forum: d.forum === undefined ? null : (forums.get(d.forum) ?? d.forum),
      approves: d.approves ? (d.approves.stage ? `${d.approves.type} (${d.approves.stage})` : d.approves.type) : null,
      ...boardFields(ctx, d),
    }))
    .sort(
      (a, b) =>
        (a.status === "proposed" ? 0 : 1) - (b.status === "proposed" ? 0 : 1) ||
        compareIds(b.date ?? "", a.date ?? "") ||
        compareIds(a.id, b.id),
    );
}

/** What a board reads on a decision: the deadline, the money, the options and the recommendation. */
function boardFields(
  ctx: ReportContext,
  d: Decision,
): Pick<
  DecisionRow,
  "description" | "currency" | "due" | "dueDays" | "amount" | "options" | "recommendation" | "rationale"
> {
  const money = decisionAmount(d, ctx.catalog, ctx.settings);
  const rec = d.recommendation;
  const options = (d.options ?? []).map((o) => ({
    id: o.id,
    title: o.title,
    description: o.description ?? null,
    amount: o.amount ?? null,
    recommended: rec?.option === o.id,
  }));
  return {
    description: d.description ?? null,
    currency: decisionCurrency(d, ctx.catalog, ctx.settings),
    due: d.due ?? null,
    dueDays: daysUntilDue(d, ctx.asOf) ?? null,
    amount: money ? { value: money.amount, currency: money.currency } : null,
    options,
    recommendation: rec
      ? {
          option: rec.option ?? null,
          optionTitle: options.find((o) => o.recommended)?.title ?? null,
          by: personName(ctx.catalog, rec.by),
          rationale: rec.rationale ?? null,
        }
      : null,
    rationale: d.rationale ?? null,
  };
}
