import { isDeepStrictEqual } from "node:util";
import { type Document, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseAllDocuments, Scalar, visit, type Node, type Pair, type YAMLError } from "yaml";
import type { Diagnostic } from "../../model/diagnostic.js";
import { KINDS } from "../../model/document.js";
import { itemSchema, propertyOrder, propertySchema, schemaForKind, type SchemaCursor } from "./key-order.js";
import { foldedLinesOf, formattingTags } from "./yaml-style.js";

/**
 * `pmo fmt`: the canonical form of a YAML file of pmo documents (docs/fmt.md). Works on the
 * yaml package's document tree, never on a parse/dump of plain values, so that comments and
 * blank lines stay where they are: keys are reordered as whole pairs (a comment above a key
 * moves with it), scalars change style, and the tree is written back with fixed options.
 */

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

export interface FormatOptions {
  /**
   * Orders the keys of documents without apiVersion and kind by this schema ("config" for
   * pmo.config.yaml). pmo documents are always ordered by their kind's schema.
   */
  schema?: string;
}

const PARSE_OPTIONS = { keepSourceTokens: true, uniqueKeys: true, version: "1.2", prettyErrors: false } as const;
const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, singleQuote: false, flowCollectionPadding: true } as const;

/** Formats one file's text. Never throws for bad input: a file that does not parse gives diagnostics. */
export function formatSource(file: string, source: string, options: FormatOptions = {}): FormatResult {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter, customTags: formattingTags });
  const list = Array.isArray(docs) ? docs : [docs];
  const errors = list.flatMap((doc) => [...doc.errors, ...doc.warnings]);
  if (errors.length > 0) return { ok: false, diagnostics: errors.map((error) => syntaxDiagnostic(file, error, lineCounter)) };

  const kept = list.filter((doc, index) => index === 0 || !isEmpty(doc));
  kept.forEach((doc, index) => {
    canonicalise(doc, options);
    keepTrailingCommentClose(doc, text);
    // The first document needs no start marker; every later one has exactly one.
    doc.directives!.docStart = index > 0 || doc.directives!.toString(doc) !== "" ? true : null;
    doc.directives!.docEnd = false;
  });
  let output = kept.map((doc) => doc.toString(TO_STRING_OPTIONS)).join("");
  output = output.replace(/\n*$/, "\n");
  if (output.trim() === "") output = "";

  const lost = verify(text, output);
  if (lost !== undefined) {
    return { ok: false, diagnostics: [{ ruleId: "fmt", severity: "error", message: `cannot format this file without changing it: ${lost}; it was left as it is`, hint: "please report this file to the pmo maintainers", file, line: 1, column: 1, pointer: "" }] };
  }
  return { ok: true, text: output, changed: output !== source };
}

/**
 * yaml writes a document's trailing comment after a blank line, whether or not there was one;
 * a comment that followed the last line directly is kept there as the mapping's own comment.
 */
function keepTrailingCommentClose(doc: Document.Parsed, text: string): void {
  const contents = doc.contents;
  if (!doc.comment || !(isMap(contents) || isSeq(contents)) || contents.flow || contents.comment) return;
  const end = contents.range[1];
  const gap = text.slice(end, text.indexOf("#", end));
  if (gap.includes("\n")) return;
  contents.comment = doc.comment;
  doc.comment = null;
}

/** A document with nothing in it, such as the one after a trailing `---`. */
function isEmpty(doc: Document.Parsed): boolean {
  if (doc.commentBefore || doc.comment) return false;
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && contents.value === null && contents.range[0] === contents.range[1] && !contents.comment && !contents.commentBefore);
}

function canonicalise(doc: Document.Parsed, options: FormatOptions): void {
  visit(doc, {
    Scalar(_key, node) {
      const lines = foldedLinesOf(node);
      if (lines !== undefined) {
        node.value = lines;
        return;
      }
      // Plain when the value reads back the same, double quotes otherwise (yaml decides).
      if (typeof node.value === "string" && (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.PLAIN)) {
        node.type = Scalar.PLAIN;
      }
    },
  });
  const contents = doc.contents;
  if (!isMap(contents)) return;
  const kindNode = contents.get("kind", true);
  const apiNode = contents.get("apiVersion", true);
  const apiVersion: unknown = isScalar(apiNode) ? apiNode.value : undefined;
  const kind = isScalar(kindNode) && typeof kindNode.value === "string" ? kindNode.value : undefined;
  const isPmo = (typeof apiVersion === "string" && apiVersion.startsWith("pmo/")) || (kind !== undefined && (KINDS as readonly string[]).includes(kind));
  const schemaName = isPmo ? kind : options.schema;
  const schema = schemaName === undefined ? undefined : schemaForKind(schemaName);
  if (schema) orderKeys(contents, schema, true);
}

function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

/** Orders a node's mapping keys, and those of the mappings inside it, by their schema. */
function orderKeys(node: unknown, schema: SchemaCursor, root = false): void {
  if (isSeq(node)) {
    const items = itemSchema(schema);
    if (items) for (const item of node.items) orderKeys(item, items);
    return;
  }
  if (!isMap(node)) return;
  const order = propertyOrder(schema);
  if (order.length > 0) {
    const rank = new Map(order.map((key, index) => [key, index]));
    const pairs = node.items as Pair[];
    const known = pairs.filter((p) => rank.has(keyOf(p) ?? "")).sort((a, b) => rank.get(keyOf(a)!)! - rank.get(keyOf(b)!)!);
    const rest = pairs.filter((p) => !rank.has(keyOf(p) ?? ""));
    const ordered = [...known, ...rest];
    if (ordered.some((p, i) => p !== pairs[i])) keepHeadAtTop(pairs, ordered, root);
    node.items = ordered;
  }
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = keyOf(pair);
    const sub = key === undefined ? undefined : propertySchema(schema, key);
    if (sub) orderKeys(pair.value, sub);
  }
}

/**
 * A blank line above the first key of a mapping belongs to the mapping's place in its parent,
 * not to the key, and so do the comments at the top of a document (a schema modeline, a file
 * header): when the keys are reordered they stay at the top.
 */
function keepHeadAtTop(before: Pair[], after: Pair[], root: boolean): void {
  const first = before[0]?.key as Node | undefined;
  const newFirst = after[0]?.key as Node | undefined;
  if (!first || !newFirst || first === newFirst || !isScalar(first) || !isScalar(newFirst)) return;
  if (first.spaceBefore && !newFirst.spaceBefore) {
    first.spaceBefore = false;
    newFirst.spaceBefore = true;
  }
  if (root && first.commentBefore) {
    newFirst.commentBefore = newFirst.commentBefore ? `${first.commentBefore}\n${newFirst.commentBefore}` : first.commentBefore;
    first.commentBefore = undefined;
  }
}

/**
 * Refuses output that would not be the same file in meaning: every document's value and every
 * comment must survive. A safeguard against corner cases of the YAML writer; never expected to fire.
 */
function verify(before: string, after: string): string | undefined {
  const values = (text: string): unknown[] => parseAllDocuments(text, { version: "1.2" }).map((doc) => doc.toJS({ maxAliasCount: -1 }) as unknown);
  const a = values(before).filter((v) => v !== null);
  const b = values(after).filter((v) => v !== null);
  if (!isDeepStrictEqual(a, b)) return "a value would change";
  const comments = (text: string): string[] => [...new Lexer().lex(text)].filter((token) => token.startsWith("#")).map((token) => token.trimEnd()).sort();
  if (!isDeepStrictEqual(comments(before), comments(after))) return "a comment would be lost or changed";
  return undefined;
}

function syntaxDiagnostic(file: string, error: YAMLError, lineCounter: LineCounter): Diagnostic {
  const start = lineCounter.linePos(error.pos[0]);
  const end = lineCounter.linePos(error.pos[1]);
  return {
    ruleId: "yaml-syntax",
    severity: "error",
    message: `${error.message.replace(/ at line \d+, column \d+.*$/s, "")}; the file was not formatted`,
    file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    pointer: "",
  };
}
