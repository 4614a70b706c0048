import type { Diagnostic } from "../../model/diagnostic.js";
import type { BrokenFile, PmoDocument } from "../../model/document.js";
import { VALIDATION_CHECKS } from "../validate/index.js";
import { findingChange } from "./findings.js";
import type { SideValidity } from "./types.js";

const VALIDATION_IDS = new Set(VALIDATION_CHECKS.map((c) => c.id));

/** The validation errors among a side's findings (YAML syntax, schema, integrity). */
export function validationErrors(findings: readonly Diagnostic[]): Diagnostic[] {
  return findings.filter((d) => d.severity === "error" && VALIDATION_IDS.has(d.ruleId));
}

/**
 * Keys (`kind\0id`) of the documents that fail their schema on a side: their values are not
 * what the schema promises, so their money and dates are left out of the comparison's sums.
 */
export function invalidDocuments(documents: readonly PmoDocument[], errors: readonly Diagnostic[]): Set<string> {
  const broken = new Set(
    errors
      .filter((d) => d.docIndex !== undefined && (d.ruleId === "schema" || d.ruleId === "api-version"))
      .map((d) => `${d.file}#${d.docIndex}`),
  );
  const out = new Set<string>();
  for (const d of documents)
    if (d.id !== undefined && broken.has(`${d.file}#${d.docIndex}`)) out.add(`${d.kind}\0${d.id}`);
  return out;
}

/**
 * Whether a side validates, and which entities of the other side are in a file that does not
 * parse at this side (same path, or an id the broken file's text seems to define): those are
 * not removed or new, they could not be read.
 */
/** The files of a side that do not parse (or cannot be read): the loader's broken files and the syntax errors. */
export function unparsedFiles(errors: readonly Diagnostic[], broken: readonly BrokenFile[]): Set<string> {
  return new Set([
    ...broken.map((b) => b.file),
    ...errors.filter((d) => d.ruleId === "yaml-syntax" || d.ruleId === "unreadable-file").map((d) => d.file),
  ]);
}

export function sideValidity(
  label: string,
  errors: readonly Diagnostic[],
  broken: readonly BrokenFile[],
  missing: readonly PmoDocument[],
): SideValidity {
  const brokenFiles = unparsedFiles(errors, broken);
  const brokenIds = new Set(broken.flatMap((b) => b.ids));
  const unreadable = missing
    .filter((d) => d.id !== undefined && (brokenFiles.has(d.file) || brokenIds.has(d.id)))
    .map((d) => ({ kind: d.kind, id: d.id!, file: d.file }));
  return {
    label,
    valid: errors.length === 0,
    errors: errors.map(findingChange),
    files: new Set(errors.map((e) => e.file)).size,
    unreadable,
  };
}
