import type { Portfolio, Project } from "../../../model/entities.js";
import { isCommitted, isTerminalStage, portfolioChain, type Catalog } from "../../domain/index.js";
import { rankPortfolio } from "./rank.js";
import { DEFAULT_SCALE, type Candidate, type PrioritisationMethod, type Ranking } from "./types.js";

export { isCommitted };

/** Closed and cancelled projects are history: they are not ranked. */
export function isRankable(project: Project): boolean {
  return !isTerminalStage(project.stage);
}

function declaresPrioritisation(p: Portfolio): boolean {
  return p.prioritisation?.method === "wsjf" || (p.prioritisation?.criteria?.length ?? 0) > 0;
}

/**
 * The method a portfolio ranks by: its own prioritisation, or that of the nearest ancestor that
 * declares one (as project-scored reads it). Objectives for an alignment criterion are the
 * portfolio's own, the ones its projects contribute to; the declaring portfolio's when it has none.
 */
export function methodOf(catalog: Catalog, portfolio: Portfolio): PrioritisationMethod {
  const declarer =
    portfolioChain(catalog, portfolio.id).find((e) => declaresPrioritisation(e.value))?.value ?? portfolio;
  const p = declarer.prioritisation ?? {};
  const scale = p.scale ?? DEFAULT_SCALE;
  const objectives = (portfolio.objectives?.length ? portfolio.objectives : declarer.objectives) ?? [];
  return {
    method: p.method ?? "weighted-sum",
    declaredBy: declarer.id,
    scale: { min: scale.min, max: scale.max },
    criteria: (p.criteria ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      source: c.source ?? "scores",
    })),
    alignmentPoints: {
      high: p.alignment?.high ?? scale.max,
      medium: p.alignment?.medium ?? (scale.min + scale.max) / 2,
      low: p.alignment?.low ?? scale.min,
    },
    objectives: objectives.map((o) => ({ id: o.id, name: o.name, weight: o.weight })),
    fundingOrder: portfolio.prioritisation?.fundingOrder ?? p.fundingOrder ?? "committed-first",
  };
}

/**
 * A project as a candidate. Its cost is the domain's committedCost rule (what
 * portfolio-within-envelope counts against the envelope), applied to proposals too: the
 * forecast at completion, or the approved budget where there is no forecast, and only in the
 * envelope's currency (money in two currencies is never added).
 */
export function candidateOf(project: Project, envelopeCurrency: string, defaultCurrency: string): Candidate {
  const amount = project.budget?.forecast ?? project.budget?.approved;
  const currency = project.budget?.currency ?? defaultCurrency;
  let cost: number | undefined = amount;
  let because: string | undefined;
  if (amount === undefined) because = "no forecast or approved budget";
  else if (currency !== envelopeCurrency) {
    cost = undefined;
    because = `budgeted in ${currency}, not comparable with the ${envelopeCurrency} envelope`;
  }
  return {
    id: project.id,
    name: project.name,
    stage: project.stage,
    committed: isCommitted(project),
    cost,
    ...(because !== undefined && { costUnknownBecause: because }),
    scores: project.scores ?? {},
    contributions: project.contributions ?? [],
    ...(project.wsjf && { wsjf: project.wsjf }),
    dependsOn: (project.dependencies ?? []).map((d) => d.project),
    ...(project.exclusiveGroup !== undefined && { exclusiveGroup: project.exclusiveGroup }),
  };
}

/** Ranks one portfolio's own active projects (a sub-portfolio ranks its own) against its envelope. */
export function rankPortfolioOf(catalog: Catalog, settings: { currency: string }, portfolioId: string): Ranking {
  const entry = catalog.portfolio(portfolioId);
  if (!entry) throw new Error(`no portfolio ${portfolioId}`);
  const portfolio = entry.value;
  const currency = portfolio.budget?.currency ?? settings.currency;
  const subPortfolioEnvelopes = catalog
    .childrenOf(portfolio.id)
    .filter((c) => c.value.budget !== undefined && (c.value.budget.currency ?? settings.currency) === currency)
    .map((c) => ({ id: c.value.id, envelope: c.value.budget!.envelope }));
  const candidates = catalog
    .projectsOf(portfolio.id)
    .map((e) => e.value)
    .filter(isRankable)
    .map((p) => candidateOf(p, currency, settings.currency));
  return rankPortfolio({
    portfolio: { id: portfolio.id, name: portfolio.name },
    method: methodOf(catalog, portfolio),
    currency,
    envelope: portfolio.budget?.envelope,
    subPortfolioEnvelopes,
    candidates,
  });
}

/** Every portfolio with at least one active project, in id order. */
export function rankAll(catalog: Catalog, settings: { currency: string }): Ranking[] {
  return [...catalog.portfolios]
    .map((p) => p.value.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((id) => catalog.projectsOf(id).some((p) => isRankable(p.value)))
    .map((id) => rankPortfolioOf(catalog, settings, id));
}
