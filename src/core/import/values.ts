import { neutraliseFormula } from "../csv.js";
/**
 * Reading one spreadsheet cell as a value of the data model: blanks, numbers written the ways
 * people write them ("£1.90m", "12,131.50", "(3.2)", "45%"), dates in explicit formats, ids.
 * Pure and locale-free: no Intl, no `new Date(string)`; dates go through date-fns `parse` with
 * the formats the mapping names, against a fixed reference date.
 */
import { createRequire } from "node:module";
import { isCalendarDate } from "../dates.js";
import type { format as formatFn } from "date-fns/format";
import type { parse as parseFn } from "date-fns/parse";

// date-fns' parse brings its 124 token parsers: required on the first date that is not ISO
// (an ISO cell needs none), from date-fns' CommonJS build, which the package ships for require.
const require = createRequire(import.meta.url);
let dateFns: { parse: typeof parseFn; format: typeof formatFn } | undefined;
function loadDateFns(): { parse: typeof parseFn; format: typeof formatFn } {
  if (dateFns === undefined) {
    const { parse } = require("date-fns/parse") as { parse: typeof parseFn };
    const { format } = require("date-fns/format") as { format: typeof formatFn };
    dateFns = { parse, format };
  }
  return dateFns;
}
const parse: typeof parseFn = (...args) => loadDateFns().parse(...args);
const format: typeof formatFn = (...args) => loadDateFns().format(...args);

export const DEFAULT_BLANKS: readonly string[] = ["", "#N/A", "N/A", "Not provided", "-", "TBC"];
export const DEFAULT_DATE_FORMATS: readonly string[] = ["iso", "dd/MM/yyyy", "dd/MM/yy"];

/** A reading that failed, with the reason shown to the user. */
export class CellError extends Error {
  override readonly name = "CellError";
}

/** Matching key for cell text: case-insensitive, white space trimmed and collapsed. */
export function cellKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The form a key value is matched in from one import to the next: letters and digits only,
 * lower case, accents dropped, so that "Dreadnought" and "DREADNOUGHT ", or "A12 Chelmsford to
 * A120 Widening" and "A12 Chelmsford to A120 widening", are one key.
 */
export function matchKey(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const key = String(value)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    // Punctuation inside a number is not a word break: "100,000" is "100000", "16/17" is "1617".
    .replace(/(?<=[0-9])[,.'/](?=[0-9])/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return key === "" ? undefined : key;
}

export function isBlank(
  text: string,
  blanks: ReadonlySet<string>,
  patterns: readonly { test(text: string): boolean }[] = [],
): boolean {
  return blanks.has(cellKey(text)) || patterns.some((p) => p.test(text));
}

/** Cell text quoted for a message: on one line, long text cut short. */
export function quoteCell(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9 };

export interface NumberOptions {
  /** Multiplier for plain numbers (a column "in £m" has 1000000). */
  scale?: number;
  decimalSeparator?: "." | ",";
}

/**
 * A number from text such as `450.37`, `£1.90m`, `£12,131.50`, `$ 2.5bn`, `(1,200)`, `45%`,
 * `1.234,5` (with decimalSeparator ","). A unit suffix (k, m, bn) gives the amount itself, so
 * the column's scale applies only to plain numbers.
 */
export function parseNumber(text: string, options: NumberOptions = {}): number {
  let s = text.trim().replace(/[\u00a0\u202f]/g, " ");
  let negative = false;
  // A unit written after the amount, as spreadsheets copy it from the header: "98339 ($m)".
  const unit = /^(.*?)\s*\(\s*(?:[£$€¥]|[A-Z]{3}\s*)?(k|m|mn|bn)\s*\)$/i.exec(s);
  if (unit) s = `${unit[1]!}${unit[2]!}`;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  // Currency symbols and codes before or after the amount.
  s = s.replace(/^(?:[£$€¥]|[A-Z]{3}\s|US\$)\s*/i, "").replace(/\s*(?:[£$€¥]|\s[A-Z]{3})$/i, "");
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let multiplier: number | undefined;
  const suffix = /^(.*?\d)\s*(bn|mn|k|m|b)$/i.exec(s);
  if (suffix && !percent) {
    multiplier = SUFFIXES[suffix[2]!.toLowerCase()];
    s = suffix[1]!;
  }
  const decimal = options.decimalSeparator ?? ".";
  const group = decimal === "." ? /[, ](?=\d{3}(?:\D|$))/g : /[. ](?=\d{3}(?:\D|$))/g;
  s = s.replace(group, "");
  if (decimal === ",") s = s.replace(",", ".");
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) throw new CellError(`${quoteCell(text)} is not a number`);
  let value = Number(s) * (multiplier ?? (percent ? 1 : (options.scale ?? 1)));
  // Binary floating point turns 450.37 * 1e6 into 450370000.00000006: round away the noise.
  value = Number(value.toFixed(6));
  return negative && value !== 0 ? -value : value;
}

/** `DD/MM/YYYY` and friends (what people write) to date-fns tokens (`dd/MM/yyyy`). */
export function dateFnsFormat(formatText: string): string {
  if (formatText === "iso") return formatText;
  return formatText
    .replace(/YYYY/g, "yyyy")
    .replace(/YY/g, "yy")
    .replace(/DD/g, "dd")
    .replace(/D(?!D)/g, "d");
}

// Two-digit years resolve within 50 years of this date: 00-49 -> 2000s, 50-99 -> 1900s. Fixed,
// so that the same cell gives the same date on any day.
const REFERENCE_DATE = new Date(2000, 0, 1);
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date `YYYY-MM-DD` from text in the first of `formats` that reads it as a real date. */
export function parseDate(text: string, formats: readonly string[]): string {
  const s = text.trim();
  for (const raw of formats) {
    const fmt = dateFnsFormat(raw);
    if (fmt === "iso") {
      const m = ISO.exec(s);
      if (m) {
        const iso = `${m[1]}-${m[2]}-${m[3]}`;
        // A calendar date of years 1000-9999 is itself (what date-fns gives for it, at a
        // fraction of the cost: an import reads thousands); other years go through date-fns.
        const real = isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
        if (real !== undefined) {
          if (real) return iso;
          continue;
        }
        const date = parse(iso, "yyyy-MM-dd", REFERENCE_DATE);
        if (!Number.isNaN(date.getTime())) return format(date, "yyyy-MM-dd");
      }
      continue;
    }
    const date = parse(s, fmt, REFERENCE_DATE);
    if (!Number.isNaN(date.getTime()) && date.getFullYear() >= 1000 && date.getFullYear() <= 9999)
      return format(date, "yyyy-MM-dd");
  }
  throw new CellError(`${quoteCell(s)} is not a date in any of the formats ${formats.join(", ")}`);
}

/** Text made into an id: anything but letters, digits, `_`, `.` and `-` becomes `-`. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

/**
 * Cells a spreadsheet export neutralised against formula injection (`'=SUM(...)`, see
 * core/csv.ts) get their text back, so that export -> import gives the same documents.
 */
export function unneutralise(text: string): string {
  return text.startsWith("'") && neutraliseFormula(text.slice(1)) === text ? text.slice(1) : text;
}
