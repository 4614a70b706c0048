/**
 * Import mappings: the YAML file that tells `pmo import csv` which column feeds which field.
 * Validated against schemas/import-mapping.schema.json, then checked against the target kind's
 * fields, every problem located in the mapping file. Without a mapping file, a CSV whose headers
 * are field paths (what `pmo export csv` writes) maps onto itself.
 */
import type { AnySchemaObject, ValidateFunction } from "ajv/dist/2020.js";
import { RE2JS } from "re2js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Kind } from "../../model/document.js";
import { UsageError } from "../errors.js";
import { flatFields, type FieldType, type FlatField } from "../export/index.js";
import { createLocator, pointerToPath, readYamlFile } from "../load/index.js";
import { closestMatch, createAjv, translateErrors, type SchemaProblem } from "../validate/index.js";
import { getSchema } from "../validate/index.js";
import { cellKey, DEFAULT_BLANKS, DEFAULT_DATE_FORMATS } from "./values.js";

/** A pattern a cell is matched against, in time linear in the cell's length. */
export interface BlankPattern {
  source: string;
  test(text: string): boolean;
}

/**
 * Compiles a mapping's blank pattern with RE2 (re2js), whose matching time is linear in the
 * input: a pattern from a file is input, and with JavaScript's backtracking engine `^(a+)+$`
 * on a 30-character cell costs seconds of CPU, doubling with each character. RE2 has no
 * back-references or look-arounds; a pattern using them is reported, not run. Case is ignored,
 * as the blank words are.
 */
export function compileBlankPattern(source: string): BlankPattern | string {
  try {
    const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    return { source, test: (text) => re.matcher(text).find() };
  } catch (error) {
    return `not a regular expression pmo can run safely: ${(error as Error).message.replace(/^error parsing regexp: /, "")}`;
  }
}

/** The kinds rows can become. */
export const IMPORT_KINDS = ["Project", "Risk", "Issue", "Decision", "Person"] as const satisfies readonly Kind[];
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const ENCODINGS = ["auto", "utf-8", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Path into the mapping file, for positions. */
type SourcePath = (string | number)[];

export interface FieldRule {
  path: string;
  type: FieldType;
  column?: string;
  template?: string;
  map?: ReadonlyMap<string, string | number | null>;
  unmapped: "reject" | "keep" | "blank";
  formats: readonly string[];
  scale?: number;
  split: string;
  slugify: boolean;
  lowercase: boolean;
  default?: unknown;
  /** Where the rule is in the mapping file (empty for generated mappings). */
  source: SourcePath;
}

export interface ImportMapping {
  kind: ImportKind;
  encoding: Encoding;
  delimiter: "auto" | "," | ";" | "\t" | "|";
  blanks: ReadonlySet<string>;
  blankPatterns: readonly BlankPattern[];
  decimalSeparator: "." | ",";
  fields: readonly FieldRule[];
  constants: readonly [string, unknown][];
  defaults: ReadonlyMap<string, unknown>;
  /** The mapping file as shown to the user, and a locator into it; absent for generated mappings. */
  file?: string;
  text?: string;
  locate?: (path: SourcePath, options?: { key?: boolean }) => { line: number; column: number };
}

/** Default id templates, by kind: the spreadsheet row keeps the id traceable to its source. */
export const DEFAULT_ID_TEMPLATES: Record<ImportKind, string> = {
  Project: "PRJ-{{row:4}}",
  Risk: "RSK-{{row:4}}",
  Issue: "ISS-{{row:4}}",
  Decision: "DEC-{{row:4}}",
  Person: "PER-{{row:4}}",
};

let validator: ValidateFunction | undefined;

/** Schema problems of a parsed mapping file; none when it is valid. */
export function validateImportMapping(value: unknown): SchemaProblem[] {
  validator ??= createAjv([getSchema("common") as AnySchemaObject, getSchema("import-mapping") as AnySchemaObject]).getSchema(
    "https://pmo.dev/schemas/v1/import-mapping.schema.json",
  )!;
  if (validator(value)) return [];
  return translateErrors(validator.errors ?? [], "import mapping");
}

export function resolveImportKind(text: string): ImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.toLowerCase() === text.toLowerCase());
}

/** Fields a mapping may fill: every flat field of the kind but the header, which pmo writes. */
export function mappableFields(kind: ImportKind): readonly FlatField[] {
  return flatFields(kind).filter((f) => f.path !== "apiVersion" && f.path !== "kind");
}

/**
 * Parses and checks a mapping file's text (`shown` names it in problems). `kind` is --kind, if
 * given. Throws a UsageError with every problem located in the file.
 */
export function parseImportMapping(input: string, shown: string, kind: ImportKind | undefined): ImportMapping {
  const read = readYamlFile(input, shown);
  const text = read.text;
  const sources = new Map([[shown, text]]);
  const fail = (problems: Diagnostic[]): never => {
    throw new UsageError(`invalid import mapping ${shown}`, problems, sources);
  };
  if (read.diagnostics.length > 0) fail(read.diagnostics);
  const value = (read.value ?? null) as unknown;
  const locator = createLocator(text);
  const locate = (path: SourcePath, options?: { key?: boolean }) => locator(0, path, options);
  const problem = (path: SourcePath, message: string, hint?: string, key = false): Diagnostic => {
    const range = locate(path, { key });
    return { ruleId: "import-mapping", severity: "error", message, ...(hint !== undefined && { hint }), file: shown, line: range.line, column: range.column, pointer: "" };
  };
  const schemaProblems = validateImportMapping(value).map((p) => problem(pointerToPath(p.pointer) as SourcePath, p.message, p.hint, p.keyword === "additionalProperties"));
  if (schemaProblems.length > 0) fail(schemaProblems);

  const raw = value as Record<string, unknown>;
  const declared = typeof raw["kind"] === "string" ? resolveImportKind(raw["kind"]) : undefined;
  if (kind !== undefined && declared !== undefined && kind !== declared) {
    fail([problem(["kind"], `the mapping is for ${declared} documents, but --kind asks for ${kind}`, "drop --kind, or pass the mapping written for that kind")]);
  }
  const target = kind ?? declared;
  if (target === undefined) throw new UsageError(`${shown} does not say which kind its rows become: pass --kind (project, risk, issue, decision or person) or add "kind:" to the mapping`);

  const problems: Diagnostic[] = [];
  const known = mappableFields(target);
  const byPath = new Map(known.map((f) => [f.path, f]));
  const checkPath = (section: string, path: string): FlatField | undefined => {
    if (path.startsWith("x-") || path.includes(".x-")) return { path, type: "string" };
    const field = byPath.get(path);
    if (field !== undefined) return field;
    if (path === "apiVersion" || path === "kind") {
      problems.push(problem([section, path], `"${path}" is written by pmo and cannot be mapped`, undefined, true));
      return undefined;
    }
    const prefix = known.find((f) => path.startsWith(`${f.path}.`));
    const suggestion = closestMatch(path, known.map((f) => f.path));
    const why = prefix !== undefined ? `; "${prefix.path}" is one ${prefix.type === "json" ? "JSON" : prefix.type} value, map it as a whole` : "";
    problems.push(
      problem([section, path], `unknown field "${path}" for ${target}${why}`, suggestion !== undefined && prefix === undefined ? `did you mean "${suggestion}"?` : `see pmo schema ${target.toLowerCase()}`, true),
    );
    return undefined;
  };

  const blankPatterns: BlankPattern[] = [];
  ((raw["blankPatterns"] as string[] | undefined) ?? []).forEach((source, i) => {
    const compiled = compileBlankPattern(source);
    if (typeof compiled === "string") problems.push(problem(["blankPatterns", i], compiled, "write a pattern without back-references or look-arounds, e.g. ^(n/?a|tbc)$"));
    else blankPatterns.push(compiled);
  });
  const dateFormats = (raw["dateFormats"] as string[] | undefined) ?? DEFAULT_DATE_FORMATS;
  const fields: FieldRule[] = [];
  for (const [path, spec] of Object.entries((raw["fields"] ?? {}) as Record<string, unknown>)) {
    const field = checkPath("fields", path);
    if (field === undefined) continue;
    const s = (typeof spec === "string" ? { column: spec } : spec) as Record<string, unknown>;
    const map = s["map"] as Record<string, string | number | null> | undefined;
    fields.push({
      path,
      type: (s["type"] as FieldType | undefined) ?? field.type,
      ...(typeof s["column"] === "string" && { column: s["column"] }),
      ...(typeof s["template"] === "string" && { template: s["template"] }),
      ...(map !== undefined && { map: new Map(Object.entries(map).map(([k, v]) => [cellKey(k), v])) }),
      unmapped: (s["unmapped"] as FieldRule["unmapped"] | undefined) ?? (map !== undefined ? "reject" : "keep"),
      formats: (s["formats"] as string[] | undefined) ?? dateFormats,
      ...(typeof s["scale"] === "number" && { scale: s["scale"] }),
      split: (s["split"] as string | undefined) ?? ";",
      slugify: s["slugify"] === true || path === "id",
      lowercase: s["lowercase"] === true,
      ...(Object.hasOwn(s, "default") && { default: s["default"] }),
      source: typeof spec === "string" || typeof s["column"] !== "string" ? ["fields", path] : ["fields", path, "column"],
    });
  }
  const constants = Object.entries((raw["constants"] ?? {}) as Record<string, unknown>).filter(([path]) => checkPath("constants", path) !== undefined);
  const defaults = Object.entries((raw["defaults"] ?? {}) as Record<string, unknown>).filter(([path]) => checkPath("defaults", path) !== undefined);
  if (problems.length > 0) fail(problems);
  if (!fields.some((f) => f.path === "id")) fields.unshift(idRule(target));

  return {
    kind: target,
    encoding: (raw["encoding"] as Encoding | undefined) ?? "auto",
    delimiter: (raw["delimiter"] as ImportMapping["delimiter"] | undefined) ?? "auto",
    blanks: new Set(((raw["blanks"] as string[] | undefined) ?? DEFAULT_BLANKS).map(cellKey)),
    blankPatterns,
    decimalSeparator: (raw["decimalSeparator"] as "." | "," | undefined) ?? ".",
    fields,
    constants,
    defaults: new Map(defaults),
    file: shown,
    text,
    locate,
  };
}

function idRule(kind: ImportKind): FieldRule {
  return { path: "id", type: "string", template: DEFAULT_ID_TEMPLATES[kind], unmapped: "keep", formats: DEFAULT_DATE_FORMATS, split: ";", slugify: true, lowercase: false, source: [] };
}

/**
 * The mapping of a CSV whose headers are field paths of the kind, as `pmo export csv` writes
 * them. Other headers are returned, to be reported as ignored.
 */
export function identityMapping(kind: ImportKind, header: readonly string[]): { mapping: ImportMapping; ignored: string[] } {
  const byPath = new Map(mappableFields(kind).map((f) => [f.path, f]));
  const fields: FieldRule[] = [];
  const ignored: string[] = [];
  for (const column of header) {
    const field = byPath.get(column.trim()) ?? (/^(?:[A-Za-z0-9]+\.)*x-/.test(column.trim()) ? { path: column.trim(), type: "json" as const } : undefined);
    if (field === undefined) {
      ignored.push(column);
      continue;
    }
    // Cells hold what export wrote: plain text, numbers, ISO dates, JSON for lists and objects.
    const type: FieldType = field.type === "list" ? "json" : field.type;
    fields.push({ path: field.path, type, column, unmapped: "keep", formats: ["iso"], split: ";", slugify: false, lowercase: false, source: [] });
  }
  if (!fields.some((f) => f.path === "id")) fields.unshift(idRule(kind));
  return {
    mapping: { kind, encoding: "auto", delimiter: "auto", blanks: new Set([""]), blankPatterns: [], decimalSeparator: ".", fields, constants: [], defaults: new Map() },
    ignored,
  };
}
