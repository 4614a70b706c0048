import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { RiskMatrix, Thresholds } from "../domain/index.js";
import { UsageError } from "../errors.js";
import { createLocator, pointerToPath, readYamlFile } from "../load/index.js";
import { validateConfig } from "../validate/index.js";

export const CONFIG_FILE = "pmo.config.yaml";

/** A rule's setting: a severity, or `[severity, options]`. */
export type RuleSettingValue = string | [string, Record<string, unknown>?];

/**
 * pmo.config.yaml as its schema (schemas/config.schema.json) describes it. A config only gets
 * here after passing that schema, so this is the one place the file's values become typed.
 */
export interface ConfigValues {
  ignore?: string[];
  extends?: string | string[];
  rules?: Record<string, RuleSettingValue>;
  overrides?: { files?: string[]; portfolios?: string[]; rules?: Record<string, RuleSettingValue> }[];
  thresholds?: Thresholds;
  riskMatrix?: RiskMatrix;
  waivers?: { rule: string; entity: string; path?: string; reason: string; approver: string; expires: string }[];
  report?: { exceptionsAbove?: number; tableRowsPerPage?: number; paper?: "a4" | "letter" };
}

/** The repository's pmo configuration (`pmo.config.yaml`). */
export interface Config {
  /** The config's values, typed (validated against the config schema when read). */
  values: ConfigValues;
  /** gitignore-style patterns of paths that hold no pmo documents. */
  ignore: string[];
  /** Where the config was read from, if anywhere (relative to the root when inside it). */
  file?: string;
  /** The config as written, for commands that read more of it. */
  raw: Record<string, unknown>;
  /** Source text of the config file, for code frames. */
  text?: string;
  /** Resolves a path inside the config to its position (1-based). */
  locate?: (
    path: readonly (string | number)[],
    options?: { key?: boolean },
  ) => { line: number; column: number; endLine: number; endColumn: number };
}

/**
 * Reads the config: `explicit` (from --config) must exist; otherwise `pmo.config.yaml` at the
 * root is used when present. An invalid config is a usage error carrying every problem with
 * its position, since running with a half-understood config would give misleading results.
 */
export async function loadConfig(root: string, explicit?: string): Promise<Config> {
  const file = explicit ? path.resolve(explicit) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === "ENOENT") return { ignore: [], values: {}, raw: {} };
    throw new UsageError(
      `cannot read config file ${explicit}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const shown = path.relative(root, file).startsWith("..") ? file : path.relative(root, file).split(path.sep).join("/");
  return parseConfig(text, shown);
}

/**
 * Parses and validates a config's text; `shown` names the file in problems. Also used for the
 * config of a git revision, read from the object store rather than the working tree.
 */
export function parseConfig(input: string, shown: string): Config {
  const read = readYamlFile(input, shown);
  const text = read.text;
  const problems: Diagnostic[] = [...read.diagnostics];
  if (problems.length > 0) throw new UsageError(`invalid config file ${shown}`, problems, new Map([[shown, text]]));
  const value = (read.value ?? {}) as unknown;
  const locate = createLocator(text);
  for (const problem of validateConfig(value)) {
    const range = locate(0, pointerToPath(problem.pointer), { key: problem.keyword === "additionalProperties" });
    problems.push({
      ruleId: "config",
      severity: "error",
      message: problem.message,
      hint: problem.hint,
      file: shown,
      line: range.line,
      column: range.column,
      pointer: problem.pointer,
    });
  }
  if (problems.length > 0) throw new UsageError(`invalid config file ${shown}`, problems, new Map([[shown, text]]));
  const values = value as ConfigValues;
  return {
    ignore: values.ignore ?? [],
    values,
    file: shown,
    raw: value as Record<string, unknown>,
    text,
    locate: (p, o) => locate(0, p, o),
  };
}
