import { rankAll, type ScenarioState } from "../core/analytics/prioritisation/index.js";
import { NetworkCycleError, buildForecast } from "../core/analytics/schedule/index.js";
import { buildCatalog, type Catalog } from "../core/catalog/index.js";
import { FORMATTERS } from "../core/format/index.js";
import { resolveSettings, type RiskMatrix, type Settings, type Thresholds } from "../core/rules/index.js";
import { validateWorkspace } from "../core/validate/index.js";
import type { Kind } from "../model/document.js";
import { DEFAULT_SEED } from "./forecast.js";
import type { CommandIO } from "./io.js";
import { openSide } from "./revision.js";
import { PLAN_KINDS, relativeToCwd } from "./workspace.js";

/**
 * What a scenario is read with: the ranking's kinds, and the risks too when the P80 forecast
 * is asked for (risk events move the simulated finishes). Issues are never read.
 */
export function scenarioKinds(p80: boolean): readonly Kind[] {
  return p80 ? [...PLAN_KINDS, "Risk"] : PLAN_KINDS;
}

export interface ScenarioOptions {
  dir: string;
  config?: string;
  asOf: string;
  /** Run the schedule forecast and keep each project's P80 finish (the slow part). */
  p80?: { iterations: number; seed?: number };
}

/**
 * One state of the repository for `pmo compare` and `pmo report --compare`: a git ref read
 * without a checkout, a folder, or `working-tree`, loaded with the kinds a comparison reads
 * (scenarioKinds), validated and ranked as `pmo rank` ranks it. A state with validation errors
 * (or, with P80, a dependency cycle) gets its errors on stderr and no state: undefined.
 */
export async function openScenarioState(
  ref: string,
  options: ScenarioOptions,
  io: CommandIO,
): Promise<ScenarioState | undefined> {
  const side = await openSide(
    ref === "working-tree" ? undefined : ref,
    { dir: options.dir, ...(options.config !== undefined && { config: options.config }) },
    io.cwd,
    undefined,
    { kinds: scenarioKinds(options.p80 !== undefined) },
  );
  const problems = validateWorkspace(side.workspace, { asOf: options.asOf }).filter((d) => d.severity === "error");
  if (problems.length > 0) {
    io.stderr(
      FORMATTERS["stylish"]!(relativeToCwd(problems, side.root, io.cwd), {
        palette: io.palette,
        sources: side.workspace.sources,
      }),
    );
    io.stderr(`comparison not computed: ${side.label} has validation errors (above)\n`);
    return undefined;
  }
  const catalog = buildCatalog(side.workspace.documents);
  const settings = resolveSettings(
    catalog.engagement?.value,
    side.config.raw["thresholds"] as Thresholds | undefined,
    side.config.raw["riskMatrix"] as RiskMatrix | undefined,
  );
  let forecast: ScenarioState["forecast"];
  if (options.p80) {
    try {
      forecast = forecastOf(catalog, options.asOf, {
        iterations: options.p80.iterations,
        seed: options.p80.seed ?? DEFAULT_SEED,
      });
    } catch (error) {
      if (!(error instanceof NetworkCycleError)) throw error;
      io.stderr(`error: ${side.label}: ${error.message}; no schedule can satisfy it, so there is no P80 to compare\n`);
      return undefined;
    }
  }
  return {
    label: side.label,
    ...(side.commit !== undefined && { commit: side.commit }),
    ...rankedState(catalog, settings),
    ...(forecast && { forecast }),
  };
}

/** The parts of a scenario state that come from a catalog: its rankings and its projects' status. */
export function rankedState(
  catalog: Catalog,
  settings: Settings,
): Pick<ScenarioState, "rankings" | "statusOf" | "statusValues"> {
  return {
    rankings: rankAll(catalog, settings),
    statusOf: (id) => catalog.project(id)?.value.status?.overall,
    statusValues: settings.statusScale.values,
  };
}

/** Each project's P80 finish and committed finish, from the Monte Carlo forecast pmo forecast runs. */
function forecastOf(
  catalog: Catalog,
  asOf: string,
  p80: { iterations: number; seed: number },
): Map<string, { p80: string; committed: string | undefined }> {
  const forecast = buildForecast(
    {
      engagement: catalog.engagement?.value,
      projects: catalog.projects,
      risks: catalog.risks,
      decisions: catalog.decisions,
    },
    asOf,
    p80,
  );
  return new Map(forecast.projects.map((p) => [p.id, { p80: p.p80, committed: p.committed }]));
}
