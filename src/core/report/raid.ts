import type { Decision, Issue, Risk } from "../../model/entities.js";
import { reviewState, riskScore, type Entry } from "../domain/index.js";
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
  openMitigations: number;
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
    openMitigations: (risk.mitigations ?? []).filter((m) => m.status !== "done").length,
  };
}

/** Highest score first; ties by probability, then id: the order a risk register is read in. */
export function rankRisks(rows: RiskRow[]): RiskRow[] {
  return rows.sort((a, b) => b.score - a.score || b.probability - a.probability || compareIds(a.id, b.id));
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
    .sort((a, b) => openFirst(a.status, b.status) || (PRIORITY_RANK[a.priority ?? "low"]! - PRIORITY_RANK[b.priority ?? "low"]!) || compareIds(a.id, b.id));
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
    }))
    .sort((a, b) => (a.status === "proposed" ? 0 : 1) - (b.status === "proposed" ? 0 : 1) || compareIds(b.date ?? "", a.date ?? "") || compareIds(a.id, b.id));
}
