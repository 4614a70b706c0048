/**
 * One CSV row to one document, following the mapping: find each field's cell, treat blanks as
 * absent, apply the value map, read the cell as the field's type, fill templates, defaults and
 * constants. A row that cannot be read is rejected with every reason, never half-imported.
 */
import { closestMatch } from "../validate/index.js";
import type { CsvRow } from "./csv-source.js";
import type { FieldRule, ImportMapping } from "./mapping.js";
import { CellError, cellKey, isBlank, parseDate, parseNumber, quoteCell, slugify, unneutralise } from "./values.js";

export interface ImportedRow {
  row: number;
  line: number;
  value: Record<string, unknown>;
}

export interface RejectedRow {
  row: number;
  line: number;
  reasons: string[];
}

/** A column a mapping names that the file does not have, with the mapping path that names it. */
export interface MissingColumn {
  column: string;
  source: (string | number)[];
  suggestion?: string;
}

/** Column index by header: exact first, then ignoring case and runs of white space. */
export function columnIndex(header: readonly string[]): (column: string) => number | undefined {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  header.forEach((h, i) => {
    if (!exact.has(h)) exact.set(h, i);
    if (!loose.has(cellKey(h))) loose.set(cellKey(h), i);
  });
  return (column) => exact.get(column) ?? loose.get(cellKey(column));
}

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Columns named by the mapping (in `column` or `{{column:...}}`) that the header lacks. */
export function missingColumns(mapping: ImportMapping, header: readonly string[]): MissingColumn[] {
  const find = columnIndex(header);
  const missing: MissingColumn[] = [];
  const check = (column: string, source: (string | number)[]) => {
    if (find(column) !== undefined) return;
    const suggestion = closestMatch(column, header.map((h) => h.replace(/\s+/g, " ").trim()));
    missing.push({ column, source, ...(suggestion !== undefined && { suggestion }) });
  };
  for (const rule of mapping.fields) {
    if (rule.column !== undefined) check(rule.column, rule.source);
    for (const m of (rule.template ?? "").matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (name.startsWith("column:")) check(name.slice("column:".length).trim(), rule.source);
    }
  }
  return missing;
}

/** Whether every cell of the row is blank: such rows are skipped, not rejected. */
export function isBlankRow(row: CsvRow, mapping: ImportMapping): boolean {
  return row.cells.every((c) => isBlank(c, mapping.blanks, mapping.blankPatterns));
}

/** The document a row becomes, or the reasons it cannot become one. */
export function rowToDocument(row: CsvRow, header: readonly string[], mapping: ImportMapping): { value: Record<string, unknown> } | { reasons: string[] } {
  const find = columnIndex(header);
  const reasons: string[] = [];
  if (row.cells.length !== header.length) {
    reasons.push(`has ${row.cells.length} cells where the header has ${header.length} (a shifted or broken row?)`);
    return { reasons };
  }
  const cellOf = (column: string): string | undefined => {
    const i = find(column);
    if (i === undefined) return undefined;
    const text = unneutralise((row.cells[i] ?? "").replace(/\r\n?/g, "\n"));
    return isBlank(text, mapping.blanks, mapping.blankPatterns) ? undefined : text.trim();
  };

  const value: Record<string, unknown> = { apiVersion: "pmo/v1", kind: mapping.kind };
  for (const [path, constant] of mapping.constants) setPath(value, path, structuredClone(constant));
  for (const rule of mapping.fields) {
    if (mapping.constants.some(([p]) => p === rule.path)) continue;
    try {
      const read = readField(rule, row, cellOf, mapping.decimalSeparator);
      const fallback = read === undefined ? (Object.hasOwn(rule, "default") ? rule.default : mapping.defaults.get(rule.path)) : undefined;
      const result = read ?? (fallback === undefined ? undefined : structuredClone(fallback));
      if (result !== undefined) setPath(value, rule.path, result);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      reasons.push(`${rule.path}${rule.column !== undefined ? ` (column "${oneLine(rule.column)}")` : ""}: ${error.message}`);
    }
  }
  for (const [path, fallback] of mapping.defaults) {
    if (!mapping.fields.some((f) => f.path === path) && getPath(value, path) === undefined) setPath(value, path, structuredClone(fallback));
  }
  return reasons.length > 0 ? { reasons } : { value };
}

function readField(rule: FieldRule, row: CsvRow, cellOf: (column: string) => string | undefined, decimalSeparator: "." | ","): unknown {
  const cell = rule.column === undefined ? undefined : cellOf(rule.column);
  let text: string | undefined;
  if (rule.template !== undefined) {
    let blank = false;
    text = rule.template.replace(PLACEHOLDER, (_all, name: string) => {
      if (name === "row") return String(row.row);
      if (name === "index") return String(row.row - 1);
      const padded = /^row:(\d+)$/.exec(name);
      if (padded) return String(row.row).padStart(Number(padded[1]), "0");
      if (name === "value") {
        if (cell === undefined) blank = true;
        return cell ?? "";
      }
      if (name.startsWith("column:")) {
        const other = cellOf(name.slice("column:".length).trim());
        if (other === undefined) blank = true;
        return other ?? "";
      }
      throw new CellError(`unknown placeholder {{${name}}} in the template (use row, row:N, index, value or column:Header)`);
    });
    if (blank) return undefined;
  } else {
    text = cell;
  }
  if (text === undefined) return undefined;
  let mapped: string | number | null = text;
  if (rule.map !== undefined) {
    const key = cellKey(text);
    if (rule.map.has(key)) mapped = rule.map.get(key)!;
    else if (rule.unmapped === "blank") return undefined;
    else if (rule.unmapped === "reject") {
      const known = [...rule.map.keys()].map((k) => `"${k}"`).join(", ");
      throw new CellError(`${quoteCell(text)} is not in the value map (known: ${known})`);
    }
  }
  if (mapped === null) return undefined;
  if (typeof mapped === "number") return mapped;
  let s = mapped;
  if (rule.lowercase) s = s.toLowerCase();
  switch (rule.type) {
    case "number":
      return parseNumber(s, { decimalSeparator, ...(rule.scale !== undefined && { scale: rule.scale }) });
    case "integer": {
      const n = parseNumber(s, { decimalSeparator, ...(rule.scale !== undefined && { scale: rule.scale }) });
      if (!Number.isInteger(n)) throw new CellError(`${quoteCell(s)} is not a whole number`);
      return n;
    }
    case "date":
      return parseDate(s, rule.formats);
    case "boolean": {
      const key = cellKey(s);
      if (["true", "yes", "y", "1"].includes(key)) return true;
      if (["false", "no", "n", "0"].includes(key)) return false;
      throw new CellError(`${quoteCell(s)} is not yes or no`);
    }
    case "list": {
      const items = s.split(rule.split).map((item) => item.trim()).filter((item) => item !== "");
      return items.length > 0 ? items : undefined;
    }
    case "json":
      try {
        return JSON.parse(s) as unknown;
      } catch {
        throw new CellError(`${quoteCell(s)} is not JSON (lists and objects are written as JSON, e.g. ["a","b"])`);
      }
    default:
      return rule.slugify ? slugify(s) : s;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Sets a dotted path, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let at = target;
  for (const segment of segments.slice(0, -1)) {
    const next = at[segment];
    if (typeof next !== "object" || next === null || Array.isArray(next)) at[segment] = {};
    at = at[segment] as Record<string, unknown>;
  }
  at[segments[segments.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((at, segment) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[segment] : undefined), target);
}
