import type { ScenarioState } from "../core/analytics/prioritisation/index.js";
import type { CommandIO } from "./io.js";
import { openScenarioState } from "./scenario-state.js";

/**
 * The states `pmo report --compare REF...` sets beside the report's own, each opened as
 * `pmo compare` opens it (git without a checkout, or a folder; the kinds a comparison reads;
 * validated and ranked). Undefined without `--compare`; null when a state has validation
 * errors, which are on stderr: the report is not written.
 */
export async function openComparedStates(
  options: { dir: string; config?: string; asOf: string; compare?: readonly string[] },
  io: CommandIO,
): Promise<{ states: ScenarioState[] } | undefined | null> {
  if (options.compare === undefined || options.compare.length === 0) return undefined;
  const states: ScenarioState[] = [];
  for (const ref of options.compare) {
    const state = await openScenarioState(
      ref,
      { dir: options.dir, asOf: options.asOf, ...(options.config !== undefined && { config: options.config }) },
      io,
    );
    if (!state) {
      io.stderr(`report not written: fix the validation errors of ${ref} first, or leave out --compare ${ref}\n`);
      return null;
    }
    states.push(state);
  }
  return { states };
}
