import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { Catalog } from "../catalog/index.js";
import { reportedDiagnostic, type Rule } from "../rules/rule.js";
import type { Settings } from "../rules/settings.js";

export interface RunRuleOptions {
  catalog: Catalog;
  settings: Settings;
  asOf: string;
  severity: Severity;
  options?: Record<string, unknown>;
}

/** Runs one rule and turns what it reports into positioned diagnostics. */
export function runRule(rule: Rule, run: RunRuleOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const options = { ...rule.meta.defaultOptions, ...run.options };
  rule.check({
    catalog: run.catalog,
    settings: run.settings,
    asOf: run.asOf,
    options,
    report(args) {
      found.push({ ...reportedDiagnostic(rule.meta, run.severity, args), entity: args.doc.id });
    },
  });
  return found;
}
