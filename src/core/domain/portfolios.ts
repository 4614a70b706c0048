import type { Portfolio, Project } from "../../model/entities.js";
import type { Catalog, Entry } from "./catalog.js";

/**
 * A portfolio followed by its ancestors, nearest first. Validation rejects parent cycles, but
 * the walk stops at a repeated id anyway so that nothing loops on an invalid repository.
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

/**
 * The ids of the portfolios an entity sits in, nearest first: a portfolio itself and its
 * ancestors, or the portfolio a project, risk, issue or decision names (directly or through
 * its project) and its ancestors. The named portfolio counts even when no document has that
 * id, so that a config override naming it still applies.
 */
export function portfolioPath(catalog: Catalog, entityId: string | undefined): string[] {
  const entry = entityId === undefined ? undefined : catalog.byId.get(entityId);
  if (!entry) return [];
  let id: string | undefined =
    entry.doc.kind === "Portfolio"
      ? entry.doc.id
      : catalog.portfolioOfEntity(entry.value as { project?: string; portfolio?: string });
  const chain: string[] = [];
  while (id !== undefined && !chain.includes(id)) {
    chain.push(id);
    id = catalog.portfolio(id)?.value.parent;
  }
  return chain;
}

/**
 * The projects of a portfolio and of its sub-portfolios, at any depth, in load order by
 * portfolio: the projects whose portfolioPath includes it, found from the catalog's parent
 * and portfolio indexes instead of by walking every project's chain. Stops at a repeated
 * portfolio, as portfolioChain does.
 */
export function projectsWithin(catalog: Catalog, portfolioId: string): Entry<Project>[] {
  const projects: Entry<Project>[] = [];
  const seen = new Set<string>([portfolioId]);
  const queue = [portfolioId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    projects.push(...catalog.projectsOf(id));
    for (const child of catalog.childrenOf(id))
      if (!seen.has(child.value.id)) {
        seen.add(child.value.id);
        queue.push(child.value.id);
      }
  }
  return projects;
}
