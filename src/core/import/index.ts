/**
 * Importing documents from other tools: CSV exports of spreadsheets (with a mapping file) and
 * Microsoft Project XML plans. Pure: the command reads the files and writes the results.
 */
import { UsageError } from "../errors.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import { readWorkbook, WorkbookError } from "./xlsx-source.js";
import { decodeCsv, detectDelimiter, readCsv, CsvSyntaxError, type CsvRow } from "./csv-source.js";
import {
  identityMapping,
  keyForm,
  parseImportMapping,
  withConditions,
  type ImportKind,
  type ImportMapping,
} from "./mapping.js";
import {
  cellReader,
  fillTemplate,
  getPath,
  isBlankRow,
  isFilteredOut,
  missingColumns,
  rowKey,
  rowToDocument,
  setPath,
  type ImportedRow,
  type RejectedRow,
} from "./rows.js";

export {
  IMPORT_KINDS,
  ENCODINGS,
  resolveImportKind,
  validateImportMapping,
  parseImportMapping,
  identityMapping,
  withConditions,
  compileBlankPattern,
  type BlankPattern,
  type ImportKind,
  type ImportMapping,
} from "./mapping.js";
export { decodeMapping } from "./mapping.js";
export { msProjectToProject, MsProjectError, type MsProjectResult } from "./msproject.js";
export { validatePlannedFiles, type PlannedFile, type ImportValidation } from "./validate-imported.js";
export { parseNumber, parseDate, slugify, matchKey, CellError } from "./values.js";
export type { ImportedRow, RejectedRow } from "./rows.js";
export {
  planSync,
  ownedFields,
  MISSING_ACTIONS,
  type SyncPlan,
  type SyncInput,
  type ExistingDocument,
  type FieldChange,
  type MissingAction,
} from "./sync.js";
export { formatPlanText, planJson, type PlanContext } from "./plan-format.js";

export interface CsvImportInput {
  bytes: Uint8Array;
  /** The CSV file as shown to the user. */
  file: string;
  /** --kind, if given. */
  kind?: ImportKind;
  /** The mapping file's text and shown name; without one, headers must be field paths. */
  mapping?: { text: string; file: string };
  /** `--where COLUMN=VALUE`: only rows whose cell has the value. */
  where?: readonly { column: string; value: string }[];
}

export interface CsvImport {
  kind: ImportKind;
  /** The mapping the rows were read with (the identity mapping when none was given). */
  mapping: ImportMapping;
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
  /** Data rows read (blank rows included). */
  rows: number;
  imported: ImportedRow[];
  rejected: RejectedRow[];
  /** Rows with nothing but blanks, skipped. */
  blankRows: number;
  /** Rows the mapping's filters (`only`, `skip`, --where) left out. */
  filteredRows: number;
  /** Headers an identity mapping could not use. */
  ignoredColumns: string[];
  /** Parent documents the imported rows name, by id, in the order first named. */
  parents: ParentDocument[];
}

/** A parent (portfolio...) named by the rows, to be created when no document has its id. */
export interface ParentDocument {
  kind: string;
  id: string;
  value: Record<string, unknown>;
  /** The first row that names it. */
  row: number;
}

/** A sheet as rows of cells, whatever file it came from. */
export interface SheetTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Reads a CSV export into documents, one per row. Throws a UsageError for problems that stop
 * the import as a whole (a bad mapping, a missing column, a file csv-parse cannot read); rows
 * that cannot be read are returned as rejected with their reasons.
 */
export function importCsv(input: CsvImportInput): CsvImport {
  const mapping: ImportMapping | undefined = input.mapping
    ? withConditions(parseImportMapping(input.mapping.text, input.mapping.file, input.kind), input.where ?? [])
    : undefined;
  if (mapping === undefined && input.kind === undefined)
    throw new UsageError(
      "pass --kind (project, risk, issue, decision or person) or a --mapping file that names the kind",
    );
  let decoded: { text: string; encoding: "utf-8" | "windows-1252" } | undefined;
  let table;
  try {
    decoded = decodeCsv(input.bytes, mapping?.encoding ?? "auto");
    const delimiter =
      mapping === undefined || mapping.delimiter === "auto"
        ? detectDelimiter(decoded.text.replace(/^\uFEFF/, ""))
        : mapping.delimiter;
    table = readCsv(decoded.text, delimiter, decoded.encoding);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvSyntaxUsageError(error, input.file, error.source ?? decoded?.text);
    throw error;
  }
  return {
    ...importTable(table, input.file, mapping, input.kind, input.where ?? []),
    encoding: table.encoding,
    delimiter: table.delimiter,
  };
}

export interface XlsxImportInput extends Omit<CsvImportInput, "bytes"> {
  bytes: Uint8Array;
  /** The sheet: a name or a 1-based position (default the first). */
  sheet?: string | number;
  /** The row that holds the headers (1-based, default 1). */
  headerRow?: number;
}

/** Reads one sheet of an Excel workbook into documents, as importCsv reads a CSV export. */
export async function importXlsx(
  input: XlsxImportInput,
): Promise<Omit<CsvImport, "encoding" | "delimiter"> & { sheet: string }> {
  const mapping: ImportMapping | undefined = input.mapping
    ? withConditions(parseImportMapping(input.mapping.text, input.mapping.file, input.kind), input.where ?? [])
    : undefined;
  if (mapping === undefined && input.kind === undefined)
    throw new UsageError(
      "pass --kind (project, risk, issue, decision or person) or a --mapping file that names the kind",
    );
  let workbook;
  try {
    workbook = await readWorkbook(input.bytes, input.sheet, input.headerRow ?? 1);
  } catch (error) {
    if (error instanceof WorkbookError) throw new UsageError(`cannot read ${input.file}: ${error.message}`);
    throw error;
  }
  return {
    ...importTable(
      workbook,
      `${input.file} (sheet ${JSON.stringify(workbook.sheet)})`,
      mapping,
      input.kind,
      input.where ?? [],
    ),
    sheet: workbook.sheet,
  };
}

/**
 * Rows of a sheet (CSV or workbook) into documents, following the mapping (or, without one,
 * headers that are field paths).
 */
export function importTable(
  table: SheetTable,
  file: string,
  given: ImportMapping | undefined,
  kind: ImportKind | undefined,
  where: readonly { column: string; value: string }[] = [],
): Omit<CsvImport, "encoding" | "delimiter"> {
  let mapping = given;
  if (table.header.length === 0) throw new UsageError(`${file} is empty: expected a header row and data rows`);
  let ignoredColumns: string[] = [];
  if (mapping === undefined) {
    if (kind === undefined)
      throw new UsageError(
        "pass --kind (project, risk, issue, decision or person) or a --mapping file that names the kind",
      );
    const identity = identityMapping(kind, table.header);
    mapping = withConditions(identity.mapping, where);
    ignoredColumns = identity.ignored;
    if (identity.mapping.fields.every((f) => f.column === undefined)) {
      throw new UsageError(
        `no column of ${file} is a field of ${kind} (headers such as "name" or "budget.approved"): pass a --mapping file that says which column feeds which field`,
      );
    }
  }
  const missing = missingColumns(mapping, table.header);
  if (missing.length > 0) throw missingColumnsError(missing, mapping, file);

  const imported: ImportedRow[] = [];
  const rejected: RejectedRow[] = [];
  const keyRows = new Map<string, number>();
  const parents = new Map<string, ParentDocument>();
  let blankRows = 0;
  let filteredRows = 0;
  const keyPath = mapping.key[0]!;
  for (const row of table.rows) {
    // The filters first: they read a cell or two, where a blank row reads all of them.
    if (isFilteredOut(row, table.header, mapping)) {
      if (isBlankRow(row, mapping)) blankRows++;
      else filteredRows++;
      continue;
    }
    if (isBlankRow(row, mapping)) {
      blankRows++;
      continue;
    }
    const keyed = rowKey(row, table.header, mapping);
    const key = keyed.shown;
    const keys = keyed.values.length > 0 ? { keys: keyed.values } : {};
    const result = rowToDocument(row, table.header, mapping);
    if ("reasons" in result) {
      rejected.push({
        row: row.row,
        line: row.line,
        ...(key !== undefined && { key }),
        ...keys,
        reasons: result.reasons,
      });
      continue;
    }
    const id = result.value["id"];
    if (typeof id !== "string") {
      rejected.push({
        row: row.row,
        line: row.line,
        ...(key !== undefined && { key }),
        ...keys,
        reasons: ["no id: the id column is blank"],
      });
      continue;
    }
    const own = getPath(result.value, keyPath);
    const keyText = own === undefined ? undefined : keyForm(mapping, keyPath, own);
    if (keyText !== undefined) {
      const first = keyRows.get(keyText);
      if (first !== undefined) {
        const why =
          keyPath === "id"
            ? `id "${id}" is already taken by row ${first} (a row given twice, or an id template that is not unique: add a column, or {{row}})`
            : `${keyPath} "${String(own)}" is the same as row ${first}'s: one document cannot come from two rows`;
        rejected.push({ row: row.row, line: row.line, key: key ?? id, ...keys, reasons: [why] });
        continue;
      }
      keyRows.set(keyText, row.row);
    }
    imported.push({ row: row.row, line: row.line, key: key ?? id, value: result.value });
    for (const parent of mapping.parents) {
      const parentId = getPath(result.value, parent.path);
      if (typeof parentId !== "string" || parents.has(parentId)) continue;
      const value: Record<string, unknown> = { apiVersion: "pmo/v1", kind: parent.kind, id: parentId };
      const cellOf = cellReader(row, table.header, mapping);
      for (const [path, template] of parent.fields) {
        const text = fillTemplate(template, parentId, cellOf).trim();
        if (text !== "") setPath(value, path, text);
      }
      parents.set(parentId, { kind: parent.kind, id: parentId, value, row: row.row });
    }
  }
  return {
    kind: mapping.kind,
    mapping,
    rows: table.rows.length,
    imported,
    rejected,
    blankRows,
    filteredRows,
    ignoredColumns,
    parents: [...parents.values()],
  };
}

/** A file csv-parse cannot read: exit 2 like every input that stops the import, with the position and a code frame. */
function csvSyntaxUsageError(error: CsvSyntaxError, file: string, text: string | undefined): UsageError {
  const where = error.column !== undefined ? `${error.line}:${error.column}` : `${error.line}`;
  const summary = `cannot read ${file}:${where}: ${error.message}`;
  if (error.column === undefined || text === undefined)
    return new UsageError(error.hint !== undefined ? `${summary} (${error.hint})` : summary);
  const diagnostic: Diagnostic = {
    ruleId: "csv-syntax",
    severity: "error",
    message: error.message,
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
    file,
    line: error.line,
    column: error.column,
    pointer: "",
  };
  return new UsageError(summary, [diagnostic], new Map([[file, text.replace(/^\uFEFF/, "")]]));
}

function missingColumnsError(
  missing: ReturnType<typeof missingColumns>,
  mapping: ImportMapping,
  csvFile: string,
): UsageError {
  const text = (m: (typeof missing)[number]) => `column "${m.column}" is not in ${csvFile}`;
  const hint = (m: (typeof missing)[number]) =>
    m.suggestion !== undefined ? `did you mean "${m.suggestion}"?` : "check the header row of the file";
  if (mapping.locate === undefined || mapping.file === undefined) {
    return new UsageError(missing.map((m) => `${text(m)} (${hint(m)})`).join("; "));
  }
  const diagnostics: Diagnostic[] = missing.map((m) => {
    const range = mapping.locate!(m.source);
    return {
      ruleId: "import-mapping",
      severity: "error",
      message: text(m),
      hint: hint(m),
      file: mapping.file!,
      line: range.line,
      column: range.column,
      pointer: "",
    };
  });
  return new UsageError(
    `the mapping ${mapping.file} names columns that ${csvFile} does not have`,
    diagnostics,
    new Map([[mapping.file!, mapping.text ?? ""]]),
  );
}
