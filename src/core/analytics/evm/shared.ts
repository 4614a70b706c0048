import type { Project } from "../../../model/entities.js";
import { projectEvm, type ProjectEvm } from "./project.js";

/** Earned value by project object, then by as-of date and default currency. */
const measured = new WeakMap<Project, Map<string, ProjectEvm>>();

/**
 * `projectEvm` with a project's own plan, computed once per project, as-of date and default
 * currency however many readers ask: the earned-value rules of `pmo check` and the report's
 * views (which read the check's catalog) get the very same figures without measuring each
 * project again. The result is shared: readers must not change it. Projects are keyed by
 * identity, so a project rewritten into a new object (a baseline merge) is measured afresh.
 */
export function sharedProjectEvm(project: Project, options: { asOf: string; defaultCurrency: string }): ProjectEvm {
  let byKey = measured.get(project);
  if (!byKey) {
    byKey = new Map();
    measured.set(project, byKey);
  }
  const key = `${options.asOf}\u0000${options.defaultCurrency}`;
  let evm = byKey.get(key);
  if (!evm) {
    evm = projectEvm(project, { asOf: options.asOf, defaultCurrency: options.defaultCurrency });
    byKey.set(key, evm);
  }
  return evm;
}
