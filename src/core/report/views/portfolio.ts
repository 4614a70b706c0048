import type { Portfolio } from "../../../model/entities.js";
import { addDaysIso } from "../../dates.js";
import { finishVariance, statusMessageState, sumCommitted, type Entry } from "../../domain/index.js";
import { chartView, personName, type ChartView, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { milestoneView, type MilestoneView } from "../milestones.js";
import { decisionRows, issueRows, topRiskRows, type DecisionRow, type IssueRow, type RiskRow } from "../raid.js";
import type { StatusView } from "../status.js";
import { roadmapChart } from "./roadmap.js";

export interface StatusMessageView {
  asOf: string;
  text: string;
  author: string | null;
  /** Days from the message to the as-of date, and whether that is beyond the status validity period. */
  ageDays: number;
  stale: boolean;
}

export interface PortfolioProjectRow {
  id: string;
  name: string;
  href: string | null;
  /** The sub-portfolio it sits in, when not this portfolio itself. */
  via: { id: string; name: string; href: string | null } | null;
  stage: string;
  status: StatusView | null;
  forecastFinish: string | null;
  finishSlipDays: number | null;
  currency: string;
  approved: number | null;
  forecast: number | null;
}

export interface UpcomingMilestone extends MilestoneView {
  project: { id: string; name: string; href: string | null };
}

/** Committed cost in one currency: the envelope's, or another one that cannot be compared with it. */
export interface CommittedTotal {
  currency: string;
  amount: number;
  projects: number;
}

export interface PortfolioView {
  id: string;
  name: string;
  description: string | null;
  anchor: string;
  owner: string | null;
  parent: { id: string; name: string; href: string | null } | null;
  children: { id: string; name: string; href: string | null }[];
  /** Its ranking page (rank, cut line, alignment matrix, frontier), null when the pack leaves it out. */
  ranking: { href: string } | null;
  message: StatusMessageView | null;
  /** Its projects and those of its sub-portfolios, in id order. */
  projects: PortfolioProjectRow[];
  statusMix: { status: StatusView; count: number }[];
  /** Projects without a status report. */
  noStatus: number;
  budget: {
    currency: string;
    envelope: number;
    period: { start: string; end: string } | null;
    /** Committed cost (forecast, else approved, of committed projects) in the envelope's currency. */
    committed: CommittedTotal;
    /** Committed projects budgeted in other currencies: not added to the envelope's total. */
    otherCurrencies: CommittedTotal[];
    /** Committed projects with neither a forecast nor an approved budget: left out of the total. */
    unknown: number;
    /** Envelope less the committed cost; null when any committed cost is unknown or in another currency. */
    headroom: number | null;
  } | null;
  roadmap: ChartView;
  openRisks: number;
  /** The highest open risks of the portfolio itself and of its projects. */
  topRisks: RiskRow[];
  /** Overdue milestones, and those due within the look-ahead, soonest first. */
  milestones: UpcomingMilestone[];
  milestoneWindowDays: number;
  /** Milestones in the window beyond the ones listed. */
  milestonesNotListed: number;
  /** Issues and decisions that belong to the portfolio itself (not to one of its projects). */
  issues: IssueRow[];
  decisions: DecisionRow[];
}

const TOP_RISKS = 10;

/** A link as an object: Markdown escaping leaves `href` alone (a single file's `#ranking-…`). */
const rankingLink = (href: string | null): { href: string } | null => (href === null ? null : { href });
const MILESTONE_WINDOW_DAYS = 90;
const MILESTONES_LISTED = 15;

/** The portfolio's status message as pages show it. */
export function messageView(
  ctx: ReportContext,
  message: { asOf: string; text: string; author?: string } | undefined,
): StatusMessageView | null {
  if (!message) return null;
  const state = statusMessageState(message, ctx.settings, ctx.asOf);
  return {
    asOf: message.asOf,
    text: message.text,
    author: personName(ctx.catalog, message.author),
    ageDays: state.age,
    stale: state.stale,
  };
}

/** One portfolio's page: its message, projects, budget, roadmap, risks, milestones, issues and decisions. */
export function buildPortfolioView(ctx: ReportContext, entry: Entry<Portfolio>, fileName: string): PortfolioView {
  const { catalog, facts, settings } = ctx;
  const portfolio = entry.value;
  const ref = (id: string) => ({ id, name: catalog.portfolio(id)?.value.name ?? id, href: ctx.links.portfolio(id) });
  const members = [...facts.projectsWithin(portfolio.id)].sort((a, b) => compareIds(a.value.id, b.value.id));

  const rows: PortfolioProjectRow[] = members.map(({ value: p }) => {
    const b = p.budget;
    return {
      id: p.id,
      name: p.name,
      href: ctx.links.project(p.id),
      via: p.portfolio !== undefined && p.portfolio !== portfolio.id ? ref(p.portfolio) : null,
      stage: p.stage,
      status: ctx.status(p.status?.overall),
      forecastFinish: p.schedule?.actualFinish ?? p.schedule?.forecastFinish ?? null,
      finishSlipDays: finishVariance(p) ?? null,
      currency: b?.currency ?? settings.currency,
      approved: b?.approved ?? null,
      forecast: b?.forecast ?? null,
    };
  });
  const mix = new Map<string, { status: StatusView; count: number }>();
  for (const r of rows) {
    if (!r.status) continue;
    const m = mix.get(r.status.value) ?? { status: r.status, count: 0 };
    m.count += 1;
    mix.set(r.status.value, m);
  }

  let budget: PortfolioView["budget"] = null;
  if (portfolio.budget) {
    const currency = portfolio.budget.currency ?? settings.currency;
    const sum = sumCommitted(
      members.map((e) => e.value),
      (p) => facts.committedCost(p),
    );
    const same = sum.byCurrency.get(currency);
    const committed: CommittedTotal = { currency, amount: same?.total ?? 0, projects: same?.count ?? 0 };
    const others = new Map<string, CommittedTotal>();
    for (const [c, { total, count }] of sum.byCurrency)
      if (c !== currency) others.set(c, { currency: c, amount: total, projects: count });
    const unknown = sum.unknown;
    budget = {
      currency,
      envelope: portfolio.budget.envelope,
      period: portfolio.budget.period
        ? { start: portfolio.budget.period.start, end: portfolio.budget.period.end }
        : null,
      committed,
      otherCurrencies: [...others.values()].sort((a, b) => compareIds(a.currency, b.currency)),
      unknown,
      headroom: unknown === 0 && others.size === 0 ? portfolio.budget.envelope - committed.amount : null,
    };
  }

  const horizon = addDaysIso(ctx.asOf, MILESTONE_WINDOW_DAYS);
  const inWindow = members
    .flatMap(({ value: p }) =>
      (p.milestones ?? []).map((m) => ({
        ...milestoneView(m, ctx.asOf),
        project: { id: p.id, name: p.name, href: ctx.links.project(p.id) },
      })),
    )
    .filter((m) => m.state === "overdue" || (m.state === "upcoming" && m.expected !== null && m.expected <= horizon))
    .sort(
      (a, b) =>
        compareIds(a.expected ?? "", b.expected ?? "") ||
        compareIds(a.project.id, b.project.id) ||
        compareIds(a.id, b.id),
    );

  const risks = [...catalog.risksOf(portfolio.id), ...members.flatMap((p) => catalog.risksOf(p.value.id))].filter(
    (r) => r.value.status === "open",
  );
  const topRisks = topRiskRows(
    ctx,
    risks.map((r) => r.value),
    TOP_RISKS,
  );

  return {
    id: portfolio.id,
    name: portfolio.name,
    description: portfolio.description ?? null,
    anchor: `portfolio-${fileName}`,
    owner: personName(catalog, portfolio.owner),
    parent: portfolio.parent !== undefined ? ref(portfolio.parent) : null,
    children: catalog
      .childrenOf(portfolio.id)
      .map((c) => ref(c.value.id))
      .sort((a, b) => compareIds(a.id, b.id)),
    ranking: rankingLink(ctx.links.ranking(portfolio.id)),
    message: messageView(ctx, portfolio.message),
    projects: rows,
    statusMix: [...mix.values()].sort((a, b) => a.status.rank - b.status.rank),
    noStatus: rows.filter((r) => r.status === null).length,
    budget,
    roadmap: chartView(
      roadmapChart(
        ctx,
        `${portfolio.name}: roadmap`,
        members.map((m) => m.value),
        true,
      ),
      `roadmap-${fileName}.svg`,
      ctx.links,
    ),
    openRisks: risks.length,
    topRisks,
    milestones: inWindow.slice(0, MILESTONES_LISTED),
    milestoneWindowDays: MILESTONE_WINDOW_DAYS,
    milestonesNotListed: Math.max(0, inWindow.length - MILESTONES_LISTED),
    issues: issueRows(ctx, catalog.issuesOf(portfolio.id)),
    decisions: decisionRows(ctx, catalog.decisionsOf(portfolio.id)),
  };
}
