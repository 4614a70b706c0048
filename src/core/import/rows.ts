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
  /** The row's key as shown to the user: its value at the mapping's first key field present. */
  key: string;
  value: Record<string, unknown>;
}

export interface RejectedRow {
  row: number;
  line: number;
  /** The row's key as shown to the user, when the row gives one. */
  key?: string;
  /** The row's values at the mapping's key fields, to find the document it would have updated. */
  keys?: [path: string, value: string][];
  reasons: string[];
}

/** A column a mapping names that the file does not have, with the mapping path that names it. */
export interface MissingColumn {
  column: string;
  source: (string | number)[];
  suggestion?: string;
}

/** Column index by header: exact first, then ignoring case and runs of white space. */
const indexes = new WeakMap<readonly string[], (column: string) => number | undefined>();
export function columnIndex(header: readonly string[]): (column: string) => number | undefined {
  let index = indexes.get(header);
  if (index === undefined) {
    index = buildColumnIndex(header);
    indexes.set(header, index);
  }
  return index;
}

function buildColumnIndex(header: readonly string[]): (column: string) => number | undefined {
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
    const suggestion = closestMatch(
      column,
      header.map((h) => h.replace(/\s+/g, " ").trim()),
    );
    missing.push({ column, source, ...(suggestion !== undefined && { suggestion }) });
  };
  for (const rule of mapping.fields) {
    for (const column of columnsOf(rule)) check(column, rule.source);
    for (const m of (rule.template ?? "").matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (name.startsWith("column:")) check(name.slice("column:".length).trim(), rule.source);
    }
  }
  for (const condition of [...mapping.only, ...mapping.skip]) check(condition.column, condition.source);
  for (const parent of mapping.parents) {
    for (const [, template] of parent.fields) {
      for (const m of template.matchAll(PLACEHOLDER))
        if (m[1]!.startsWith("column:")) check(m[1]!.slice("column:".length).trim(), parent.source);
    }
  }
  return missing;
}

/** Whether every cell of the row is blank: such rows are skipped, not rejected. */
export function isBlankRow(row: CsvRow, mapping: ImportMapping): boolean {
  return row.cells.every((c) => isBlank(c, mapping.blanks, mapping.blankPatterns));
}

/**
 * Whether the mapping's row filters leave the row out: an `only` condition it fails, or a
 * `skip` condition it meets.
 */
export function isFilteredOut(row: CsvRow, header: readonly string[], mapping: ImportMapping): boolean {
  if (mapping.only.length === 0 && mapping.skip.length === 0) return false;
  const find = columnIndex(header);
  const meets = (c: ImportMapping["only"][number]): boolean => {
    const i = find(c.column);
    const text = i === undefined ? "" : (row.cells[i] ?? "");
    const blank = isBlank(text, mapping.blanks, mapping.blankPatterns);
    if (c.blank !== undefined && c.blank !== blank) return false;
    if (c.equals !== undefined && !c.equals.includes(cellKey(text))) return false;
    if (c.matches !== undefined && !c.matches.test(text)) return false;
    return true;
  };
  return !mapping.only.every(meets) || mapping.skip.some(meets);
}

/** Fills a parent's field template from a row: `{{value}}` is the parent's id. */
export function fillTemplate(template: string, value: string, cellOf: (column: string) => string | undefined): string {
  return template.replace(PLACEHOLDER, (_all, name: string) => {
    if (name === "value") return value;
    if (name.startsWith("column:")) return cellOf(name.slice("column:".length).trim()) ?? "";
    return "";
  });
}

/** The cells of a row by column header, blanks (as the mapping defines them) as undefined. */
export function cellReader(
  row: CsvRow,
  header: readonly string[],
  mapping: ImportMapping,
): (column: string) => string | undefined {
  const find = columnIndex(header);
  return (column) => {
    const i = find(column);
    if (i === undefined) return undefined;
    const text = unneutralise((row.cells[i] ?? "").replace(/\r\n?/g, "\n"));
    return isBlank(text, mapping.blanks, mapping.blankPatterns) ? undefined : text.trim();
  };
}

/**
 * The row's key as shown in messages: the first of the mapping's key fields (then the id) that
 * the row fills, read on its own so that a row rejected for another field still has one.
 */
export function rowKey(
  row: CsvRow,
  header: readonly string[],
  mapping: ImportMapping,
): { shown?: string; values: [path: string, value: string][] } {
  const cellOf = cellReader(row, header, mapping);
  const values: [string, string][] = [];
  for (const path of [...mapping.key, ...(mapping.key.includes("id") ? [] : ["id"])]) {
    const rule = mapping.fields.find((f) => f.path === path);
    if (rule === undefined) continue;
    try {
      const value = readField(rule, row, cellOf, mapping.decimalSeparator);
      if (typeof value === "string" || typeof value === "number") values.push([path, oneLine(String(value))]);
    } catch {
      // A key that cannot be read: try the next.
    }
  }
  // A row without a key is named by its name, when it has one.
  if (values.length === 0) {
    const rule = mapping.fields.find((f) => f.path === "name");
    const name =
      rule === undefined
        ? undefined
        : columnsOf(rule)
            .map(cellOf)
            .find((c) => c !== undefined);
    if (name !== undefined) return { shown: oneLine(name), values: [] };
  }
  return {
    ...(values[0] !== undefined && { shown: values[0][1] }),
    values: values.filter(([p]) => mapping.key.includes(p)),
  };
}

/** The document a row becomes, or the reasons it cannot become one. */
export function rowToDocument(
  row: CsvRow,
  header: readonly string[],
  mapping: ImportMapping,
): { value: Record<string, unknown> } | { reasons: string[] } {
  const reasons: string[] = [];
  if (row.cells.length !== header.length) {
    reasons.push(`has ${row.cells.length} cells where the header has ${header.length} (a shifted or broken row?)`);
    return { reasons };
  }
  const cellOf = cellReader(row, header, mapping);

  const value: Record<string, unknown> = { apiVersion: "pmo/v1", kind: mapping.kind };
  for (const [path, constant] of mapping.constants) setPath(value, path, structuredClone(constant));
  for (const rule of mapping.fields) {
    if (mapping.constants.some(([p]) => p === rule.path)) continue;
    try {
      const read = readField(rule, row, cellOf, mapping.decimalSeparator);
      const fallback =
        read !== undefined
          ? undefined
          : Object.hasOwn(rule, "withheld") && holdsText(rule, row, header)
            ? rule.withheld
            : Object.hasOwn(rule, "default")
              ? rule.default
              : mapping.defaults.get(rule.path);
      const result = read ?? (fallback === undefined ? undefined : structuredClone(fallback));
      if (result === undefined && rule.required) {
        const cells = columnsOf(rule).map((c) => {
          const i = columnIndex(header)(c);
          return `${quoteCell(c)}: ${quoteCell(i === undefined ? "" : (row.cells[i] ?? ""))}`;
        });
        throw new CellError(
          `no value (${cells.length > 0 ? cells.join(", ") : "the template's columns are blank"}); the field is required by the mapping`,
        );
      }
      if (result !== undefined) setPath(value, rule.path, result);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      const columns = columnsOf(rule).map((c) => `"${oneLine(c)}"`);
      const where =
        columns.length === 0
          ? ""
          : columns.length === 1
            ? ` (column ${columns[0]})`
            : ` (columns ${columns.join(", then ")})`;
      reasons.push(`${rule.path}${where}: ${error.message}`);
    }
  }
  for (const rule of mapping.fields) {
    if (rule.when !== undefined && getPath(value, rule.when) === undefined) deletePath(value, rule.path);
  }
  for (const [path, fallback] of mapping.defaults) {
    if (!mapping.fields.some((f) => f.path === path) && getPath(value, path) === undefined)
      setPath(value, path, structuredClone(fallback));
  }
  return reasons.length > 0 ? { reasons } : { value };
}

/** Whether a cell the rule tries holds text (a rule that read no value: blank markers and values mapped to blank). */
function holdsText(rule: FieldRule, row: CsvRow, header: readonly string[]): boolean {
  const find = columnIndex(header);
  return columnsOf(rule).some((c) => {
    const i = find(c);
    return i !== undefined && (row.cells[i] ?? "").trim() !== "";
  });
}

/** The columns a rule reads, in the order they are tried. */
export function columnsOf(rule: FieldRule): string[] {
  return rule.column === undefined ? [] : [rule.column, ...(rule.fallbacks ?? [])];
}

function readField(
  rule: FieldRule,
  row: CsvRow,
  cellOf: (column: string) => string | undefined,
  decimalSeparator: "." | ",",
): unknown {
  let cell: string | undefined;
  for (const column of columnsOf(rule)) {
    cell = cellOf(column);
    if (cell !== undefined) break;
  }
  // The value map and letter case, applied to the cell (or to the template's result).
  const transform = (input: string): string | number | null | undefined => {
    let mapped: string | number | null = input;
    if (rule.map !== undefined) {
      const key = cellKey(input);
      if (rule.map.has(key)) mapped = rule.map.get(key)!;
      else if (rule.unmapped === "blank") return undefined;
      else if (rule.unmapped === "reject") {
        const known = [...rule.map.keys()].map((k) => `"${k}"`).join(", ");
        throw new CellError(`${quoteCell(input)} is not in the value map (known: ${known})`);
      }
    }
    if (typeof mapped !== "string") return mapped;
    for (const r of rule.replace ?? []) mapped = r.apply(mapped);
    if (rule.lowercase || rule.case === "lower") mapped = mapped.toLowerCase();
    else if (rule.case === "upper") mapped = mapped.toUpperCase();
    return mapped;
  };
  let mapped: string | number | null | undefined;
  if (rule.template !== undefined) {
    const usesValue = /\{\{\s*value\s*\}\}/.test(rule.template);
    let value: string | undefined;
    if (usesValue && cell !== undefined) {
      const t = transform(cell);
      if (t === undefined || t === null) return undefined;
      value = String(t);
    }
    let blank = false;
    const text = rule.template.replace(PLACEHOLDER, (_all, name: string) => {
      if (name === "row") return String(row.row);
      if (name === "index") return String(row.row - 1);
      const padded = /^row:(\d+)$/.exec(name);
      if (padded) return String(row.row).padStart(Number(padded[1]), "0");
      if (name === "value") {
        if (value === undefined) blank = true;
        return value ?? "";
      }
      if (name.startsWith("column:")) {
        const other = cellOf(name.slice("column:".length).trim());
        if (other === undefined) blank = true;
        return other ?? "";
      }
      throw new CellError(
        `unknown placeholder {{${name}}} in the template (use row, row:N, index, value or column:Header)`,
      );
    });
    if (blank) return undefined;
    mapped = usesValue ? text : transform(text);
  } else {
    if (cell === undefined) return undefined;
    mapped = transform(cell);
  }
  if (mapped === null || mapped === undefined) return undefined;
  if (typeof mapped === "number") return mapped;
  const s = mapped;
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
      const items = s
        .split(rule.split)
        .map((item) => item.trim())
        .filter((item) => item !== "");
      return items.length > 0 ? items : undefined;
    }
    case "json":
      try {
        return JSON.parse(s) as unknown;
      } catch {
        throw new CellError(`${quoteCell(s)} is not JSON (lists and objects are written as JSON, e.g. ["a","b"])`);
      }
    default: {
      const text = rule.slugify ? slugify(s) : s;
      return rule.maxLength !== undefined ? cutAt(text, rule.maxLength) : text;
    }
  }
}

/** Text cut to at most `max` characters, at the last "-" or space when there is one in the second half. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = Math.max(cut.lastIndexOf("-"), cut.lastIndexOf(" "));
  return (at > max / 2 ? cut.slice(0, at) : cut).replace(/[-. ]+$/, "");
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

/** Deletes a dotted path, and the objects it leaves empty. */
function deletePath(target: Record<string, unknown>, path: string): void {
  const segments = path.split(".");
  const chain: Record<string, unknown>[] = [target];
  for (const segment of segments.slice(0, -1)) {
    const next = chain[chain.length - 1]![segment];
    if (typeof next !== "object" || next === null || Array.isArray(next)) return;
    chain.push(next as Record<string, unknown>);
  }
  delete chain[chain.length - 1]![segments[segments.length - 1]!];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]!).length > 0) break;
    delete chain[i - 1]![segments[i - 1]!];
  }
}

export function getPath(target: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (at, segment) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[segment] : undefined),
      target,
    );
}
