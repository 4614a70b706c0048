import type { Path, SourceRange } from "../../model/document.js";

/**
 * Positions in plain block-style YAML without parsing the whole file.
 *
 * Re-parsing a file with the yaml package to find one position costs about 0.25 ms, which for
 * a check of thousands of documents with findings adds up to half a second. Hand-written pmo
 * documents are almost always plain block style (`key: value`, `- item`), where a key's
 * position follows from indentation alone. This scanner handles exactly that and declines
 * (returns undefined) at anything else: tabs, flow collections on the path, quoted or complex
 * keys, block and multi-line scalars, tags, anchors, null values, several documents. The yaml
 * package answers what it declines, and a test compares the two on every path of every
 * example document.
 *
 * It reads the text in place through the offsets of its lines (LineIndex) rather than through
 * an array of line strings: a check locates findings in tens of thousands of files, and
 * keeping every line of each of them as a string cost more memory (and garbage collection)
 * than the whole scan.
 */

/** A text and where each of its lines starts; lines end at "\n" (the text's breaks are normalised). */
export interface LineIndex {
  text: string;
  /** starts[l] is the offset of line l; one entry per line. */
  starts: Uint32Array;
  /** Whether the text has a tab anywhere (lines with one are declined). */
  tabs: boolean;
}

/** Indexes the lines of a text whose line breaks are "\n" (normaliseLineBreaks). */
export function indexLines(text: string): LineIndex {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const starts = new Uint32Array(count);
  let l = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[l++] = i + 1;
  return { text, starts, tabs: text.includes("\t") };
}

export function locateInBlockYaml(index: LineIndex, path: Path, pointAtKey: boolean): SourceRange | undefined {
  const count = index.starts.length;
  let first = 0;
  while (first < count && isSkippable(index, first, true)) first++;
  if (first >= count) return undefined;
  const rootIndent = indentOf(index, first);
  if (rootIndent < 0 || !KEY.test(lineText(index, first).slice(rootIndent))) return undefined;

  let node: Node = { kind: "map", line: first, column: rootIndent, indent: rootIndent };
  let range: SourceRange | undefined = point(first, rootIndent, first, rootIndent + 1);
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]!);
    const last = i === path.length - 1;
    if (node.kind === "map") {
      const pair = findKey(index, node, segment);
      if (pair === "decline") return undefined;
      if (pair === undefined) {
        if (i === 0) {
          const id = findKey(index, node, "id");
          if (id === "decline") return undefined;
          if (id) range = point(id.line, id.keyStart, id.line, id.keyEnd);
        }
        return range;
      }
      const value = valueAt(index, pair.line, pair.valueStart, node.indent);
      if (value === undefined) return undefined;
      if (last && pointAtKey) return point(pair.line, pair.keyStart, pair.line, pair.keyEnd);
      range = value.range;
      node = value.node;
    } else if (node.kind === "seq") {
      if (!/^\d+$/.test(segment)) return range;
      const item = findItem(index, node, Number(segment));
      if (item === "decline") return undefined;
      if (item === undefined) return range;
      const value = valueAt(index, item.line, item.valueStart, node.indent);
      if (value === undefined) return undefined;
      range = value.range;
      node = value.node;
    } else {
      // A scalar has no children: the yaml package resolves the path to it too.
      return range;
    }
  }
  return range;
}

type Node =
  | { kind: "map"; line: number; column: number; indent: number }
  | { kind: "seq"; line: number; indent: number }
  | { kind: "scalar" };

/** `key:` followed by a space or the end of the line; plain keys only. */
const KEY = /^([A-Za-z0-9_$][A-Za-z0-9_.$/ -]*?)[ ]*:(?=[ ]|$)/;

/**
 * KEY matched at an offset of the whole text, the line ending at its "\n" or the text's end:
 * the end of the key (its last character + 1), or -1 when no plain key starts there. Written
 * out rather than run as a sticky regular expression because it is asked for every line
 * scanned, and each match of an expression allocates its result.
 */
function keyEndAt(text: string, at: number): number {
  if (!isKeyStart(text.charCodeAt(at))) return -1;
  // KEY's key part is lazy: the shortest key followed by spaces, a colon and a space or the end of the line.
  for (let end = at + 1; ; end++) {
    let colon = end;
    while (text.charCodeAt(colon) === 32) colon++;
    if (text.charCodeAt(colon) === 58) {
      const after = text.charCodeAt(colon + 1);
      if (colon + 1 === text.length || after === 32 || after === 10) return end;
    }
    if (!isKeyPart(text.charCodeAt(end))) return -1;
  }
}

/** After the key of keyEndAt, the offset just past its colon. */
function colonEndAfter(text: string, keyEnd: number): number {
  let colon = keyEnd;
  while (text.charCodeAt(colon) === 32) colon++;
  return colon + 1;
}

/** [A-Za-z0-9_$] */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** [A-Za-z0-9_.$/ -] */
function isKeyPart(c: number): boolean {
  return isKeyStart(c) || c === 46 || c === 47 || c === 32 || c === 45;
}

/** Offset of the end of line l (its "\n", or the end of the text). */
function lineEnd(index: LineIndex, l: number): number {
  return l + 1 < index.starts.length ? index.starts[l + 1]! - 1 : index.text.length;
}

/** Line l as a string: for the few lines a path ends on, not for every line scanned. */
function lineText(index: LineIndex, l: number): string {
  return index.text.slice(index.starts[l]!, lineEnd(index, l));
}

function hasTab(index: LineIndex, l: number): boolean {
  if (!index.tabs) return false;
  const at = index.text.indexOf("\t", index.starts[l]!);
  return at >= 0 && at < lineEnd(index, l);
}

function isSkippable(index: LineIndex, l: number, atStart: boolean): boolean {
  // Asked for every line scanned: the common line (spaces, then a printable ASCII character)
  // is answered without a copy of it.
  const { text } = index;
  const end = lineEnd(index, l);
  let i = index.starts[l]!;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i === end) return true;
  const c = text.charCodeAt(i);
  if (c === 35) return true; // #
  if (!atStart && c > 32 && c < 127) return false;
  const t = lineText(index, l).trim();
  if (t === "" || t.startsWith("#")) return true;
  return atStart && (t === "---" || t.startsWith("%"));
}

/** Leading spaces of line l, or -1 for a line indented with a tab (declined). */
function indentOf(index: LineIndex, l: number): number {
  const { text } = index;
  const start = index.starts[l]!;
  const end = lineEnd(index, l);
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i < end && text.charCodeAt(i) === 9 ? -1 : i - start;
}

function point(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { line: line + 1, column: column + 1, endLine: endLine + 1, endColumn: endColumn + 1 };
}

interface Found {
  line: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
}

/** Whether line l is a sequence item (`- ...` or a lone `-`) at column `column`. */
function isItemAt(index: LineIndex, l: number, column: number): boolean {
  const at = index.starts[l]! + column;
  if (index.text.charCodeAt(at) !== 45) return false; // -
  const end = lineEnd(index, l);
  return at + 1 === end || index.text.charCodeAt(at + 1) === 32;
}

/** Finds `key` among the entries of a block mapping; undefined when absent. */
function findKey(index: LineIndex, map: Extract<Node, { kind: "map" }>, key: string): Found | undefined | "decline" {
  const { text, starts } = index;
  for (let l = map.line; l < starts.length; l++) {
    if (hasTab(index, l)) return "decline";
    // On its first line a mapping may start after `- ` (a sequence item): begin at its column.
    let start = map.column;
    if (l !== map.line) {
      start = indentOf(index, l);
      // A line indented deeper than the mapping's keys is not one of them: skipped before
      // asking whether it is blank or a comment, which most such lines are not.
      if (start > map.indent) continue;
      if (isSkippable(index, l, false)) continue;
      if (start < map.indent) return undefined;
    }
    if (start !== map.indent) continue;
    if (isItemAt(index, l, start)) return undefined;
    const at = starts[l]! + start;
    if (text.startsWith("---", at) || text.startsWith("...", at)) return undefined;
    const keyEnd = keyEndAt(text, at);
    if (keyEnd < 0) return "decline";
    if (keyEnd - at === key.length && text.startsWith(key, at))
      return {
        line: l,
        keyStart: start,
        keyEnd: start + key.length,
        valueStart: colonEndAfter(text, keyEnd) - starts[l]!,
      };
  }
  return undefined;
}

/** Finds item `index` of a block sequence. */
function findItem(index: LineIndex, seq: Extract<Node, { kind: "seq" }>, item: number): Found | undefined | "decline" {
  let count = -1;
  for (let l = seq.line; l < index.starts.length; l++) {
    if (hasTab(index, l)) return "decline";
    const start = indentOf(index, l);
    if (start > seq.indent) continue;
    if (isSkippable(index, l, false)) continue;
    if (start < seq.indent) return undefined;
    if (!isItemAt(index, l, start)) return undefined;
    count++;
    if (count === item) return { line: l, keyStart: start, keyEnd: start + 1, valueStart: start + 1 };
  }
  return undefined;
}

/**
 * The node that starts at `column` of `line` (after a key's colon or an item's dash), with its
 * range; undefined for what this scanner does not handle.
 */
function valueAt(
  index: LineIndex,
  line: number,
  column: number,
  parentIndent: number,
): { node: Node; range: SourceRange } | undefined {
  const count = index.starts.length;
  const text = lineText(index, line);
  let c = column;
  while (text.charCodeAt(c) === 32) c++;
  const rest = text.slice(c);
  if (rest === "" || rest.startsWith("#")) {
    // The value is on the following lines: a nested mapping or sequence.
    let l = line + 1;
    while (l < count && isSkippable(index, l, false)) l++;
    if (l >= count) return undefined;
    const indent = indentOf(index, l);
    if (indent < 0) return undefined;
    const body = lineText(index, l).slice(indent);
    const isItem = body.startsWith("- ") || body === "-";
    if (isItem && indent >= parentIndent)
      return { node: { kind: "seq", line: l, indent }, range: point(l, indent, l, indent + 1) };
    if (indent > parentIndent && KEY.test(body))
      return { node: { kind: "map", line: l, column: indent, indent }, range: point(l, indent, l, indent + 1) };
    return undefined;
  }
  const ch = rest[0]!;
  if ("{[|>&*!%@`?".includes(ch)) return undefined;
  if (ch === "-" && (rest.startsWith("- ") || rest === "-")) {
    // A sequence item that is itself a sequence: declined, rare in pmo documents.
    return undefined;
  }
  if (ch === '"' || ch === "'") {
    const end = closingQuote(rest, ch);
    if (end < 0) return undefined;
    const after = rest.slice(end + 1).trim();
    if (after !== "" && !after.startsWith("#")) return undefined;
    return { node: { kind: "scalar" }, range: point(line, c, line, c + end + 1) };
  }
  if (KEY.test(rest)) {
    // `- key: value`: a mapping that starts on the item's line.
    return { node: { kind: "map", line, column: c, indent: c }, range: point(line, c, line, c + 1) };
  }
  // A plain scalar ends before ` #` or at the end of the line, and must not continue below.
  const comment = rest.search(/ #/);
  const value = (comment >= 0 ? rest.slice(0, comment) : rest).trimEnd();
  if (value.includes(": ") || value.endsWith(":")) return undefined;
  let l = line + 1;
  while (l < count && isSkippable(index, l, false)) l++;
  // A more indented next line would continue a multi-line plain scalar.
  if (l < count && (indentOf(index, l) < 0 || indentOf(index, l) > parentIndent)) return undefined;
  return { node: { kind: "scalar" }, range: point(line, c, line, c + value.length) };
}

function closingQuote(text: string, quote: string): number {
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === "\\") {
      i++;
      continue;
    }
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
