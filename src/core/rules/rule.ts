import type { Severity } from "../../model/diagnostic.js";
import type { PmoType } from "../../model/entities.js";
import type { Catalog, Facts, Settings } from "../domain/index.js";
import type { ReportArgs } from "../messages/index.js";

// Shared with validation's integrity rules, which live in their own folder so that validation
// does not load the governance rules and their analyses.
export {
  interpolate,
  renderMessage,
  reportedDiagnostic,
  type ReportArgs,
  type ReportingMeta,
} from "../messages/index.js";

/** The PMO functions rules are grouped by, in the order they are listed. */
export const RULE_GROUPS = ["portfolio", "project-support", "risk", "delivery", "governance"] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export const GROUP_TITLES: Record<RuleGroup, string> = {
  portfolio: "Portfolio management",
  "project-support": "Project management support",
  risk: "Risk management",
  delivery: "Delivery",
  governance: "Governance",
};

/**
 * Presets a rule can belong to. `recommended` is the default set; one preset per PMO type
 * focuses on what that kind of PMO is for (strategic: alignment, portfolio budget,
 * prioritisation; tactical: time, budget, quality; operational: policies, standards and
 * reporting discipline; project: delivery detail, risks, milestones). `strict` is derived:
 * every rule, at error.
 */
export type PresetMembership = "recommended" | PmoType;
export const PRESET_NAMES = ["recommended", "strict", "strategic", "tactical", "operational", "project"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface RuleMeta {
  /** kebab-case; equal to the file name, the test name and the doc page name. */
  id: string;
  /** One line: what the rule requires, as a policy statement. */
  description: string;
  group: RuleGroup;
  /** Default severity when a preset enables the rule. */
  severity: Severity;
  presets: readonly PresetMembership[];
  /** JSON Schema of the rule's options (an object schema), validated when the config is read. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Message templates by id, with {{placeholders}}. */
  messages: Record<string, string>;
  /**
   * Rules whose finding on the same entity this rule's finding makes redundant: when both
   * report an entity (at a severity other than off), only this rule's finding is kept.
   */
  supersedes?: readonly string[];
}

/** What a rule gets: data and judgement settings only. No file system, no clock, no console. */
/** A baseline tag of the repository (pmo-baseline/<name>), for rules that judge baselines. */
export interface BaselineTag {
  name: string;
  /** The decision the tag message names, if any. */
  decision: string | undefined;
  /** False for a lightweight tag, which records no message. */
  annotated: boolean;
}

export interface RuleContext<Options = Record<string, unknown>> {
  catalog: Catalog;
  /** The repository's baseline tags: read from git by `pmo check`; empty outside a git repository. */
  baselines: readonly BaselineTag[];
  /** The date of every time-dependent judgement (YYYY-MM-DD). */
  asOf: string;
  settings: Settings;
  /** The derived facts (slip, stale status, risk band, ancestors...), shared by every rule of a run. */
  facts: Facts;
  options: Options;
  report(args: ReportArgs): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(ctx: RuleContext<Options>): void;
}

/** Declares a rule with its options type checked against its defaults. */
export function defineRule<Options extends Record<string, unknown> = Record<string, unknown>>(
  rule: Rule<Options>,
): Rule<Options> {
  return rule;
}
