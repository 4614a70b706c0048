import type { Portfolio } from "../../../model/entities.js";
import {
  describeEnvelope,
  describeMethod,
  formatRankingCsv,
  formatScore,
  frontier,
  inFundingOrder,
  rankPortfolioOf,
  selectPortfolio,
  type FundingState,
  type RankedRow,
  type Ranking,
} from "../../analytics/prioritisation/index.js";
import type { Entry } from "../../domain/index.js";
import { frontierChart } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";

/** One project of the ranking as the page lists it, in funding order. */
export interface RankingRowView {
  rank: number;
  /** Position in the funding order (the order the envelope is filled in). */
  position: number;
  id: string;
  name: string;
  href: string | null;
  stage: string;
  committed: boolean;
  /** The score as the ranking shows it, or "unscored". */
  score: string;
  scored: boolean;
  /** The score's arithmetic, as `pmo rank --explain` prints it. */
  arithmetic: string;
  currency: string;
  /** Null when unknown: left out of the cumulative cost, never 0. */
  cost: number | null;
  cumulative: number | null;
  funding: FundingState;
  fundingLabel: string;
  /** Why the row is listed in a shortened ranking, beyond its place: committed work below the line. */
  exception: string | null;
  /** The cut line is drawn just before this row. */
  cutBefore: boolean;
  /** Rows of the ranking left out just before this one (a shortened ranking), 0 for none. */
  gapBefore: number;
}

/** One row of the alignment matrix: a project and the strength of its contribution to each objective. */
export interface AlignmentRowView {
  id: string;
  name: string;
  href: string | null;
  funding: FundingState;
  fundingLabel: string;
  /** In the order of `objectives`: the strength (high, medium, low), "unrated" without one, or null for none. */
  cells: { strength: string | null }[];
  /** The alignment criterion's value, when the method has one. */
  alignment: string | null;
}

export interface RankingView {
  id: string;
  name: string;
  anchor: string;
  /** Its portfolio's page (an object: Markdown escaping leaves `href` alone). */
  portfolio: { href: string } | null;
  method: string;
  envelope: string;
  currency: string;
  available: number | null;
  /** Active projects ranked (proposal to closure). */
  ranked: number;
  funded: { count: number; cost: number };
  below: { count: number; cost: number };
  /** What the envelope leaves once the funded projects are paid for; null without an envelope or when over. */
  left: number | null;
  cutLine: { lastFunded: string | null; firstBelow: string } | null;
  costUnknown: { count: number; listed: { id: string; rank: number; because: string }[] };
  unscored: { count: number; listed: { id: string; rank: number; missing: string }[] };
  committedBelowLine: number;
  /** Rows listed, in funding order; a shortened ranking lists the top, the rows around the line and the exceptions. */
  rows: RankingRowView[];
  /** Rows of the ranking after the last one listed. */
  gapAfter: number;
  shortened: boolean;
  /** The full ranking as CSV beside the page (the site), or null (a single file): `pmo rank --format csv`. */
  csv: { href: string; file: string } | null;
  scoreHeader: string;
  alignment: {
    objectives: { id: string; name: string; weight: number }[];
    rows: AlignmentRowView[];
    /** Per objective, over every ranked project: how many contribute, and how many of those are funded. */
    totals: { contributing: number; funded: number }[];
    /** Ranked projects that contribute to none of the objectives. */
    unaligned: number;
    hasAlignmentCriterion: boolean;
  } | null;
  frontier: {
    chart: ChartView;
    points: { budget: number; value: string; cost: number; count: number; chosen: boolean }[];
    valueMeasure: string;
    /** The ranking's funded set against the exact selection within the same budget. */
    versus: {
      budget: number;
      rankingValue: string;
      selectionValue: string;
      optimal: boolean;
      adds: { id: string; href: string | null }[];
      drops: { id: string; href: string | null }[];
    } | null;
  } | null;
}

const FUNDING_LABELS: Record<FundingState, string> = {
  funded: "Funded",
  "below-line": "Below the line",
  "cost-unknown": "Cost unknown",
  "no-envelope": "No envelope",
};

/** Notes that name projects list at most this many (the page says how many more). */
const LISTED = 10;

/**
 * Which rows a ranking too long for the page lists: the top of the funding order, the rows
 * either side of the cut line, and the committed work below it (what funded-below-cut-line
 * flags), each at most `window` rows; every other row is counted, and the full ranking goes to
 * a CSV file beside the page.
 */
function listedPositions(rows: readonly RankedRow[], window: number): Set<number> {
  const firstBelow = rows.findIndex((r) => r.funding === "below-line");
  const listed = [
    ...rows.slice(0, window),
    ...(firstBelow >= 0 ? rows.slice(Math.max(0, firstBelow - window), firstBelow + window) : []),
    ...rows.filter((r) => r.funding === "below-line" && r.candidate.committed).slice(0, window),
  ];
  return new Set(listed.map((r) => r.fundingPosition));
}

/**
 * The ranking page of one portfolio (the ranked projects with the cut line, the alignment
 * matrix and the efficient frontier) and, for a site, the full ranking as CSV (what
 * `pmo rank PORTFOLIO --format csv` writes) for the page to link to.
 */
export function buildRankingPage(
  ctx: ReportContext,
  entry: Entry<Portfolio>,
  fileName: string,
): { view: RankingView; csv: { path: string; content: string } | null } {
  const r = rankPortfolioOf(ctx.catalog, ctx.settings, entry.value.id);
  const view = buildRankingView(ctx, r, fileName);
  return { view, csv: view.csv ? { path: view.csv.file, content: formatRankingCsv([r]) } : null };
}

/** The view of a ranking page (see buildRankingPage). */
export function buildRankingView(ctx: ReportContext, r: Ranking, fileName: string): RankingView {
  const ordered = inFundingOrder(r);
  const shortened = ordered.length > ctx.layout.rowsPerPage;
  const keep = shortened ? listedPositions(ordered, ctx.layout.dashboardRows) : undefined;
  const cutAt = r.cutLine ? r.cutLine.afterPosition + 1 : undefined;

  const rows: RankingRowView[] = [];
  let skipped = 0;
  let cutPending = false;
  for (const row of ordered) {
    if (row.fundingPosition === cutAt) cutPending = true;
    // A cut line among left-out rows is drawn before the next listed row.
    if (keep && !keep.has(row.fundingPosition)) {
      skipped += 1;
      continue;
    }
    const c = row.candidate;
    rows.push({
      rank: row.rank,
      position: row.fundingPosition,
      id: c.id,
      name: c.name,
      href: ctx.links.project(c.id),
      stage: c.stage,
      committed: c.committed,
      score: row.score.value === undefined ? "unscored" : formatScore(row.score.value),
      scored: row.score.value !== undefined,
      arithmetic: row.score.arithmetic,
      currency: r.currency,
      cost: c.cost ?? null,
      cumulative: row.cumulative ?? null,
      funding: row.funding,
      fundingLabel: FUNDING_LABELS[row.funding],
      exception: row.funding === "below-line" && c.committed ? "committed" : null,
      cutBefore: cutPending,
      gapBefore: skipped,
    });
    cutPending = false;
    skipped = 0;
  }
  const funded = r.rows.filter((x) => x.funding === "funded");
  const below = r.rows.filter((x) => x.funding === "below-line");
  const belowCost = below.reduce((s, x) => s + (x.candidate.cost ?? 0), 0);
  const csvFile = `rankings/${fileName}.csv`;

  return {
    id: r.portfolio.id,
    name: r.portfolio.name,
    anchor: `ranking-${fileName}`,
    portfolio: ((href) => (href === null ? null : { href }))(ctx.links.portfolio(r.portfolio.id)),
    method: describeMethod(r),
    envelope: describeEnvelope(r),
    currency: r.currency,
    available: r.available ?? null,
    ranked: r.rows.length,
    funded: { count: funded.length, cost: r.fundedCost },
    below: { count: below.length, cost: belowCost },
    left: r.available !== undefined && r.available >= r.fundedCost ? r.available - r.fundedCost : null,
    cutLine: r.cutLine ? { lastFunded: r.cutLine.lastFunded ?? null, firstBelow: r.cutLine.firstBelow } : null,
    costUnknown: { count: r.costUnknown.length, listed: r.costUnknown.slice(0, LISTED) },
    unscored: {
      count: r.unscored.length,
      listed: r.unscored.slice(0, LISTED).map((u) => ({ id: u.id, rank: u.rank, missing: u.missing.join(", ") })),
    },
    committedBelowLine: below.filter((x) => x.candidate.committed).length,
    rows,
    gapAfter: skipped,
    shortened,
    csv: ctx.single || r.rows.length === 0 ? null : { href: `${fileName}.csv`, file: csvFile },
    scoreHeader: r.method.method === "wsjf" ? "WSJF" : "Score",
    alignment: alignmentMatrix(r, rows),
    frontier: frontierView(ctx, r, fileName),
  };
}

function alignmentMatrix(r: Ranking, listed: readonly RankingRowView[]): RankingView["alignment"] {
  const objectives = r.method.objectives;
  if (objectives.length === 0) return null;
  const alignmentCriterion =
    r.method.method === "weighted-sum" && r.method.criteria.find((c) => c.source === "alignment");
  const byId = new Map(r.rows.map((row) => [row.candidate.id, row]));
  const strengthOf = (row: RankedRow, objective: string): string | null => {
    const c = row.candidate.contributions.find((x) => x.objective === objective);
    return c ? (c.strength ?? "unrated") : null;
  };
  const rows: AlignmentRowView[] = listed.map((l) => {
    const row = byId.get(l.id)!;
    const term = alignmentCriterion ? row.score.terms.find((t) => t.id === alignmentCriterion.id) : undefined;
    return {
      id: l.id,
      name: l.name,
      href: l.href,
      funding: l.funding,
      fundingLabel: l.fundingLabel,
      cells: objectives.map((o) => ({ strength: strengthOf(row, o.id) })),
      alignment: !alignmentCriterion ? null : term?.value === undefined ? "unknown" : formatScore(term.value),
    };
  });
  const totals = objectives.map((o) => {
    const contributing = r.rows.filter((row) => strengthOf(row, o.id) !== null);
    return { contributing: contributing.length, funded: contributing.filter((x) => x.funding === "funded").length };
  });
  const ids = new Set(objectives.map((o) => o.id));
  return {
    objectives: objectives.map((o) => ({ id: o.id, name: o.name, weight: o.weight })),
    rows,
    totals,
    unaligned: r.rows.filter((row) => !row.candidate.contributions.some((c) => ids.has(c.objective))).length,
    hasAlignmentCriterion: alignmentCriterion !== undefined && alignmentCriterion !== false,
  };
}

function frontierView(ctx: ReportContext, r: Ranking, fileName: string): RankingView["frontier"] {
  if (r.available === undefined || r.rows.length === 0) return null;
  const lookup = (id: string) => ctx.catalog.project(id)?.value;
  const points = frontier(r, { lookup, levels: 10 });
  const chosen = selectPortfolio(r, { lookup });
  const valueMeasure = chosen.valueMeasure;
  const chart = frontierChart({
    title: `${r.portfolio.name}: efficient frontier`,
    currency: r.currency,
    valueLabel: valueMeasure,
    points,
    chosen: r.available,
  });
  const rankingValue = r.rows
    .filter((row) => row.funding === "funded")
    .reduce((s, row) => s + (row.score.selectionValue ?? 0), 0);
  const ref = (id: string) => ({ id, href: ctx.links.project(id) });
  return {
    chart: chartView(chart, `frontier-${fileName}.svg`, ctx.links),
    points: points.map((p) => ({
      budget: p.budget,
      value: p.status === "infeasible" ? "infeasible" : formatScore(p.value),
      cost: p.cost,
      count: p.count,
      chosen: p.budget === r.available,
    })),
    valueMeasure,
    versus:
      chosen.status === "infeasible"
        ? null
        : {
            budget: chosen.budget,
            rankingValue: formatScore(rankingValue),
            selectionValue: formatScore(chosen.value),
            optimal: chosen.status === "optimal",
            adds: chosen.versusCutLine.selectedBelowLine.map(ref),
            drops: chosen.versusCutLine.fundedNotSelected.map(ref),
          },
  };
}
