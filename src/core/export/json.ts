import { KINDS, type Kind, type PmoDocument } from "../../model/document.js";
import { orderKeys } from "./schema-fields.js";

/** Documents of the given kinds (all when none), sorted by kind (in KINDS order) then id. */
export function documentsToExport(documents: readonly PmoDocument[], kinds: readonly Kind[]): PmoDocument[] {
  const wanted = kinds.length > 0 ? kinds : KINDS;
  const rank = (d: PmoDocument) => KINDS.indexOf(d.kind as Kind);
  return documents
    .filter((d) => (wanted as readonly string[]).includes(d.kind))
    .sort((a, b) => rank(a) - rank(b) || cmp(a.id ?? "", b.id ?? "") || cmp(a.file, b.file) || a.docIndex - b.docIndex);
}

/**
 * The repository as one JSON document for other tools:
 * `{ "apiVersion": "pmo/v1", "documents": [...] }`, documents sorted by kind then id, each
 * document's keys in schema order. Two-space indentation and a trailing newline; the same
 * files give the same bytes.
 */
export function formatExportJson(documents: readonly PmoDocument[], kinds: readonly Kind[]): string {
  const docs = documentsToExport(documents, kinds).map((d) => orderKeys(d.kind as Kind, d.value));
  return `${JSON.stringify({ apiVersion: "pmo/v1", documents: docs }, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
