import { STATUS_DIMENSIONS, type AudienceSection, type Project } from "../../../model/entities.js";
import { finishVariance, isTerminalStage, type Entry } from "../../domain/index.js";
import type { Portfolio } from "../../../model/entities.js";
import { personName, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { milestoneView, type MilestoneView } from "../milestones.js";
import { issueRows, rankRisks, riskRow, type DecisionRow, type IssueRow, type RiskRow } from "../raid.js";
import type { StatusView } from "../status.js";
import { buildBenefitsView, type UnitTotal } from "./benefits.js";
import { buildDashboardViews, type DashboardView } from "./dashboard.js";
import { buildDecisionLogView, type AmountTotal } from "./decision-log.js";
import { buildDependenciesView, type MilestoneLinkRow, type ProjectDependencyRow } from "./dependencies.js";
import type { ExceptionRow } from "./exceptions.js";
import { buildPortfolioView, type PortfolioView } from "./portfolio.js";
import { buildRiskRegisterView, type RiskRegisterView } from "./risk-register.js";
import { buildRoadmapView, type RoadmapView } from "./roadmap.js";

/**
 * How long each list of the board pack may be: a pack is read on paper, so every list is
 * capped and says how many it leaves out (the HTML site has them all).
 */
export const PACK_LIMITS = {
  exceptions: 15,
  decisions: 8,
  escalations: 8,
  slipped: 8,
  risks: 10,
  issues: 12,
  dependencies: 10,
  /** Project blocks above the exception-first threshold (exceptions only, most serious first). */
  projects: 40,
} as const;

/** One project in a few lines: what a board reads instead of the project's page. */
export interface ProjectSummary {
  id: string;
  name: string;
  anchor: string;
  stage: string;
  manager: string | null;
  overall: StatusView | null;
  dimensions: { name: string; status: StatusView | null }[];
  statusAsOf: string | null;
  stale: boolean;
  summary: string | null;
  finish: string | null;
  finishSlipDays: number | null;
  budget: { currency: string; approved: number | null; forecast: number | null; variancePercent: number | null } | null;
  percentComplete: number | null;
  /** Why the project is an exception, in words (empty when it is not one). */
  exceptions: string[];
  nextMilestone: MilestoneView | null;
  openRisks: number;
  topRisk: RiskRow | null;
  openIssues: number;
}

export interface PackPortfolio {
  id: string | null;
  name: string;
  anchor: string | null;
  /** The portfolio's own page facts (message, owner, envelope): null for projects without a portfolio, or when the pack leaves portfolios out. */
  portfolio: PortfolioView | null;
  /** Projects that sit directly in this portfolio and are summarised. */
  projects: ProjectSummary[];
  /** Proposals of the portfolio (not approved work): a row each, not a block. */
  proposals: {
    id: string;
    name: string;
    anchor: string;
    overall: StatusView | null;
    start: string | null;
    finish: string | null;
    currency: string;
    forecast: number | null;
    summary: string | null;
  }[];
  /** Closed and cancelled projects of the portfolio: named, not summarised. */
  finished: { id: string; name: string; stage: string }[];
}

export interface BoardPackView {
  sections: Record<
    "summary" | "decisions" | "roadmap" | "risks" | "issues" | "dependencies" | "benefits" | "portfolios" | "projects",
    boolean
  >;
  /** The exception-first dashboard: totals, what changed, exceptions, budget totals, slipped milestones. */
  dashboard: DashboardView;
  exceptions: { rows: ExceptionRow[]; more: number };
  slipped: { rows: DashboardView["milestones"]["slipped"]; more: number };
  decisions: {
    awaiting: DecisionRow[];
    more: number;
    overdue: number;
    undated: number;
    atStake: AmountTotal[];
    withoutAmount: number;
    /** Decisions taken or closed, by status: counted, not listed. */
    others: { status: string; count: number }[];
  } | null;
  roadmap: RoadmapView | null;
  risks:
    | (Pick<RiskRegisterView, "heatMap" | "byBand" | "threats" | "opportunities" | "inactive"> & {
        open: number;
        top: RiskRow[];
        more: number;
      })
    | null;
  issues: {
    open: IssueRow[];
    total: number;
    openCount: number;
    overdue: number;
    escalated: number;
    more: number;
  } | null;
  dependencies: {
    projects: ProjectDependencyRow[];
    projectsMore: number;
    squeezed: number;
    milestoneLinks: MilestoneLinkRow[];
    milestoneLinksMore: number;
    /** Open cross-project milestone links in all, pushed or not. */
    milestoneLinksOpen: number;
    pushed: number;
    networkNote: string | null;
  } | null;
  benefits: {
    total: number;
    byStatus: { status: string; count: number }[];
    statusUnknown: number;
    objectives: {
      portfolio: string;
      name: string;
      weight: number;
      projects: number;
      benefits: number;
      totals: UnitTotal[];
    }[];
    unlinked: { benefits: number; totals: UnitTotal[] };
  } | null;
  /** Portfolios with their projects' summaries (grouped by the portfolio they sit in directly). */
  portfolios: PackPortfolio[];
  /** Which projects are summarised: every one, or (above the threshold, or for an audience) the exceptions. */
  projectScope: { mode: "all" | "exceptions"; shown: number; proposals: number; of: number; more: number };
}

/**
 * The board pack: what a steering committee reads, on a few pages. The exception-first
 * dashboard and totals; the decisions awaiting the board with their options and
 * recommendation; the roadmap; the highest risks; open issues; dependencies with the slip
 * they carry; benefits per objective; and each portfolio's message with one short block per
 * project instead of the project's page. Every list is capped (PACK_LIMITS) and says how
 * many it leaves out; the HTML site keeps every row.
 */
export function buildBoardPackView(
  ctx: ReportContext,
  has: (section: AudienceSection) => boolean,
  options: { projects: "all" | "exceptions" },
  fileNames: ReadonlyMap<string, string>,
  portfolioNames: ReadonlyMap<string, string>,
): BoardPackView {
  // The dashboard of the pack is the exception-first one, whatever the size of the portfolio.
  const dashCtx: ReportContext = { ...ctx, layout: { ...ctx.layout, exceptionsAbove: -1, tables: false } };
  const { dashboard, full } = buildDashboardViews(dashCtx);
  const exceptionRows = full.exceptions.rows;
  const reasons = new Map(exceptionRows.map((r) => [r.id, r.reasons]));
  const sections = {
    summary: has("dashboard"),
    decisions: has("decisions"),
    roadmap: has("roadmap"),
    risks: has("risks"),
    issues: has("issues"),
    dependencies: has("dependencies"),
    benefits: has("benefits"),
    portfolios: has("portfolios"),
    projects: has("projects"),
  };

  const cut = <T>(rows: readonly T[], limit: number): { rows: T[]; more: number } => ({
    rows: rows.slice(0, limit),
    more: Math.max(0, rows.length - limit),
  });

  let decisions: BoardPackView["decisions"] = null;
  if (sections.decisions) {
    const log = buildDecisionLogView(ctx);
    const awaiting = cut(log.awaiting, PACK_LIMITS.decisions);
    decisions = {
      awaiting: awaiting.rows,
      more: awaiting.more,
      overdue: log.overdue,
      undated: log.undated,
      atStake: log.atStake,
      withoutAmount: log.withoutAmount,
      others: log.sections
        .filter((s) => s.status !== "proposed" && s.count > 0)
        .map((s) => ({ status: s.status, count: s.count })),
    };
  }

  let risks: BoardPackView["risks"] = null;
  if (sections.risks) {
    const register = buildRiskRegisterView(ctx);
    const top = cut(register.open, PACK_LIMITS.risks);
    risks = {
      heatMap: register.heatMap,
      byBand: register.byBand,
      threats: register.threats,
      opportunities: register.opportunities,
      inactive: register.inactive,
      open: register.openCount,
      top: top.rows,
      more: top.more,
    };
  }

  let issues: BoardPackView["issues"] = null;
  if (sections.issues) {
    const rows = issueRows(ctx, ctx.catalog.issues);
    const open = rows.filter((r) => r.status === "open" || r.status === "in-progress");
    const shown = cut(open, PACK_LIMITS.issues);
    issues = {
      open: shown.rows,
      more: shown.more,
      total: rows.length,
      openCount: open.length,
      overdue: open.filter((r) => r.overdueDays !== null).length,
      escalated: open.filter((r) => r.escalatedTo !== null).length,
    };
  }

  let dependencies: BoardPackView["dependencies"] = null;
  if (sections.dependencies) {
    const view = buildDependenciesView(ctx);
    // What still matters: links not yet settled; the tightest first, as the view sorts them.
    const live = view.projects.filter((r) => !r.settled);
    const projects = cut(live, PACK_LIMITS.dependencies);
    // Milestone links matter to a board when the other project pushes the milestone or it is critical.
    const links = cut(
      view.milestoneLinks.filter(
        (l) => !l.successor.complete && ((l.pushedDays !== null && l.pushedDays > 0) || l.critical),
      ),
      PACK_LIMITS.dependencies,
    );
    dependencies = {
      projects: projects.rows,
      projectsMore: projects.more,
      squeezed: view.squeezed,
      milestoneLinks: links.rows,
      milestoneLinksMore: links.more,
      milestoneLinksOpen: view.milestoneLinks.filter((l) => !l.successor.complete).length,
      pushed: view.pushed,
      networkNote: view.networkNote,
    };
  }

  let benefits: BoardPackView["benefits"] = null;
  if (sections.benefits) {
    const view = buildBenefitsView(ctx);
    benefits = {
      total: view.total,
      byStatus: view.byStatus,
      statusUnknown: view.statusUnknown,
      objectives: view.objectives.map((o) => ({
        portfolio: o.portfolio.name,
        name: o.name,
        weight: o.weight,
        projects: o.projects,
        benefits: o.benefits.length,
        totals: o.totals,
      })),
      unlinked: { benefits: view.unlinked.benefits.length, totals: view.unlinked.totals },
    };
  }

  // Projects: every one on a small portfolio, the exceptions (most serious first) on a large
  // one or when the audience asks for them; closed and cancelled ones are named, not summarised.
  const all = [...ctx.catalog.projects].map((p) => p.value).sort((a, b) => compareIds(a.id, b.id));
  const mode: "all" | "exceptions" =
    options.projects === "exceptions" || all.length > ctx.layout.exceptionsAbove ? "exceptions" : "all";
  let summarised: Project[] = [];
  let projectsMore = 0;
  if (sections.projects) {
    if (mode === "all") summarised = all.filter((p) => !isTerminalStage(p.stage) && p.stage !== "proposal");
    else {
      const byId = new Map(all.map((p) => [p.id, p]));
      const chosen = cut(exceptionRows, PACK_LIMITS.projects);
      summarised = chosen.rows.map((r) => byId.get(r.id)!).filter((p) => p !== undefined);
      projectsMore = chosen.more;
    }
  }
  const summaries = new Map(
    summarised.map((p) => [p.id, projectSummary(ctx, p, reasons.get(p.id) ?? [], fileNames.get(p.id) ?? p.id)]),
  );

  const portfolios: PackPortfolio[] = [];
  if (sections.portfolios || sections.projects) {
    const entries = [...ctx.catalog.portfolios].sort((a, b) => compareIds(a.value.id, b.value.id));
    const groups: { key: string | null; entry: Entry<Portfolio> | null }[] = [
      ...entries.map((e) => ({ key: e.value.id as string | null, entry: e as Entry<Portfolio> | null })),
      { key: null, entry: null },
    ];
    for (const { key, entry } of groups) {
      const members = all.filter((p) => (p.portfolio ?? null) === key);
      const projects = members.map((p) => summaries.get(p.id)).filter((s): s is ProjectSummary => s !== undefined);
      const proposals =
        sections.projects && mode === "all"
          ? members
              .filter((p) => p.stage === "proposal")
              .map((p) => ({
                id: p.id,
                name: p.name,
                anchor: `project-${fileNames.get(p.id) ?? p.id}`,
                overall: ctx.status(p.status?.overall),
                start: p.schedule?.forecastStart ?? p.schedule?.baselineStart ?? null,
                finish: p.schedule?.forecastFinish ?? p.schedule?.baselineFinish ?? null,
                currency: p.budget?.currency ?? ctx.settings.currency,
                forecast: p.budget?.forecast ?? null,
                summary: p.status?.summary ?? null,
              }))
          : [];
      const finished =
        sections.projects && mode === "all"
          ? members.filter((p) => isTerminalStage(p.stage)).map((p) => ({ id: p.id, name: p.name, stage: p.stage }))
          : [];
      const page =
        entry !== null && sections.portfolios
          ? buildPortfolioView(ctx, entry, portfolioNames.get(entry.value.id) ?? entry.value.id)
          : null;
      if (page === null && projects.length === 0 && proposals.length === 0 && finished.length === 0) continue;
      portfolios.push({
        id: key,
        name: entry?.value.name ?? "No portfolio",
        anchor: page?.anchor ?? null,
        portfolio: page,
        projects,
        proposals,
        finished,
      });
    }
  }

  const exceptions = cut(exceptionRows, PACK_LIMITS.exceptions);
  const slipped = cut(full.milestones.slipped, PACK_LIMITS.slipped);
  return {
    sections,
    dashboard: {
      ...dashboard,
      needsDecision: {
        ...dashboard.needsDecision,
        escalations: full.needsDecision.escalations.slice(0, PACK_LIMITS.escalations),
      },
    },
    exceptions,
    slipped,
    decisions,
    roadmap: sections.roadmap ? buildRoadmapView(ctx) : null,
    risks,
    issues,
    dependencies,
    benefits,
    portfolios,
    projectScope: {
      mode,
      shown: summaries.size,
      proposals: portfolios.reduce((n, p) => n + p.proposals.length, 0),
      of: all.length,
      more: projectsMore,
    },
  };
}

const DIMENSION_NAMES: Record<string, string> = {
  schedule: "Schedule",
  budget: "Budget",
  scope: "Scope",
  resources: "Resources",
  quality: "Quality",
};

function projectSummary(ctx: ReportContext, p: Project, exceptions: string[], fileName: string): ProjectSummary {
  const status = p.status;
  const b = p.budget;
  const risks = rankRisks(
    ctx.catalog
      .risksOf(p.id)
      .filter((r) => r.value.status === "open")
      .map((r) => riskRow(ctx, r.value)),
  );
  const next = (p.milestones ?? [])
    .map((m) => milestoneView(m, ctx.asOf))
    .filter((m) => m.state === "overdue" || m.state === "upcoming")
    .sort((a, c) => compareIds(a.expected ?? "", c.expected ?? "") || compareIds(a.id, c.id))[0];
  return {
    id: p.id,
    name: p.name,
    anchor: `project-${fileName}`,
    stage: p.stage,
    manager: personName(ctx.catalog, p.manager),
    overall: ctx.status(status?.overall),
    dimensions: STATUS_DIMENSIONS.filter((d) => d !== "overall" && status?.[d] !== undefined).map((d) => ({
      name: DIMENSION_NAMES[d]!,
      status: ctx.status(status?.[d]),
    })),
    statusAsOf: status?.asOf ?? null,
    stale: ctx.facts.statusReport(p).kind === "stale",
    summary: status?.summary ?? null,
    finish: p.schedule?.actualFinish ?? p.schedule?.forecastFinish ?? p.schedule?.baselineFinish ?? null,
    finishSlipDays: finishVariance(p) ?? null,
    budget: b
      ? {
          currency: b.currency ?? ctx.settings.currency,
          approved: b.approved ?? null,
          forecast: b.forecast ?? null,
          variancePercent:
            b.approved !== undefined && b.forecast !== undefined && b.approved > 0
              ? ((b.forecast - b.approved) / b.approved) * 100
              : null,
        }
      : null,
    percentComplete: p.percentComplete ?? null,
    exceptions,
    nextMilestone: next ?? null,
    openRisks: risks.length,
    topRisk: risks[0] ?? null,
    openIssues: ctx.catalog.issuesOf(p.id).filter((i) => i.value.status === "open" || i.value.status === "in-progress")
      .length,
  };
}
