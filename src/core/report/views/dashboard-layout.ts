import type { ReportContext } from "../context.js";
import type { BudgetTable, DashboardView, MilestoneRow, RagRow } from "./dashboard.js";
import type { ExceptionRow } from "./exceptions.js";

/** The tables a large portfolio's dashboard links to instead of showing them in full. */
export const TABLE_KINDS = ["status", "exceptions", "upcoming", "slipped", "budget", "alignment"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

const TABLE_TITLES: Record<TableKind, string> = {
  status: "Status of every project",
  exceptions: "Exceptions",
  upcoming: "Milestones due in the next 90 days",
  slipped: "Milestones slipped or overdue",
  budget: "Budget by portfolio",
  alignment: "Objective alignment",
};

export interface PageLink {
  number: number;
  href: string;
}

export interface TableLinks {
  title: string;
  rows: number;
  /** Number of pages; 0 when the dashboard is whole (nothing to link to). */
  pages: number;
  first: string | null;
  last: string | null;
}

/**
 * How the dashboard is laid out. `full` (a portfolio of at most `exceptionsAbove` projects)
 * shows every table; `exceptions` shows the exceptions and the totals, cuts each list to
 * `shown` rows, says how many it left out (`more`), and links the full tables (`tables`),
 * which are pages of their own in a site and sections of the page in `--single`.
 */
export interface DashboardLayout {
  mode: "full" | "exceptions";
  exceptionsAbove: number;
  shown: number;
  more: Record<MoreKey, number>;
  tables: Record<TableKind, TableLinks>;
}

type MoreKey =
  | "changes"
  | "decisions"
  | "escalations"
  | "escalatedIssues"
  | "exceptions"
  | "upcoming"
  | "slipped"
  | "waivers"
  | "unaligned"
  | "budgetRows"
  | "objectives"
  | "rules";

/** Nothing cut: the layout of a dashboard in full. */
export const NOTHING_CUT: Record<MoreKey, number> = {
  changes: 0,
  decisions: 0,
  escalations: 0,
  escalatedIssues: 0,
  exceptions: 0,
  upcoming: 0,
  slipped: 0,
  waivers: 0,
  unaligned: 0,
  budgetRows: 0,
  objectives: 0,
  rules: 0,
};

/** One page of a full table: its rows, and the links to every page of it. */
export interface TablePageView {
  kind: TableKind;
  title: string;
  number: number;
  of: number;
  /** The pager: the first and last page, and the two either side of this one (`gap` before a jump). */
  pages: (PageLink & { current: boolean; gap: boolean })[];
  previous: string | null;
  next: string | null;
  rows: RagRow[] | ExceptionRow[] | MilestoneRow[] | BudgetTable[] | DashboardView["alignment"]["objectives"];
  dimensions: string[];
  spendMeasure: string;
}

/** How many contributing projects an objective's row of the alignment table names; the rest are counted. */
const ALIGNMENT_PROJECTS = 12;

/** The rows of a full table, whole. */
function tableRows(full: DashboardView, kind: TableKind): TablePageView["rows"] {
  if (kind === "status") return full.rag;
  if (kind === "exceptions") return full.exceptions.rows;
  if (kind === "upcoming") return full.milestones.upcoming;
  if (kind === "slipped") return full.milestones.slipped;
  // One table per currency, on one page: rows are portfolios, never thousands.
  if (kind === "budget") return full.budgets;
  return full.alignment.objectives.map((o) => ({
    ...o,
    projects: o.projects.slice(0, ALIGNMENT_PROJECTS),
    more: o.more + Math.max(0, o.projects.length - ALIGNMENT_PROJECTS),
  }));
}

function countOf(view: DashboardView, kind: TableKind): number {
  if (kind === "budget") return view.budgets.reduce((n, b) => n + b.rows.length, 0);
  return tableRows(view, kind).length;
}

/**
 * Lays the dashboard out for the size of the portfolio: the view as built in full mode, or,
 * above the threshold, a copy with every long list cut to the first `dashboardRows` (the
 * lists are sorted most important first) and the full tables linked. The numbers (counts,
 * totals, sums) are those of the whole portfolio either way: only rows are left out.
 */
export function layOutDashboard(ctx: ReportContext, view: DashboardView): DashboardView {
  const { single } = ctx;
  const { exceptionsAbove, dashboardRows: shown, rowsPerPage } = ctx.layout;
  const mode = view.summary.projects > exceptionsAbove ? "exceptions" : "full";
  const tables = Object.fromEntries(
    TABLE_KINDS.map((kind) => {
      const rows = countOf(view, kind);
      const pages = single || kind === "budget" ? 1 : Math.max(1, Math.ceil(rows / rowsPerPage));
      const linked = mode === "full" || !ctx.layout.tables ? 0 : pages;
      return [
        kind,
        {
          title: TABLE_TITLES[kind],
          rows,
          pages: linked,
          first: linked > 0 ? ctx.links.table(kind, 1) : null,
          last: linked > 1 ? ctx.links.table(kind, linked) : null,
        },
      ];
    }),
  ) as Record<TableKind, TableLinks>;
  if (mode === "full") return { ...view, layout: { mode, exceptionsAbove, shown, more: NOTHING_CUT, tables } };

  const cut = <T>(list: T[]): { kept: T[]; more: number } => ({
    kept: list.slice(0, shown),
    more: Math.max(0, list.length - shown),
  });
  const changes = cut(view.changed.changes);
  const decisions = cut(view.needsDecision.decisions);
  const escalations = cut(view.needsDecision.escalations);
  const escalatedIssues = cut(view.needsDecision.escalatedIssues);
  const exceptions = cut(view.exceptions.rows);
  const upcoming = cut(view.milestones.upcoming);
  const slipped = cut(view.milestones.slipped);
  const waivers = cut(view.governance.waivers);
  const unaligned = cut(view.alignment.unaligned.projects);
  const topRisks = cut(view.topRisks);
  const rules = cut(view.governance.byRule);
  // Budget: the totals, and the portfolios beyond tolerance or over their envelope.
  const tolerance = ctx.settings.budgetTolerancePercent;
  const exceptional = (r: BudgetTable["rows"][number]): boolean =>
    (r.variancePercent !== null && r.variancePercent > tolerance) ||
    (r.envelope !== null && r.forecast !== null && r.forecast > r.envelope);
  // The furthest over first, then cut like every other list.
  const byOverrun = (a: BudgetTable["rows"][number], b: BudgetTable["rows"][number]): number =>
    (b.variancePercent ?? -Infinity) - (a.variancePercent ?? -Infinity);
  // Proposals keep their total only: a row per portfolio is on the budget page.
  const budgets = view.budgets.map((b) => ({
    ...b,
    rows: b.rows.filter(exceptional).sort(byOverrun).slice(0, shown),
    proposals: [],
    chart: null,
  }));
  const budgetRows =
    view.budgets.reduce((n, b) => n + b.rows.length + b.proposals.length, 0) -
    budgets.reduce((n, b) => n + b.rows.length, 0);
  const unserved = view.alignment.objectives.filter((o) => o.projects.length === 0);
  return {
    ...view,
    changed: { ...view.changed, changes: changes.kept },
    needsDecision: {
      decisions: decisions.kept,
      escalations: escalations.kept,
      escalatedIssues: escalatedIssues.kept,
      red: [],
    },
    exceptions: { ...view.exceptions, rows: exceptions.kept },
    rag: [],
    budgets,
    milestones: { ...view.milestones, upcoming: upcoming.kept, slipped: slipped.kept },
    governance: { ...view.governance, waivers: waivers.kept, byRule: rules.kept },
    topRisks: topRisks.kept,
    alignment: {
      ...view.alignment,
      objectives: unserved,
      unaligned: { ...view.alignment.unaligned, projects: unaligned.kept },
    },
    layout: {
      mode,
      exceptionsAbove,
      shown,
      more: {
        changes: changes.more,
        decisions: decisions.more,
        escalations: escalations.more,
        escalatedIssues: escalatedIssues.more,
        exceptions: exceptions.more,
        upcoming: upcoming.more,
        slipped: slipped.more,
        waivers: waivers.more,
        unaligned: unaligned.more,
        budgetRows,
        objectives: view.alignment.objectives.length - unserved.length,
        rules: rules.more,
      },
      tables,
    },
  };
}

/** The pages of one full table, `rowsPerPage` rows each (one page holding all in `--single`). */
export function tablePages(ctx: ReportContext, full: DashboardView, kind: TableKind): TablePageView[] {
  const { single } = ctx;
  const rows = tableRows(full, kind) as unknown[];
  const size = single || kind === "budget" ? Math.max(1, rows.length) : ctx.layout.rowsPerPage;
  const count = Math.max(1, Math.ceil(rows.length / size));
  const links = Array.from({ length: count }, (_, i) => ({ number: i + 1, href: ctx.links.table(kind, i + 1) }));
  return links.map((link, i) => ({
    kind,
    title: TABLE_TITLES[kind],
    number: link.number,
    of: count,
    pages: pagerOf(links, link.number),
    previous: i > 0 ? links[i - 1]!.href : null,
    next: i < count - 1 ? links[i + 1]!.href : null,
    rows: rows.slice(i * size, (i + 1) * size) as TablePageView["rows"],
    dimensions: full.dimensions,
    spendMeasure: full.alignment.spendMeasure,
  }));
}

function pagerOf(links: PageLink[], current: number): TablePageView["pages"] {
  const shown = links.filter((l) => l.number === 1 || l.number === links.length || Math.abs(l.number - current) <= 2);
  return shown.map((l, i) => ({
    ...l,
    current: l.number === current,
    gap: i > 0 && l.number - shown[i - 1]!.number > 1,
  }));
}
