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
  const parts = templateParts(template);
  if (parts.length === 1) return parts[0]!;
  const out: string[] = [parts[0]!];
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i]!;
    out.push(name in data ? String(data[name]) : parts[i + 1]!, parts[i + 2]!);
  }
  // One flat string per message: a check keeps tens of thousands of them.
  return out.join("");
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A template split once into its text and placeholders: [text, name, whole placeholder, text,
 * name, whole placeholder, ..., text]. Rules have a few dozen templates and fill them for every
 * finding; templates are remembered up to a bound, for a caller that passes texts of its own.
 */
const compiled = new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts !== undefined) return parts;
  const list: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    list.push(template.slice(last, m.index), m[1]!, m[0]);
    last = m.index + m[0].length;
  }
  list.push(template.slice(last));
  parts = list;
  if (compiled.size < 1000) compiled.set(template, parts);
  return parts;
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
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown message id "${messageId}"`);
  const hint = meta.hints?.[messageId];
  const range = doc.locate(path, key === true ? KEY : VALUE);
  // The fields in the order renderMessage's spread gave them, built without the intermediate objects.
  return hint === undefined
    ? {
        ruleId: meta.id,
        severity,
        message: interpolate(template, data),
        file: doc.file,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
        pointer: pathToPointer(path),
        docIndex: doc.docIndex,
      }
    : {
        ruleId: meta.id,
        severity,
        message: interpolate(template, data),
        hint: interpolate(hint, data),
        file: doc.file,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
        pointer: pathToPointer(path),
        docIndex: doc.docIndex,
      };
}

const KEY = { key: true } as const;
const VALUE = { key: false } as const;
