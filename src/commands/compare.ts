import {
  compareScenarios,
  formatComparisonJson,
  formatComparisonMarkdown,
  formatComparisonTable,
  rankAll,
  type ScenarioState,
} from "../core/analytics/prioritisation/index.js";
import { NetworkCycleError, buildForecast } from "../core/analytics/schedule/index.js";
import { buildCatalog, type Catalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import { FORMATTERS } from "../core/format/index.js";
import { resolveSettings, type RiskMatrix, type Thresholds } from "../core/rules/index.js";
import { validateWorkspace } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import { DEFAULT_SEED } from "./forecast.js";
import type { CommandIO } from "./io.js";
import { openSide } from "./revision.js";
import { relativeToCwd } from "./workspace.js";

export const COMPARE_FORMATS = ["table", "markdown", "json"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareCommandOptions {
  dir: string;
  /** Git refs (branches, tags, commits) or folders; "." or "working-tree" is the working tree. */
  refs: readonly string[];
  format: CompareFormat;
  asOf: string;
  config?: string;
  /** Run the schedule forecast of each state and show P80 finishes (opt-in: the simulation is the slow part). */
  p80?: { iterations: number; seed?: number };
}

/**
 * `pmo compare REF...`: two or more states of the repository side by side, each read from git
 * without a checkout (or from a folder), so that a scenario is just a branch.
 */
export async function runCompare(options: CompareCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (options.refs.length < 2)
    throw new UsageError(
      "pmo compare needs at least two refs (branches, tags, commits or folders), e.g. pmo compare main scenario/cut-20pct",
    );
  const states: ScenarioState[] = [];
  for (const ref of options.refs) {
    const side = await openSide(
      ref === "working-tree" ? undefined : ref,
      { dir: options.dir, ...(options.config !== undefined && { config: options.config }) },
      io.cwd,
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
      return ExitCode.Findings;
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
        io.stderr(
          `error: ${side.label}: ${error.message}; no schedule can satisfy it, so there is no P80 to compare\n`,
        );
        return ExitCode.Findings;
      }
    }
    states.push({
      label: side.label,
      ...(side.commit !== undefined && { commit: side.commit }),
      rankings: rankAll(catalog, settings),
      statusOf: (id) => catalog.project(id)?.value.status?.overall,
      statusValues: settings.statusScale.values,
      ...(forecast && { forecast }),
    });
  }
  const result = compareScenarios(states);
  io.stdout(
    options.format === "json"
      ? formatComparisonJson(result)
      : options.format === "markdown"
        ? formatComparisonMarkdown(result)
        : formatComparisonTable(result, { bold: io.palette.bold }),
  );
  return ExitCode.Clean;
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
