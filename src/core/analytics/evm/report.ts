import type { Catalog } from "../../catalog/index.js";
import { projectEvmAgainst, type BaselinePlan } from "./baseline.js";
import { isMeasured, projectEvm, type ProjectEvm } from "./project.js";
import { rollUp, type EvmRollup } from "./rollup.js";

/** `pmo evm`'s whole answer: every measured project, then the roll-ups. */
export interface EvmReport {
  asOf: string;
  /** The baseline measured against, when one was named (`--baseline`). */
  baseline: string | undefined;
  projects: ProjectEvm[];
  /** Per portfolio (its sub-portfolios' projects included), then the engagement; one row per currency. */
  rollups: EvmRollup[];
}

export interface EvmReportOptions {
  asOf: string;
  /** Measure against this baseline: its name and its projects as the baseline froze them. */
  baseline?: BaselinePlan;
}

/** Measures the catalog's projects and rolls them up; projects sorted by id, portfolios by id. */
export function buildEvmReport(catalog: Catalog, options: EvmReportOptions): EvmReport {
  const defaultCurrency = catalog.engagement?.value.currency ?? "";
  const plan = options.baseline;
  const projects = catalog.projects
    .map((e) => e.value)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    // Against a baseline the merged project (withBaselinePlan) decides, as in the report: it has
    // an earned value plan when today's project or the baseline's has one.
    .filter((p) => isMeasured(p) || plan?.projects.get(p.id)?.earnedValue !== undefined)
    .map((p) =>
      plan
        ? projectEvmAgainst(p, plan, { asOf: options.asOf, defaultCurrency })
        : projectEvm(p, { asOf: options.asOf, defaultCurrency }),
    );

  // Each project counts in its portfolio and in every ancestor of it (a programme's projects
  // are its parent portfolio's too). A parent cycle is an integrity error; it stops the walk.
  const parentOf = new Map(catalog.portfolios.map((e) => [e.value.id, e.value.parent]));
  const members = new Map<string, ProjectEvm[]>();
  for (const p of projects) {
    const seen = new Set<string>();
    for (let id = p.portfolio; id !== undefined && parentOf.has(id) && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const list = members.get(id);
      if (list) list.push(p);
      else members.set(id, [p]);
    }
  }
  const rollups: EvmRollup[] = [];
  const portfolios = [...catalog.portfolios].sort((a, b) =>
    a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0,
  );
  for (const { value } of portfolios) {
    const list = members.get(value.id);
    if (list) rollups.push(...rollUp({ scope: "portfolio", id: value.id, name: value.name, projects: list }));
  }
  const engagement = catalog.engagement?.value;
  if (projects.length > 0)
    rollups.push(
      ...rollUp({
        scope: "engagement",
        id: engagement?.id ?? "engagement",
        name: engagement?.name ?? "Engagement",
        projects,
      }),
    );
  return { asOf: options.asOf, baseline: plan?.name, projects, rollups };
}
