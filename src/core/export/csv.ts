import type { Kind, PmoDocument } from "../../model/document.js";
import { type CsvOptions, formatCsv } from "../csv.js";
import { documentsToExport } from "./json.js";
import { flatFields } from "./schema-fields.js";

/**
 * The columns of a kind's CSV: every flat field path of its schema in schema order (without
 * `apiVersion` and `kind`, which the file as a whole implies), then the `x-` extension paths
 * the documents use, sorted.
 */
export function exportColumns(kind: Kind, documents: readonly PmoDocument[]): string[] {
  const fields = flatFields(kind).filter((f) => f.path !== "apiVersion" && f.path !== "kind");
  const groups = new Set(
    fields.flatMap((f) =>
      f.path
        .split(".")
        .slice(0, -1)
        .map((_s, i, all) => all.slice(0, i + 1).join(".")),
    ),
  );
  const extensions = new Set<string>();
  const visit = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix + key;
      if (key.startsWith("x-")) extensions.add(path);
      else if (groups.has(path) && typeof child === "object" && child !== null && !Array.isArray(child))
        visit(child as Record<string, unknown>, `${path}.`);
    }
  };
  for (const doc of documents) visit(doc.value, "");
  return [...fields.map((f) => f.path), ...[...extensions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

/**
 * One kind's documents as CSV for spreadsheets: a header of field paths, one row per document
 * sorted by id, after a UTF-8 BOM unless `bom: false`. Text as is (formula-like text neutralised), numbers as numbers, lists and
 * objects (milestones, tags, scores) as JSON, missing values empty; `x-` extensions always as
 * JSON so that they read back unchanged.
 */
export function formatExportCsv(kind: Kind, documents: readonly PmoDocument[], options: CsvOptions = {}): string {
  const docs = documentsToExport(documents, [kind]);
  const columns = exportColumns(kind, docs);
  const records = docs.map((doc) => columns.map((path) => cell(valueAt(doc.value, path), path)));
  return formatCsv(columns, records, options);
}

function valueAt(value: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        typeof at === "object" && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined,
      value,
    );
}

function cell(value: unknown, path: string): unknown {
  if (value === undefined || value === null) return "";
  if (/(^|\.)x-[^.]*$/.test(path) || typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return value;
}
