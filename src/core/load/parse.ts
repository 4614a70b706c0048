import type { Document, LineCounter } from "yaml";
import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import { KINDS } from "../../model/document.js";
import { describeInvalidUtf8, firstInvalidUtf8 } from "../utf8.js";
import { describeSyntaxError, syntaxDiagnostic, type SyntaxProblem } from "./syntax.js";
import { scanKind } from "./head.js";
import { readSubsetDocuments } from "./subset-read.js";
import { yamlPackage } from "./yaml-packages.js";
import { documentValue, normaliseLineBreaks, readFull, readJsYaml, type FullRead } from "./yaml-read.js";

export const SUPPORTED_API_VERSIONS = ["pmo/v1"] as const;
/** Files larger than this are refused: no hand-written PMO document comes near it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A document read from a file before it is checked against its schema. */
export interface RawDocument {
  docIndex: number;
  value: Record<string, unknown>;
}

export interface ParsedSource {
  documents: RawDocument[];
  diagnostics: Diagnostic[];
  /** The text as read (line breaks normalised): positions and code frames refer to it. */
  text: string;
  /** The file parsed but holds no pmo document (and nothing was reported about it). */
  notPmo: boolean;
  /** A document of the file does not parse: the ids the file seems to define (from its text). */
  brokenIds?: string[];
}

const KIND_NAMES = KINDS.join("|");
/** Loose signs that a text was meant as a pmo file, whatever its quoting or spacing. */
const MEANT_AS_PMO = new RegExp(`pmo/v|(?:^|[\\s{,])["']?kind["']?[ \\t]*:[ \\t]*["']?(?:${KIND_NAMES})\\b`, "im");
/** Folders pmo repositories keep their documents in (docs/data-model.md). */
const PMO_FOLDERS = /(?:^|\/)(?:projects|portfolios|programmes|risks|issues|decisions|people|raid)\//i;
const PMO_FILES = /(?:^|\/)engagement\.ya?ml$/i;

/**
 * True when a file seems meant to hold pmo documents: its text names a pmo apiVersion or kind
 * (in any quoting or spacing), or it sits in a folder pmo documents live in. A file that does
 * not parse is reported as an error when this holds and as a warning otherwise.
 */
export function looksLikePmo(text: string, file = ""): boolean {
  return MEANT_AS_PMO.test(text) || PMO_FOLDERS.test(file) || PMO_FILES.test(file);
}

/**
 * Decodes a file's bytes, refusing what is not a text file: binary content, invalid UTF-8.
 * Returns the text without a byte-order mark, or a diagnostic explaining the refusal.
 */
export function decodeSource(file: string, bytes: Uint8Array): string | Diagnostic {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return fileProblem(
      file,
      `file is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a pmo file`,
      "split it into several files, or list it in .pmoignore if it is not a pmo document",
    );
  }
  // A NUL byte in the first 8 KB makes a file binary, whatever else it holds. Looked for in the
  // decoded text first: a string search is a fraction of a search of the bytes, and only a text
  // with a NUL character somewhere needs the bytes looked at.
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return hasNulInHead(bytes) ? binaryFile(file) : notUtf8(file, bytes);
  }
  return text.includes("\0") && hasNulInHead(bytes) ? binaryFile(file) : text;
}

/**
 * A file that is not UTF-8, at its first bad byte sequence (line and column as every pmo
 * position), with what the bytes are: worked out only for a file that failed to decode.
 */
function notUtf8(file: string, bytes: Uint8Array): Diagnostic {
  const at = describeInvalidUtf8(bytes, firstInvalidUtf8(bytes));
  return {
    ...fileProblem(
      file,
      `file is not valid UTF-8 text: ${at.what}`,
      "save it with UTF-8 encoding (in a text editor: Save with Encoding, UTF-8)",
    ),
    line: at.line,
    column: at.column,
  };
}

const hasNulInHead = (bytes: Uint8Array): boolean => bytes.subarray(0, 8192).includes(0);

const binaryFile = (file: string): Diagnostic =>
  fileProblem(file, "file is binary, not YAML text", "remove it, rename it, or list it in .pmoignore");

/** One decoder for every file: decode() without `stream` starts afresh each call. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function fileProblem(file: string, message: string, hint: string): Diagnostic {
  return { ruleId: "unreadable-file", severity: "error", message, hint, file, line: 1, column: 1, pointer: "" };
}

/**
 * Parses every YAML document of one file (see yaml-read.ts for the one reading its three
 * readers implement: the subset reader, js-yaml, then the yaml package, which alone reports). A document that does not parse is reported with its position and left out (its
 * schema errors would only be noise); the file's other documents are still read. Documents
 * that declare neither a pmo apiVersion nor a pmo kind are not pmo documents and are skipped,
 * and the file is counted as such.
 */
export function parseSource(file: string, input: string): ParsedSource {
  const text = normaliseLineBreaks(input);
  return fromSubset(readSubsetDocuments(text), text) ?? parseRest(file, text);
}

/**
 * As parseSource, but undefined when the file certainly holds one document of a kind that is
 * not wanted (it is then not parsed further, see LoadOptions.kinds). The subset reader's one
 * pass gives the kind of the files it reads; the head scanner (head.ts) is asked only about
 * the others, before they go to the slower readers.
 */
export function parseWanted(file: string, input: string, kinds: readonly string[]): ParsedSource | undefined {
  const text = normaliseLineBreaks(input);
  if (unwantedByItsHead(text, kinds)) return undefined;
  const documents = readSubsetDocuments(text);
  if (documents !== undefined) {
    const kind = documents.length === 1 ? documents[0]?.["kind"] : undefined;
    if (typeof kind === "string" && KIND_SET.has(kind) && !kinds.includes(kind)) return undefined;
    return fromSubset(documents, text);
  }
  const kind = scanKind(text);
  if (kind !== undefined && !kinds.includes(kind)) return undefined;
  return parseRest(file, text);
}

/**
 * True when a text (line breaks normalised) certainly holds one document of a kind that is not
 * wanted, by its head alone: the first question parseWanted asks. A text whose kind line names
 * a kind that is not wanted (most files of a repository: its risks) goes to the head scanner,
 * which is cheaper than a full reading and builds no values; when it is not sure, the subset
 * reader decides as for any other text.
 */
export function unwantedByItsHead(text: string, kinds: readonly string[]): boolean {
  const named = KIND_LINE.exec(text)?.[1];
  if (named === undefined || !KIND_SET.has(named) || kinds.includes(named)) return false;
  const kind = scanKind(text);
  return kind !== undefined && !kinds.includes(kind);
}

const KIND_SET: ReadonlySet<string> = new Set(KINDS);
/** The word after the first `kind:` at the start of a line: what a text says its kind is, unverified. */
const KIND_LINE = /(?:^|\n)kind:[ ]+([A-Za-z]+)/;

/** What the subset reader's documents give: the same as parseFully on a clean text. */
function fromSubset(values: (Record<string, unknown> | null)[] | undefined, text: string): ParsedSource | undefined {
  if (values === undefined) return undefined;
  const documents: RawDocument[] = [];
  values.forEach((value, docIndex) => {
    if (value !== null && isPmoDocument(value)) documents.push({ docIndex, value });
  });
  return { documents, diagnostics: [], text, notPmo: documents.length === 0 };
}

/** A text the subset reader declined: js-yaml when it reads it as the yaml package would, else the yaml package. */
function parseRest(file: string, text: string): ParsedSource {
  const fast = readJsYaml(text);
  if (fast !== undefined) {
    return isPmoDocument(fast)
      ? { documents: [{ docIndex: 0, value: fast }], diagnostics: [], text, notPmo: false }
      : { documents: [], diagnostics: [], text, notPmo: true };
  }
  return parseFully(file, text);
}

/** True when the text holds at most one YAML document (no `---` or `...` after the start). */
export function isSingleDocument(text: string): boolean {
  return !/\n(---|\.\.\.)(\s|$)/.test(text);
}

function isPmoDocument(record: Record<string, unknown>): boolean {
  const apiVersion = record["apiVersion"];
  const kind = record["kind"];
  return (
    (typeof apiVersion === "string" && apiVersion.startsWith("pmo/")) ||
    (typeof kind === "string" && (KINDS as readonly string[]).includes(kind))
  );
}

function parseFully(file: string, text: string): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const documents: RawDocument[] = [];
  const meant = looksLikePmo(text, file);
  let read: FullRead;
  try {
    read = readFull(text);
  } catch (error) {
    const problem = {
      message:
        error instanceof RangeError ? "the structure is nested too deeply to read" : "the file cannot be read as YAML",
      hint: "simplify the file; pmo documents need only a few levels of nesting",
      start: 0,
      end: 1,
    };
    diagnostics.push(fileLevel(file, problem, meant));
    return { documents, diagnostics, text, notPmo: false, ...(meant ? { brokenIds: idsIn(text) } : {}) };
  }
  const { docs, lineCounter } = read;
  let broken = false;
  const directive = /^%/m.test(text) ? directiveProblem(text) : undefined;
  if (directive) {
    diagnostics.push(
      syntaxDiagnostic(file, directive, lineCounter, {
        severity: meant ? "error" : "warn",
        suffix: meant ? "" : NOT_READ,
      }),
    );
    return { documents, diagnostics, text, notPmo: false, ...(meant ? { brokenIds: idsIn(text) } : {}) };
  }
  const report = (problem: SyntaxProblem, docIndex: number, severity: Severity = meant ? "error" : "warn"): void => {
    const suffix = severity === "warn" && !meant ? NOT_READ : "";
    diagnostics.push(syntaxDiagnostic(file, problem, lineCounter, { docIndex, severity, suffix }));
  };

  docs.forEach((doc, docIndex) => {
    if (doc.errors.length > 0) {
      // The first error of a document is the mistake; what follows is usually its echo.
      if (!broken || meant) report(describeSyntaxError(doc.errors[0]!, text), docIndex);
      broken = true;
      return;
    }
    if (meant) {
      for (const warning of doc.warnings) report(describeSyntaxError(warning, text), docIndex, "warn");
      const version = versionDirective(doc, text);
      if (version) report(version, docIndex, "warn");
    }
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    const result = documentValue(doc);
    if (!result.ok) {
      const problem: SyntaxProblem =
        result.problem === "unknown-alias"
          ? {
              message: `the alias *${result.alias} names no anchor &${result.alias} defined before it`,
              hint: `define &${result.alias} on a value above this line, or write the value out`,
              start: result.offset,
              end: result.offset + result.alias.length + 1,
            }
          : {
              message: "aliases expand to too many values (an alias bomb)",
              hint: "write the values out instead of nesting aliases",
              start: result.offset,
              end: result.offset + result.alias.length + 1,
            };
      if (!broken || meant) report(problem, docIndex);
      broken = true;
      return;
    }
    const value = result.value;
    const isMap = typeof value === "object" && value !== null && !Array.isArray(value);
    const record = isMap ? (value as Record<string, unknown>) : undefined;
    if (!record || !isPmoDocument(record)) {
      if (meant && !isMap && MEANT_AS_PMO.test(text)) {
        const pos = lineCounter.linePos(doc.range[0]);
        diagnostics.push({
          ruleId: "api-version",
          severity: "error",
          message: "document is not a mapping: a pmo document is a set of fields starting with apiVersion, kind and id",
          file,
          line: pos.line,
          column: pos.col,
          pointer: "",
          docIndex,
        });
      }
      return;
    }
    documents.push({ docIndex, value: record });
  });
  const reported = diagnostics.length > 0;
  return {
    documents,
    diagnostics,
    text,
    notPmo: documents.length === 0 && !reported,
    ...(broken && meant ? { brokenIds: idsIn(text) } : {}),
  };
}

/**
 * Directive mistakes the yaml package lets through: a directive with no document after it,
 * and a second %YAML directive for the same document (YAML 1.2, section 6.8.1).
 */
function directiveProblem(text: string): SyntaxProblem | undefined {
  let yamlSeen = false;
  let pending: { offset: number; source: string } | undefined;
  for (const token of new (yamlPackage().Parser)().parse(text)) {
    if (token.type === "directive") {
      if (token.source.startsWith("%YAML")) {
        if (yamlSeen)
          return {
            message: "a second %YAML directive for the same document",
            hint: "keep one %YAML line per document",
            start: token.offset,
            end: token.offset + token.source.length,
          };
        yamlSeen = true;
      }
      pending = { offset: token.offset, source: token.source };
    } else if (token.type === "document") {
      yamlSeen = false;
      pending = undefined;
    }
  }
  if (pending)
    return {
      message: `the directive ${pending.source} is not followed by a document`,
      hint: "put --- and the document after the directive, or remove the directive",
      start: pending.offset,
      end: pending.offset + pending.source.length,
    };
  return undefined;
}

const NOT_READ =
  "; the file was not read, as nothing in it looks like a pmo document (list it in .pmoignore to silence this)";

function fileLevel(file: string, problem: SyntaxProblem, meant: boolean): Diagnostic {
  return {
    ruleId: "yaml-syntax",
    severity: meant ? "error" : "warn",
    message: problem.message + (meant ? "" : NOT_READ),
    ...(problem.hint ? { hint: problem.hint } : {}),
    file,
    line: 1,
    column: 1,
    pointer: "",
  };
}

/** `%YAML 1.1`: pmo reads every file as YAML 1.2 (the core schema), so say what that means. */
function versionDirective(doc: Document.Parsed, text: string): SyntaxProblem | undefined {
  const yaml = doc.directives?.yaml;
  if (!yaml?.explicit || yaml.version === "1.2") return undefined;
  const at = Math.max(0, text.lastIndexOf("%YAML", doc.range[0]));
  return {
    message: `this file declares %YAML ${yaml.version}, but pmo reads YAML 1.2: dates and times stay text, yes/no/on/off stay words, 010 is ten`,
    hint: "remove the %YAML line (or write %YAML 1.2)",
    start: at,
    end: at + "%YAML 1.1".length,
  };
}

/** Ids a text seems to define (`id: X` lines): those of a file that does not parse. */
export function idsIn(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/^[ ]*(?:-[ ]+)?["']?id["']?[ ]*:[ ]*["']?([^\s"'#,{}[\]]+)/gm)) ids.add(m[1]!);
  return [...ids].sort();
}

export type { LineCounter };
