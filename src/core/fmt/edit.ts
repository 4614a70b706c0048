import { isDeepStrictEqual } from "node:util";
import { type Document, isMap, isScalar, parseAllDocuments, Scalar, visit, YAMLMap, type Pair } from "yaml";
import { YAML_OPTIONS, normaliseLineBreaks, readFast } from "../load/index.js";
import { isBare, writeBareDocument } from "./bare-document.js";
import { layoutOf, withLayout } from "./layout.js";
import { propertyOrder, propertySchema, schemaForKind, type SchemaCursor } from "./key-order.js";
import { foldedLinesOf, formattingTags } from "./yaml-style.js";

/**
 * Changing some fields of the documents of a YAML file and nothing else (`pmo import --sync`):
 * the file goes through the same yaml document tree as `pmo fmt`, so comments, blank lines, key
 * order, quoting and folded prose stay as they were; a new key goes where the kind's schema puts
 * it among the keys already there.
 */
export interface DocumentEdit {
  /** Which document of the file (0 for the first). */
  docIndex: number;
  /** Dotted paths set to a value (objects are created on the way). */
  set?: readonly [path: string, value: unknown][];
  /** Dotted paths removed; an object left empty is removed too. */
  remove?: readonly string[];
  /** Removes the whole document. */
  deleteDocument?: boolean;
}

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
 * The file's text with the edits made, laid out as the file was (line breaks, byte order mark,
 * line breaks at the end: ./layout.ts); an empty text when no document is left. Throws when
 * the text does not parse (callers pass files that loaded).
 */
export function editSource(source: string, edits: readonly DocumentEdit[]): string {
  const text = normaliseLineBreaks(source.replace(/^\uFEFF/, ""));
  const parsed = parseAllDocuments(text, { ...PARSE_OPTIONS, customTags: formattingTags });
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  for (const doc of docs)
    if (doc.errors.length > 0) throw new Error(`cannot edit a file that does not parse: ${doc.errors[0]!.message}`);
  for (const doc of docs) keepFoldedLines(doc);
  const deleted = new Set<Document.Parsed>();
  for (const edit of edits) {
    const doc = docs[edit.docIndex];
    if (doc === undefined) throw new Error(`no document ${edit.docIndex} in the file`);
    if (edit.deleteDocument) {
      deleted.add(doc);
      continue;
    }
    const root = doc.contents;
    if (!isMap(root)) throw new Error("the document is not a mapping");
    const kind = root.get("kind");
    const schema = typeof kind === "string" ? schemaForKind(kind) : undefined;
    for (const path of edit.remove ?? []) removePath(root, path.split("."));
    for (const [path, value] of edit.set ?? []) setPath(doc, root, path.split("."), value, schema);
  }
  // Empty documents are documents too (bare-document.ts): only a deleted one goes.
  const kept = docs.filter((doc) => !deleted.has(doc));
  kept.forEach((doc, index) => {
    if (index > 0) doc.directives!.docStart = true;
    else if (docs[0] !== doc && doc.directives!.toString(doc) === "") doc.directives!.docStart = null;
  });
  const output = kept.map((doc) => (isBare(doc) ? writeBareDocument(doc) : doc.toString(TO_STRING_OPTIONS))).join("");
  // A file left with nothing but document markers is deleted (the sync's --missing remove).
  const result =
    output.replace(/^(?:---|\.\.\.)$/gm, "").trim() === "" ? "" : output.replace(/^\n+/, "").replace(/\n*$/, "\n");
  verifyEdits(result, docs, deleted, edits);
  // The file keeps its line breaks, its byte order mark and the line breaks at its end.
  return withLayout(result, layoutOf(source));
}

/**
 * A safeguard against corners of the YAML writer, as `pmo fmt` has one: the result must parse
 * and hold the values set, at the paths set, in the documents edited.
 */
function verifyEdits(
  output: string,
  before: readonly Document.Parsed[],
  deleted: ReadonlySet<Document.Parsed>,
  edits: readonly DocumentEdit[],
): void {
  const remaining = before.filter((doc) => !deleted.has(doc));
  const values = valuesOf(output, remaining.length);
  for (const edit of edits) {
    if (edit.deleteDocument) continue;
    const at = remaining.indexOf(before[edit.docIndex]!);
    const value = values[at];
    for (const [path, expected] of edit.set ?? []) {
      const got = path
        .split(".")
        .reduce<unknown>(
          (v, s) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[s] : undefined),
          value,
        );
      if (!isDeepStrictEqual(got, expected)) throw new Error(`the edited file would not hold the new value of ${path}`);
    }
  }
}

/**
 * The documents' values of an edited file as pmo reads them: a file of one document of the
 * common shape through the loader's fast reading (the reading of record, equal to the yaml
 * package's where it answers: src/core/load/yaml-read.ts), which costs a fraction of a second
 * parse of the yaml document tree for each of a sync's updated files; any other file as before.
 */
function valuesOf(output: string, documents: number): (Record<string, unknown> | undefined)[] {
  if (documents === 1) {
    const fast = readFast(output);
    if (fast !== undefined) return [fast];
  }
  const parsed = parseAllDocuments(output, PARSE_OPTIONS);
  const after = Array.isArray(parsed) ? parsed : [parsed];
  if (after.some((doc) => doc.errors.length > 0)) throw new Error("the edited file would not parse");
  return after.map((doc) => doc.toJS() as Record<string, unknown> | undefined);
}

/** Folded prose is written back with the author's line breaks, as `pmo fmt` does. */
function keepFoldedLines(doc: Document.Parsed): void {
  visit(doc, {
    Scalar(_key, node) {
      const lines = foldedLinesOf(node);
      if (lines !== undefined) node.value = lines;
    },
  });
}

function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

function setPath(
  doc: Document.Parsed,
  root: YAMLMap,
  segments: string[],
  value: unknown,
  schema: SchemaCursor | undefined,
): void {
  let map = root;
  let cursor = schema;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const pair = (map.items as Pair[]).find((p) => keyOf(p) === segment);
    const sub = cursor === undefined ? undefined : propertySchema(cursor, segment);
    if (last) {
      if (pair !== undefined) {
        const node = pair.value;
        const fresh = doc.createNode(value);
        // A new node (the old one's style may not hold the new value), keeping the comments.
        if (isScalar(node) && isScalar(fresh)) {
          fresh.comment = node.comment;
          fresh.commentBefore = node.commentBefore;
          fresh.spaceBefore = node.spaceBefore;
          if (
            typeof value === "string" &&
            (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) &&
            !value.includes("\n")
          )
            fresh.type = node.type;
        }
        pair.value = fresh;
      } else insertPair(map, doc.createPair(segment, value) as Pair, cursor);
      return;
    }
    if (pair !== undefined && isMap(pair.value)) map = pair.value;
    else {
      const created = new YAMLMap();
      if (pair !== undefined) pair.value = created;
      else insertPair(map, doc.createPair(segment, created) as Pair, cursor);
      map = created;
    }
    cursor = sub;
  }
}

/** Puts a new key after the keys the schema orders before it (extension keys go last). */
function insertPair(map: YAMLMap, pair: Pair, schema: SchemaCursor | undefined): void {
  const items = map.items as Pair[];
  const order = schema === undefined ? [] : propertyOrder(schema);
  const rank = new Map(order.map((key, index) => [key, index]));
  const own = rank.get(keyOf(pair) ?? "");
  if (own === undefined) {
    items.push(pair);
    return;
  }
  const at = items.findIndex((p) => {
    const r = rank.get(keyOf(p) ?? "");
    return r === undefined || r > own;
  });
  if (at === -1) items.push(pair);
  else items.splice(at, 0, pair);
}

function removePath(root: YAMLMap, segments: string[]): void {
  const chain: YAMLMap[] = [root];
  for (const segment of segments.slice(0, -1)) {
    const next = chain[chain.length - 1]!.get(segment, true);
    if (!isMap(next)) return;
    chain.push(next);
  }
  chain[chain.length - 1]!.delete(segments[segments.length - 1]!);
  for (let i = chain.length - 1; i > 0; i--) {
    if (chain[i]!.items.length > 0) break;
    chain[i - 1]!.delete(segments[i - 1]!);
  }
}
