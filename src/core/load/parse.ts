import { CORE_SCHEMA, load as fastLoad } from "js-yaml";
import { LineCounter, parseAllDocuments, type YAMLError } from "yaml";
import type { Diagnostic } from "../../model/diagnostic.js";
import { KINDS } from "../../model/document.js";

export const SUPPORTED_API_VERSIONS = ["pmo/v1"] as const;
/** Files larger than this are refused: no hand-written PMO document comes near it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Aliases may be expanded this many times per document; more is an alias bomb. */
const MAX_ALIAS_COUNT = 1000;
/** After this many syntax errors in one file the rest are summarised. */
const MAX_SYNTAX_ERRORS_PER_FILE = 10;

/** A document read from a file before it is checked against its schema. */
export interface RawDocument {
  docIndex: number;
  value: Record<string, unknown>;
}

export interface ParsedSource {
  documents: RawDocument[];
  diagnostics: Diagnostic[];
}

const PMO_MARKER = new RegExp(`^\\s*(apiVersion:\\s*["']?pmo/|kind:\\s*["']?(${KINDS.join("|")})\\b)`, "m");

/** True when a file's text looks like it was meant to hold pmo documents. */
export function looksLikePmo(text: string): boolean {
  return PMO_MARKER.test(text);
}

/**
 * Decodes a file's bytes, refusing what is not a text file: binary content, invalid UTF-8.
 * Returns the text without a byte-order mark, or a diagnostic explaining the refusal.
 */
export function decodeSource(file: string, bytes: Uint8Array): string | Diagnostic {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return fileProblem(file, `file is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a pmo file`, "split it into several files, or list it in .pmoignore if it is not a pmo document");
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return fileProblem(file, "file is binary, not YAML text", "remove it, rename it, or list it in .pmoignore");
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    return fileProblem(file, "file is not valid UTF-8 text", "save it with UTF-8 encoding");
  }
}

function fileProblem(file: string, message: string, hint: string): Diagnostic {
  return { ruleId: "unreadable-file", severity: "error", message, hint, file, line: 1, column: 1, pointer: "" };
}

/**
 * Parses every YAML document of one file. Syntax errors are reported with their position and
 * the broken document is left out (its schema errors would only be noise). Documents that do
 * not declare a pmo apiVersion are not pmo documents and are skipped, unless they declare a pmo
 * kind, which means the apiVersion was forgotten.
 */
export function parseSource(file: string, text: string): ParsedSource {
  return parseQuickly(text) ?? parseFully(file, text);
}

/** More than one document, or anchors and aliases: cases left to the full parser. */
const SEVERAL_DOCUMENTS = /\n(---|\.\.\.)(\s|$)/;
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s[\]{},]/m;

/**
 * The fast path, for the common file: one document with no anchors or aliases that parses
 * without error. js-yaml reads such a file an order of magnitude faster than the yaml
 * package, which matters for repositories of thousands of files. Anything else (a syntax
 * error, several documents, aliases that need the alias-bomb guard, a value that is not a
 * mapping) returns undefined and goes to the full parser, which reports errors with positions.
 * Both parsers implement the YAML 1.2 core schema, so dates stay strings and `yes` stays text.
 */
function parseQuickly(text: string): ParsedSource | undefined {
  if (SEVERAL_DOCUMENTS.test(text) || ANCHOR_OR_ALIAS.test(text)) return undefined;
  let value: unknown;
  try {
    value = fastLoad(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (value === undefined || value === null) return { documents: [], diagnostics: [] };
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (!isPmoDocument(record)) return { documents: [], diagnostics: [] };
  return { documents: [{ docIndex: 0, value: record }], diagnostics: [] };
}

/** True when the text holds at most one YAML document (no `---` or `...` after the start). */
export function isSingleDocument(text: string): boolean {
  return !SEVERAL_DOCUMENTS.test(text);
}

function isPmoDocument(record: Record<string, unknown>): boolean {
  const apiVersion = record["apiVersion"];
  const kind = record["kind"];
  return (typeof apiVersion === "string" && apiVersion.startsWith("pmo/")) || (typeof kind === "string" && (KINDS as readonly string[]).includes(kind));
}

function parseFully(file: string, text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const documents: RawDocument[] = [];
  let parsed;
  try {
    parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: "1.2" });
  } catch (error) {
    diagnostics.push(fileProblem(file, `cannot parse: ${describe(error)}`, "simplify the file; deeply nested structures are not supported"));
    return { documents, diagnostics };
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const reportErrors = looksLikePmo(text);
  let syntaxErrors = 0;

  docs.forEach((doc, docIndex) => {
    const atDocumentStart = (ruleId: string, message: string, hint?: string): Diagnostic => {
      const pos = lineCounter.linePos(doc.range[0]);
      return { ruleId, severity: "error", message, hint, file, line: pos.line, column: pos.col, pointer: "", docIndex };
    };
    const errors = [...doc.errors, ...doc.warnings];
    if (errors.length > 0) {
      if (!reportErrors) return;
      for (const error of errors) {
        syntaxErrors++;
        if (syntaxErrors <= MAX_SYNTAX_ERRORS_PER_FILE) diagnostics.push(syntaxDiagnostic(file, docIndex, error, lineCounter, text));
      }
      return;
    }
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof ReferenceError ? "aliases expand to too many nodes (an alias bomb)" : `cannot read document: ${describe(error)}`;
      diagnostics.push(atDocumentStart("yaml-syntax", message, "write the values out instead of nesting aliases"));
      return;
    }
    const isMap = typeof value === "object" && value !== null && !Array.isArray(value);
    const record = isMap ? (value as Record<string, unknown>) : undefined;
    if (!record || !isPmoDocument(record)) {
      if (reportErrors && !isMap) {
        diagnostics.push(atDocumentStart("api-version", "document is not a mapping: a pmo document is a set of fields starting with apiVersion, kind and id"));
      }
      return;
    }
    documents.push({ docIndex, value: record as Record<string, unknown> });
  });
  if (syntaxErrors > MAX_SYNTAX_ERRORS_PER_FILE) {
    const last = diagnostics[diagnostics.length - 1]!;
    diagnostics.push({ ...last, message: `${syntaxErrors - MAX_SYNTAX_ERRORS_PER_FILE} more syntax errors in this file not shown`, hint: undefined });
  }
  return { documents, diagnostics };
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs for indentation",
  DUPLICATE_KEY: "remove or rename one of the keys: each field may appear once",
  MISSING_CHAR: "add the missing closing character (a quote or bracket)",
  BAD_INDENT: "check the indentation: fields at the same level must line up",
  BLOCK_AS_IMPLICIT_KEY: "check the indentation and the colon after each key",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check for a missing colon or quote",
  UNEXPECTED_TOKEN: "check the punctuation around this position",
  BAD_ALIAS: "an alias (*name) must refer to an anchor (&name) defined before it",
  TAG_RESOLVE_FAILED: "remove the tag or use a standard one",
};

function syntaxDiagnostic(file: string, docIndex: number, error: YAMLError, lineCounter: LineCounter, text: string): Diagnostic {
  // The parser notices a missing closing quote only where the text ends; the reader needs
  // the place the string was opened.
  const opened = error.code === "MISSING_CHAR" && /quote/.test(error.message) ? openingQuote(text, error.pos[0]) : undefined;
  const start = lineCounter.linePos(opened ?? error.pos[0]);
  const end = lineCounter.linePos(opened !== undefined ? opened + 1 : error.pos[1]);
  return {
    ruleId: "yaml-syntax",
    severity: "error",
    message: /call stack/i.test(error.message)
      ? "the structure is nested too deeply to read"
      : opened !== undefined
        ? "this quoted string is never closed"
        : error.message.replace(/ at line \d+, column \d+.*$/s, ""),
    hint: /call stack/i.test(error.message) ? "flatten the structure: pmo documents need only a few levels of nesting" : SYNTAX_HINTS[error.code],
    file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    pointer: "",
    docIndex,
  };
}

/**
 * The offset of the quote that opens the last unclosed quoted value before `offset`: the last
 * line, going back, whose value starts with a quote that the line does not close.
 */
function openingQuote(text: string, offset: number): number | undefined {
  const lines = text.slice(0, offset).split("\n");
  let lineStart = offset - lines[lines.length - 1]!.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const m = /^(\s*(?:-\s+)?(?:[^\s#"'][^:#]*:\s+)?)(["'])(.*)$/.exec(line);
    if (m && !closesOnLine(m[3]!, m[2]!)) return lineStart + m[1]!.length;
    lineStart -= (lines[i - 1]?.length ?? 0) + 1;
  }
  return undefined;
}

function closesOnLine(rest: string, quote: string): boolean {
  for (let i = 0; i < rest.length; i++) {
    if (quote === '"' && rest[i] === "\\") i++;
    else if (rest[i] === quote) {
      if (quote === "'" && rest[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return "the structure is nested too deeply";
  return error instanceof Error ? error.message : String(error);
}
