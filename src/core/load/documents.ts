import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { createLocator } from "./locate.js";
import { isSingleDocument } from "./parse.js";
import type { FileRead } from "./read-files.js";

/** The schema check of one document (core/validate's schemaDiagnostics). */
export type SchemaCheck = (doc: PmoDocument) => Diagnostic[];

/** core/validate's schema check, imported when a load asks for it (core/validate imports the loader). */
export async function importSchemaCheck(): Promise<SchemaCheck> {
  return (await import("../validate/index.js")).schemaDiagnostics;
}

/** A file's documents as the model holds them, locating paths in `text`. */
export function documentsOfText(file: string, text: string, documents: FileRead["documents"]): PmoDocument[] {
  if (documents.length === 0) return [];
  const locator = createLocator(text, isSingleDocument);
  return documents.map(({ docIndex, value, schemaProblems }) => ({
    file,
    docIndex,
    kind: typeof value["kind"] === "string" ? value["kind"] : "",
    id: typeof value["id"] === "string" ? value["id"] : undefined,
    apiVersion: typeof value["apiVersion"] === "string" ? value["apiVersion"] : "",
    value,
    locate: (p, o) => locator(docIndex, p, o),
    ...(schemaProblems && { schemaProblems }),
  }));
}

/**
 * Checks the documents of a read against their schemas (LoadOptions.schema), keeping each
 * one's problems on it: positions come from the read's text, as they would on any thread.
 */
export function checkSchemas(read: FileRead, check: SchemaCheck): void {
  if (read.text === undefined) return;
  const docs = documentsOfText(read.file, read.text, read.documents);
  for (let i = 0; i < docs.length; i++) read.documents[i]!.schemaProblems = check(docs[i]!);
}
