/**
 * Spreadsheets run a cell that starts with =, +, -, @ (or a tab or carriage return) as a
 * formula, so text from YAML could run in whoever opens a CSV export ("CSV injection"). Such
 * text cells get a leading apostrophe, which spreadsheets show as plain text; numbers are
 * left alone, so a negative number stays a number.
 */
export function neutraliseFormula(cell: unknown): unknown {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
