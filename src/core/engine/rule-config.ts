import ignore, { type Ignore } from "ignore";
import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { Path } from "../../model/document.js";
import type { PmoType } from "../../model/entities.js";
import type { Config } from "../config/index.js";
import { PRESET_NAMES, type PresetName, type Rule } from "../rules/index.js";
import { closestMatch } from "../validate/index.js";

export type SeverityOrOff = Severity | "off";
const SEVERITIES: readonly SeverityOrOff[] = ["off", "info", "warn", "error"];

export interface RuleSetting {
  severity: SeverityOrOff;
  options?: Record<string, unknown>;
}

export interface Override {
  files?: Ignore;
  portfolios?: ReadonlySet<string>;
  rules: ReadonlyMap<string, SeverityOrOff>;
}

export interface ResolvedRules {
  /** The presets the configuration starts from, as applied. */
  presets: PresetName[];
  /** Why those presets: "config" (extends), "engagement" (its PMO type) or "default". */
  presetSource: "config" | "engagement" | "default";
  /** Every rule that is not off for the repository as a whole, with its options. */
  base: ReadonlyMap<string, RuleSetting>;
  overrides: readonly Override[];
  /** Rules that are off in the base but on in some override: they must run too. */
  overrideOnly: ReadonlySet<string>;
}

/** The settings a preset gives each rule it enables. `strict` is every rule, at error. */
export function presetSettings(preset: PresetName, rules: readonly Rule[]): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const rule of rules) {
    if (preset === "strict") out.set(rule.meta.id, { severity: "error" });
    else if (rule.meta.presets.includes(preset)) out.set(rule.meta.id, { severity: rule.meta.severity });
  }
  return out;
}

/**
 * Resolves which rules run at which severity: the presets (`extends`, else the engagement's PMO
 * types, else `recommended`), then `rules`, then per-path and per-portfolio `overrides`.
 * Problems (an unknown rule, a malformed setting) are returned with their position in the
 * config: a check run with a half-understood configuration would mislead.
 */
export function resolveRules(
  config: Config,
  pmoTypes: readonly PmoType[] | undefined,
  rules: readonly Rule[],
): { resolved: ResolvedRules; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const raw = config.values;
  const known = new Map(rules.map((r) => [r.meta.id, r]));
  const problem = (path: Path, message: string, key = false): void => {
    const at = config.locate?.(path, { key }) ?? { line: 1, column: 1 };
    problems.push({
      ruleId: "config",
      severity: "error",
      message,
      file: config.file ?? "pmo.config.yaml",
      line: at.line,
      column: at.column,
      pointer: "/" + path.join("/"),
    });
  };
  const checkRuleId = (id: string, path: Path, key: boolean): boolean => {
    if (known.has(id)) return true;
    const guess = closestMatch(id, [...known.keys()]);
    problem(path, `unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ""} (pmo rules lists them)`, key);
    return false;
  };

  let presets: PresetName[];
  let presetSource: ResolvedRules["presetSource"];
  const extendsValue = raw.extends;
  if (extendsValue !== undefined) {
    presets = (Array.isArray(extendsValue) ? extendsValue : [extendsValue]).map(
      (p) => String(p).replace(/^pmo:/, "") as PresetName,
    );
    presetSource = "config";
  } else if (pmoTypes && pmoTypes.length > 0) {
    presets = [...pmoTypes].filter((t) => (PRESET_NAMES as readonly string[]).includes(t)) as PresetName[];
    presetSource = "engagement";
  } else {
    presets = ["recommended"];
    presetSource = "default";
  }
  const base = new Map<string, RuleSetting>();
  for (const preset of presets) for (const [id, setting] of presetSettings(preset, rules)) base.set(id, setting);

  const parseSetting = (value: unknown, path: Path): RuleSetting | undefined => {
    const [severity, options] = Array.isArray(value) ? value : [value];
    if (typeof severity !== "string" || !SEVERITIES.includes(severity as SeverityOrOff)) {
      problem(
        Array.isArray(value) ? [...path, 0] : path,
        `${JSON.stringify(severity)} is not a severity: expected one of ${SEVERITIES.join(", ")}`,
      );
      return undefined;
    }
    if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
      problem([...path, 1], "rule options must be a mapping of option names to values");
      return undefined;
    }
    return options === undefined
      ? { severity: severity as SeverityOrOff }
      : { severity: severity as SeverityOrOff, options: options as Record<string, unknown> };
  };

  const rulesValue = raw.rules ?? {};
  for (const [id, value] of Object.entries(rulesValue)) {
    if (id.startsWith("x-") || !checkRuleId(id, ["rules", id], true)) continue;
    const setting = parseSetting(value, ["rules", id]);
    if (!setting) continue;
    const previous = base.get(id);
    base.set(id, { severity: setting.severity, options: setting.options ?? previous?.options });
  }

  const overrides: Override[] = [];
  const overrideOnly = new Set<string>();
  (raw.overrides ?? []).forEach((o, i) => {
    const map = new Map<string, SeverityOrOff>();
    for (const [id, value] of Object.entries(o.rules ?? {})) {
      if (id.startsWith("x-") || !checkRuleId(id, ["overrides", i, "rules", id], true)) continue;
      const setting = parseSetting(value, ["overrides", i, "rules", id]);
      if (!setting) continue;
      if (setting.options)
        problem(["overrides", i, "rules", id, 1], "overrides set severities only; set options under rules");
      map.set(id, setting.severity);
      if (setting.severity !== "off" && (base.get(id)?.severity ?? "off") === "off") overrideOnly.add(id);
    }
    const files = o.files ? ignore().add(o.files) : undefined;
    const portfolios = o.portfolios ? new Set(o.portfolios) : undefined;
    overrides.push({ files, portfolios, rules: map });
  });

  (raw.waivers ?? []).forEach((w, i) => {
    checkRuleId(w.rule, ["waivers", i, "rule"], false);
  });

  for (const [id, setting] of base) if (setting.severity === "off") base.delete(id);
  return { resolved: { presets, presetSource, base, overrides, overrideOnly }, problems };
}
