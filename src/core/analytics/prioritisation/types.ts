import type { ContributionStrength, Stage } from "../../../model/entities.js";

/** How a portfolio ranks its projects (`prioritisation.method`). */
export const PRIORITISATION_METHODS = ["weighted-sum", "wsjf"] as const;
export type PrioritisationMethodName = (typeof PRIORITISATION_METHODS)[number];

/** Where the cut line starts filling the envelope (`prioritisation.fundingOrder`). */
export const FUNDING_ORDERS = ["committed-first", "rank"] as const;
export type FundingOrder = (typeof FUNDING_ORDERS)[number];

/** The score scale of the criteria when a portfolio does not declare one. */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

export interface MethodCriterion {
  id: string;
  name: string;
  /** Percent. */
  weight: number;
  /** `scores`: the project's own score; `alignment`: computed from its contributions to objectives. */
  source: "scores" | "alignment";
}

/** Everything a ranking is computed from, resolved from a portfolio (see fromCatalog). */
export interface PrioritisationMethod {
  method: PrioritisationMethodName;
  /** The portfolio that declares the method (a programme may use its parent's). */
  declaredBy: string;
  scale: { min: number; max: number };
  criteria: MethodCriterion[];
  /** Points a contribution of each strength earns, on the criteria's scale. */
  alignmentPoints: Record<ContributionStrength, number>;
  objectives: { id: string; name: string; weight: number }[];
  fundingOrder: FundingOrder;
}

export interface WsjfInputs {
  businessValue?: number;
  timeCriticality?: number;
  riskReduction?: number;
  jobSize?: number;
}

/** One project as the ranking sees it. */
export interface Candidate {
  id: string;
  name: string;
  stage: Stage;
  /** Approved into the portfolio and still running (initiation to closure). */
  committed: boolean;
  /** Forecast at completion (approved budget where there is no forecast), in the envelope's currency; undefined when unknown. */
  cost: number | undefined;
  /** Why the cost is unknown, when it is. */
  costUnknownBecause?: string;
  scores: Readonly<Record<string, number>>;
  contributions: readonly { objective: string; strength?: ContributionStrength }[];
  wsjf?: WsjfInputs;
  /** Ids of projects this one depends on. */
  dependsOn: readonly string[];
  exclusiveGroup?: string;
}

/** One term of a score's arithmetic. */
export interface ScoreTerm {
  /** A criterion id, or a WSJF component name. */
  id: string;
  name: string;
  weight?: number;
  value: number | undefined;
  /** How a computed term (alignment) was obtained. */
  detail?: string;
}

export interface Score {
  /** The number the ranking sorts by: the weighted score, or WSJF. Undefined when an input is missing. */
  value: number | undefined;
  /** The value a selection maximises: the weighted score, or the cost of delay for WSJF. */
  selectionValue: number | undefined;
  terms: ScoreTerm[];
  /** Inputs the score is missing, in words (criterion ids, WSJF components). */
  missing: string[];
  /** The arithmetic, e.g. "(40×5 + 30×4 + 20×3 + 10×2) / 100 = 4.1". */
  arithmetic: string;
}

/** Where a project stands against the cut line. */
export type FundingState = "funded" | "below-line" | "cost-unknown" | "no-envelope";

export interface RankedRow {
  /** 1-based position in the ranking; unscored projects follow the scored ones. */
  rank: number;
  candidate: Candidate;
  score: Score;
  /** Position in the funding order (committed work first, or as ranked). */
  fundingPosition: number;
  /** Cumulative known cost in funding order, this project included; undefined when its cost is unknown. */
  cumulative: number | undefined;
  funding: FundingState;
}

export interface Ranking {
  portfolio: { id: string; name: string };
  method: PrioritisationMethod;
  currency: string;
  /** The portfolio's envelope; undefined when it has none. */
  envelope: number | undefined;
  /** Envelopes of sub-portfolios deducted from it (each ranks its own projects). */
  subPortfolioEnvelopes: { id: string; envelope: number }[];
  /** What is left for the portfolio's own projects. */
  available: number | undefined;
  /** Rows in rank order. */
  rows: RankedRow[];
  /** Known cost of everything above the line. */
  fundedCost: number;
  /** Known cost of every ranked project. */
  totalCost: number;
  /** Projects left out of the cumulative cost, with their rank. */
  costUnknown: { id: string; rank: number; because: string }[];
  /** Projects without a score (missing inputs), ranked last. */
  unscored: { id: string; rank: number; missing: string[] }[];
  /** Where the line falls in funding order; undefined when everything with a known cost fits (or there is no envelope). */
  cutLine: { afterPosition: number; lastFunded: string | undefined; firstBelow: string } | undefined;
}
