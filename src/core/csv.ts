import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheets run a cell that starts with =, +, -, @ as a formula, also after leading spaces
 * or control characters (a tab, a carriage return, a line feed), so text from YAML could run
 * in whoever opens a CSV export ("CSV injection"). Such text cells get a leading apostrophe,
 * which spreadsheets show as plain text; numbers are left alone, so a negative number stays a
 * number.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters before a formula prefix are what the pattern finds
const FORMULA = /^[\s\u0000-\u001f\u007f-\u009f\u00a0\u200b-\u200f\u2028\u2029\ufeff]*[=+\-@]|^[\t\r\n]/;

export function neutraliseFormula(cell: unknown): unknown {
  return typeof cell === "string" && FORMULA.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so that Excel and LibreOffice read the file as UTF-8 (default true). */
  bom?: boolean;
}

/**
 * Rows as RFC 4180 CSV: comma-separated, LF between records, and any field holding a comma, a
 * quote, a carriage return or a line feed in double quotes (csv-stringify alone quotes only
 * fields holding its record delimiter, so a lone CR would break the row in readers that end
 * records at CR). Text cells are neutralised against formulas; a UTF-8 BOM leads by default.
 *
 * Rows of text, numbers, booleans and empty cells, which is what pmo writes, are joined here
 * as csv-stringify joins them with these options (a report of 2,500 projects writes 12,500
 * risk rows, and csv-stringify's general machinery took ten times as long); any other cell
 * (an object, a date) sends the whole table to csv-stringify. test/core/csv.test.ts holds the
 * two to the same output.
 */
export function formatCsv(
  columns: readonly string[],
  records: readonly (readonly unknown[])[],
  options: CsvOptions = {},
): string {
  const bom = options.bom ?? true;
  if (!records.every(isPlainRow)) return stringifyCsv(columns, records, bom);
  const width = columns.length;
  let out = bom ? "\ufeff" : "";
  out += `${plainRow(columns.map(neutraliseFormula), width)}\n`;
  for (const row of records) out += `${plainRow(row.map(neutraliseFormula), width)}\n`;
  return out;
}

/** The table through csv-stringify: the definition formatCsv's own joining follows. */
export function stringifyCsv(
  columns: readonly string[],
  records: readonly (readonly unknown[])[],
  bom: boolean,
): string {
  return stringify(
    records.map((row) => row.map(neutraliseFormula)),
    {
      header: true,
      columns: columns.map(neutraliseFormula) as string[],
      record_delimiter: "unix",
      quoted_match: QUOTED,
      bom,
    },
  );
}

/** Fields csv-stringify quotes with these options: a delimiter, a quote, CR or LF. */
const QUOTED = /[\r\n",]/;

const isPlainCell = (cell: unknown): boolean =>
  cell === null ||
  cell === undefined ||
  typeof cell === "string" ||
  typeof cell === "number" ||
  typeof cell === "boolean" ||
  typeof cell === "bigint";

const isPlainRow = (row: unknown): boolean => Array.isArray(row) && row.every(isPlainCell);

/**
 * One record as csv-stringify writes it: at most one cell per column; a number as its text, true
 * as 1, false and an empty cell as nothing; quotes doubled, and the field quoted when it must be.
 */
function plainRow(row: readonly unknown[], width: number): string {
  const length = Math.min(row.length, width);
  let line = "";
  for (let i = 0; i < length; i++) {
    if (i > 0) line += ",";
    const cell = row[i];
    if (cell === null || cell === undefined || cell === false || cell === "") continue;
    const text = typeof cell === "string" ? cell : cell === true ? "1" : String(cell);
    if (!QUOTED.test(text)) line += text;
    else line += `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
  }
  return line;
}
