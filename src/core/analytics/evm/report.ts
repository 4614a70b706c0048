import type { Catalog } from "../../catalog/index.js";
import { projectEvmAgainst, type BaselinePlan } from "./baseline.js";
import { withoutExplanations } from "./figures.js";
import { isMeasured, projectEvm, type ProjectEvm } from "./project.js";
import { rollupTotals, type EvmRollup, type RollupTotals } from "./rollup.js";

/** `pmo evm`'s whole answer: every measured project, then the roll-ups. */
export interface EvmReport {
  asOf: string;
  /** The baseline measured against, when one was named (`--baseline`). */
  baseline: string | undefined;
  projects: ProjectEvm[];
  /** Per portfolio (its sub-portfolios' projects included), then the engagement; one row per currency. */
  rollups: EvmRollup[];
}

/**
 * The same answer measured while it is read, for a caller that writes each project and forgets
 * it (the formatters): `projects` measures each project as it is read and can be read once;
 * `rollups` is there once `projects` has been read to its end. An EvmReport is one too.
 */
export interface EvmReportStream {
  asOf: string;
  baseline: string | undefined;
  projects: Iterable<ProjectEvm>;
  readonly rollups: readonly EvmRollup[];
}

export interface EvmReportOptions {
  asOf: string;
  /** Measure against this baseline: its name and its projects as the baseline froze them. */
  baseline?: BaselinePlan;
  /**
   * false: the figures keep no explanation (withoutExplanations), for a caller that shows none.
   * Default: as the caller's context has it.
   */
  explanations?: boolean;
}

/** Measures the catalog's projects and rolls them up; projects sorted by id, portfolios by id. */
export function buildEvmReport(catalog: Catalog, options: EvmReportOptions): EvmReport {
  const stream = measureEvm(catalog, options);
  const projects = [...stream.projects];
  return { asOf: stream.asOf, baseline: stream.baseline, projects, rollups: [...stream.rollups] };
}

/**
 * buildEvmReport as a stream: each project is measured when it is read and counted into the
 * roll-ups of its portfolios and the engagement, which keep only the amounts they sum. Ten
 * thousand measured projects are then never all alive at once: kept until the roll-ups were
 * computed, their figures outlived the young generation and most of the time went to copying
 * them from one heap space to the next.
 */
export function measureEvm(catalog: Catalog, options: EvmReportOptions): EvmReportStream {
  const defaultCurrency = catalog.engagement?.value.currency ?? "";
  const plan = options.baseline;
  const measured = catalog.projects
    .map((e) => e.value)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    // Against a baseline the merged project (withBaselinePlan) decides, as in the report: it has
    // an earned value plan when today's project or the baseline's has one.
    .filter((p) => isMeasured(p) || plan?.projects.get(p.id)?.earnedValue !== undefined);
  const measure = plan
    ? (p: (typeof measured)[number]) => projectEvmAgainst(p, plan, { asOf: options.asOf, defaultCurrency })
    : (p: (typeof measured)[number]) => projectEvm(p, { asOf: options.asOf, defaultCurrency });
  const bare = options.explanations === false;

  // Each project counts in its portfolio and in every ancestor of it (a programme's projects
  // are its parent portfolio's too). A parent cycle is an integrity error; it stops the walk.
  const parentOf = new Map(catalog.portfolios.map((e) => [e.value.id, e.value.parent]));
  const portfolios = [...catalog.portfolios].sort((a, b) =>
    a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0,
  );
  const totals = new Map<string, RollupTotals>(portfolios.map(({ value }) => [value.id, rollupTotals()]));
  const overall = rollupTotals();
  const members = new Set<string>();
  const engagement = catalog.engagement?.value;

  let rollups: EvmRollup[] | undefined;
  function* projects(): Generator<ProjectEvm> {
    for (const project of measured) {
      const p = bare ? withoutExplanations(() => measure(project)) : measure(project);
      const seen = new Set<string>();
      for (let id = p.portfolio; id !== undefined && parentOf.has(id) && !seen.has(id); id = parentOf.get(id)) {
        seen.add(id);
        members.add(id);
        totals.get(id)!.add(p);
      }
      overall.add(p);
      yield p;
    }
    const all = () => [
      ...portfolios
        .filter(({ value }) => members.has(value.id))
        .flatMap(({ value }) => totals.get(value.id)!.rollups({ scope: "portfolio", id: value.id, name: value.name })),
      ...(measured.length > 0
        ? overall.rollups({
            scope: "engagement",
            id: engagement?.id ?? "engagement",
            name: engagement?.name ?? "Engagement",
          })
        : []),
    ];
    rollups = bare ? withoutExplanations(all) : all();
  }
  return {
    asOf: options.asOf,
    baseline: plan?.name,
    projects: projects(),
    get rollups(): readonly EvmRollup[] {
      if (rollups === undefined) throw new Error("the roll-ups are known once every project has been read");
      return rollups;
    },
  };
}
