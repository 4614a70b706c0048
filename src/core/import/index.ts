/**
 * Importing documents from other tools: CSV exports of spreadsheets (with a mapping file) and
 * Microsoft Project XML plans. Pure: the command reads the files and writes the results.
 */
import { UsageError } from "../errors.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import { decodeCsv, detectDelimiter, readCsv, CsvSyntaxError } from "./csv-source.js";
import { identityMapping, parseImportMapping, type ImportKind, type ImportMapping } from "./mapping.js";
import { isBlankRow, missingColumns, rowToDocument, type ImportedRow, type RejectedRow } from "./rows.js";

export { IMPORT_KINDS, ENCODINGS, resolveImportKind, validateImportMapping, parseImportMapping, identityMapping, compileBlankPattern, type BlankPattern, type ImportKind, type ImportMapping } from "./mapping.js";
export { msProjectToProject, MsProjectError, type MsProjectResult } from "./msproject.js";
export { validatePlannedFiles, type PlannedFile, type ImportValidation } from "./validate-imported.js";
export { parseNumber, parseDate, slugify, CellError } from "./values.js";
export type { ImportedRow, RejectedRow } from "./rows.js";

export interface CsvImportInput {
  bytes: Uint8Array;
  /** The CSV file as shown to the user. */
  file: string;
  /** --kind, if given. */
  kind?: ImportKind;
  /** The mapping file's text and shown name; without one, headers must be field paths. */
  mapping?: { text: string; file: string };
}

export interface CsvImport {
  kind: ImportKind;
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
  /** Data rows read (blank rows included). */
  rows: number;
  imported: ImportedRow[];
  rejected: RejectedRow[];
  /** Rows with nothing but blanks, skipped. */
  blankRows: number;
  /** Headers an identity mapping could not use. */
  ignoredColumns: string[];
}

/**
 * Reads a CSV export into documents, one per row. Throws a UsageError for problems that stop
 * the import as a whole (a bad mapping, a missing column, a file csv-parse cannot read); rows
 * that cannot be read are returned as rejected with their reasons.
 */
export function importCsv(input: CsvImportInput): CsvImport {
  let mapping: ImportMapping | undefined = input.mapping ? parseImportMapping(input.mapping.text, input.mapping.file, input.kind) : undefined;
  if (mapping === undefined && input.kind === undefined) throw new UsageError("pass --kind (project, risk, issue, decision or person) or a --mapping file that names the kind");
  let decoded: { text: string; encoding: "utf-8" | "windows-1252" };
  let table;
  try {
    decoded = decodeCsv(input.bytes, mapping?.encoding ?? "auto");
    const delimiter = mapping === undefined || mapping.delimiter === "auto" ? detectDelimiter(decoded.text.replace(/^\uFEFF/, "")) : mapping.delimiter;
    table = readCsv(decoded.text, delimiter, decoded.encoding);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UsageError(`cannot read ${input.file}:${error.line}: ${error.message}`);
    throw error;
  }
  if (table.header.length === 0) throw new UsageError(`${input.file} is empty: expected a header row and data rows`);
  let ignoredColumns: string[] = [];
  if (mapping === undefined) {
    const identity = identityMapping(input.kind!, table.header);
    mapping = identity.mapping;
    ignoredColumns = identity.ignored;
    if (identity.mapping.fields.every((f) => f.column === undefined)) {
      throw new UsageError(`no column of ${input.file} is a field of ${input.kind} (headers such as "name" or "budget.approved"): pass a --mapping file that says which column feeds which field`);
    }
  }
  const missing = missingColumns(mapping, table.header);
  if (missing.length > 0) throw missingColumnsError(missing, mapping, input.file);

  const imported: ImportedRow[] = [];
  const rejected: RejectedRow[] = [];
  const idRows = new Map<string, number>();
  let blankRows = 0;
  for (const row of table.rows) {
    if (isBlankRow(row, mapping)) {
      blankRows++;
      continue;
    }
    const result = rowToDocument(row, table.header, mapping);
    if ("reasons" in result) {
      rejected.push({ row: row.row, line: row.line, reasons: result.reasons });
      continue;
    }
    const id = result.value["id"];
    if (typeof id === "string") {
      const first = idRows.get(id);
      if (first !== undefined) {
        rejected.push({ row: row.row, line: row.line, reasons: [`id "${id}" is already taken by row ${first} (make the id template unique, e.g. add {{row}})`] });
        continue;
      }
      idRows.set(id, row.row);
    } else {
      rejected.push({ row: row.row, line: row.line, reasons: ["no id: the id column is blank"] });
      continue;
    }
    imported.push({ row: row.row, line: row.line, value: result.value });
  }
  return { kind: mapping.kind, encoding: table.encoding, delimiter: table.delimiter, rows: table.rows.length, imported, rejected, blankRows, ignoredColumns };
}

function missingColumnsError(missing: ReturnType<typeof missingColumns>, mapping: ImportMapping, csvFile: string): UsageError {
  const text = (m: (typeof missing)[number]) => `column "${m.column}" is not in ${csvFile}`;
  const hint = (m: (typeof missing)[number]) => (m.suggestion !== undefined ? `did you mean "${m.suggestion}"?` : "check the header row of the file");
  if (mapping.locate === undefined || mapping.file === undefined) {
    return new UsageError(missing.map((m) => `${text(m)} (${hint(m)})`).join("; "));
  }
  const diagnostics: Diagnostic[] = missing.map((m) => {
    const range = mapping.locate!(m.source);
    return { ruleId: "import-mapping", severity: "error", message: text(m), hint: hint(m), file: mapping.file!, line: range.line, column: range.column, pointer: "" };
  });
  return new UsageError(`the mapping ${mapping.file} names columns that ${csvFile} does not have`, diagnostics, new Map([[mapping.file!, mapping.text ?? ""]]));
}
