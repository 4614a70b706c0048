/** How serious a diagnostic is. Validation problems are always errors. */
export type Severity = "error" | "warn" | "info";

/**
 * The single shape shared by YAML syntax errors, schema errors, integrity errors and
 * governance findings. Positions are 1-based. `pointer` is an RFC 6901 JSON pointer into the
 * document (empty string for the document root, or for problems that concern the whole file).
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  pointer: string;
  /** Index of the document within its file (0-based), when the problem is inside one. */
  docIndex?: number;
  /** Id of the document the problem is about, when there is one (waivers match on it). */
  entity?: string;
  /** A short hint on how to fix the problem. */
  hint?: string;
  /**
   * Key of the source text in the workspace when `file` has been rewritten for display
   * (e.g. made relative to the current directory). Defaults to `file`.
   */
  sourceKey?: string;
}

/** Exit codes of every command: the contract documented in the README. */
export const ExitCode = {
  Clean: 0,
  Findings: 1,
  Failure: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
