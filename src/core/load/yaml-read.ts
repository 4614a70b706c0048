import type { Schema } from "js-yaml";
import type { Document, LineCounter, ParseOptions, DocumentOptions, SchemaOptions } from "yaml";
import { FLOAT, HEX, INF, INT, NAN, OCT, readSubset } from "./subset-read.js";
import { jsYamlPackage, yamlPackage } from "./yaml-packages.js";

/**
 * The one reading of YAML text that every part of pmo uses (documents, the config, import
 * mappings, fmt's checks): YAML 1.2 with the core schema, whatever `%YAML` directive a file
 * carries, no custom tag resolved, line breaks normalised (CR, CRLF and LF are all line breaks
 * in YAML; the yaml package does not treat a lone CR as one).
 *
 * The yaml package is the parser of record: it reports every syntax error with a position and
 * guards against alias bombs. Two faster readers answer first, each for the texts it reads
 * exactly as the yaml package does and declining the rest: the subset reader (subset-read.ts,
 * one pass, for the plain block-style file nearly every pmo file is), then js-yaml, with a
 * schema built here so that its scalars resolve exactly as the core schema says, for a text
 * that holds nothing js-yaml is known to read differently (see FAST_PATH_DECLINES).
 * test/core/load/subset-read.test.ts and yaml-read.test.ts check that they give the same data
 * as the yaml package on every case of the YAML test suite, the examples, generated
 * repositories and mutations of them.
 */

/** Options of the yaml package for the reading of record. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  version: "1.2",
  // The core schema whatever the file's %YAML directive says: one meaning for the same bytes.
  schema: "core",
  // `!!binary`, `!!set`, `!!timestamp`... stay text with a warning, never Buffers or Dates.
  resolveKnownTags: false,
  // Collection keys are reported as a diagnostic, not as a Node warning on stderr.
  logLevel: "silent",
};

/** Aliases may be expanded this many times per document; more is an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** CR and CRLF become LF; YAML reads all three as one line break, and so do positions. */
export function normaliseLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

// The YAML 1.2 core schema's scalars (subset-read.ts); js-yaml's own core schema also accepts
// `_` separators, `0b` binary and signed hexadecimals, which are strings in YAML 1.2.

// js-yaml asks every implicit type about every plain scalar, most of which are words: the
// first character rules most of them out before any regular expression runs.
const startsNumber = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
};
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;

let fastSchema: Schema | undefined;

/** js-yaml with exactly the core schema's scalars (made when js-yaml is first needed). */
function coreSchema(): Schema {
  if (fastSchema) return fastSchema;
  const { FAILSAFE_SCHEMA, Type } = jsYamlPackage();
  const coreInt = new Type("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: (s: string | null) => s !== null && startsNumber(s) && (INT.test(s) || OCT.test(s) || HEX.test(s)),
    construct: (s: string) =>
      OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : parseInt(s, 10),
  });
  const coreFloat = new Type("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: (s: string | null) =>
      s !== null && startsNumber(s) && !INT.test(s) && (FLOAT.test(s) || INF.test(s) || NAN.test(s)),
    construct: (s: string) =>
      NAN.test(s) ? NaN : INF.test(s) ? (s.startsWith("-") ? -Infinity : Infinity) : parseFloat(s),
  });
  const coreNull = new Type("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: (s: string | null) => s === null || s.length === 0 || (s.length <= 4 && NULL.test(s)),
    construct: () => null,
  });
  const coreBool = new Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (s: string | null) => s !== null && (s.length === 4 || s.length === 5) && BOOL.test(s),
    construct: (s: string) => s.charAt(0) === "t" || s.charAt(0) === "T",
  });
  fastSchema = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });
  return fastSchema;
}

/**
 * Texts the fast path leaves to the yaml package, because js-yaml reads them differently (found
 * with the YAML test suite) or because only the yaml package can report on them: tabs and
 * unusual line separators (js-yaml folds and strips them differently), several documents,
 * document markers and directives, anchors, aliases and tags, complex (`?`) and empty or null
 * keys (js-yaml names them "null", yaml ""), flow mappings, flow sequences that do not open and
 * close on one line or that nest, quoted scalars that span lines or touch a comment, and
 * whitespace-only lines (block scalar indentation detection differs).
 */
// Written with lookbehinds rather than `^`/multiline alternatives: V8 scans for the first
// character of each alternative then, which keeps the test at a tenth of js-yaml's own time.
const FAST_PATH_DECLINES = new RegExp(
  [
    "[\\t\\u0085\\u2028\\u2029\\uFEFF{]", // tabs, other line separators, a BOM left inside, flow mappings
    "(?<![^\\n])(?:---|\\.\\.\\.|%)", // document markers and directives (a leading `---` line is removed first)
    "(?<![^\\s[,])[&*!?]", // anchors, aliases, tags, complex keys
    "(?<![^\\s[,-])(?:(?:~|null|Null|NULL)[ ]*)?:(?!\\S)", // empty or null keys, a space before a colon
    "\\[[^\\]\\n]*(?:\\n|$|\\[)", // a flow sequence that does not close on its line, or nests
    "\\](?!\\n|$)", // anything after the end of a flow sequence
    "[\"']#", // a comment touching a quoted scalar
    '(?<![^\\s:[,-])"(?:[^"\\\\\\n]|\\\\.)*\\\\?(?:\\n|$)', // a double-quoted scalar that goes on to the next line
    "(?<![^\\s:[,-])'(?:[^'\\n]|'')*(?:\\n|$)", // a single-quoted scalar that goes on to the next line
    "(?<![^\\n])[ ]+(?:\\n|$)", // whitespace-only lines
  ].join("|"),
);

/**
 * The fast reading: the value of a one-document text that the subset reader or js-yaml reads
 * exactly as the yaml package would, or undefined when the text is left to the yaml package.
 * Only mappings are answered.
 */
export function readFast(text: string): Record<string, unknown> | undefined {
  return readSubset(text) ?? readJsYaml(text);
}

/** The js-yaml reading alone (readFast without the subset reader; the benchmark compares them). */
export function readJsYaml(text: string): Record<string, unknown> | undefined {
  const body = text.startsWith("---\n") ? text.slice(4) : text;
  if (FAST_PATH_DECLINES.test(body) || hasLongLine(body)) return undefined;
  let value: unknown;
  try {
    value = jsYamlPackage().load(body, { schema: coreSchema(), json: false });
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/** A line of 1,000 characters or more: the yaml package limits implicit keys to 1,024. */
function hasLongLine(text: string): boolean {
  if (text.length < 1000) return false;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start >= 1000) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

export interface FullRead {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

/** The reading of record: every document of the text, with errors, warnings and node ranges. */
export function readFull(text: string): FullRead {
  const { LineCounter, parseAllDocuments } = yamlPackage();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { docs: Array.isArray(docs) ? docs : [docs], lineCounter };
}

/** A document's plain value, or why it cannot be had (an alias problem). */
export type DocumentValue =
  | { ok: true; value: unknown }
  | { ok: false; problem: "unknown-alias" | "alias-bomb"; alias: string; offset: number };

/**
 * Converts a parsed document without errors to plain data. An alias to an anchor that is not
 * defined before it, and aliases that expand to too many nodes, are problems at the alias.
 */
export function documentValue(doc: Document.Parsed): DocumentValue {
  let unknown: { alias: string; offset: number } | undefined;
  let first: { alias: string; offset: number } | undefined;
  const { visit } = yamlPackage();
  visit(doc, {
    Alias(_key, node) {
      first ??= { alias: node.source, offset: node.range?.[0] ?? 0 };
      if (unknown === undefined && node.resolve(doc) === undefined) {
        unknown = { alias: node.source, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (unknown) return { ok: false, problem: "unknown-alias", ...unknown };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch {
    return { ok: false, problem: "alias-bomb", ...(first ?? { alias: "", offset: doc.range[0] }) };
  }
}
