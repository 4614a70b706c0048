import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { DocumentRef, Path } from "../../model/document.js";
import { pathToPointer } from "../load/index.js";

/*
 * Rule reports into diagnostics, for governance rules (src/core/rules) and validation's
 * integrity rules (src/core/validate) alike: kept apart from both so that validating does not
 * load the governance rules and the analyses they read.
 */

export interface ReportArgs {
  /** The document the finding is about. */
  doc: DocumentRef;
  /** Path into the document: the position shown is that node's (or its nearest existing ancestor's). */
  path: Path;
  /** Point at the key of the last path segment rather than its value. */
  key?: boolean;
  messageId: string;
  data?: Record<string, string | number>;
  /**
   * Ids the finding says no document has (a reference that does not resolve): validation holds
   * such a finding back when a file that does not parse may define one of them.
   */
  refs?: readonly string[];
}

/** Fills {{placeholders}} in a message template; an unknown placeholder is left visible. */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** What turning a report into a diagnostic needs of a rule's metadata: governance and validation rules alike. */
export interface ReportingMeta {
  id: string;
  messages: Record<string, string>;
  /** Hint templates by message id, with the same {{placeholders}} (validation rules say how to fix). */
  hints?: Record<string, string>;
}

/** A report's message (and hint, when the rule has one for it) filled from the rule's templates. */
export function renderMessage(
  meta: ReportingMeta,
  messageId: string,
  data?: Record<string, string | number>,
): { message: string; hint?: string } {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown message id "${messageId}"`);
  const hint = meta.hints?.[messageId];
  return { message: interpolate(template, data), ...(hint !== undefined ? { hint: interpolate(hint, data) } : {}) };
}

/**
 * The one place a rule's report becomes a positioned diagnostic: the message filled from its
 * template, the path resolved to a position (PmoDocument.locate), the path as a JSON pointer.
 */
export function reportedDiagnostic(
  meta: ReportingMeta,
  severity: Severity,
  { doc, path, key, messageId, data }: ReportArgs,
): Diagnostic {
  const text = renderMessage(meta, messageId, data);
  const range = doc.locate(path, { key: key === true });
  return {
    ruleId: meta.id,
    severity,
    ...text,
    file: doc.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    pointer: pathToPointer(path),
    docIndex: doc.docIndex,
  };
}
