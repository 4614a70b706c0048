import type { Catalog } from "../../catalog/index.js";
import { withBaselinePlan } from "./baseline.js";
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
  /** Measure against this baseline: its name and the repository as the baseline froze it. */
  baseline?: { name: string; catalog: Catalog };
}

/** Measures the catalog's projects and rolls them up; projects sorted by id, portfolios by id. */
export function buildEvmReport(catalog: Catalog, options: EvmReportOptions): EvmReport {
  const defaultCurrency = catalog.engagement?.value.currency ?? "";
  const planned = options.baseline
    ? new Map(options.baseline.catalog.projects.map((e) => [e.value.id, e.value]))
    : undefined;
  const projects = catalog.projects
    .map((e) => e.value)
    .filter(isMeasured)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      if (!planned || !options.baseline) return projectEvm(p, { asOf: options.asOf, defaultCurrency });
      const inBaseline = planned.get(p.id);
      if (inBaseline) return projectEvm(withBaselinePlan(p, inBaseline), { asOf: options.asOf, defaultCurrency });
      // Not in the baseline: nothing was planned for it there, so PV is unknown (not 0).
      return projectEvm(p, {
        asOf: options.asOf,
        defaultCurrency,
        noPlan: `PV is unknown: ${p.id} is not in baseline ${options.baseline.name}`,
      });
    });

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
  return { asOf: options.asOf, baseline: options.baseline?.name, projects, rollups };
}
