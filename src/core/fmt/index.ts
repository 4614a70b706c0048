import { isDeepStrictEqual } from "node:util";
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseAllDocuments,
  Scalar,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { Diagnostic } from "../../model/diagnostic.js";
import { KINDS } from "../../model/document.js";
import {
  describeSyntaxError,
  documentValue,
  normaliseLineBreaks,
  syntaxDiagnostic,
  YAML_OPTIONS,
} from "../load/index.js";
import { isBare, writeBareDocument } from "./bare-document.js";
import { layoutOf, withLayout } from "./layout.js";
import { itemSchema, propertyOrder, propertySchema, schemaForKind, type SchemaCursor } from "./key-order.js";
import { foldedLinesOf, formattingTags } from "./yaml-style.js";

/**
 * `pmo fmt`: the canonical form of a YAML file of pmo documents (docs/fmt.md). Works on the
 * yaml package's document tree, never on a parse/dump of plain values, so that comments and
 * blank lines stay where they are: keys are reordered as whole pairs (a comment above a key
 * moves with it), scalars change style, and the tree is written back with fixed options.
 */

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; diagnostics: Diagnostic[] };

export interface FormatOptions {
  /**
   * Orders the keys of documents without apiVersion and kind by this schema ("config" for
   * pmo.config.yaml). pmo documents are always ordered by their kind's schema.
   */
  schema?: string;
  /**
   * Adds a `# yaml-language-server: $schema=...` modeline to each pmo document that has none:
   * the schema path for the document's kind, or undefined to add none. Never set by default,
   * so that formatting does not add lines by surprise; an existing modeline is never changed.
   */
  modeline?: (kind: string) => string | undefined;
}

/** A yaml-language-server modeline, as a comment's text (after the #). */
const MODELINE = /^\s*yaml-language-server:\s*\$schema=/;

/** The loader's reading of the file (core schema, no custom tags resolved), plus the source tokens. */
const PARSE_OPTIONS = { ...YAML_OPTIONS, keepSourceTokens: true } as const;
const TO_STRING_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  flowCollectionPadding: true,
} as const;

/**
 * Formats one file's text. Never throws for bad input: a file that does not parse gives
 * diagnostics. The result is a fixed point: formatting it again changes nothing (a corner of
 * the YAML writer that moves a comment or a blank line on a second pass is formatted again).
 */
export function formatSource(file: string, source: string, options: FormatOptions = {}): FormatResult {
  const first = formatOnce(file, source, options);
  if (!first.ok) return first;
  let current = first.text;
  for (let pass = 0; pass < 3; pass++) {
    const next = formatOnce(file, current, options);
    if (!next.ok) break;
    if (next.text === current) {
      const lost = verify(normaliseLineBreaks(source.replace(/^\uFEFF/, "")), current, options.modeline !== undefined);
      if (lost !== undefined) break;
      // The file keeps its line breaks and byte order mark, and ends with one line break.
      const text = withLayout(current, layoutOf(source), 1);
      return { ok: true, text, changed: text !== source };
    }
    current = next.text;
  }
  return {
    ok: false,
    diagnostics: [
      {
        ruleId: "fmt",
        severity: "error",
        message: "pmo cannot give this file a stable canonical form; the file was left as it is",
        hint: "please report this file to the pmo maintainers",
        file,
        line: 1,
        column: 1,
        pointer: "",
      },
    ],
  };
}

function formatOnce(file: string, source: string, options: FormatOptions): FormatResult {
  const text = normaliseLineBreaks(source.replace(/^\uFEFF/, ""));
  const refuse = (message: string, hint: string, line = 1, column = 1): FormatResult => ({
    ok: false,
    diagnostics: [
      {
        ruleId: "fmt",
        severity: "error",
        message: `${message}; the file was left as it is`,
        hint,
        file,
        line,
        column,
        pointer: "",
      },
    ],
  });
  const parse = (): { list: Document.Parsed[]; lineCounter: LineCounter } => {
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter, customTags: formattingTags });
    return { list: Array.isArray(docs) ? docs : [docs], lineCounter };
  };
  let parsed;
  try {
    parsed = parse();
  } catch {
    return refuse("the structure is nested too deeply to format", "flatten the structure");
  }
  const { list, lineCounter } = parsed;
  // A file of comments and blank lines only holds no document: it is kept as it is.
  if (list.length === 0) {
    const kept = text.trim() === "" ? "" : text.replace(/\s*$/, "\n");
    return { ok: true, text: kept, changed: kept !== source };
  }
  for (const [docIndex, doc] of list.entries()) {
    if (doc.errors.length > 0) {
      return {
        ok: false,
        diagnostics: [
          syntaxDiagnostic(file, describeSyntaxError(doc.errors[0]!, text), lineCounter, {
            docIndex,
            suffix: "; the file was not formatted",
          }),
        ],
      };
    }
    const value = documentValue(doc);
    if (!value.ok) {
      const unknown = value.problem === "unknown-alias";
      const message = unknown
        ? `the alias *${value.alias} names no anchor &${value.alias} defined before it`
        : "aliases expand to too many values (an alias bomb)";
      return {
        ok: false,
        diagnostics: [
          syntaxDiagnostic(
            file,
            {
              message,
              hint: unknown
                ? "define the anchor before the alias, or write the value out"
                : "write the values out instead of nesting aliases",
              start: value.offset,
              end: value.offset + value.alias.length + 1,
            },
            lineCounter,
            { docIndex, suffix: "; the file was not formatted" },
          ),
        ],
      };
    }
  }

  let output: string;
  try {
    const first = render(list, options, text);
    // Key order that would put an alias before its anchor is not applied to that document.
    output = typeof first === "string" ? first : (render(parse().list, options, text, first) as string);
  } catch {
    return refuse("pmo cannot format this file", "please report this file to the pmo maintainers");
  }

  const lost = verify(text, output, options.modeline !== undefined);
  if (lost !== undefined)
    return refuse(
      `cannot format this file without changing it: ${lost}`,
      "please report this file to the pmo maintainers",
    );
  return { ok: true, text: output, changed: output !== source };
}

/**
 * Canonicalises the documents and writes them out; documents in `keepOrder` keep their key
 * order. Returns the documents whose new key order would put an alias before its anchor
 * instead, when there are any: the caller renders a fresh parse with those left in order.
 */
function render(
  list: Document.Parsed[],
  options: FormatOptions,
  text: string,
  keepOrder: ReadonlySet<number> = new Set(),
): string | Set<number> {
  // Every document is kept, empty ones too (a `---` with nothing after it is a document of the
  // stream, as Prettier keeps it): formatting never changes how many documents a file holds.
  const broken = new Set<number>();
  list.forEach((doc, index) => {
    canonicalise(doc, options, !keepOrder.has(index));
    if (!keepOrder.has(index) && aliasBeforeAnchor(doc)) broken.add(index);
    keepTrailingCommentClose(doc, text);
  });
  if (broken.size > 0) return broken;
  list.forEach((doc, index) => {
    // The first document needs no start marker unless it has directives or is empty (its
    // marker is all there is of it); every later one has one.
    const hasDirectives = doc.directives!.toString(doc) !== "";
    doc.directives!.docStart = index > 0 || hasDirectives || isBare(doc) ? true : null;
    // A document followed by one with directives must be closed with `...` (YAML 1.2, 9.2).
    const next = list[index + 1];
    doc.directives!.docEnd = next !== undefined && next.directives!.toString(next) !== "";
  });
  let output = list.map((doc) => (isBare(doc) ? writeBareDocument(doc) : doc.toString(TO_STRING_OPTIONS))).join("");
  output = output.replace(/^\n+/, "").replace(/\n*$/, "\n");
  if (output.trim() === "") output = "";
  return output;
}

/** True when, in the document's current order, an alias comes before the anchor it names. */
function aliasBeforeAnchor(doc: Document.Parsed): boolean {
  const seen = new Set<string>();
  let broken = false;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!seen.has((node as { source: string }).source)) {
          broken = true;
          return visit.BREAK;
        }
      } else if (node.anchor) {
        seen.add(node.anchor);
      }
      return undefined;
    },
  });
  return broken;
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

function canonicalise(doc: Document.Parsed, options: FormatOptions, reorder = true): void {
  visit(doc, {
    Scalar(_key, node) {
      const lines = foldedLinesOf(node);
      if (lines !== undefined) {
        node.value = lines;
        return;
      }
      // Plain when the value reads back the same, double quotes otherwise (yaml decides).
      if (
        typeof node.value === "string" &&
        (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.PLAIN)
      ) {
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
  const isPmo =
    (typeof apiVersion === "string" && apiVersion.startsWith("pmo/")) ||
    (kind !== undefined && (KINDS as readonly string[]).includes(kind));
  const schemaName = isPmo ? kind : options.schema;
  const schema = schemaName === undefined ? undefined : schemaForKind(schemaName);
  if (isPmo && kind !== undefined && options.modeline) addModeline(doc, contents, options.modeline(kind));
  if (schema && reorder) orderKeys(contents, schema, true);
}

/**
 * Puts a modeline above the document's first key unless the comments at its top already hold
 * one. Added before the keys are ordered: keepHeadAtTop then keeps it at the top.
 */
function addModeline(doc: Document.Parsed, contents: YAMLMap, target: string | undefined): void {
  if (target === undefined) return;
  const first = contents.items[0];
  const key = isPair(first) && isScalar(first.key) ? first.key : undefined;
  const head = [doc.commentBefore, contents.commentBefore, key?.commentBefore].filter(
    (c): c is string => typeof c === "string",
  );
  if (head.some((comment) => comment.split("\n").some((line) => MODELINE.test(line)))) return;
  const line = ` yaml-language-server: $schema=${target}`;
  if (contents.commentBefore) contents.commentBefore = `${line}\n${contents.commentBefore}`;
  else if (key) key.commentBefore = key.commentBefore ? `${line}\n${key.commentBefore}` : line;
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
    const known = pairs
      .filter((p) => rank.has(keyOf(p) ?? ""))
      .sort((a, b) => rank.get(keyOf(a)!)! - rank.get(keyOf(b)!)!);
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
    newFirst.commentBefore = newFirst.commentBefore
      ? `${first.commentBefore}\n${newFirst.commentBefore}`
      : first.commentBefore;
    first.commentBefore = undefined;
  }
}

/**
 * Refuses output that would not be the same file in meaning: every document's value and every
 * comment must survive, and the output must parse without error (the only comments that may be
 * added are the modelines asked for). A safeguard against corner cases of the YAML writer; the
 * YAML test suite runs through it in the test suite.
 */
function verify(before: string, after: string, modelinesAdded = false): string | undefined {
  const values = (text: string): unknown[] | string => {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    const out: unknown[] = [];
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) return "the result would not parse";
      if (doc.contents === null) {
        out.push(null);
        continue;
      }
      const value = documentValue(doc);
      if (!value.ok) return "an alias would be lost";
      out.push(value.value);
    }
    return out;
  };
  const a = values(before);
  const b = values(after);
  if (typeof b === "string") return b;
  if (!isDeepStrictEqual(a, b)) return "a value would change";
  const comments = (text: string): string[] =>
    [...new Lexer().lex(text)]
      .filter((token) => token.startsWith("#"))
      .map((token) => token.trimEnd())
      .sort();
  // Every comment of before is in after; what after has besides are modelines, when asked for.
  const extra = comments(after);
  for (const comment of comments(before)) {
    const at = extra.indexOf(comment);
    if (at < 0) return "a comment would be lost or changed";
    extra.splice(at, 1);
  }
  if (extra.some((comment) => !modelinesAdded || !MODELINE.test(comment.slice(1))))
    return "a comment would be lost or changed";
  return undefined;
}
export { editSource, type DocumentEdit } from "./edit.js";
export { layoutOf, NEW_FILE_LAYOUT, withLayout, type TextLayout } from "./layout.js";
