import {
  compareScenarios,
  formatComparisonJson,
  formatComparisonMarkdown,
  formatComparisonTable,
  type ScenarioState,
} from "../core/analytics/prioritisation/index.js";
import { UsageError } from "../core/errors.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { openScenarioState } from "./scenario-state.js";

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
 * without a checkout (or from a folder), so that a scenario is just a branch. Each state is
 * loaded with the kinds a comparison reads (scenarioKinds): risks only for `--p80`, issues never.
 */
export async function runCompare(options: CompareCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (options.refs.length < 2)
    throw new UsageError(
      "pmo compare needs at least two refs (branches, tags, commits or folders), e.g. pmo compare main scenario/cut-20pct",
    );
  const states: ScenarioState[] = [];
  for (const ref of options.refs) {
    const state = await openScenarioState(ref, options, io);
    if (!state) return ExitCode.Findings;
    states.push(state);
  }
  const result = compareScenarios(states);
  if (options.format === "json") io.stdout(formatComparisonJson(result));
  else if (options.format === "markdown") io.stdout(formatComparisonMarkdown(result));
  else {
    // Imported for the table only: the query module is for people reading a terminal.
    const { renderTable } = await import("../core/query/index.js");
    io.stdout(formatComparisonTable(result, { bold: io.palette.bold, table: renderTable }));
  }
  return ExitCode.Clean;
}
