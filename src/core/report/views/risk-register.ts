import { heatMap } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import { rankRisks, riskRow, type RiskRow } from "../raid.js";

export interface OwnerLoad {
  owner: string;
  open: number;
  highOrCritical: number;
  overdueReviews: number;
}

export interface RiskRegisterView {
  open: RiskRow[];
  threats: number;
  opportunities: number;
  byBand: { band: string; count: number }[];
  heatMap: ChartView;
  owners: OwnerLoad[];
  overdueReviews: RiskRow[];
  reviewDays: number;
  /** Occurred and closed risks, for the record. */
  inactive: { occurred: number; closed: number };
}

/** The risk register: every open risk ranked by score, the heat map, owners and overdue reviews. */
export function buildRiskRegisterView(ctx: ReportContext): RiskRegisterView {
  const { settings } = ctx;
  const all = ctx.catalog.risks.map((r) => r.value);
  const open = rankRisks(all.filter((r) => r.status === "open").map((r) => riskRow(ctx, r)));
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
  return {
    open,
    threats: open.filter((r) => r.type === "threat").length,
    opportunities: open.filter((r) => r.type === "opportunity").length,
    byBand: bandOrder.map((band) => ({ band, count: open.filter((r) => r.band === band).length })),
    heatMap: chartView(chart, "risk-heat-map.svg", ctx.links),
    owners: [...owners.values()].sort((a, b) => b.open - a.open || compareIds(a.owner, b.owner)),
    overdueReviews: open
      .filter((r) => r.reviewOverdueDays !== null)
      .sort((a, b) => b.reviewOverdueDays! - a.reviewOverdueDays! || compareIds(a.id, b.id)),
    reviewDays: settings.risk.reviewDays,
    inactive: {
      occurred: all.filter((r) => r.status === "occurred").length,
      closed: all.filter((r) => r.status === "closed").length,
    },
  };
}
