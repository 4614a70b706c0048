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
 */
export function formatCsv(
  columns: readonly string[],
  records: readonly (readonly unknown[])[],
  options: CsvOptions = {},
): string {
  return stringify(
    records.map((row) => row.map(neutraliseFormula)),
    {
      header: true,
      columns: columns.map(neutraliseFormula) as string[],
      record_delimiter: "unix",
      quoted_match: /[\r\n",]/,
      bom: options.bom ?? true,
    },
  );
}
