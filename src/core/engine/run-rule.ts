import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import { deriveFacts, type Catalog, type Facts, type Settings } from "../domain/index.js";
import { reportedDiagnostic, type BaselineTag, type Rule } from "../rules/index.js";

export interface RunRuleOptions {
  catalog: Catalog;
  settings: Settings;
  asOf: string;
  /** The run's derived facts; derived from the catalog when not given. */
  facts?: Facts;
  severity: Severity;
  options?: Record<string, unknown>;
  baselines?: readonly BaselineTag[];
}

/** Runs one rule and turns what it reports into positioned diagnostics. */
export function runRule(rule: Rule, run: RunRuleOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const options = { ...rule.meta.defaultOptions, ...run.options };
  rule.check({
    catalog: run.catalog,
    baselines: run.baselines ?? [],
    settings: run.settings,
    facts: run.facts ?? deriveFacts(run.catalog, run.settings, run.asOf),
    asOf: run.asOf,
    options,
    report(args) {
      // A diagnostic of its own: the entity is added to it rather than to a copy.
      const diagnostic: Diagnostic = reportedDiagnostic(rule.meta, run.severity, args);
      diagnostic.entity = args.doc.id;
      found.push(diagnostic);
    },
  });
  return found;
}
