import type { Diagnostic } from "../../model/diagnostic.js";
import type { Palette } from "./colors.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export { PLAIN, type Palette } from "./colors.js";
export { codeFrame } from "./codeframe.js";
export { wrapProse } from "./wrap.js";
export { summarise, summaryText, type Summary } from "./stylish.js";

export interface FormatContext {
  palette: Palette;
  /** Source text by `Diagnostic.sourceKey ?? Diagnostic.file`, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** How many documents were checked, for the summary. */
  documents?: number;
  /** How many YAML files were read but hold no pmo document, for the summary. */
  notPmo?: number;
  /** Findings that were waived (by a config waiver or an inline suppression): listed, never dropped. */
  waived?: readonly WaivedDiagnostic[];
  /** What is known of each rule that may appear, for SARIF rule metadata, JUnit and doc links. */
  rules?: ReadonlyMap<string, RuleInfo>;
  /** The pmo version, for SARIF's tool.driver.version and the rules' documentation links. */
  toolVersion?: string;
  /**
   * The folder diagnostics' paths are relative to, as seen from the repository root (forward
   * slashes, "" when they are the same): SARIF's URIs are relative to the repository root.
   */
  repositoryPath?: string;
}

/** A rule as formatters see it (validation rules included: yaml-syntax, schema, ...). */
export interface RuleInfo {
  id: string;
  description: string;
  /** The rule's default severity. */
  severity: "error" | "warn" | "info";
  /** Path of the rule's documentation relative to the pmo package, e.g. docs/rules/<id>.md. */
  docs?: string;
  /** Group title, e.g. "Risk management". */
  group?: string;
}

/** A finding that a waiver or inline suppression covers. */
export interface WaivedDiagnostic extends Diagnostic {
  waiver: {
    /**
     * "config" for a waiver in pmo.config.yaml, "inline" for a YAML comment, "baseline" for a
     * finding already present at the ref given to `pmo check --new-since` (shown as existing).
     */
    source: "config" | "inline" | "baseline";
    reason: string;
    approver?: string;
    expires?: string;
  };
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

/**
 * Diagnostic formatters by name; output is a pure function of the sorted diagnostics.
 * `pmo validate` offers stylish and json; `pmo check` offers them all (docs/formats.md).
 */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
};
