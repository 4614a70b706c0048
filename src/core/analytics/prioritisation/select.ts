import type { Project } from "../../../model/entities.js";
import { formatMoney } from "../../money.js";
import { cleanNumber } from "./score.js";
import { solveSelection, type SelectionItem, type SelectionResult } from "./solve.js";
import type { FundingOrder, RankedRow, Ranking } from "./types.js";

export interface SelectOptions {
  /** Defaults to what the envelope leaves for the portfolio's own projects. */
  budget?: number;
  /** Projects that must be funded. */
  include?: readonly string[];
  /** Projects that must not be funded. */
  exclude?: readonly string[];
  /** Defaults to the portfolio's: committed-first fixes committed work in; rank lets it compete. */
  fundingOrder?: FundingOrder;
  /** Projects outside the ranking (other portfolios), for dependencies on them. */
  lookup?: (id: string) => Project | undefined;
  nodeLimit?: number;
}

export interface Selection {
  portfolio: { id: string; name: string };
  currency: string;
  budget: number;
  fundingOrder: FundingOrder;
  /** What the selection maximises: the sum of weighted scores, or of cost of delay (WSJF). */
  valueMeasure: string;
  status: SelectionResult["status"];
  reason?: string;
  /** Selected projects, in rank order. */
  selected: RankedRow[];
  value: number;
  cost: number;
  /** Selected (committed) projects whose value is unknown: in the selection, not in the value. */
  valueUnknown: string[];
  /** Committed projects funded whatever the selection, whose cost is unknown: not deducted from the budget. */
  committedCostUnknown: string[];
  /** Projects the selection could not consider, and why. */
  notConsidered: { id: string; rank: number; because: string }[];
  /** Projects that could not be funded, and why (excluded, dependencies, exclusive groups). */
  forcedOut: { id: string; because: string }[];
  /** Differences with the ranking's cut line. */
  versusCutLine: { selectedBelowLine: string[]; fundedNotSelected: string[] };
  nodes: number;
}

const committedFixed = (order: FundingOrder, row: RankedRow): boolean =>
  order === "committed-first" && row.candidate.committed;

/**
 * The projects that maximise total value within the budget, exactly (see solveSelection). With
 * `committed-first`, committed work is funded whatever happens and the rest compete for what it
 * leaves; with `rank`, every active project competes ("if we had 20% less, what would we stop?").
 * A project with an unknown cost or value cannot be weighed, so it is not considered, and said so.
 */
export function selectPortfolio(ranking: Ranking, options: SelectOptions = {}): Selection {
  const order = options.fundingOrder ?? ranking.method.fundingOrder;
  const budget = options.budget ?? ranking.available;
  if (budget === undefined) throw new Error(`portfolio ${ranking.portfolio.id} has no budget envelope: give a budget`);
  const byId = new Map(ranking.rows.map((r) => [r.candidate.id, r]));
  const notConsidered: Selection["notConsidered"] = [];
  const committedCostUnknown: string[] = [];
  const items: SelectionItem[] = [];
  const itemRows: RankedRow[] = [];
  const include = new Set(options.include ?? []);
  const exclude = [...(options.exclude ?? [])];

  for (const row of ranking.rows) {
    const c = row.candidate;
    const fixed = committedFixed(order, row);
    if (c.cost === undefined) {
      if (fixed) committedCostUnknown.push(c.id);
      else
        notConsidered.push({
          id: c.id,
          rank: row.rank,
          because: `cost unknown (${c.costUnknownBecause ?? "no forecast or approved budget"})`,
        });
      continue;
    }
    if (row.score.selectionValue === undefined && !fixed) {
      notConsidered.push({ id: c.id, rank: row.rank, because: `not scored (missing ${row.score.missing.join(", ")})` });
      continue;
    }
    items.push({
      id: c.id,
      value: row.score.selectionValue ?? 0,
      cost: c.cost,
      dependsOn: [],
      ...(c.exclusiveGroup !== undefined && { group: c.exclusiveGroup }),
    });
    itemRows.push(row);
    if (fixed) include.add(c.id);
  }

  // Dependencies: on another candidate, a constraint; on anything else, its current state decides.
  const itemIds = new Set(items.map((i) => i.id));
  const forcedOutByDependency: { id: string; because: string }[] = [];
  items.forEach((item, k) => {
    const deps: string[] = [];
    for (const d of itemRows[k]!.candidate.dependsOn) {
      if (itemIds.has(d)) {
        deps.push(d);
        continue;
      }
      const inRanking = byId.get(d);
      if (inRanking) {
        // A project of this portfolio the selection cannot weigh: funded only if it is fixed in.
        if (committedFixed(order, inRanking)) continue;
        forcedOutByDependency.push({ id: item.id, because: `depends on ${d}, which the selection cannot consider` });
        continue;
      }
      const other = options.lookup?.(d);
      if (other && other.stage !== "proposal" && other.stage !== "cancelled") continue;
      forcedOutByDependency.push({
        id: item.id,
        because: other
          ? `depends on ${d}, ${other.stage === "cancelled" ? "which is cancelled" : "a proposal outside this portfolio"}`
          : `depends on ${d}, which is not in the repository`,
      });
    }
    items[k] = { ...item, dependsOn: deps };
  });
  for (const f of forcedOutByDependency) exclude.push(f.id);

  const result = solveSelection({
    items,
    budget,
    include: [...include],
    exclude,
    ...(options.nodeLimit !== undefined && { nodeLimit: options.nodeLimit }),
  });
  const forcedOut = result.forcedOut.map(
    (f) => forcedOutByDependency.find((x) => x.id === f.id && f.because === "excluded") ?? f,
  );
  const selectedSet = new Set(result.selected);
  const selected = ranking.rows.filter((r) => selectedSet.has(r.candidate.id));
  return {
    portfolio: ranking.portfolio,
    currency: ranking.currency,
    budget,
    fundingOrder: order,
    valueMeasure: ranking.method.method === "wsjf" ? "cost of delay (WSJF numerator)" : "weighted score",
    status: result.status,
    ...(result.reason !== undefined && {
      reason: explainReason(result.reason, items, [...include], budget, ranking.currency),
    }),
    selected,
    value: cleanNumber(result.value),
    cost: result.cost,
    valueUnknown: selected.filter((r) => r.score.selectionValue === undefined).map((r) => r.candidate.id),
    committedCostUnknown,
    notConsidered,
    forcedOut,
    versusCutLine: {
      selectedBelowLine: selected.filter((r) => r.funding === "below-line").map((r) => r.candidate.id),
      fundedNotSelected: ranking.rows
        .filter((r) => r.funding === "funded" && !selectedSet.has(r.candidate.id) && itemIds.has(r.candidate.id))
        .map((r) => r.candidate.id),
    },
    nodes: result.nodes,
  };
}

/** Puts the amounts into the solver's "cost more than the budget". */
function explainReason(
  reason: string,
  items: readonly SelectionItem[],
  include: readonly string[],
  budget: number,
  currency: string,
): string {
  if (!reason.startsWith("the projects that must be funded cost more")) return reason;
  const byId = new Map(items.map((i) => [i.id, i]));
  const need = new Set<string>();
  const stack = [...include];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (need.has(id) || !byId.has(id)) continue;
    need.add(id);
    stack.push(...byId.get(id)!.dependsOn);
  }
  const cost = [...need].reduce((s, id) => s + byId.get(id)!.cost, 0);
  return `the projects that must be funded (committed work, --include and what they depend on) cost ${formatMoney(cost, currency)}, more than the budget of ${formatMoney(budget, currency)}`;
}

export interface FrontierPoint {
  budget: number;
  value: number;
  cost: number;
  count: number;
  status: SelectionResult["status"];
}

/**
 * The efficient frontier: the best value at each of `levels` budgets, evenly spaced from what
 * the fixed work costs to what every candidate together costs (and the selection's budget).
 */
export function frontier(ranking: Ranking, options: SelectOptions & { levels?: number } = {}): FrontierPoint[] {
  const levels = Math.max(2, options.levels ?? 10);
  const order = options.fundingOrder ?? ranking.method.fundingOrder;
  const known = ranking.rows.filter(
    (r) => r.candidate.cost !== undefined && (r.score.selectionValue !== undefined || committedFixed(order, r)),
  );
  const fixed = known
    .filter((r) => committedFixed(order, r) || (options.include ?? []).includes(r.candidate.id))
    .reduce((s, r) => s + r.candidate.cost!, 0);
  const all = known.reduce((s, r) => s + r.candidate.cost!, 0);
  const budgets = new Set<number>();
  for (let i = 0; i < levels; i++) budgets.add(Math.round(fixed + ((all - fixed) * i) / (levels - 1)));
  const chosen = options.budget ?? ranking.available;
  if (chosen !== undefined) budgets.add(chosen);
  return [...budgets]
    .sort((a, b) => a - b)
    .map((budget) => {
      const s = selectPortfolio(ranking, { ...options, budget });
      return { budget, value: s.value, cost: s.cost, count: s.selected.length, status: s.status };
    });
}
