import type { Diagnostic } from "./diagnostic.js";

/** A path into a document, as a list of keys and indexes. */
export type Path = readonly (string | number)[];

/** A 1-based source range. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Every document kind pmo knows, in the order they are listed to users. */
export const KINDS = ["Engagement", "Portfolio", "Project", "Risk", "Issue", "Decision", "Person"] as const;
export type Kind = (typeof KINDS)[number];

/** One YAML document found in the repository, with its plain value and where it came from. */
export interface PmoDocument {
  /** Path of the file relative to the repository root, with forward slashes. */
  file: string;
  /** Index of the document within its file (0-based). */
  docIndex: number;
  /** The declared kind (may be unknown if the document is invalid). */
  kind: string;
  id: string | undefined;
  apiVersion: string;
  /** The document as plain data (null-prototype free, JSON compatible). */
  value: Record<string, unknown>;
  /**
   * Resolves a path inside this document to a source range (the nearest existing ancestor for
   * a missing tail). With `key`, points at the key of the last segment rather than its value.
   */
  locate(path: Path, options?: { key?: boolean }): SourceRange;
  /**
   * The document's schema diagnostics, when the loader checked it as it read it (LoadOptions.schema,
   * done in the loader threads for a large repository); schemaDiagnostics returns them.
   */
  schemaProblems?: readonly Diagnostic[];
}

/**
 * A document as the domain model hands it on (catalog entries, rule reports): where it came
 * from and how to locate a path in it, without its raw value. Readers above the model read the
 * entry's typed value; only the model and validation read raw values.
 */
export type DocumentRef = Omit<PmoDocument, "value">;

/** One file read from the repository. */
export interface SourceFile {
  file: string;
  text: string;
}

/** Everything loaded from a repository: documents, the sources they came from, and load problems. */
export interface Workspace {
  root: string;
  documents: PmoDocument[];
  /** Source text by file, for code frames. */
  sources: Map<string, string>;
  /** YAML syntax problems and unreadable files. */
  diagnostics: Diagnostic[];
  /** YAML files that parse but hold no pmo document (counted in the summary). */
  notPmo?: string[];
  /** Files meant as pmo files that do not parse, with the ids their text seems to define. */
  broken?: BrokenFile[];
  /**
   * Set when only these kinds were loaded (the loader's `kinds` option): documents of other
   * kinds are absent, and problems of files that hold only them may be unreported.
   */
  kinds?: readonly Kind[];
}

/** A file that does not parse: references to the ids it seems to define are not reported as dangling. */
export interface BrokenFile {
  file: string;
  ids: string[];
}
