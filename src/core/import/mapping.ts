/**
 * Import mappings: the YAML file that tells `pmo import csv` which column feeds which field.
 * Validated against schemas/import-mapping.schema.json, then checked against the target kind's
 * fields, every problem located in the mapping file. Without a mapping file, a CSV whose headers
 * are field paths (what `pmo export csv` writes) maps onto itself.
 */
import { RE2JS } from "re2js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Kind } from "../../model/document.js";
import { UsageError } from "../errors.js";
import { flatFields, type FieldType, type FlatField } from "../export/index.js";
import { createLocator, pointerToPath, readYamlFile } from "../load/index.js";
import { closestMatch, validateToolFile, type SchemaProblem } from "../validate/index.js";
import { describeInvalidUtf8, firstInvalidUtf8 } from "../utf8.js";
import { cellKey, DEFAULT_BLANKS, DEFAULT_DATE_FORMATS, matchKey } from "./values.js";

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
  /** The column, or the columns tried in order: the first non-blank cell is read. */
  column?: string;
  fallbacks?: readonly string[];
  template?: string;
  map?: ReadonlyMap<string, string | number | null>;
  unmapped: "reject" | "keep" | "blank";
  formats: readonly string[];
  scale?: number;
  split: string;
  slugify: boolean;
  lowercase: boolean;
  /** Replacements (RE2 patterns, case-insensitive) made in the text after the value map. */
  replace?: readonly { pattern: string; apply(text: string): string }[];
  /** Letter case the text is put in, after the value map. */
  case?: "upper" | "lower";
  /** Written when the document is created (or lacks the field), never updated by a sync. */
  once: boolean;
  /** Written only when the document gets a value at this other field path. */
  when?: string;
  /** A blank cell (in every column tried) rejects the row, naming the cells. */
  required: boolean;
  /** Longest text kept (ids: 64), cut at a word boundary when there is one. */
  maxLength?: number;
  default?: unknown;
  /**
   * Written when the cells tried hold text but no value: a blank marker other than an empty
   * cell (a Freedom-of-Information exemption, "No DCA") or a value the map leaves blank. It
   * comes before `default`, which an empty cell gets.
   */
  withheld?: unknown;
  /** Where the rule is in the mapping file (empty for generated mappings). */
  source: SourcePath;
}

/** A condition on one cell of a row, for the mapping's `only` and `skip` row filters. */
export interface RowCondition {
  column: string;
  equals?: readonly string[];
  matches?: BlankPattern;
  blank?: boolean;
  source: SourcePath;
}

/** A parent document (a portfolio, say) that rows name in a field, created when it does not exist. */
export interface ParentRule {
  /** The field of the row's document that holds the parent's id. */
  path: string;
  kind: "Portfolio" | "Project" | "Person";
  /** Field path -> template (`{{column:Header}}`, `{{value}}` for the parent's id). */
  fields: readonly [string, string][];
  source: SourcePath;
}

export interface ImportMapping {
  kind: ImportKind;
  /**
   * Field paths that identify a document from one import to the next, tried in order: a row
   * updates the document whose value at the first of them that both have is the same
   * (compared ignoring case, white space and punctuation). Default: id.
   */
  key: readonly string[];
  /** Words left out when a key field's values are compared (e.g. "programme" in project names). */
  keyIgnoreWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Rows are imported only when every `only` condition holds, and none of `skip` does. */
  only: readonly RowCondition[];
  skip: readonly RowCondition[];
  parents: readonly ParentRule[];
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

/** Schema problems of a parsed mapping file; none when it is valid. */
export function validateImportMapping(value: unknown): SchemaProblem[] {
  return validateToolFile("import-mapping", value, "import mapping");
}

export function resolveImportKind(text: string): ImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.toLowerCase() === text.toLowerCase());
}

/** Fields a mapping may fill: every flat field of the kind but the header, which pmo writes. */
export function mappableFields(kind: ImportKind): readonly FlatField[] {
  return flatFields(kind).filter((f) => f.path !== "apiVersion" && f.path !== "kind");
}

/**
 * A mapping file's text. A mapping is YAML, which is UTF-8: a byte sequence that is not is
 * reported at its line and column (a value map's "Clôturé" saved as Windows-1252 would
 * otherwise never match its cell), as the loader reads every other YAML file.
 */
export function decodeMapping(bytes: Uint8Array, shown: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = describeInvalidUtf8(bytes, firstInvalidUtf8(bytes));
    const diagnostic: Diagnostic = {
      ruleId: "import-mapping",
      severity: "error",
      message: `the mapping file is not valid UTF-8: ${at.what}`,
      hint: "save the mapping file as UTF-8 (a YAML file is UTF-8)",
      file: shown,
      line: at.line,
      column: at.column,
      pointer: "",
    };
    throw new UsageError(
      `invalid import mapping ${shown}`,
      [diagnostic],
      new Map([[shown, at.source.replace(/^\uFEFF/, "")]]),
    );
  }
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
    return {
      ruleId: "import-mapping",
      severity: "error",
      message,
      ...(hint !== undefined && { hint }),
      file: shown,
      line: range.line,
      column: range.column,
      pointer: "",
    };
  };
  const schemaProblems = validateImportMapping(value).map((p) =>
    problem(pointerToPath(p.pointer) as SourcePath, p.message, p.hint, p.keyword === "additionalProperties"),
  );
  if (schemaProblems.length > 0) fail(schemaProblems);

  const raw = value as Record<string, unknown>;
  const declared = typeof raw["kind"] === "string" ? resolveImportKind(raw["kind"]) : undefined;
  if (kind !== undefined && declared !== undefined && kind !== declared) {
    fail([
      problem(
        ["kind"],
        `the mapping is for ${declared} documents, but --kind asks for ${kind}`,
        "drop --kind, or pass the mapping written for that kind",
      ),
    ]);
  }
  const target = kind ?? declared;
  if (target === undefined)
    throw new UsageError(
      `${shown} does not say which kind its rows become: pass --kind (project, risk, issue, decision or person) or add "kind:" to the mapping`,
    );

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
    const suggestion = closestMatch(
      path,
      known.map((f) => f.path),
    );
    const why =
      prefix !== undefined
        ? `; "${prefix.path}" is one ${prefix.type === "json" ? "JSON" : prefix.type} value, map it as a whole`
        : "";
    problems.push(
      problem(
        [section, path],
        `unknown field "${path}" for ${target}${why}`,
        suggestion !== undefined && prefix === undefined
          ? `did you mean "${suggestion}"?`
          : `see pmo schema ${target.toLowerCase()}`,
        true,
      ),
    );
    return undefined;
  };

  const blankPatterns: BlankPattern[] = [];
  ((raw["blankPatterns"] as string[] | undefined) ?? []).forEach((source, i) => {
    const compiled = compileBlankPattern(source);
    if (typeof compiled === "string")
      problems.push(
        problem(
          ["blankPatterns", i],
          compiled,
          "write a pattern without back-references or look-arounds, e.g. ^(n/?a|tbc)$",
        ),
      );
    else blankPatterns.push(compiled);
  });
  const dateFormats = (raw["dateFormats"] as string[] | undefined) ?? DEFAULT_DATE_FORMATS;
  const fields: FieldRule[] = [];
  for (const [path, spec] of Object.entries((raw["fields"] ?? {}) as Record<string, unknown>)) {
    const field = checkPath("fields", path);
    if (field === undefined) continue;
    const s = (typeof spec === "string" || Array.isArray(spec) ? { column: spec } : spec) as Record<string, unknown>;
    const map = s["map"] as Record<string, string | number | null> | undefined;
    const columns =
      typeof s["column"] === "string" ? [s["column"]] : Array.isArray(s["column"]) ? (s["column"] as string[]) : [];
    const maxLength = typeof s["maxLength"] === "number" ? s["maxLength"] : path === "id" ? 64 : undefined;
    const replace = ((s["replace"] as { pattern: string; with: string }[] | undefined) ?? []).flatMap((r, i) => {
      try {
        const re = RE2JS.compile(r.pattern, RE2JS.CASE_INSENSITIVE);
        return [{ pattern: r.pattern, apply: (text: string) => re.matcher(text).replaceAll(r.with) }];
      } catch (error) {
        problems.push(
          problem(
            ["fields", path, "replace", i, "pattern"],
            `not a regular expression pmo can run safely: ${(error as Error).message.replace(/^error parsing regexp: /, "")}`,
            "write a pattern without back-references or look-arounds",
          ),
        );
        return [];
      }
    });
    fields.push({
      path,
      type: (s["type"] as FieldType | undefined) ?? field.type,
      ...(columns.length > 0 && { column: columns[0]! }),
      ...(columns.length > 1 && { fallbacks: columns.slice(1) }),
      ...((s["case"] === "upper" || s["case"] === "lower") && { case: s["case"] }),
      ...(replace.length > 0 && { replace }),
      once: s["once"] === true,
      ...(typeof s["when"] === "string" && { when: s["when"] }),
      required: s["required"] === true,
      ...(maxLength !== undefined && { maxLength }),
      ...(typeof s["template"] === "string" && { template: s["template"] }),
      ...(map !== undefined && { map: new Map(Object.entries(map).map(([k, v]) => [cellKey(k), v])) }),
      unmapped: (s["unmapped"] as FieldRule["unmapped"] | undefined) ?? (map !== undefined ? "reject" : "keep"),
      formats: (s["formats"] as string[] | undefined) ?? dateFormats,
      ...(typeof s["scale"] === "number" && { scale: s["scale"] }),
      split: (s["split"] as string | undefined) ?? ";",
      slugify: s["slugify"] === true || path === "id",
      lowercase: s["lowercase"] === true,
      ...(Object.hasOwn(s, "default") && { default: s["default"] }),
      ...(Object.hasOwn(s, "withheld") && { withheld: s["withheld"] }),
      source:
        typeof spec === "string" || Array.isArray(spec) || s["column"] === undefined
          ? ["fields", path]
          : ["fields", path, "column"],
    });
  }
  const knownPaths = new Set([...fields.map((f) => f.path), "id"]);
  for (const f of fields) {
    if (f.when !== undefined && !knownPaths.has(f.when))
      problems.push(
        problem(
          ["fields", f.path, "when"],
          `"${f.when}" is not a field the mapping fills`,
          "name another field under fields:",
        ),
      );
  }
  const keySpecs = (raw["key"] as (string | { field: string; ignoreWords?: string[] })[] | undefined) ?? ["id"];
  const key = keySpecs.map((k) => (typeof k === "string" ? k : k.field));
  const keyIgnoreWords = new Map(
    keySpecs.flatMap((k) =>
      typeof k === "string" || k.ignoreWords === undefined
        ? []
        : [[k.field, new Set(k.ignoreWords.flatMap((w) => (matchKey(w) ?? "").split(" ")))] as [string, Set<string>]],
    ),
  );
  key.forEach((k, i) => {
    if (!knownPaths.has(k))
      problems.push(
        problem(
          ["key", i],
          `the key "${k}" is not a field the mapping fills`,
          `map a column to "${k}" under fields:, or key on one of ${[...knownPaths].map((p) => `"${p}"`).join(", ")}`,
        ),
      );
  });
  const conditions = (section: "only" | "skip"): RowCondition[] =>
    ((raw[section] as Record<string, unknown>[] | undefined) ?? []).flatMap((c, i) => {
      const equals = c["equals"];
      let matches: BlankPattern | undefined;
      if (typeof c["matches"] === "string") {
        const compiled = compileBlankPattern(c["matches"]);
        if (typeof compiled === "string") {
          problems.push(
            problem([section, i, "matches"], compiled, "write a pattern without back-references or look-arounds"),
          );
          return [];
        }
        matches = compiled;
      }
      return [
        {
          column: c["column"] as string,
          ...(equals !== undefined && {
            equals: (Array.isArray(equals) ? equals : [equals]).map((e) => cellKey(String(e))),
          }),
          ...(matches !== undefined && { matches }),
          ...(typeof c["blank"] === "boolean" && { blank: c["blank"] }),
          source: [section, i, "column"],
        },
      ];
    });
  const only = conditions("only");
  const skip = conditions("skip");
  const parents: ParentRule[] = Object.entries((raw["parents"] ?? {}) as Record<string, Record<string, unknown>>).map(
    ([path, spec]) => {
      if (!knownPaths.has(path) && !constantsHave(raw, path))
        problems.push(
          problem(
            ["parents", path],
            `"${path}" is not a field the mapping fills`,
            "name the field that holds the parent's id, e.g. portfolio",
            true,
          ),
        );
      return {
        path,
        kind: ((spec["kind"] as string | undefined) ?? "Portfolio") as ParentRule["kind"],
        fields: Object.entries((spec["fields"] ?? {}) as Record<string, string>),
        source: ["parents", path],
      };
    },
  );
  const constants = Object.entries((raw["constants"] ?? {}) as Record<string, unknown>).filter(
    ([path]) => checkPath("constants", path) !== undefined,
  );
  const defaults = Object.entries((raw["defaults"] ?? {}) as Record<string, unknown>).filter(
    ([path]) => checkPath("defaults", path) !== undefined,
  );
  if (problems.length > 0) fail(problems);
  if (!fields.some((f) => f.path === "id")) fields.unshift(idRule(target));

  return {
    kind: target,
    key,
    keyIgnoreWords,
    only,
    skip,
    parents,
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

function constantsHave(raw: Record<string, unknown>, path: string): boolean {
  return Object.hasOwn((raw["constants"] ?? {}) as object, path);
}

/** The form a value of a key field is compared in: see matchKey, less the words the key ignores. */
export function keyForm(mapping: ImportMapping, path: string, value: unknown): string | undefined {
  const key = matchKey(value);
  const ignore = mapping.keyIgnoreWords.get(path);
  if (key === undefined || ignore === undefined) return key;
  const kept = key.split(" ").filter((w) => !ignore.has(w));
  return kept.length > 0 ? kept.join(" ") : key;
}

/** Adds `--where COLUMN=VALUE` conditions to a mapping's `only` filter. */
export function withConditions(
  mapping: ImportMapping,
  where: readonly { column: string; value: string }[],
): ImportMapping {
  if (where.length === 0) return mapping;
  return {
    ...mapping,
    only: [...mapping.only, ...where.map((w) => ({ column: w.column, equals: [cellKey(w.value)], source: [] }))],
  };
}

function idRule(kind: ImportKind): FieldRule {
  return {
    path: "id",
    type: "string",
    template: DEFAULT_ID_TEMPLATES[kind],
    unmapped: "keep",
    formats: DEFAULT_DATE_FORMATS,
    split: ";",
    slugify: true,
    lowercase: false,
    once: false,
    required: false,
    source: [],
  };
}

/**
 * The mapping of a CSV whose headers are field paths of the kind, as `pmo export csv` writes
 * them. Other headers are returned, to be reported as ignored.
 */
export function identityMapping(
  kind: ImportKind,
  header: readonly string[],
): { mapping: ImportMapping; ignored: string[] } {
  const byPath = new Map(mappableFields(kind).map((f) => [f.path, f]));
  const fields: FieldRule[] = [];
  const ignored: string[] = [];
  for (const column of header) {
    const field =
      byPath.get(column.trim()) ??
      (/^(?:[A-Za-z0-9]+\.)*x-/.test(column.trim()) ? { path: column.trim(), type: "json" as const } : undefined);
    if (field === undefined) {
      ignored.push(column);
      continue;
    }
    // Cells hold what export wrote: plain text, numbers, ISO dates, JSON for lists and objects.
    const type: FieldType = field.type === "list" ? "json" : field.type;
    fields.push({
      path: field.path,
      type,
      column,
      unmapped: "keep",
      formats: ["iso"],
      split: ";",
      slugify: false,
      lowercase: false,
      once: false,
      required: false,
      source: [],
    });
  }
  if (!fields.some((f) => f.path === "id")) fields.unshift(idRule(kind));
  return {
    mapping: {
      kind,
      key: ["id"],
      keyIgnoreWords: new Map(),
      only: [],
      skip: [],
      parents: [],
      encoding: "auto",
      delimiter: "auto",
      blanks: new Set([""]),
      blankPatterns: [],
      decimalSeparator: ".",
      fields,
      constants: [],
      defaults: new Map(),
    },
    ignored,
  };
}
