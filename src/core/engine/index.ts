import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { PmoDocument, Workspace } from "../../model/document.js";
import { buildModel, documentsThatValidate, type Catalog, type Model, type Settings } from "../domain/index.js";
import type { Config } from "../config/index.js";
import { UsageError } from "../errors.js";
import type { RuleInfo, WaivedDiagnostic } from "../format/index.js";
import { GROUP_TITLES, RULES, type BaselineTag, type Rule } from "../rules/index.js";
import {
  sortDiagnostics,
  translateErrors,
  VALIDATION_CHECKS,
  validateWorkspace,
  validationDocs,
} from "../validate/index.js";
import { resolveRules, type ResolvedRules, type SeverityOrOff } from "./rule-config.js";
import { runRule } from "./run-rule.js";
import { findSuppressions, type Suppression } from "./suppress.js";
import { readWaivers, waiverCovers } from "./waivers.js";

export { runRule } from "./run-rule.js";
export { applyBaseline } from "./baseline.js";
export { presetSettings, resolveRules, type ResolvedRules, type RuleSetting } from "./rule-config.js";
export { findSuppressions, type Suppression } from "./suppress.js";

export interface CheckInput {
  workspace: Workspace;
  config: Config;
  asOf: string;
  /** The rules to run; all of them by default (tests pass fewer). */
  rules?: readonly Rule[];
  /** The repository's baseline tags (pmo check reads them from git), for baseline-without-decision. */
  baselines?: readonly BaselineTag[];
  /** The schema problems of one document, for a caller that memoises them (see ValidateOptions). */
  schemaDiagnostics?: (doc: PmoDocument) => Diagnostic[];
}

export interface CheckResult {
  /** Active problems: validation errors, then governance findings, sorted. */
  diagnostics: Diagnostic[];
  /** Findings covered by a waiver or an inline suppression, sorted. */
  waived: WaivedDiagnostic[];
  resolved: ResolvedRules;
  settings: Settings;
  /** The typed repository the rules judged (documents that passed their schema). */
  catalog: Catalog;
  /** The domain model the rules judged: catalog, settings and derived facts. */
  model: Model;
  /** Source texts by file, including the config's. */
  sources: ReadonlyMap<string, string>;
}

/** Rules the engine itself reports, about waivers and suppressions. */
export const ENGINE_RULES: readonly RuleInfo[] = [
  {
    id: "waiver-expired",
    description:
      "A waiver in pmo.config.yaml has passed its expiry date: renew it with a new approval or fix the finding",
    severity: "warn",
    group: "Governance",
    docs: "docs/waivers.md",
  },
  {
    id: "waiver-unused",
    description: "A waiver matches no finding: the problem it covered is gone, so remove it",
    severity: "info",
    group: "Governance",
    docs: "docs/waivers.md",
  },
  {
    id: "inline-suppression",
    description: "A pmo-ignore comment must name known rules and give a reason after --",
    severity: "error",
    group: "Governance",
    docs: "docs/waivers.md",
  },
  {
    id: "unused-suppression",
    description: "A pmo-ignore comment suppresses nothing: remove it",
    severity: "info",
    group: "Governance",
    docs: "docs/waivers.md",
  },
];

/**
 * `pmo check`'s engine: validation first (a document that does not validate is not judged by
 * the rules, and its errors fail the check), then every enabled rule over the typed catalog,
 * then per-path and per-portfolio severities, inline suppressions and config waivers. Waived
 * findings are returned, never dropped.
 */
export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const { workspace, config, asOf } = input;
  const rules = input.rules ?? RULES;
  const validation = validateWorkspace(workspace, {
    asOf,
    ...(input.schemaDiagnostics && { schemaDiagnostics: input.schemaDiagnostics }),
  });
  const model = buildModel(documentsThatValidate(workspace.documents, validation), config, asOf);
  const { catalog, settings, facts } = model;

  const sources = new Map(workspace.sources);
  if (config.file && config.text !== undefined) sources.set(config.file, config.text);
  const { resolved, problems } = resolveRules(config, catalog.engagement?.value.pmoType, rules);
  problems.push(...(await validateRuleOptions(resolved, rules, config)));
  if (problems.length > 0)
    throw new UsageError(`invalid config file ${config.file ?? ""}`.trim(), sortDiagnostics(problems), sources);

  const findings: Diagnostic[] = [];
  for (const rule of rules) {
    const base = resolved.base.get(rule.meta.id);
    if (!base && !resolved.overrideOnly.has(rule.meta.id)) continue;
    const severity: Severity = base && base.severity !== "off" ? base.severity : rule.meta.severity;
    findings.push(
      ...runRule(rule, {
        catalog,
        settings,
        facts,
        asOf,
        severity,
        options: base?.options,
        baselines: input.baselines,
      }),
    );
  }

  const effective: Diagnostic[] = [];
  for (const f of findings) {
    let severity: SeverityOrOff = resolved.base.get(f.ruleId)?.severity ?? "off";
    for (const o of resolved.overrides) {
      const set = o.rules.get(f.ruleId);
      if (set === undefined) continue;
      const byFile = o.files?.ignores(f.file) === true;
      const byPortfolio = o.portfolios !== undefined && facts.portfolioPath(f.entity).some((p) => o.portfolios!.has(p));
      if (byFile || byPortfolio || (!o.files && !o.portfolios)) severity = set;
    }
    if (severity !== "off") effective.push(severity === f.severity ? f : { ...f, severity });
  }

  const kept = withoutSuperseded(effective, rules);

  const known = new Set(rules.map((r) => r.meta.id));
  const active: Diagnostic[] = [...validation];
  const waived: WaivedDiagnostic[] = [];
  const suppressions = new Map<string, Suppression[]>();
  const used = new Set<Suppression>();
  for (const [file, text] of workspace.sources) {
    const found = findSuppressions(file, text);
    active.push(...found.problems);
    for (const s of found.suppressions) {
      const unknown = s.rules.filter((r) => !known.has(r));
      if (unknown.length > 0) {
        active.push({
          ruleId: "inline-suppression",
          severity: "error",
          message: `pmo-ignore names unknown rule${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`,
          hint: "pmo rules lists the rule ids",
          file,
          line: s.line,
          column: s.column,
          pointer: "",
        });
      }
    }
    if (found.suppressions.length > 0) suppressions.set(file, found.suppressions);
  }
  const waivers = readWaivers(config.values);
  const waiverUsed = new Set<number>();
  for (const f of kept) {
    const suppression = suppressions
      .get(f.file)
      ?.find((s) => s.rules.includes(f.ruleId) && (s.lines === undefined || s.lines.includes(f.line)));
    if (suppression) {
      used.add(suppression);
      waived.push({ ...f, waiver: { source: "inline", reason: suppression.reason } });
      continue;
    }
    const waiver = waivers.find((w) => waiverCovers(w, f));
    if (waiver) waiverUsed.add(waiver.index);
    if (waiver && waiver.expires >= asOf) {
      waived.push({
        ...f,
        waiver: { source: "config", reason: waiver.reason, approver: waiver.approver, expires: waiver.expires },
      });
    } else {
      active.push(f);
    }
  }

  const configFile = config.file ?? "pmo.config.yaml";
  for (const w of waivers) {
    const expired = w.expires < asOf;
    if (!expired && waiverUsed.has(w.index)) continue;
    const path = ["waivers", w.index, expired ? "expires" : "rule"];
    const at = config.locate?.(path) ?? { line: 1, column: 1 };
    const base = { file: configFile, line: at.line, column: at.column, pointer: `/waivers/${w.index}` };
    if (expired) {
      active.push({
        ...base,
        ruleId: "waiver-expired",
        severity: "warn",
        message: `waiver of ${w.rule} for ${w.entity} (approved by ${w.approver}) expired on ${w.expires}`,
        hint: "renew it with a new approval and expiry date, or fix the finding",
      });
    } else {
      active.push({
        ...base,
        ruleId: "waiver-unused",
        severity: "info",
        message: `waiver of ${w.rule} for ${w.entity} matches no finding`,
        hint: "the problem it covered is gone: remove the waiver",
      });
    }
  }
  // In a file that does not parse, the rules did not judge what a suppression was written for:
  // whether it is still needed is unknown, so it is not reported as suppressing nothing.
  const unparsed = new Set([
    ...(workspace.broken ?? []).map((b) => b.file),
    ...validation.filter((d) => d.ruleId === "yaml-syntax").map((d) => d.file),
  ]);
  for (const [file, list] of suppressions) {
    if (unparsed.has(file)) continue;
    for (const s of list) {
      if (used.has(s) || !s.rules.every((r) => known.has(r))) continue;
      active.push({
        ruleId: "unused-suppression",
        severity: "info",
        message: `pmo-ignore ${s.rules.join(", ")} suppresses nothing`,
        hint: "remove the comment",
        file: s.file,
        line: s.line,
        column: s.column,
        pointer: "",
      });
    }
  }

  return {
    diagnostics: sortDiagnostics(active),
    waived: sortDiagnostics(waived) as WaivedDiagnostic[],
    resolved,
    settings,
    catalog,
    model,
    sources,
  };
}

/** Validates the options given to rules against each rule's options schema. */
async function validateRuleOptions(
  resolved: ResolvedRules,
  rules: readonly Rule[],
  config: Config,
): Promise<Diagnostic[]> {
  const withOptions = rules.filter((r) => resolved.base.get(r.meta.id)?.options !== undefined);
  if (withOptions.length === 0) return [];
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  const problems: Diagnostic[] = [];
  for (const rule of withOptions) {
    const options = resolved.base.get(rule.meta.id)!.options!;
    const schema = rule.meta.optionsSchema ?? { type: "object", additionalProperties: false, properties: {} };
    const validate = ajv.compile(schema);
    if (validate(options)) continue;
    for (const p of translateErrors(validate.errors ?? [], `${rule.meta.id} options`)) {
      const path = ["rules", rule.meta.id, 1, ...p.pointer.split("/").filter(Boolean)];
      const at = config.locate?.(path, { key: p.keyword === "additionalProperties" }) ?? { line: 1, column: 1 };
      // The schema hint about x- extension keys does not apply to rule options.
      const hint = p.keyword === "additionalProperties" ? `pmo explain ${rule.meta.id} lists its options` : p.hint;
      problems.push({
        ruleId: "config",
        severity: "error",
        message: p.message,
        hint,
        file: config.file ?? "pmo.config.yaml",
        line: at.line,
        column: at.column,
        pointer: "/" + path.join("/"),
      });
    }
  }
  return problems;
}

/** What formatters need to know of every rule id that can appear in check output. */
export function ruleInfos(rules: readonly Rule[] = RULES): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const info of VALIDATION_RULES) infos.set(info.id, info);
  for (const info of ENGINE_RULES) infos.set(info.id, info);
  for (const r of rules) {
    infos.set(r.meta.id, {
      id: r.meta.id,
      description: r.meta.description,
      severity: r.meta.severity,
      docs: `docs/rules/${r.meta.id}.md`,
      group: GROUP_TITLES[r.meta.group],
    });
  }
  return infos;
}

const VALIDATION_RULES: readonly RuleInfo[] = VALIDATION_CHECKS.map((c) => ({
  id: c.id,
  description: c.description,
  severity: "error" as const,
  group: "Validation",
  docs: validationDocs(c),
}));

/**
 * Drops the findings another rule's finding on the same entity supersedes (`meta.supersedes`):
 * a project reported green over its budget tolerance is one finding (budget-rag-consistent,
 * which names the status and the numbers), not that one and cost-variance-beyond-tolerance.
 * Judged after per-path and per-portfolio severities, so a superseding rule turned off where
 * the entity lives supersedes nothing there.
 */
function withoutSuperseded(findings: Diagnostic[], rules: readonly Rule[]): Diagnostic[] {
  const by = new Map<string, string[]>();
  for (const rule of rules)
    for (const id of rule.meta.supersedes ?? []) by.set(id, [...(by.get(id) ?? []), rule.meta.id]);
  if (by.size === 0) return findings;
  // Only the findings of superseding rules can supersede, and only those of superseded rules can be dropped.
  const superseding = new Set([...by.values()].flat());
  const reported = new Set<string>();
  for (const f of findings) if (superseding.has(f.ruleId)) reported.add(`${f.ruleId}\0${f.entity ?? ""}`);
  return findings.filter((f) => {
    const supersedingRules = f.entity === undefined ? undefined : by.get(f.ruleId);
    return supersedingRules === undefined || !supersedingRules.some((r) => reported.has(`${r}\0${f.entity}`));
  });
}

/**
 * A rule's options in effect: its defaults, then the config's for the repository as a whole (a
 * rule that is off has its defaults). Other commands read a rule's threshold from here (the
 * diff's CPI tolerance is cost-performance-vs-status's `threshold`). Undefined for an unknown id.
 */
export function ruleOptions(
  resolved: ResolvedRules,
  ruleId: string,
  rules: readonly Rule[] = RULES,
): Record<string, unknown> | undefined {
  const rule = rules.find((r) => r.meta.id === ruleId);
  if (!rule) return undefined;
  return { ...rule.meta.defaultOptions, ...resolved.base.get(ruleId)?.options };
}
