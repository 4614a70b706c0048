import type { Document, LineCounter, Node } from "yaml";
import type { Path, SourceRange } from "../../model/document.js";
import { indexLines, locateInBlockYaml, type LineIndex } from "./locate-fast.js";
import { yamlPackage } from "./yaml-packages.js";
import { normaliseLineBreaks, YAML_OPTIONS } from "./yaml-read.js";

export interface LocateOptions {
  /** Point at the key of the last path segment rather than its value (for unknown fields). */
  key?: boolean;
}

export type Locator = (docIndex: number, path: Path, options?: LocateOptions) => SourceRange;

/**
 * Creates a function that turns a path inside one of a file's documents into a 1-based source
 * range. The file is parsed again the first time a position is asked for, not kept parsed:
 * most documents never need a position, and keeping every syntax tree would cost far more
 * memory than the text. For a file of one document (the common case) a line scanner answers
 * first and the yaml package is used only for what the scanner declines (see locate-fast.ts).
 */
export function createLocator(input: string, singleDocument: boolean | ((text: string) => boolean) = false): Locator {
  // Worked out on the first position asked for: most files are never asked for one.
  let text: string | undefined;
  let single = false;
  let parsed: { docs: Document.Parsed[]; lineCounter: LineCounter } | undefined;
  let lines: LineIndex | undefined;
  return (docIndex, path, options = {}) => {
    if (text === undefined) {
      text = normaliseLineBreaks(input);
      single = typeof singleDocument === "function" ? singleDocument(text) : singleDocument;
    }
    if (single && docIndex === 0) {
      lines ??= indexLines(text);
      const fast = locateInBlockYaml(lines, path, options.key === true);
      if (fast) return fast;
    }
    if (!parsed) {
      const { LineCounter, parseAllDocuments } = yamlPackage();
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter, uniqueKeys: false });
      parsed = { docs: Array.isArray(docs) ? docs : [docs], lineCounter };
    }
    const doc = parsed.docs[docIndex];
    if (!doc) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const range = rangeOf(doc, path, options.key === true);
    const start = parsed.lineCounter.linePos(range[0]);
    const end = parsed.lineCounter.linePos(range[1]);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
}

/** Walks the path as far as it exists; a missing tail resolves to its nearest ancestor. */
function rangeOf(doc: Document.Parsed, path: Path, pointAtKey: boolean): [number, number] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let range: [number, number] = toRange(node) ?? [doc.range[0], doc.range[0] + 1];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair =
        node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)) ??
        node.items.find((item) => isPair(item) && !isScalar(item.key) && keyText(item.key, doc) === String(segment));
      if (!pair) {
        // A field missing from the document itself: its `id` line says which document is meant
        // better than its first line (often apiVersion) does.
        if (i === 0) range = idKeyRange(node) ?? range;
        break;
      }
      keyNode = pair.key;
      next = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
      next = node.items[Number(segment)];
      if (next === undefined) break;
    } else {
      break;
    }
    const last = i === path.length - 1;
    const chosen = (last && pointAtKey && keyNode) || next || keyNode;
    range = toRange(chosen) ?? range;
    node = next;
  }
  return range;
}

/**
 * The field name a key that is not a scalar (`? [a]`, an alias) gets in the document's value:
 * the yaml package writes a collection key out as flow YAML ("[ a ]"), and that is the name
 * the schema's diagnostics give.
 */
function keyText(key: unknown, doc: Document.Parsed): string | undefined {
  const { isAlias, isMap, isSeq, Pair, YAMLMap } = yamlPackage();
  if (!isMap(key) && !isSeq(key) && !isAlias(key)) return undefined;
  const one = new YAMLMap();
  one.items.push(new Pair(key, null));
  return Object.keys((one.toJS(doc) ?? {}) as Record<string, unknown>)[0];
}

/** Collections are shown by their first character: their full extent is rarely what a reader needs. */
function toRange(node: unknown): [number, number] | undefined {
  const { isMap, isSeq } = yamlPackage();
  const r = (node as Node | null | undefined)?.range;
  if (!r) return undefined;
  return isMap(node) || isSeq(node) ? [r[0], r[0] + 1] : [r[0], r[1]];
}

function idKeyRange(map: unknown): [number, number] | undefined {
  const { isMap, isPair, isScalar } = yamlPackage();
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === "id");
  return pair ? toRange(pair.key) : undefined;
}

/** Parses an RFC 6901 JSON pointer into path segments (numbers for array indexes stay strings). */
export function pointerToPath(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Builds an RFC 6901 JSON pointer from path segments. */
export function pathToPointer(path: Path): string {
  let pointer = "";
  for (const segment of path) {
    const s = String(segment);
    // Asked for every finding: most segments need no escaping.
    pointer += "/" + (s.includes("~") || s.includes("/") ? s.replace(/~/g, "~0").replace(/\//g, "~1") : s);
  }
  return pointer;
}
