import { BENEFIT_STATUSES, type Benefit, type Project } from "../../../model/entities.js";
import { personName, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";

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
  benefits: BenefitRow[];
  totals: UnitTotal[];
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
    const chain = ctx.facts.portfolioChain(project.portfolio);
    const targets = (project.contributions ?? []).flatMap((c) => {
      const owner = chain.find((p) => (p.value.objectives ?? []).some((o) => o.id === c.objective));
      return owner ? [{ key: `${owner.value.id}/${c.objective}`, strength: c.strength ?? null }] : [];
    });
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
        totals: unitTotals(rows),
      });
    }
  }
  return {
    total,
    byStatus: BENEFIT_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    statusUnknown,
    objectives,
    unlinked: { benefits: unlinked, totals: unitTotals(unlinked) },
    listedSeveralTimes,
  };
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
