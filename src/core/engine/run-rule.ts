import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import { deriveFacts, type Catalog, type Facts, type Settings } from "../domain/index.js";
import { pathToPointer } from "../load/index.js";
import { interpolate, type BaselineTag, type Rule } from "../rules/index.js";

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
    report({ doc, path, key, messageId, data }) {
      const template = rule.meta.messages[messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${messageId}"`);
      const range = doc.locate(path, { key: key === true });
      found.push({
        ruleId: rule.meta.id,
        severity: run.severity,
        message: interpolate(template, data),
        file: doc.file,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
        pointer: pathToPointer(path),
        docIndex: doc.docIndex,
        entity: doc.id,
      });
    },
  });
  return found;
}
