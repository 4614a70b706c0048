import type { ReportContext } from "../context.js";

/**
 * How the log and register pages of a large site stay a few screens tall (the recipe of the
 * risk register): above the exception-first threshold (`report.exceptionsAbove`), in a site
 * rather than one file, each page keeps the rows a board must look at first, says how many it
 * left out, and writes every row to a CSV file beside it.
 */

/** Rows kept of a list that needs attention (open risks, decisions awaited, open issues...). */
export const REGISTER_ROWS = 25;

/** Rows kept of a list that is the record (decisions taken, issues resolved or closed). */
export const RECORD_ROWS = 5;

/** Whether a register page is cut to its first rows: a site (not one file) of more projects than the threshold. */
export function isLargeSite(ctx: ReportContext): boolean {
  return !ctx.single && ctx.catalog.projects.length > ctx.layout.exceptionsAbove;
}

/** The first `limit` rows when the site is large (every row otherwise), and how many were left out. */
export function cutRows<T>(rows: readonly T[], large: boolean, limit: number): { kept: T[]; more: number } {
  if (!large || rows.length <= limit) return { kept: [...rows], more: 0 };
  return { kept: rows.slice(0, limit), more: rows.length - limit };
}

/** A CSV file beside a cut page: its name (relative to the page) and how many rows it holds. */
export interface CsvLink {
  file: string;
  rows: number;
}

/** A file of the report: its path inside the output folder and its text. */
export interface CsvFile {
  path: string;
  content: string;
}
