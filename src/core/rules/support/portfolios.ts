import type { Portfolio } from "../../../model/entities.js";
import type { Catalog, Entry } from "../../catalog/index.js";

/**
 * A portfolio followed by its ancestors, nearest first. Validation rejects parent cycles, but
 * the walk stops at a repeated id anyway so that a rule never loops on an invalid repository.
 */
export function portfolioChain(catalog: Catalog, portfolioId: string | undefined): Entry<Portfolio>[] {
  const chain: Entry<Portfolio>[] = [];
  const seen = new Set<string>();
  let current = catalog.portfolio(portfolioId);
  while (current && !seen.has(current.value.id)) {
    seen.add(current.value.id);
    chain.push(current);
    current = catalog.portfolio(current.value.parent);
  }
  return chain;
}
