import { buildQuadrant } from "./performance.js";
import { STAGES, type Project } from "../../../model/entities.js";
import { addDaysIso, daysBetween } from "../../dates.js";
import { approvedSpend, budgetAmounts, sumKnown, type BudgetAmounts } from "../../domain/index.js";
import { formatMoney } from "../../money.js";
import { budgetBars, statusBars } from "../charts/index.js";
import {
  chartView,
  findingView,
  personName,
  type ChartView,
  type FindingView,
  type ReportContext,
} from "../context.js";
import { compareIds } from "../links.js";
import { milestoneView, type MilestoneView } from "../milestones.js";
import { decisionRows, topRiskRows, type DecisionRow, type RiskRow } from "../raid.js";
import type { StatusView } from "../status.js";
import { buildChangedState, type ChangedStateView } from "./changes.js";
import { layOutDashboard, NOTHING_CUT, type DashboardLayout } from "./dashboard-layout.js";
import { buildExceptions, type ExceptionsView } from "./exceptions.js";
import { buildPortfolioTrends, type PortfolioTrendsView } from "./trends.js";

export interface ProjectRef {
  id: string;
  name: string;
  href: string | null;
}

export interface RagRow extends ProjectRef {
  portfolio: string;
  stage: string;
  overall: StatusView | null;
  dimensions: (StatusView | null)[];
  statusAsOf: string | null;
  stale: boolean;
  percentComplete: number | null;
}

/**
 * One portfolio's approved work (every stage but proposal) in one currency. A sum is of the
 * amounts that are known, null when none is; `unknown` counts the projects left out of each.
 */
export interface BudgetRow {
  name: string;
  projects: number;
  approved: number | null;
  actual: number | null;
  forecast: number | null;
  /** Forecast minus approved over the projects that have both (like for like); null when none has. */
  variance: number | null;
  variancePercent: number | null;
  /** How many projects the variance covers. */
  varianceProjects: number;
  /** Projects left out of each sum because the amount is not given. */
  unknown: { approved: number; actual: number; forecast: number };
  envelope: number | null;
}

/** One portfolio's proposals: not approved, so never in the approved work's figures or variance. */
export interface ProposalRow {
  name: string;
  projects: number;
  forecast: number | null;
  unknownForecast: number;
}

export interface BudgetTable {
  currency: string;
  /** Approved work only. */
  rows: BudgetRow[];
  total: BudgetRow;
  proposals: ProposalRow[];
  proposalsTotal: ProposalRow | null;
  /** What the sums leave out and why, one sentence each. */
  notes: string[];
  /** Null on an exception-first dashboard, which links the full budget page that has it. */
  chart: ChartView | null;
}

export interface MilestoneRow {
  project: ProjectRef;
  milestone: MilestoneView;
  /** Days from the as-of date to the expected date (negative when overdue). */
  inDays: number;
  /** 30, 60 or 90 for the look-ahead window the milestone falls in. */
  window: number | null;
}

export interface Amount {
  currency: string;
  amount: number;
}

export interface DashboardView {
  summary: {
    projects: number;
    byStatus: { status: StatusView | null; name: string; count: number }[];
    byStage: { stage: string; count: number }[];
    openRisks: number;
    openIssues: number;
    proposedDecisions: number;
    staleReports: number;
  };
  /** Projects whose overall status or stage changed since the previous report (from git history). */
  changed: ChangedStateView;
  /** Status distribution per period and forecast drift (from git history). */
  trends: PortfolioTrendsView;
  needsDecision: {
    decisions: DecisionRow[];
    escalations: { project: ProjectRef; to: string; date: string | null; note: string | null }[];
    escalatedIssues: { id: string; title: string; project: ProjectRef | null; to: string; priority: string | null }[];
    red: RagRow[];
  };
  statusChart: ChartView;
  dimensions: string[];
  rag: RagRow[];
  budgets: BudgetTable[];
  /** Every measured project by SPI and CPI (earned value); null when none is measured. */
  quadrant: ChartView | null;
  milestones: { upcoming: MilestoneRow[]; slipped: MilestoneRow[]; windows: { within: number; count: number }[] };
  topRisks: RiskRow[];
  governance: {
    errors: number;
    warnings: number;
    infos: number;
    waived: number;
    byRule: { ruleId: string; severity: string; count: number }[];
    waivers: FindingView[];
  };
  /** The projects a board should look at first (see views/exceptions.ts). */
  exceptions: ExceptionsView;
  /** Full, or exception-first above the configured number of projects (see views/dashboard-layout.ts). */
  layout: DashboardLayout;
  alignment: {
    /** `more`: contributing projects not listed (exception-first layout only). */
    objectives: {
      portfolio: string;
      id: string;
      name: string;
      weight: number;
      projects: (ProjectRef & { strength: string | null })[];
      more: number;
      spend: Amount[];
    }[];
    unaligned: { projects: ProjectRef[]; spend: Amount[] };
    spendMeasure: string;
  };
}

const DIMENSIONS = ["schedule", "budget", "scope", "resources", "quality"] as const;
const WINDOWS = [30, 60, 90] as const;
const TOP_RISKS = 10;
const NO_STATUS = "No status report";
/** Closed and cancelled projects: counted in the summary under this name, never by their last status. */
const ENDED = "Closed or cancelled";
const ended = (p: Project): boolean => p.stage === "closed" || p.stage === "cancelled";

/** The portfolio dashboard, laid out for the size of the portfolio. */
export function buildDashboardView(ctx: ReportContext): DashboardView {
  return buildDashboardViews(ctx).dashboard;
}

/**
 * The dashboard as laid out (`dashboard`) and with every row (`full`), from which the full
 * tables a large portfolio's dashboard links to are paged.
 */
export function buildDashboardViews(ctx: ReportContext): { dashboard: DashboardView; full: DashboardView } {
  const full = buildFullDashboard(ctx);
  return { dashboard: layOutDashboard(ctx, full), full };
}

/** The portfolio dashboard: the executive summary and every cross-project table. */
function buildFullDashboard(ctx: ReportContext): DashboardView {
  const { catalog, settings } = ctx;
  const projects = [...catalog.projects]
    .map((p) => p.value)
    .sort((a, b) => compareIds(a.portfolio ?? "\uffff", b.portfolio ?? "\uffff") || compareIds(a.id, b.id));
  const live = projects.filter((p) => p.stage !== "cancelled");
  const ref = (p: Project): ProjectRef => ({ id: p.id, name: p.name, href: ctx.links.project(p.id) });
  const portfolioName = (id: string | undefined): string =>
    id === undefined ? "(no portfolio)" : (catalog.portfolio(id)?.value.name ?? id);

  const rag: RagRow[] = projects.map((p) => {
    return {
      ...ref(p),
      portfolio: portfolioName(p.portfolio),
      stage: p.stage,
      overall: ctx.status(p.status?.overall),
      dimensions: DIMENSIONS.map((d) => ctx.status(p.status?.[d])),
      statusAsOf: p.status?.asOf ?? null,
      // The rule status-report-stale judges the same fact: a proposal's old report is not stale.
      stale: ctx.facts.statusReport(p).kind === "stale",
      percentComplete: p.percentComplete ?? null,
    };
  });

  // Every project is counted once: a current one by its value on the scale, as not assessed (or
  // withheld), or as without a status report; a closed or cancelled one as such, whatever its
  // last report said (a board reads "Red 40" as forty projects in trouble now).
  const current = projects.filter((p) => !ended(p));
  const byStatus = ctx.scale.map((s) => ({
    status: s as StatusView | null,
    name: s.label,
    count: current.filter((p) => p.status?.overall === s.value).length,
  }));
  for (const s of ctx.notAssessed) {
    const count = current.filter((p) => p.status?.overall === s.value).length;
    if (count > 0) byStatus.push({ status: s, name: s.label, count });
  }
  const noStatus = current.filter((p) => p.status === undefined).length;
  if (noStatus > 0) byStatus.push({ status: null, name: NO_STATUS, count: noStatus });
  if (current.length < projects.length)
    byStatus.push({ status: null, name: ENDED, count: projects.length - current.length });

  const portfolioIds = [...new Set(current.map((p) => p.portfolio ?? ""))];
  const statusChart = statusBars({
    title: "Current projects by overall status and portfolio",
    scale: ctx.scale.map((s) => ({ value: s.value, label: s.label, color: s.color })),
    rows: portfolioIds.map((id) => {
      const counts: Record<string, number> = {};
      for (const p of current) {
        if ((p.portfolio ?? "") !== id) continue;
        // Values off the scale (not assessed, no report) are drawn after it, under their labels.
        const overall = p.status?.overall;
        const key =
          overall === undefined
            ? NO_STATUS
            : ctx.settings.isNotAssessed(overall)
              ? ctx.status(overall)!.label
              : overall;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return { label: portfolioName(id === "" ? undefined : id), counts };
    }),
  });

  const proposed = catalog.decisions.filter((d) => d.value.status === "proposed");
  const changed = buildChangedState(ctx);
  const openIssues = catalog.issues.filter((i) => i.value.status === "open" || i.value.status === "in-progress");

  return {
    summary: {
      projects: projects.length,
      byStatus,
      byStage: STAGES.map((stage) => ({ stage, count: projects.filter((p) => p.stage === stage).length })).filter(
        (s) => s.count > 0,
      ),
      openRisks: catalog.risks.filter((r) => r.value.status === "open").length,
      openIssues: openIssues.length,
      proposedDecisions: proposed.length,
      staleReports: rag.filter((r) => r.stale).length,
    },
    changed,
    trends: buildPortfolioTrends(ctx),
    needsDecision: {
      decisions: decisionRows(ctx, proposed),
      escalations: projects
        .filter((p) => p.status?.escalation !== undefined && p.stage !== "closed" && p.stage !== "cancelled")
        .map((p) => ({
          project: ref(p),
          to: personName(catalog, p.status!.escalation!.to)!,
          date: p.status!.escalation!.date ?? null,
          note: p.status!.escalation!.note ?? null,
        })),
      escalatedIssues: openIssues
        .filter((i) => i.value.escalatedTo !== undefined)
        .map(({ value: i }) => {
          const project = catalog.project(i.project)?.value;
          return {
            id: i.id,
            title: i.title,
            project: project ? ref(project) : null,
            to: personName(catalog, i.escalatedTo)!,
            priority: i.priority ?? null,
          };
        })
        .sort((a, b) => compareIds(a.id, b.id)),
      // A closed or cancelled project's last red report needs no decision now.
      red: rag.filter(
        (r) => r.stage !== "closed" && r.stage !== "cancelled" && r.overall !== null && settings.isRed(r.overall.value),
      ),
    },
    statusChart: chartView(statusChart, "status-by-portfolio.svg", ctx.links),
    dimensions: ["Overall", "Schedule", "Budget", "Scope", "Resources", "Quality"],
    rag,
    budgets: buildBudgets(ctx, live, portfolioName),
    quadrant: buildQuadrant(ctx, live),
    milestones: buildMilestones(ctx, live, ref),
    topRisks: topRiskRows(
      ctx,
      catalog.risks.filter((r) => r.value.status === "open").map((r) => r.value),
      TOP_RISKS,
    ),
    governance: {
      errors: ctx.findings.filter((d) => d.severity === "error").length,
      warnings: ctx.findings.filter((d) => d.severity === "warn").length,
      infos: ctx.findings.filter((d) => d.severity === "info").length,
      waived: ctx.waived.length,
      byRule: countByRule(ctx),
      waivers: ctx.waived.map(findingView),
    },
    exceptions: buildExceptions(ctx, projects, changed, portfolioName),
    // Set by layOutDashboard, which every caller goes through.
    layout: {
      mode: "full",
      exceptionsAbove: ctx.layout.exceptionsAbove,
      shown: ctx.layout.dashboardRows,
      more: NOTHING_CUT,
      tables: {} as DashboardLayout["tables"],
    },
    alignment: buildAlignment(ctx, live, ref),
  };
}

function countByRule(ctx: ReportContext): { ruleId: string; severity: string; count: number }[] {
  const counts = new Map<string, { ruleId: string; severity: string; count: number }>();
  const rank: Record<string, number> = { error: 0, warn: 1, info: 2 };
  for (const d of ctx.findings) {
    const key = `${d.ruleId}\u0000${d.severity}`;
    const entry = counts.get(key) ?? { ruleId: d.ruleId, severity: d.severity, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => rank[a.severity]! - rank[b.severity]! || b.count - a.count || compareIds(a.ruleId, b.ruleId),
  );
}

/**
 * Money is rolled up per currency and never converted: one table per currency. An amount the
 * data does not give is left out of its sum and counted (a missing approved budget is not 0,
 * a missing forecast is not "on budget"); the variance compares forecast with approved only
 * over the projects that have both. Proposals are not approved work: they are summed apart,
 * never in the approved work's variance.
 */
function buildBudgets(
  ctx: ReportContext,
  projects: Project[],
  portfolioName: (id: string | undefined) => string,
): BudgetTable[] {
  interface Group {
    approved: BudgetAmounts[];
    proposals: BudgetAmounts[];
  }
  const byCurrency = new Map<string, Map<string, Group>>();
  for (const p of projects) {
    const amounts = budgetAmounts(p, ctx.settings);
    const groups = byCurrency.get(amounts.currency) ?? new Map<string, Group>();
    byCurrency.set(amounts.currency, groups);
    const key = p.portfolio ?? "";
    const group = groups.get(key) ?? { approved: [], proposals: [] };
    groups.set(key, group);
    (p.stage === "proposal" ? group.proposals : group.approved).push(amounts);
  }
  return [...byCurrency.keys()].sort(compareIds).map((currency) => {
    const groups = [...byCurrency.get(currency)!.entries()].sort(([a], [b]) =>
      compareIds(a || "\uffff", b || "\uffff"),
    );
    const envelopeOf = (key: string): number | null => {
      const envelope = key === "" ? undefined : ctx.catalog.portfolio(key)?.value.budget;
      return envelope && (envelope.currency ?? ctx.settings.currency) === currency ? (envelope.envelope ?? null) : null;
    };
    const rows = groups
      .filter(([, g]) => g.approved.length > 0)
      .map(([key, g]) => budgetRow(portfolioName(key === "" ? undefined : key), g.approved, envelopeOf(key)));
    const all = groups.flatMap(([, g]) => g.approved);
    const total = budgetRow("Total", all, null);
    const envelopes = rows.map((r) => r.envelope);
    total.envelope =
      rows.length > 0 && envelopes.every((e) => e !== null) ? envelopes.reduce<number>((a, e) => a + e!, 0) : null;
    const proposals = groups
      .filter(([, g]) => g.proposals.length > 0)
      .map(([key, g]) => proposalRow(portfolioName(key === "" ? undefined : key), g.proposals));
    const allProposals = groups.flatMap(([, g]) => g.proposals);
    const chart = budgetBars({
      title: `Budget by portfolio (${currency})`,
      currency,
      rows: rows.map((r) => ({
        label: r.name,
        approved: r.approved,
        actual: r.actual,
        forecast: r.forecast,
        variance: r.variance,
        variancePercent: r.variancePercent,
      })),
    });
    return {
      currency,
      rows,
      total,
      proposals,
      proposalsTotal: allProposals.length === 0 ? null : proposalRow("Total", allProposals),
      notes: budgetNotes(total, allProposals.length === 0 ? null : proposalRow("Total", allProposals), currency),
      chart: chartView(chart, `budget-${currency}.svg`, ctx.links),
    };
  });
}

function budgetRow(name: string, list: readonly BudgetAmounts[], envelope: number | null): BudgetRow {
  const approved = sumKnown(list.map((b) => b.approved));
  const actual = sumKnown(list.map((b) => b.actual));
  const forecast = sumKnown(list.map((b) => b.forecast));
  // Like for like: only projects with both a forecast and an approved budget enter the variance.
  const both = list.filter((b) => b.approved !== undefined && b.forecast !== undefined);
  const reference = both.reduce((s, b) => s + b.approved!, 0);
  const variance = both.length === 0 ? null : both.reduce((s, b) => s + (b.forecast! - b.approved!), 0);
  return {
    name,
    projects: list.length,
    approved: approved.total,
    actual: actual.total,
    forecast: forecast.total,
    variance,
    variancePercent: variance === null || reference === 0 ? null : (variance / reference) * 100,
    varianceProjects: both.length,
    unknown: { approved: approved.unknown, actual: actual.unknown, forecast: forecast.unknown },
    envelope,
  };
}

function proposalRow(name: string, list: readonly BudgetAmounts[]): ProposalRow {
  const forecast = sumKnown(list.map((b) => b.forecast));
  return { name, projects: list.length, forecast: forecast.total, unknownForecast: forecast.unknown };
}

/** What the totals leave out, in words: "3 projects without an approved budget, left out of Approved and Variance". */
function budgetNotes(total: BudgetRow, proposals: ProposalRow | null, currency: string): string[] {
  const notes: string[] = [];
  const projects = (n: number): string => `${n} ${n === 1 ? "project" : "projects"}`;
  if (total.unknown.approved > 0)
    notes.push(
      `${projects(total.unknown.approved)} without an approved budget: left out of Approved and of the variance.`,
    );
  if (total.unknown.forecast > 0)
    notes.push(
      `${projects(total.unknown.forecast)} without a forecast at completion: left out of Forecast and of the variance.`,
    );
  if (total.unknown.actual > 0)
    notes.push(`${projects(total.unknown.actual)} without an actual cost to date: left out of Actual.`);
  if (total.projects > 0 && total.varianceProjects < total.projects) {
    notes.push(
      total.varianceProjects === 0
        ? "No project has both a forecast and an approved budget: the variance is unknown."
        : `The variance compares forecast with approved over the ${projects(total.varianceProjects)} that ${total.varianceProjects === 1 ? "has" : "have"} both.`,
    );
  }
  if (proposals) {
    const amount =
      proposals.forecast === null ? "no forecast given" : `forecast ${formatMoney(proposals.forecast, currency)}`;
    const left =
      proposals.unknownForecast > 0 && proposals.forecast !== null
        ? ` (${projects(proposals.unknownForecast)} without a forecast left out)`
        : "";
    notes.push(
      `${proposals.projects === 1 ? "1 proposal" : `${proposals.projects} proposals`}, not approved, ${amount}${left}: shown apart, not in the figures above.`,
    );
  }
  return notes;
}

function buildMilestones(
  ctx: ReportContext,
  projects: Project[],
  ref: (p: Project) => ProjectRef,
): DashboardView["milestones"] {
  const upcoming: MilestoneRow[] = [];
  const slipped: MilestoneRow[] = [];
  const horizon = addDaysIso(ctx.asOf, WINDOWS[WINDOWS.length - 1]!);
  for (const p of projects) {
    if (p.stage === "closed") continue;
    for (const m of p.milestones ?? []) {
      const view = milestoneView(m, ctx.asOf);
      if (view.state === "achieved" || view.expected === null) continue;
      const inDays = daysBetween(ctx.asOf, view.expected);
      const row = { project: ref(p), milestone: view, inDays, window: WINDOWS.find((w) => inDays <= w) ?? null };
      if (view.expected >= ctx.asOf && view.expected <= horizon) upcoming.push(row);
      if ((view.slipDays ?? 0) > 0 || view.state === "overdue") slipped.push({ ...row, window: null });
    }
  }
  upcoming.sort(
    (a, b) =>
      a.inDays - b.inDays || compareIds(a.project.id, b.project.id) || compareIds(a.milestone.id, b.milestone.id),
  );
  slipped.sort(
    (a, b) =>
      (b.milestone.slipDays ?? 0) - (a.milestone.slipDays ?? 0) ||
      compareIds(a.project.id, b.project.id) ||
      compareIds(a.milestone.id, b.milestone.id),
  );
  return {
    upcoming,
    slipped,
    windows: WINDOWS.map((within) => ({ within, count: upcoming.filter((r) => r.window === within).length })),
  };
}

function buildAlignment(
  ctx: ReportContext,
  projects: Project[],
  ref: (p: Project) => ProjectRef,
): DashboardView["alignment"] {
  // A proposal is not approved work: its forecast is what it would cost, not spend.
  const spendOf = (list: Project[]): Amount[] => {
    const sums = new Map<string, number>();
    for (const p of list) {
      if (p.stage === "proposal") continue;
      const spend = approvedSpend(p, ctx.settings);
      if (spend === undefined) continue;
      sums.set(spend.currency, (sums.get(spend.currency) ?? 0) + spend.amount);
    }
    return [...sums.entries()].sort(([a], [b]) => compareIds(a, b)).map(([currency, amount]) => ({ currency, amount }));
  };
  const objectives: DashboardView["alignment"]["objectives"] = [];
  const portfolios = [...ctx.catalog.portfolios].sort((a, b) => compareIds(a.value.id, b.value.id));
  // Each portfolio's projects, in the order of `projects`: an objective looks among its own
  // portfolio's projects, not through all of them (2,500 projects times every objective).
  const ofPortfolio = new Map<string, Project[]>();
  for (const p of projects) {
    if (p.portfolio === undefined || (p.contributions ?? []).length === 0) continue;
    const list = ofPortfolio.get(p.portfolio);
    if (list) list.push(p);
    else ofPortfolio.set(p.portfolio, [p]);
  }
  for (const { value: pf } of portfolios) {
    const own = ofPortfolio.get(pf.id) ?? [];
    for (const o of pf.objectives ?? []) {
      const contributing = own.filter((p) => p.contributions!.some((c) => c.objective === o.id));
      objectives.push({
        portfolio: pf.name,
        id: o.id,
        name: o.name,
        weight: o.weight,
        projects: contributing.map((p) => ({
          ...ref(p),
          strength: p.contributions!.find((c) => c.objective === o.id)!.strength ?? null,
        })),
        more: 0,
        spend: spendOf(contributing),
      });
    }
  }
  const unaligned = projects.filter((p) => (p.contributions ?? []).length === 0);
  return {
    objectives,
    unaligned: { projects: unaligned.map(ref), spend: spendOf(unaligned) },
    spendMeasure: "approved budget (forecast where no budget is approved; the forecasts of proposals are not spend)",
  };
}
