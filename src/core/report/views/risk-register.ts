import { heatMap } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { formatCsv } from "../../csv.js";
import { rankRisks, riskRow, type RiskRow } from "../raid.js";
import { isLargeSite, REGISTER_ROWS } from "./register-cut.js";

export interface OwnerLoad {
  owner: string;
  open: number;
  highOrCritical: number;
  overdueReviews: number;
}

export interface RiskRegisterView {
  /** Open risks, highest score first: every one, or the first REGISTER_ROWS of a large site (`cut`). */
  open: RiskRow[];
  /** Every open risk, counted. */
  openCount: number;
  threats: number;
  opportunities: number;
  byBand: { band: string; count: number }[];
  heatMap: ChartView;
  owners: OwnerLoad[];
  overdueReviews: RiskRow[];
  reviewDays: number;
  /** Occurred and closed risks, for the record. */
  inactive: { occurred: number; closed: number };
  /**
   * Above the exception-first threshold, in a site, the page keeps the highest risks, the
   * busiest owners and the longest overdue reviews, and says how many it left out; the whole
   * register is in `csv` (a file beside the page). Nothing is cut otherwise (`csv` null).
   */
  cut: { open: number; owners: number; overdueReviews: number; csv: string | null };
}

const rowsByContext = new WeakMap<ReportContext, RiskRow[]>();

/** Every risk's row, in catalog order: built once for the register page and its CSV, which read the same context. */
function registerRows(ctx: ReportContext): RiskRow[] {
  let rows = rowsByContext.get(ctx);
  if (!rows) {
    rows = ctx.catalog.risks.map((r) => riskRow(ctx, r.value));
    rowsByContext.set(ctx, rows);
  }
  return rows;
}

/** The risk register: every open risk ranked by score, the heat map, owners and overdue reviews. */
export function buildRiskRegisterView(ctx: ReportContext): RiskRegisterView {
  const { settings } = ctx;
  const all = registerRows(ctx);
  const open = rankRisks(all.filter((r) => r.active));
  const { probabilityMax, impactMax } = settings.risk;
  const counts = Array.from({ length: probabilityMax }, () => Array<number>(impactMax).fill(0));
  const bands = Array.from({ length: probabilityMax }, (_, p) =>
    Array.from({ length: impactMax }, (_, i) => settings.risk.band(p + 1, i + 1)),
  );
  for (const r of open) {
    const row = counts[r.probability - 1];
    if (row && r.impact >= 1 && r.impact <= impactMax) row[r.impact - 1]! += 1;
  }
  const chart = heatMap({ title: "Open risks by probability and impact", probabilityMax, impactMax, counts, bands });

  const owners = new Map<string, OwnerLoad>();
  for (const r of open) {
    const name = r.owner ?? "(no owner)";
    const load = owners.get(name) ?? { owner: name, open: 0, highOrCritical: 0, overdueReviews: 0 };
    load.open += 1;
    if (r.band === "high" || r.band === "critical") load.highOrCritical += 1;
    if (r.reviewOverdueDays !== null) load.overdueReviews += 1;
    owners.set(name, load);
  }
  const bandOrder = ["critical", "high", "medium", "low"];
  const ownerRows = [...owners.values()].sort((a, b) => b.open - a.open || compareIds(a.owner, b.owner));
  const overdue = open
    .filter((r) => r.reviewOverdueDays !== null)
    .sort((a, b) => b.reviewOverdueDays! - a.reviewOverdueDays! || compareIds(a.id, b.id));
  const large = isLargeSite(ctx);
  const keep = <T>(rows: T[]): T[] => (large ? rows.slice(0, REGISTER_ROWS) : rows);
  const left = (rows: readonly unknown[]): number => (large ? Math.max(0, rows.length - REGISTER_ROWS) : 0);
  return {
    open: keep(open),
    openCount: open.length,
    cut: {
      open: left(open),
      owners: left(ownerRows),
      overdueReviews: left(overdue),
      csv: large ? "risks.csv" : null,
    },
    threats: open.filter((r) => r.type === "threat").length,
    opportunities: open.filter((r) => r.type === "opportunity").length,
    byBand: bandOrder.map((band) => ({ band, count: open.filter((r) => r.band === band).length })),
    heatMap: chartView(chart, "risk-heat-map.svg", ctx.links),
    owners: keep(ownerRows),
    overdueReviews: keep(overdue),
    reviewDays: settings.risk.reviewDays,
    inactive: {
      occurred: all.filter((r) => r.status === "occurred").length,
      closed: all.filter((r) => r.status === "closed").length,
    },
  };
}

const CSV_COLUMNS = [
  "id",
  "title",
  "type",
  "status",
  "for",
  "for_name",
  "probability",
  "impact",
  "score",
  "band",
  "owner",
  "response",
  "last_reviewed",
  "review_overdue_days",
  "proximity",
  "cost_impact_currency",
  "cost_impact_most_likely",
  "exposure",
  "open_mitigations",
] as const;

/** The whole register as CSV: every risk (open ones first, highest score first), one row each; unknown cells are empty. */
export function riskRegisterCsv(ctx: ReportContext): string {
  const rows = registerRows(ctx);
  const open = rankRisks(rows.filter((r) => r.active));
  const inactive = rows.filter((r) => !r.active).sort((a, b) => compareIds(a.id, b.id));
  return formatCsv(
    CSV_COLUMNS,
    [...open, ...inactive].map((r) => [
      r.id,
      r.title,
      r.type,
      r.status,
      r.scope.id ?? "",
      r.scope.name,
      r.probability,
      r.impact,
      r.score,
      r.active ? r.band : "",
      r.owner ?? "",
      r.response ?? "",
      r.lastReviewed ?? "",
      r.reviewOverdueDays ?? "",
      r.proximity ?? "",
      r.costImpact?.currency ?? "",
      r.costImpact?.mostLikely ?? "",
      r.exposure ?? "",
      r.openMitigations,
    ]),
  );
}
