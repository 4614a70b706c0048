/**
 * From the bytes of an Excel workbook (.xlsx) to rows of cells, as a CSV export gives them:
 * one sheet (by name or by its 1-based position), a header row, and every cell as text.
 * Reading the workbook is read-excel-file's; only the choices around it are made here.
 */
import type { CsvRow } from "./csv-source.js";

export interface WorkbookSheet {
  /** The sheet read, by name. */
  sheet: string;
  /** Every sheet of the workbook, in order. */
  sheets: string[];
  header: string[];
  rows: CsvRow[];
}

/** Thrown for a workbook that cannot be read or a sheet or header row it does not have. */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";
}

/**
 * The sheet `sheet` names (a name, compared exactly and then ignoring case, or a 1-based
 * position; default the first) with its header in row `headerRow` (1-based, default 1). Rows
 * above the header are left out; row numbers are the workbook's.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  sheet: string | number | undefined,
  headerRow = 1,
): Promise<WorkbookSheet> {
  // Loaded for a workbook only: a CSV import does not pay for the zip and XML readers.
  const { default: readXlsxFile } = await import("read-excel-file/node");
  let sheets;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new WorkbookError(`not an Excel workbook pmo can read (.xlsx): ${(error as Error).message}`);
  }
  const names = sheets.map((s) => s.sheet);
  const list = names.map((n) => JSON.stringify(n)).join(", ");
  let chosen: (typeof sheets)[number] | undefined;
  if (sheet === undefined) chosen = sheets[0];
  else if (typeof sheet === "number" || (/^\d+$/.test(sheet) && !names.includes(sheet))) {
    const index = Number(sheet);
    chosen = sheets[index - 1];
    if (chosen === undefined)
      throw new WorkbookError(
        `the workbook has ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"} (${list}), not a sheet ${index}`,
      );
  } else {
    chosen = sheets.find((s) => s.sheet === sheet) ?? sheets.find((s) => s.sheet.toLowerCase() === sheet.toLowerCase());
    if (chosen === undefined)
      throw new WorkbookError(`the workbook has no sheet ${JSON.stringify(sheet)} (its sheets: ${list})`);
  }
  if (chosen === undefined) throw new WorkbookError("the workbook has no sheets");
  const data = chosen.data as unknown as unknown[][];
  if (data.length < headerRow)
    throw new WorkbookError(
      `sheet ${JSON.stringify(chosen.sheet)} has ${data.length} rows, so no header in row ${headerRow}`,
    );
  const width = Math.max(0, ...data.map((r) => r.length));
  const text = (row: unknown[]): string[] => Array.from({ length: width }, (_, i) => cellText(row[i]));
  const header = text(data[headerRow - 1]!);
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const rows: CsvRow[] = data.slice(headerRow).map((row, i) => {
    const number = headerRow + 1 + i;
    return { row: number, line: number, cells: text(row).slice(0, header.length) };
  });
  return { sheet: chosen.sheet, sheets: names, header, rows };
}

/**
 * A cell as the text a CSV export would hold: numbers in JavaScript's shortest form (no
 * locale, no thousands separators), dates as ISO dates (a time, when there is one, after a
 * "T"), true and false.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : "";
  return String(value);
}
