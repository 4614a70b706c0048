import type { Portfolio, Project, Risk } from "../../model/entities.js";
import type { Catalog, Entry } from "./catalog.js";
import { committedCost, costVariance, type CostVariance, type Money } from "./money.js";
import { portfolioChain, portfolioPath, projectsWithin } from "./portfolios.js";
import { riskBand } from "./risks.js";
import { approvedRebaselines, scheduleTolerance, type Rebaselines, type ScheduleTolerance } from "./schedule.js";
import type { RiskBand, Settings } from "./settings.js";
import { statusReportState, type StatusReportState } from "./status.js";

/**
 * The named facts derived from the repository, each computed on first use and then kept:
 * rules, report views, `ls`/`show` and diff ask here instead of deriving their own copy.
 * Every fact is also a plain function of this folder (listed in CONTRIBUTING's "Derived
 * facts"); this object only memoises them for one catalog, settings and as-of date.
 */
export interface Facts {
  /** A portfolio and its ancestors, nearest first. */
  portfolioChain(portfolioId: string | undefined): readonly Entry<Portfolio>[];
  /** Ids of the portfolios an entity sits in, nearest first (see portfolioPath). */
  portfolioPath(entityId: string | undefined): readonly string[];
  /** The projects of a portfolio and its sub-portfolios (see projectsWithin). */
  projectsWithin(portfolioId: string): readonly Entry<Project>[];
  /** What the project's approved re-baseline decisions cover, and which baseline governs. */
  rebaselines(projectId: string): Rebaselines;
  /** The schedule tolerance in force for a project (days, or the tighter percentage). */
  scheduleTolerance(project: Project): ScheduleTolerance;
  /** Whether the project's status report is expected, missing, stale or current. */
  statusReport(project: Project): StatusReportState;
  riskBand(risk: Risk): RiskBand;
  /** Forecast cost at completion of a committed project (see committedCost). */
  committedCost(project: Project): Money | "unknown" | undefined;
  /** Forecast against approved (else baseline) budget, when both are known (see costVariance). */
  costVariance(project: Project): CostVariance | undefined;
}

export function deriveFacts(catalog: Catalog, settings: Settings, asOf: string): Facts {
  const memo = <K, V>(compute: (key: K) => V): ((key: K) => V) => {
    const cache = new Map<K, V>();
    return (key) => {
      if (cache.has(key)) return cache.get(key)!;
      const value = compute(key);
      cache.set(key, value);
      return value;
    };
  };
  return {
    portfolioChain: memo((id: string | undefined) => portfolioChain(catalog, id)),
    portfolioPath: memo((id: string | undefined) => portfolioPath(catalog, id)),
    projectsWithin: memo((id: string) => projectsWithin(catalog, id)),
    rebaselines: memo((id: string) => approvedRebaselines(catalog, id)),
    scheduleTolerance: memo((project: Project) => scheduleTolerance(project, settings)),
    statusReport: memo((project: Project) => statusReportState(project, settings, asOf)),
    riskBand: (risk) => riskBand(risk, settings),
    committedCost: memo((project: Project) => committedCost(project, settings)),
    costVariance: memo((project: Project) => costVariance(project, settings)),
  };
}
