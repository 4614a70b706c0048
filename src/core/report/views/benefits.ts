import { BENEFIT_STATUSES, type Benefit, type Project } from "../../../model/entities.js";
import { formatCsv } from "../../csv.js";
import { daysBetween } from "../../dates.js";
import { personName, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { cutRows, isLargeSite, REGISTER_ROWS, type CsvFile, type CsvLink } from "./register-cut.js";

export interface BenefitRow {
  project: { id: string; name: string; href: string | null };
  id: string;
  name: string;
  owner: string | null;
  measure: string | null;
  unit: string | null;
  planned: number | null;
  realised: number | null;
  plannedDate: string | null;
  realisedDate: string | null;
  status: string | null;
  /** How strongly the project contributes to the objective the row is listed under. */
  strength: string | null;
}

/**
 * Planned and realised amounts of the benefits measured in one unit. Benefits without a
 * planned (or realised) amount are counted, never taken as 0.
 */
export interface UnitTotal {
  unit: string | null;
  planned: number;
  /** Benefits whose planned amount is known and summed. */
  plannedCount: number;
  realised: number;
  realisedCount: number;
  /** Benefits of this unit without a planned, or a realised, amount. */
  plannedUnknown: number;
  realisedUnknown: number;
}

export interface ObjectiveBenefits {
  portfolio: { id: string; name: string; href: string | null };
  id: string;
  name: string;
  weight: number;
  measure: string | null;
  /** Projects contributing to the objective. */
  projects: number;
  /** The benefits listed under the objective (none on a large site, whose page has a row per objective). */
  benefits: BenefitRow[];
  /** Every benefit listed under the objective, counted. */
  benefitCount: number;
  /** Of those, the benefits that need attention (see `attention`). */
  attentionCount: number;
  totals: UnitTotal[];
}

/** Why a benefit needs attention: reported not realised or at risk, or its planned date passed without it being realised. */
export type BenefitAttention = "not-realised" | "at-risk" | "overdue";

export interface AttentionRow extends BenefitRow {
  attention: BenefitAttention;
  /** Days since the planned date, for an overdue benefit. */
  overdueDays: number | null;
}

export interface BenefitsView {
  /** Every benefit of every project, once. */
  total: number;
  byStatus: { status: string; count: number }[];
  /** Benefits whose status is not given. */
  statusUnknown: number;
  /** Every objective of every portfolio, with the benefits of the projects contributing to it. */
  objectives: ObjectiveBenefits[];
  /** Benefits of projects that contribute to no objective. */
  unlinked: { benefits: BenefitRow[]; totals: UnitTotal[] };
  /** Benefits listed under more than one objective, because their project contributes to several. */
  listedSeveralTimes: number;
  /**
   * Above the exception-first threshold, in a site, the page has one row per objective (the
   * first REGISTER_ROWS: those with the most benefits needing attention, then the most
   * benefits) instead of a table of benefits each, the totals of every benefit per unit, and
   * the benefits that need attention (the first REGISTER_ROWS, not realised first, then at
   * risk, then the longest overdue); every benefit is in `csv` (a file beside the page, one
   * row per benefit with the objectives it is listed under). Null otherwise: nothing is cut.
   */
  cut: {
    objectives: number;
    totals: UnitTotal[];
    attention: AttentionRow[];
    attentionCount: number;
    attentionMore: number;
    csv: CsvLink;
  } | null;
}

/**
 * The benefits page: planned against realised benefits per portfolio objective. A benefit is
 * listed under each objective its project contributes to (benefits do not name an objective
 * themselves), and the page says how many are listed more than once. Sums are per unit only.
 */
export function buildBenefitsView(ctx: ReportContext): BenefitsView {
  const { catalog } = ctx;
  const byObjective = new Map<string, { rows: BenefitRow[]; projects: Set<string> }>();
  const unlinked: BenefitRow[] = [];
  let total = 0;
  let listedSeveralTimes = 0;
  const statusCounts = new Map<string, number>();
  let statusUnknown = 0;
  const projects = [...catalog.projects].sort((a, b) => compareIds(a.value.id, b.value.id));
  for (const { value: project } of projects) {
    const targets = contributionTargets(ctx, project);
    const benefits = project.benefits ?? [];
    total += benefits.length;
    for (const b of benefits) {
      if (b.status === undefined) statusUnknown += 1;
      else statusCounts.set(b.status, (statusCounts.get(b.status) ?? 0) + 1);
    }
    if (targets.length > 1) listedSeveralTimes += benefits.length;
    for (const t of targets) {
      const entry = byObjective.get(t.key) ?? { rows: [], projects: new Set<string>() };
      entry.projects.add(project.id);
      entry.rows.push(...benefits.map((b) => benefitRow(ctx, project, b, t.strength)));
      byObjective.set(t.key, entry);
    }
    if (targets.length === 0) unlinked.push(...benefits.map((b) => benefitRow(ctx, project, b, null)));
  }

  const objectives: ObjectiveBenefits[] = [];
  for (const { value: portfolio } of [...catalog.portfolios].sort((a, b) => compareIds(a.value.id, b.value.id))) {
    for (const o of portfolio.objectives ?? []) {
      const entry = byObjective.get(`${portfolio.id}/${o.id}`);
      const rows = entry?.rows ?? [];
      objectives.push({
        portfolio: { id: portfolio.id, name: portfolio.name, href: ctx.links.portfolio(portfolio.id) },
        id: o.id,
        name: o.name,
        weight: o.weight,
        measure: o.measure ?? null,
        projects: entry?.projects.size ?? 0,
        benefits: rows,
        benefitCount: rows.length,
        attentionCount: rows.filter((r) => attentionOf(r, ctx.asOf) !== null).length,
        totals: unitTotals(rows),
      });
    }
  }
  const view: BenefitsView = {
    total,
    byStatus: BENEFIT_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    statusUnknown,
    objectives,
    unlinked: { benefits: unlinked, totals: unitTotals(unlinked) },
    listedSeveralTimes,
    cut: null,
  };
  if (!isLargeSite(ctx)) return view;

  const every = everyBenefit(ctx);
  const attention = every
    .flatMap(({ row }) => {
      const why = attentionOf(row, ctx.asOf);
      return why === null ? [] : [{ ...row, attention: why, overdueDays: overdueDays(row, ctx.asOf) }];
    })
    .sort(
      (a, b) =>
        ATTENTION_ORDER.indexOf(a.attention) - ATTENTION_ORDER.indexOf(b.attention) ||
        (b.overdueDays ?? 0) - (a.overdueDays ?? 0) ||
        compareIds(a.project.id, b.project.id) ||
        compareIds(a.id, b.id),
    );
  const shownAttention = cutRows(attention, true, REGISTER_ROWS);
  const ranked = [...objectives].sort((a, b) => b.attentionCount - a.attentionCount || b.benefitCount - a.benefitCount);
  const shownObjectives = cutRows(ranked, true, REGISTER_ROWS);
  return {
    ...view,
    objectives: shownObjectives.kept.map((o) => ({ ...o, benefits: [] })),
    unlinked: { benefits: [], totals: view.unlinked.totals },
    cut: {
      objectives: shownObjectives.more,
      totals: unitTotals(every.map(({ row }) => row)),
      attention: shownAttention.kept,
      attentionCount: attention.length,
      attentionMore: shownAttention.more,
      csv: { file: "benefits.csv", rows: every.length },
    },
  };
}

const ATTENTION_ORDER: readonly BenefitAttention[] = ["not-realised", "at-risk", "overdue"];

/** Days from a benefit's planned date to the as-of date, when it has passed and the benefit is not realised. */
function overdueDays(row: BenefitRow, asOf: string): number | null {
  if (row.plannedDate === null || row.status === "realised" || row.realised !== null) return null;
  const days = daysBetween(row.plannedDate, asOf);
  return days > 0 ? days : null;
}

function attentionOf(row: BenefitRow, asOf: string): BenefitAttention | null {
  if (row.status === "not-realised") return "not-realised";
  if (row.status === "at-risk") return "at-risk";
  return overdueDays(row, asOf) === null ? null : "overdue";
}

/** Every benefit once, in project then benefit order, with the objectives (`PF-1/OBJ-1`) its project contributes to. */
function everyBenefit(ctx: ReportContext): { row: BenefitRow; objectives: string[] }[] {
  const out: { row: BenefitRow; objectives: string[] }[] = [];
  for (const { value: project } of [...ctx.catalog.projects].sort((a, b) => compareIds(a.value.id, b.value.id))) {
    if (!project.benefits?.length) continue;
    const objectives = contributionTargets(ctx, project).map((t) => t.key);
    for (const b of project.benefits) out.push({ row: benefitRow(ctx, project, b, null), objectives });
  }
  return out;
}

/** The objectives (`PF-1/OBJ-1`) a project's contributions name that its portfolio or one of its ancestors holds. */
function contributionTargets(ctx: ReportContext, project: Project): { key: string; strength: string | null }[] {
  const chain = ctx.facts.portfolioChain(project.portfolio);
  return (project.contributions ?? []).flatMap((c) => {
    const owner = chain.find((p) => (p.value.objectives ?? []).some((o) => o.id === c.objective));
    return owner ? [{ key: `${owner.value.id}/${c.objective}`, strength: c.strength ?? null }] : [];
  });
}

const CSV_COLUMNS = [
  "project",
  "project_name",
  "id",
  "name",
  "objectives",
  "owner",
  "measure",
  "unit",
  "planned",
  "realised",
  "planned_date",
  "realised_date",
  "status",
  "attention",
] as const;

/** benefits.csv beside a large site's benefits page; nothing otherwise. */
export function benefitsCsvFiles(ctx: ReportContext): CsvFile[] {
  return isLargeSite(ctx) ? [{ path: "benefits.csv", content: benefitsCsv(ctx) }] : [];
}

/**
 * Every benefit as CSV, once each (not once per objective, so that sums are right), in
 * project order, with the objectives it counts towards joined by "; ". Unknown cells are
 * empty; formula-like text is neutralised (src/core/csv.ts).
 */
export function benefitsCsv(ctx: ReportContext): string {
  return formatCsv(
    CSV_COLUMNS,
    everyBenefit(ctx).map(({ row: r, objectives }) => [
      r.project.id,
      r.project.name,
      r.id,
      r.name,
      objectives.join("; "),
      r.owner ?? "",
      r.measure ?? "",
      r.unit ?? "",
      r.planned ?? "",
      r.realised ?? "",
      r.plannedDate ?? "",
      r.realisedDate ?? "",
      r.status ?? "",
      attentionOf(r, ctx.asOf) ?? "",
    ]),
  );
}

function benefitRow(ctx: ReportContext, project: Project, b: Benefit, strength: string | null): BenefitRow {
  return {
    project: { id: project.id, name: project.name, href: ctx.links.project(project.id) },
    id: b.id,
    name: b.name,
    owner: personName(ctx.catalog, b.owner),
    measure: b.measure ?? null,
    unit: b.unit ?? null,
    planned: b.planned ?? null,
    realised: b.realised ?? null,
    plannedDate: b.plannedDate ?? null,
    realisedDate: b.realisedDate ?? null,
    status: b.status ?? null,
    strength,
  };
}

/** Sums per unit (benefits without a unit share one group), in unit order. */
export function unitTotals(rows: readonly BenefitRow[]): UnitTotal[] {
  const totals = new Map<string, UnitTotal>();
  for (const r of rows) {
    const key = r.unit ?? "";
    const t = totals.get(key) ?? {
      unit: r.unit,
      planned: 0,
      plannedCount: 0,
      realised: 0,
      realisedCount: 0,
      plannedUnknown: 0,
      realisedUnknown: 0,
    };
    if (r.planned === null) t.plannedUnknown += 1;
    else {
      t.planned += r.planned;
      t.plannedCount += 1;
    }
    if (r.realised === null) t.realisedUnknown += 1;
    else {
      t.realised += r.realised;
      t.realisedCount += 1;
    }
    totals.set(key, t);
  }
  return [...totals.entries()].sort(([a], [b]) => compareIds(a, b)).map(([, t]) => t);
}

/** One project's benefits, for its page. */
export function projectBenefitRows(ctx: ReportContext, project: Project): BenefitRow[] {
  return (project.benefits ?? []).map((b) => benefitRow(ctx, project, b, null));
}
