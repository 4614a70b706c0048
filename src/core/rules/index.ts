import type { Rule } from "./rule.js";
import { rule as budgetRagConsistent } from "./budget-rag-consistent.js";

export { defineRule, interpolate, RULE_GROUPS, GROUP_TITLES, PRESET_NAMES, type Rule, type RuleMeta, type RuleContext, type RuleGroup, type PresetName, type PresetMembership, type ReportArgs } from "./rule.js";
export { resolveSettings, DEFAULTS, RISK_BANDS, type Settings, type Thresholds, type RiskMatrix, type RiskBand } from "./settings.js";

/**
 * Every governance rule, sorted by id. One rule per file; the file name, the rule id, the test
 * file and the doc page share a name (test/core/rules/meta.test.ts checks it).
 */
export const RULES: readonly Rule[] = ([budgetRagConsistent] as Rule[]).sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
