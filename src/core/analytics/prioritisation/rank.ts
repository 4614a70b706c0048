import { scoreCandidate } from "./score.js";
import type { Candidate, PrioritisationMethod, RankedRow, Ranking, Score } from "./types.js";

export interface RankInput {
  portfolio: { id: string; name: string };
  method: PrioritisationMethod;
  currency: string;
  envelope: number | undefined;
  subPortfolioEnvelopes?: { id: string; envelope: number }[];
  candidates: readonly Candidate[];
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The ranking order, deterministic whatever order the files were read in:
 * 1. scored before unscored;
 * 2. higher score (weighted score, or WSJF) first;
 * 3. on equal scores, the lower known cost first (more value per unit of money), a known cost
 *    before an unknown one;
 * 4. then the project id, in code-unit order.
 */
export function compareRanked(
  a: { candidate: Candidate; score: Score },
  b: { candidate: Candidate; score: Score },
): number {
  const av = a.score.value;
  const bv = b.score.value;
  if (av === undefined || bv === undefined) {
    if (av !== bv) return av === undefined ? 1 : -1;
  } else if (av !== bv) return bv - av;
  const ac = a.candidate.cost;
  const bc = b.candidate.cost;
  if (ac !== bc) {
    if (ac === undefined) return 1;
    if (bc === undefined) return -1;
    return ac - bc;
  }
  return compareIds(a.candidate.id, b.candidate.id);
}

/**
 * Ranks a portfolio's projects and draws the funding cut line: in funding order (committed
 * work first, then the rest by rank; or strictly by rank), the cumulative known cost is
 * compared with what the envelope leaves for the portfolio's own projects. The line falls
 * before the first project that no longer fits; everything after it is below the line. A
 * project with an unknown cost is never counted as 0: it is left out of the cumulative cost,
 * marked, and listed with its rank.
 */
export function rankPortfolio(input: RankInput): Ranking {
  const scored = input.candidates.map((candidate) => ({ candidate, score: scoreCandidate(input.method, candidate) }));
  scored.sort(compareRanked);
  const subs = [...(input.subPortfolioEnvelopes ?? [])].sort((a, b) => compareIds(a.id, b.id));
  const available =
    input.envelope === undefined ? undefined : input.envelope - subs.reduce((s, x) => s + x.envelope, 0);

  const rows: RankedRow[] = scored.map((s, i) => ({
    rank: i + 1,
    candidate: s.candidate,
    score: s.score,
    fundingPosition: 0,
    cumulative: undefined,
    funding: "no-envelope",
  }));
  const order =
    input.method.fundingOrder === "committed-first"
      ? [...rows.filter((r) => r.candidate.committed), ...rows.filter((r) => !r.candidate.committed)]
      : [...rows];

  let cumulative = 0;
  let fundedCost = 0;
  let below = false;
  let cutLine: Ranking["cutLine"];
  let lastFunded: RankedRow | undefined;
  order.forEach((row, i) => {
    row.fundingPosition = i + 1;
    const cost = row.candidate.cost;
    if (cost === undefined) {
      row.funding = "cost-unknown";
      return;
    }
    cumulative += cost;
    row.cumulative = cumulative;
    if (available === undefined) {
      row.funding = "no-envelope";
      return;
    }
    if (!below && cumulative <= available) {
      row.funding = "funded";
      fundedCost = cumulative;
      lastFunded = row;
      return;
    }
    if (!below)
      cutLine = {
        afterPosition: lastFunded?.fundingPosition ?? 0,
        lastFunded: lastFunded?.candidate.id,
        firstBelow: row.candidate.id,
      };
    below = true;
    row.funding = "below-line";
  });

  return {
    portfolio: input.portfolio,
    method: input.method,
    currency: input.currency,
    envelope: input.envelope,
    subPortfolioEnvelopes: subs,
    available,
    rows,
    fundedCost,
    totalCost: cumulative,
    costUnknown: rows
      .filter((r) => r.candidate.cost === undefined)
      .map((r) => ({
        id: r.candidate.id,
        rank: r.rank,
        because: r.candidate.costUnknownBecause ?? "no forecast or approved budget",
      })),
    unscored: rows
      .filter((r) => r.score.value === undefined)
      .map((r) => ({ id: r.candidate.id, rank: r.rank, missing: r.score.missing })),
    cutLine,
  };
}
