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
 */
export function locateInBlockYaml(lines: readonly string[], path: Path, pointAtKey: boolean): SourceRange | undefined {
  let first = 0;
  while (first < lines.length && isSkippable(lines[first]!, true)) first++;
  if (first >= lines.length) return undefined;
  const rootIndent = indentOf(lines[first]!);
  if (rootIndent < 0 || !KEY.test(lines[first]!.slice(rootIndent))) return undefined;

  let node: Node = { kind: "map", line: first, column: rootIndent, indent: rootIndent };
  let range: SourceRange | undefined = point(first, rootIndent, first, rootIndent + 1);
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]!);
    const last = i === path.length - 1;
    if (node.kind === "map") {
      const pair = findKey(lines, node, segment);
      if (pair === "decline") return undefined;
      if (pair === undefined) {
        if (i === 0) {
          const id = findKey(lines, node, "id");
          if (id === "decline") return undefined;
          if (id) range = point(id.line, id.keyStart, id.line, id.keyEnd);
        }
        return range;
      }
      const value = valueAt(lines, pair.line, pair.valueStart, node.indent);
      if (value === undefined) return undefined;
      if (last && pointAtKey) return point(pair.line, pair.keyStart, pair.line, pair.keyEnd);
      range = value.range;
      node = value.node;
    } else if (node.kind === "seq") {
      if (!/^\d+$/.test(segment)) return range;
      const item = findItem(lines, node, Number(segment));
      if (item === "decline") return undefined;
      if (item === undefined) return range;
      const value = valueAt(lines, item.line, item.valueStart, node.indent);
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
/** KEY at a given column of a line (lastIndex), without slicing the line. */
const KEY_AT = /([A-Za-z0-9_$][A-Za-z0-9_.$/ -]*?)[ ]*:(?=[ ]|$)/y;

function isSkippable(line: string, atStart: boolean): boolean {
  // Asked for every line scanned: the common line (spaces, then a printable ASCII character)
  // is answered without trimming a copy of it.
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  if (i === line.length) return true;
  const c = line.charCodeAt(i);
  if (c === 35) return true; // #
  if (!atStart && c > 32 && c < 127) return false;
  const t = line.trim();
  if (t === "" || t.startsWith("#")) return true;
  return atStart && (t === "---" || t.startsWith("%"));
}

/** Leading spaces, or -1 for a line indented with a tab (declined). */
function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return line.charCodeAt(n) === 9 ? -1 : n;
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

/** Finds `key` among the entries of a block mapping; undefined when absent. */
function findKey(
  lines: readonly string[],
  map: Extract<Node, { kind: "map" }>,
  key: string,
): Found | undefined | "decline" {
  for (let l = map.line; l < lines.length; l++) {
    const text = lines[l]!;
    if (text.includes("\t")) return "decline";
    // On its first line a mapping may start after `- ` (a sequence item): begin at its column.
    const start = l === map.line ? map.column : indentOf(text);
    if (l !== map.line && isSkippable(text, false)) continue;
    if (l !== map.line && start < map.indent) return undefined;
    if (start !== map.indent) continue;
    if (text.startsWith("- ", start) || (text.length === start + 1 && text[start] === "-")) return undefined;
    if (text.startsWith("---", start) || text.startsWith("...", start)) return undefined;
    KEY_AT.lastIndex = start;
    const m = KEY_AT.exec(text);
    if (!m) return "decline";
    if (m[1] === key)
      return { line: l, keyStart: start, keyEnd: start + m[1]!.length, valueStart: start + m[0].length };
  }
  return undefined;
}

/** Finds item `index` of a block sequence. */
function findItem(
  lines: readonly string[],
  seq: Extract<Node, { kind: "seq" }>,
  index: number,
): Found | undefined | "decline" {
  let count = -1;
  for (let l = seq.line; l < lines.length; l++) {
    const text = lines[l]!;
    if (text.includes("\t")) return "decline";
    if (isSkippable(text, false)) continue;
    const start = indentOf(text);
    if (start < seq.indent) return undefined;
    if (start > seq.indent) continue;
    const rest = text.slice(start);
    if (!(rest.startsWith("- ") || rest === "-")) return undefined;
    count++;
    if (count === index) return { line: l, keyStart: start, keyEnd: start + 1, valueStart: start + 1 };
  }
  return undefined;
}

/**
 * The node that starts at `column` of `line` (after a key's colon or an item's dash), with its
 * range; undefined for what this scanner does not handle.
 */
function valueAt(
  lines: readonly string[],
  line: number,
  column: number,
  parentIndent: number,
): { node: Node; range: SourceRange } | undefined {
  const text = lines[line]!;
  let c = column;
  while (text.charCodeAt(c) === 32) c++;
  const rest = text.slice(c);
  if (rest === "" || rest.startsWith("#")) {
    // The value is on the following lines: a nested mapping or sequence.
    let l = line + 1;
    while (l < lines.length && isSkippable(lines[l]!, false)) l++;
    if (l >= lines.length) return undefined;
    const next = lines[l]!;
    const indent = indentOf(next);
    if (indent < 0) return undefined;
    const body = next.slice(indent);
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
  while (l < lines.length && isSkippable(lines[l]!, false)) l++;
  // A more indented next line would continue a multi-line plain scalar.
  if (l < lines.length && (indentOf(lines[l]!) < 0 || indentOf(lines[l]!) > parentIndent)) return undefined;
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
