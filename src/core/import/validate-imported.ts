/**
 * Validation of documents before they are written: each is serialised as the file it will be,
 * parsed back like any repository file, and checked against its schema and, when the target
 * folder is inside a repository, for integrity together with that repository's documents. So
 * the positions reported are those of the file that would be written.
 */
import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { documentsOf } from "../load/index.js";
import { checkIntegrity, schemaDiagnostics, sortDiagnostics } from "../validate/index.js";

export interface PlannedFile {
  /** Path relative to the repository root (or to the output folder outside a repository). */
  file: string;
  text: string;
}

export interface ImportValidation {
  /** Problems by planned file; files without problems are absent. */
  byFile: Map<string, Diagnostic[]>;
  sources: Map<string, string>;
}

/**
 * `existing` are the documents of the repository the files go into (without those the files
 * would overwrite), or undefined outside a repository: then only schemas are checked.
 */
export function validatePlannedFiles(
  files: readonly PlannedFile[],
  existing: readonly PmoDocument[] | undefined,
  asOf: string,
): ImportValidation {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const planned: PmoDocument[] = [];
  for (const f of files) planned.push(...documentsOf(f.file, f.text, diagnostics, sources));
  for (const doc of planned) diagnostics.push(...schemaDiagnostics(doc));
  if (existing !== undefined) {
    const names = new Set(files.map((f) => f.file));
    diagnostics.push(...checkIntegrity([...existing, ...planned], asOf).filter((d) => names.has(d.file)));
  }
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  return { byFile, sources };
}
