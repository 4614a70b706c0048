import { STATUS_DIMENSIONS, type Project } from "../../../model/entities.js";
import { daysBetween } from "../../dates.js";
import { finishVariance } from "../../domain/index.js";
import { timeline } from "../charts/index.js";
import {
  chartView,
  findingView,
  personName,
  type ChartView,
  type FindingView,
  type ReportContext,
} from "../context.js";
import { milestoneView, type MilestoneView } from "../milestones.js";
import {
  decisionRows,
  issueRows,
  riskRow,
  splitRisks,
  type DecisionRow,
  type IssueRow,
  type RiskRow,
} from "../raid.js";
import { projectBenefitRows, unitTotals, type BenefitRow, type UnitTotal } from "./benefits.js";
import { dependencyRows, dependentsOf, type ProjectDependencyRow } from "./dependencies.js";
import type { StatusView } from "../status.js";
import { buildPerformance, type PerformanceView } from "./performance.js";
import { buildProjectTrends, type ProjectTrendsView } from "./trends.js";
import { buildProjectScheduleView, type ProjectScheduleView } from "./schedule.js";

export interface DimensionView {
  name: string;
  status: StatusView | null;
  /** Why the dimension has its status (`status.comments`); the overall status has the summary. */
  comment: string | null;
}

export interface GateView {
  stage: string;
  date: string;
  outcome: string | null;
  decision: { id: string; title: string } | null;
}

export interface ProjectView {
  id: string;
  name: string;
  description: string | null;
  anchor: string;
  portfolio: { id: string; name: string } | null;
  sponsor: string | null;
  manager: string | null;
  stage: string;
  tags: string[];
  status: {
    asOf: string | null;
    /** Days since the status report, and whether that is beyond the validity period. */
    ageDays: number | null;
    stale: boolean;
    overall: StatusView | null;
    dimensions: DimensionView[];
    /** The dimensions that carry a comment, in dimension order. */
    comments: DimensionView[];
    summary: string | null;
    achievements: string[];
    nextSteps: string[];
    recoveryPlan: string | null;
    escalation: { to: string; date: string | null; note: string | null } | null;
  };
  schedule: {
    baselineStart: string | null;
    baselineFinish: string | null;
    forecastStart: string | null;
    forecastFinish: string | null;
    actualStart: string | null;
    actualFinish: string | null;
    finishSlipDays: number | null;
  };
  budget: {
    currency: string;
    approved: number | null;
    baseline: number | null;
    actual: number | null;
    forecast: number | null;
    variance: number | null;
    variancePercent: number | null;
  } | null;
  percentComplete: number | null;
  milestones: MilestoneView[];
  timeline: ChartView;
  /** Earned value: CPI, SPI, EAC vs BAC, TCPI in words, the S-curve; null when not measured. */
  performance: PerformanceView | null;
  /** Overall status and forecast at completion over time (from git history). */
  trends: ProjectTrendsView;
  /** Open risks, highest score first. */
  risks: RiskRow[];
  /** Occurred and closed risks: not open, so shown with their status and no live band. */
  closedRisks: RiskRow[];
  benefits: BenefitRow[];
  benefitTotals: UnitTotal[];
  gates: GateView[];
  /** The projects this one waits on (its `dependencies`), with their slip and the margin left. */
  waitsOn: ProjectDependencyRow[];
  /** The projects that wait on this one. */
  waitedOnBy: ProjectDependencyRow[];
  /** Milestone links across projects with their float, and the forecast of the finish (views/schedule.ts). */
  network: ProjectScheduleView;
  issues: IssueRow[];
  decisions: DecisionRow[];
  findings: FindingView[];
  waived: FindingView[];
}

const DIMENSION_NAMES: Record<string, string> = {
  overall: "Overall",
  schedule: "Schedule",
  budget: "Budget",
  scope: "Scope",
  resources: "Resources",
  quality: "Quality",
};

/** One project's page: its status report, schedule, money, RAID log and findings. */
export function buildProjectView(ctx: ReportContext, project: Project, file: string, fileName: string): ProjectView {
  const { catalog, asOf, settings } = ctx;
  const status = project.status;
  const ageDays = status ? daysBetween(status.asOf, asOf) : null;
  const s = project.schedule ?? {};
  const finishSlipDays = finishVariance(project) ?? null;
  const b = project.budget;
  const variance = b?.approved !== undefined && b.forecast !== undefined ? b.forecast - b.approved : null;
  const milestones = (project.milestones ?? []).map((m) => milestoneView(m, asOf));
  const portfolio = catalog.portfolio(project.portfolio);
  const found = ctx.findingsFor(project.id, file);
  const benefits = projectBenefitRows(ctx, project);
  const dimensions: DimensionView[] = STATUS_DIMENSIONS.map((d) => ({
    name: DIMENSION_NAMES[d]!,
    status: ctx.status(status?.[d]),
    comment: (d === "overall" ? undefined : status?.comments?.[d]) ?? null,
  }));

  const chart = timeline({
    title: `${project.id} ${project.name}: schedule and milestones`,
    asOf,
    rows: [
      {
        label: project.name,
        baselineStart: s.baselineStart,
        baselineFinish: s.baselineFinish,
        forecastStart: s.forecastStart ?? s.actualStart,
        forecastFinish: s.forecastFinish,
        actualFinish: s.actualFinish,
        milestones: (project.milestones ?? []).map((m) => ({
          label: `${m.id} ${m.name}`,
          baseline: m.baseline,
          forecast: m.forecast,
          actual: m.actual,
        })),
      },
    ],
  });

  return {
    id: project.id,
    name: project.name,
    description: project.description ?? null,
    anchor: `project-${fileName}`,
    portfolio: portfolio
      ? { id: portfolio.value.id, name: portfolio.value.name }
      : project.portfolio !== undefined
        ? { id: project.portfolio, name: project.portfolio }
        : null,
    sponsor: personName(catalog, project.sponsor),
    manager: personName(catalog, project.manager),
    stage: project.stage,
    tags: project.tags ?? [],
    status: {
      asOf: status?.asOf ?? null,
      ageDays,
      stale: ctx.facts.statusReport(project).kind === "stale",
      overall: ctx.status(status?.overall),
      dimensions,
      comments: dimensions.filter((d) => d.comment !== null),
      summary: status?.summary ?? null,
      achievements: status?.achievements ?? [],
      nextSteps: status?.nextSteps ?? [],
      recoveryPlan: status?.recoveryPlan ?? null,
      escalation: status?.escalation
        ? {
            to: personName(catalog, status.escalation.to)!,
            date: status.escalation.date ?? null,
            note: status.escalation.note ?? null,
          }
        : null,
    },
    schedule: {
      baselineStart: s.baselineStart ?? null,
      baselineFinish: s.baselineFinish ?? null,
      forecastStart: s.forecastStart ?? null,
      forecastFinish: s.forecastFinish ?? null,
      actualStart: s.actualStart ?? null,
      actualFinish: s.actualFinish ?? null,
      finishSlipDays,
    },
    budget: b
      ? {
          currency: b.currency ?? settings.currency,
          approved: b.approved ?? null,
          baseline: b.baseline ?? null,
          actual: b.actual ?? null,
          forecast: b.forecast ?? null,
          variance,
          variancePercent: variance !== null && b.approved ? (variance / b.approved) * 100 : null,
        }
      : null,
    percentComplete: project.percentComplete ?? null,
    milestones,
    timeline: chartView(chart, `timeline-${fileName}.svg`, ctx.links),
    performance: buildPerformance(ctx, project, fileName),
    trends: buildProjectTrends(ctx, project, fileName),
    ...risksOf(ctx, project),
    benefits,
    benefitTotals: unitTotals(benefits),
    gates: (project.gates ?? []).map((g) => {
      const d = catalog.decision(g.decision)?.value;
      return {
        stage: g.stage,
        date: g.date,
        outcome: g.outcome ?? null,
        decision: g.decision !== undefined ? { id: g.decision, title: d?.title ?? g.decision } : null,
      };
    }),
    waitsOn: dependencyRows(ctx, project),
    waitedOnBy: dependentsOf(catalog, project.id).flatMap((id) =>
      dependencyRows(ctx, catalog.project(id)!.value).filter((r) => r.predecessor.id === project.id),
    ),
    network: buildProjectScheduleView(ctx, project.id, fileName),
    issues: issueRows(ctx, catalog.issuesOf(project.id)),
    decisions: decisionRows(ctx, catalog.decisionsOf(project.id)),
    findings: found.active.map(findingView),
    waived: found.waived.map(findingView),
  };
}

function risksOf(ctx: ReportContext, project: Project): { risks: RiskRow[]; closedRisks: RiskRow[] } {
  const { open, inactive } = splitRisks(ctx.catalog.risksOf(project.id).map((r) => riskRow(ctx, r.value)));
  return { risks: open, closedRisks: inactive };
}
