import type { Diagnostic } from "../../model/diagnostic.js";
import type { BrokenFile, PmoDocument, Workspace } from "../../model/document.js";
import { integrityFindings, type IntegrityFinding } from "./integrity.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";

export { checkIntegrity, integrityFindings, type IntegrityFinding } from "./integrity.js";
export { schemaDiagnostics } from "./schema-diagnostics.js";
export { VALIDATION_CHECKS, validationDocs } from "./checks.js";
export {
  INTEGRITY_RULES,
  DATE_ORDER,
  PAST_DATES,
  PERSON_REFS,
  WHOLE_REPO_REFS,
  VALIDATION_LAYERS,
  defineValidationRule,
  type RefSpec,
  type ValidationCheckMeta,
  type ValidationContext,
  type ValidationLayer,
  type ValidationRule,
  type ValidationRuleMeta,
} from "./rules/index.js";
export { validateDocument, validateConfig, validateToolFile, getSchema, schemaNames } from "./schema.js";
export { closestMatch } from "./suggest.js";
export { translateErrors, type SchemaProblem } from "./schema-messages.js";

export interface ValidateOptions {
  /** The date that actual dates may not be after (YYYY-MM-DD). */
  asOf: string;
  /**
   * The schema problems of one document (default: schemaDiagnostics). A caller that validates
   * the same document objects many times (pmo history, once per period) passes a memo of it.
   */
  schemaDiagnostics?: (doc: PmoDocument) => Diagnostic[];
}

/**
 * All three layers of validation, reported together: the workspace's own load problems (YAML
 * syntax, unreadable files), every schema error of every document, and integrity across
 * documents. Sorted by file, line, column and rule so the output is stable.
 */
export function validateWorkspace(workspace: Workspace, options: ValidateOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...workspace.diagnostics];
  const ofDocument = options.schemaDiagnostics ?? schemaDiagnostics;
  for (const doc of workspace.documents) diagnostics.push(...ofDocument(doc));
  diagnostics.push(
    ...withoutBrokenFileCascade(integrityFindings(workspace.documents, options.asOf), workspace.broken ?? []),
  );
  return sortDiagnostics(diagnostics);
}

/**
 * One file that does not parse would otherwise turn every reference to the ids it holds into
 * an "unresolved reference" elsewhere. A finding whose missing ids (IntegrityFinding.refs: the
 * id named, or the project of a `PRJ-002/M3` milestone reference) the broken file's text seems
 * to define is left out, and the broken file gets one note saying which were not checked.
 */
export function withoutBrokenFileCascade(
  findings: readonly IntegrityFinding[],
  broken: readonly BrokenFile[],
): Diagnostic[] {
  if (broken.length === 0) return findings.map((f) => f.diagnostic);
  const owner = new Map<string, string>();
  for (const b of broken) for (const id of b.ids) if (!owner.has(id)) owner.set(id, b.file);
  const skipped = new Map<string, Set<string>>();
  const kept: Diagnostic[] = [];
  for (const { diagnostic, refs } of findings) {
    const named = refs?.find((id) => owner.has(id) || owner.has(id.split("/")[0]!));
    if (named === undefined) {
      kept.push(diagnostic);
      continue;
    }
    const file = owner.get(named) ?? owner.get(named.split("/")[0]!)!;
    const ids = skipped.get(file) ?? new Set<string>();
    ids.add(named);
    skipped.set(file, ids);
  }
  for (const [file, ids] of skipped) {
    const list = [...ids].sort();
    const shown = list.slice(0, 5).join(", ") + (list.length > 5 ? ` and ${list.length - 5} more` : "");
    kept.push({
      ruleId: "unresolved-reference",
      severity: "info",
      message: `references to ${shown} were not checked: they may be defined in this file, which does not parse`,
      hint: "fix the syntax error in this file and run again",
      file,
      line: 1,
      column: 1,
      pointer: "",
    });
  }
  return kept;
}

const SEVERITY_ORDER = { error: 0, warn: 1, info: 2 } as const;

/** Orders diagnostics by file, line, column, severity, rule and message: code-unit order, locale-free. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
