/**
 * A hand-written reader for the YAML that pmo files are made of, in one pass over the text.
 * It answers the value the reading of record (yaml-read.ts: the yaml package, YAML 1.2 core
 * schema) gives for the same text, or undefined ("declined") as soon as it meets anything
 * outside its subset; the other readers then read the text as before. It never reports an
 * error: what it declines may be valid or not, and diagnostics come from the reading of record.
 *
 * The subset (the text has its line breaks normalised to LF):
 * - documents, each a block mapping at column 0 or empty, separated by `---` lines (a first
 *   one may open the first document); no `...`, no directive, no `---` with anything after it;
 * - block mappings and block sequences indented with spaces, a sequence under a key at the
 *   key's own column or deeper (`key:\n- a`), a mapping on a sequence item's line (`- id: x`);
 * - keys: plain words (`[A-Za-z0-9_][A-Za-z0-9_./-]*`) followed by `:` and a space or the end
 *   of the line, each once per mapping, none that the core schema reads as null, no `__proto__`;
 *   a key the core schema reads as a number is that number's text, as in the reading of record;
 * - values on their key's (or item's) line: a plain scalar, a single- or double-quoted scalar
 *   closed on the line, or a flow sequence of such scalars closed on the line (no nesting, no
 *   `:` or `#` inside); nothing may continue on the lines below (no multi-line plain scalar);
 * - block scalars `|`, `|-`, `>`, `>-` whose first line is not empty and is indented deeper
 *   than the parent, and for `>` no more-indented line (nor one of spaces only, deeper than
 *   the first, nor one starting with a tab), none ending the text with spaces; tabs are
 *   allowed in their text, after the indentation;
 * - comments (a `#` at a line start or after a space), blank lines;
 * - no tab elsewhere, no control character, no BOM, no line separator other than LF, no key of 1,000
 *   characters or more (the yaml package limits implicit keys to 1,024), no anchor, alias,
 *   tag, complex key or flow mapping.
 * Plain scalars resolve as the core schema says (null, bool, int, float, string: see
 * resolvePlain). test/core/load/subset-read.test.ts checks every accepted text against the
 * reading of record on the YAML test suite, the example repository, generated repositories
 * and seeded mutations of them.
 */

/** Thrown inside the reader when the text leaves the subset; never escapes readSubset. */
const DECLINE = new Error("declined");

// The YAML 1.2 core schema's scalars (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as the
// yaml package resolves them.
export const INT = /^[-+]?[0-9]+$/;
export const OCT = /^0o[0-7]+$/;
export const HEX = /^0x[0-9a-fA-F]+$/;
export const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
export const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
export const NAN = /^\.(?:nan|NaN|NAN)$/;

/**
 * True for a character the subset leaves out wherever it is: a control character other than LF
 * (tabs among them), C1 controls, the Unicode line and paragraph separators, a BOM, U+FFFE/F.
 */
function outside(c: number): boolean {
  return c < 32
    ? c !== 10
    : c >= 127 && (c <= 159 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff);
}

/** The value of a plain scalar under the core schema. */
export function resolvePlain(s: string): unknown {
  let c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    // 0-9 + - .: a decimal integer, and a date or other word, are told apart without a
    // regular expression: after the digits only `.`, `e`, `E`, `x` or `o` can make a number.
    const n = s.length;
    let i = c === 43 || c === 45 ? 1 : 0;
    const digits = i;
    for (c = s.charCodeAt(i); i < n && c >= 48 && c <= 57; c = s.charCodeAt(++i));
    if (i === n) return i > digits ? parseInt(s, 10) : s;
    if (c !== 46 && c !== 101 && c !== 69 && c !== 120 && c !== 111) return s;
    if (OCT.test(s)) return parseInt(s.slice(2), 8);
    if (HEX.test(s)) return parseInt(s.slice(2), 16);
    if (FLOAT.test(s)) return parseFloat(s);
    if (INF.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
    if (NAN.test(s)) return NaN;
    return s;
  }
  switch (s.length) {
    case 1:
      return s === "~" ? null : s;
    case 4:
      if (s === "null" || s === "Null" || s === "NULL") return null;
      if (s === "true" || s === "True" || s === "TRUE") return true;
      return s;
    case 5:
      return s === "false" || s === "False" || s === "FALSE" ? false : s;
    default:
      return s;
  }
}

/** The end of the line from `p` (its LF, or the end of the text), every character checked. */
function lineEnd(p: number): number {
  for (; p < len; p++) {
    const c = src.charCodeAt(p);
    if (c === 10) return p;
    if (c < 32 || (c >= 127 && outside(c))) throw DECLINE;
  }
  return len;
}

/** As lineEnd, with tabs allowed: the end of a block scalar's line of text. */
function textLineEnd(p: number): number {
  for (; p < len; p++) {
    const c = src.charCodeAt(p);
    if (c === 10) return p;
    if ((c < 32 && c !== 9) || (c >= 127 && outside(c))) throw DECLINE;
  }
  return len;
}

// The reader's state: the text, and the current content line (the first line at or after the
// cursor that is neither blank nor a comment): the index of its first non-space character and
// its column, or len and -1 at the end of the text.
let src = "";
let len = 0;
let at = 0;
let col = -1;
/** Where the current content line starts. */
let lineStart = 0;

/**
 * The value of a text of one document in the subset (see above), or undefined when the text is
 * not in it. `text` must have its line breaks normalised (normaliseLineBreaks).
 */
export function readSubset(text: string): Record<string, unknown> | undefined {
  const documents = readSubsetDocuments(text);
  return documents?.length === 1 ? (documents[0] ?? undefined) : undefined;
}

/**
 * The documents of a text in the subset, in order, each a mapping or null (an empty document,
 * as between two `---` lines), or undefined when the text is not in the subset or holds no
 * mapping. `text` must have its line breaks normalised (normaliseLineBreaks).
 */
export function readSubsetDocuments(text: string): (Record<string, unknown> | null)[] | undefined {
  src = text;
  len = text.length;
  try {
    const documents: (Record<string, unknown> | null)[] = [];
    let mappings = 0;
    lineStart = 0;
    // The first content line, as if a line break stood before the text.
    nextContentLine(-1);
    // A `---` line may open the first document (after comments); each later one opens the next.
    let explicit = isMarker(at);
    if (explicit) nextContentLine(at + 3);
    for (;;) {
      if (col === 0 && !isMarker(at)) {
        documents.push(readMapping(0));
        mappings++;
      } else if (col === -1 || isMarker(at)) {
        if (!explicit) throw DECLINE;
        documents.push(null);
      } else throw DECLINE; // an indented root, or anything else at the start
      if (col === -1) break;
      // readMapping(0) stops at a marker only.
      explicit = true;
      nextContentLine(at + 3);
      if (col === -1) {
        documents.push(null);
        break;
      }
    }
    return mappings > 0 ? documents : undefined;
  } catch {
    return undefined;
  } finally {
    src = "";
  }
}

/** True when a document marker line (`---` alone on its line, at column 0) starts at `p`. */
function isMarker(p: number): boolean {
  return (
    col === 0 &&
    src.charCodeAt(p) === 45 &&
    src.charCodeAt(p + 1) === 45 &&
    src.charCodeAt(p + 2) === 45 &&
    (p + 3 >= len || src.charCodeAt(p + 3) === 10)
  );
}

/**
 * Moves to the next content line after the line break at `p` (or the end of the text at `p`).
 * The line that ends at `p` is checked for length.
 */
function nextContentLine(p: number): void {
  while (p < len) {
    const start = p + 1;
    let q = start;
    while (src.charCodeAt(q) === 32) q++;
    if (q >= len) break;
    const c = src.charCodeAt(q);
    if (c === 10) {
      // A blank or whitespace-only line.
      p = q;
      continue;
    }
    if (c === 35) {
      // A comment line.
      p = lineEnd(q);
      continue;
    }
    lineStart = start;
    at = q;
    col = q - start;
    return;
  }
  at = len;
  col = -1;
}

/** Ends the current line at `p`: only spaces and a comment (after a space) may follow. */
function endLine(p: number): void {
  let c = src.charCodeAt(p);
  while (c === 32) c = src.charCodeAt(++p);
  if (c === 35) {
    if (src.charCodeAt(p - 1) !== 32) throw DECLINE;
    p = lineEnd(p);
  } else if (p < len && c !== 10) throw DECLINE;
  nextContentLine(p);
}

/** True when a sequence item starts at `p`: `-` then a space or the end of the line. */
function isItem(p: number): boolean {
  if (src.charCodeAt(p) !== 45) return false;
  const c = src.charCodeAt(p + 1);
  return c === 32 || c === 10 || p + 1 >= len;
}

/** Characters of a plain key: 1 for those that may start it (letters, digits, `_`), 2 for `-./`. */
const KEY_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  KEY_CHAR[c] = /[A-Za-z0-9_]/.test(ch) ? 1 : /[-./]/.test(ch) ? 2 : 0;
}

/** A hash of the last key keyEnd found, for KEYS. */
let keyHash = 0;

/** Where the plain key starting at `p` ends (its colon), or -1 when no plain key starts there. */
function keyEnd(p: number): number {
  const start = p;
  let c = src.charCodeAt(p);
  if (KEY_CHAR[c] !== 1) return -1;
  let h = c;
  for (c = src.charCodeAt(++p); KEY_CHAR[c]! > 0; c = src.charCodeAt(++p)) h = (Math.imul(h, 31) + c) | 0;
  // The yaml package wants an implicit key's colon within 1,024 characters of its start.
  if (c !== 58 || p - start >= 1000) return -1;
  keyHash = h;
  const next = src.charCodeAt(p + 1);
  return next === 32 || next === 10 || p + 1 >= len ? p : -1;
}

/**
 * Keys read before, by hash: the same key in the next file is the same string, which V8 has
 * already made a property name, instead of a new slice of the text to look up again.
 */
const KEYS: (string | undefined)[] = new Array(4096).fill(undefined);

/** The key between `start` and its colon at `end` (keyEnd just found it), as a property name. */
function keyAt(start: number, end: number): string {
  const slot = (keyHash ^ (end - start)) & 4095;
  const known = KEYS[slot];
  if (known !== undefined && known.length === end - start && src.startsWith(known, start)) return known;
  let key = src.slice(start, end);
  const first = key.charCodeAt(0);
  if (first <= 57 || key.length === 4 || key.length === 5) {
    // A key the core schema reads as other than a string is that value's text (null: refused).
    const value = resolvePlain(key);
    if (value === null) throw DECLINE;
    if (typeof value !== "string") return String(value);
  }
  if (key === "__proto__") throw DECLINE;
  // A copy, so that the table never holds on to a whole file's text through a slice of it.
  key = JSON.parse(JSON.stringify(key)) as string;
  KEYS[slot] = key;
  return key;
}

/** A node on the current content line at column `indent`: a sequence or a mapping. */
function readNode(indent: number): unknown {
  return isItem(at) ? readSequence(indent) : readMapping(indent);
}

/** The block mapping whose first key is at the cursor, at column `indent`. */
function readMapping(indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (;;) {
    const end = keyEnd(at);
    if (end < 0) throw DECLINE;
    const key = keyAt(at, end);
    // A duplicate key (a value is never undefined; an inherited one, such as toString, is not own).
    if (map[key] !== undefined && Object.hasOwn(map, key)) throw DECLINE;
    map[key] = readValue(end + 1, indent, true);
    if (col === indent) {
      if (isItem(at)) throw DECLINE;
      if (indent === 0 && isMarker(at)) return map;
      continue;
    }
    if (col > indent) throw DECLINE;
    return map;
  }
}

/** The block sequence whose first item is at the cursor, at column `indent`. */
function readSequence(indent: number): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    list.push(readValue(at + 1, indent, false));
    if (col === indent && isItem(at)) continue;
    if (col > indent) throw DECLINE;
    return list;
  }
}

/**
 * The value that starts after a key's colon or an item's dash at `p`, in a mapping (`inMap`)
 * or sequence at column `indent`. Leaves the cursor on the next content line.
 */
function readValue(p: number, indent: number, inMap: boolean): unknown {
  let c = src.charCodeAt(p);
  while (c === 32) c = src.charCodeAt(++p);
  if (p >= len || c === 10 || c === 35) {
    // Nothing on the line: a node on the lines below, or null.
    if (c === 35 && src.charCodeAt(p - 1) !== 32) throw DECLINE;
    nextContentLine(c === 35 ? lineEnd(p) : p);
    if (col > indent) return readNode(col);
    if (inMap && col === indent && isItem(at)) return readSequence(indent);
    return null;
  }
  if (!inMap) {
    // A mapping or a sequence may start on an item's line.
    const column = p - lineStart;
    if (isItem(p)) {
      at = p;
      col = column;
      return readSequence(column);
    }
    if (keyEnd(p) >= 0) {
      at = p;
      col = column;
      return readMapping(column);
    }
  }
  let value: unknown;
  switch (c) {
    case 34: // "
      value = readDoubleQuoted(p);
      endLine(quoteEnd);
      break;
    case 39: // '
      value = readSingleQuoted(p);
      endLine(quoteEnd);
      break;
    case 91: // [
      value = readFlowSequence(p);
      break;
    case 124: // |
    case 62: // >
      value = readBlockScalar(p, indent);
      break;
    case 123: // {
    case 38: // &
    case 42: // *
    case 33: // !
    case 63: // ?
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 93: // ]
    case 125: // }
    case 58: // :
      throw DECLINE;
    default:
      if (c === 45 && isItem(p)) throw DECLINE;
      value = readPlain(p);
  }
  // Nothing may continue the value on a deeper line.
  if (col > indent) throw DECLINE;
  return value;
}

/** A plain scalar that ends on its line, resolved; moves to the next content line. */
function readPlain(p: number): unknown {
  const start = p;
  let last = p; // after the last non-space character
  for (let c = src.charCodeAt(p); p < len && c !== 10; c = src.charCodeAt(++p)) {
    if (c > 58) {
      // Letters and most punctuation: only the characters outside the subset matter.
      if (c >= 127 && outside(c)) throw DECLINE;
      last = p + 1;
      continue;
    }
    if (c === 32) continue;
    if (c === 35 && src.charCodeAt(p - 1) === 32) {
      p = lineEnd(p);
      break;
    }
    if (c < 32 || (c >= 127 && outside(c))) throw DECLINE;
    if (c === 58) {
      const next = src.charCodeAt(p + 1);
      if (next === 32 || next === 10 || p + 1 >= len) throw DECLINE;
    }
    last = p + 1;
  }
  const value = resolvePlain(src.slice(start, last));
  nextContentLine(p);
  return value;
}

/** Where the last quoted scalar read ends (after its closing quote). */
let quoteEnd = 0;

/** A double-quoted scalar that closes on its line, starting at `p`. */
function readDoubleQuoted(p: number): string {
  let out = "";
  let from = ++p;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === 34) break;
    if (p >= len || c < 32 || (c >= 127 && outside(c))) throw DECLINE;
    if (c !== 92) {
      p++;
      continue;
    }
    out += src.slice(from, p);
    const e = src.charCodeAt(p + 1);
    p += 2;
    switch (e) {
      case 48:
        out += "\0";
        break;
      case 97:
        out += "\x07";
        break;
      case 98:
        out += "\b";
        break;
      case 116:
        out += "\t";
        break;
      case 110:
        out += "\n";
        break;
      case 118:
        out += "\v";
        break;
      case 102:
        out += "\f";
        break;
      case 114:
        out += "\r";
        break;
      case 101:
        out += "\x1b";
        break;
      case 32:
        out += " ";
        break;
      case 34:
        out += '"';
        break;
      case 47:
        out += "/";
        break;
      case 92:
        out += "\\";
        break;
      case 78:
        out += "\x85";
        break;
      case 95:
        out += "\xa0";
        break;
      case 76:
        out += "\u2028";
        break;
      case 80:
        out += "\u2029";
        break;
      case 120:
        out += hexChar(p, 2);
        p += 2;
        break;
      case 117:
        out += hexChar(p, 4);
        p += 4;
        break;
      case 85:
        out += hexChar(p, 8);
        p += 8;
        break;
      default:
        throw DECLINE;
    }
    from = p;
  }
  quoteEnd = p + 1;
  return out + src.slice(from, p);
}

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

function hexChar(p: number, digits: number): string {
  const hex = src.slice(p, p + digits);
  if (hex.length !== digits || !HEX_DIGITS.test(hex)) throw DECLINE;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) throw DECLINE;
  return String.fromCodePoint(code);
}

/** A single-quoted scalar that closes on its line, starting at `p`. */
function readSingleQuoted(p: number): string {
  let out = "";
  let from = ++p;
  for (;;) {
    const c = src.charCodeAt(p);
    if (p >= len || c < 32 || (c >= 127 && outside(c))) throw DECLINE;
    if (c === 39) {
      if (src.charCodeAt(p + 1) !== 39) break;
      out += src.slice(from, p + 1);
      p += 2;
      from = p;
      continue;
    }
    p++;
  }
  quoteEnd = p + 1;
  return out + src.slice(from, p);
}

/** A flow sequence of scalars that closes on its line, starting at `p`. */
function readFlowSequence(p: number): unknown[] {
  const list: unknown[] = [];
  p++;
  for (;;) {
    let c = src.charCodeAt(p);
    while (c === 32) c = src.charCodeAt(++p);
    if (c === 93) break; // ] (also after a trailing comma)
    if (c === 34) {
      list.push(readDoubleQuoted(p));
      p = quoteEnd;
    } else if (c === 39) {
      list.push(readSingleQuoted(p));
      p = quoteEnd;
    } else {
      const start = p;
      let last = p;
      for (; p < len; c = src.charCodeAt(++p)) {
        if (c === 44 || c === 93) break; // , ]
        if (c === 32) continue;
        if (
          c < 32 ||
          (c >= 127 && outside(c)) ||
          c === 58 ||
          c === 35 ||
          c === 91 ||
          c === 123 ||
          c === 125 ||
          c === 34 ||
          c === 39 ||
          c === 38 ||
          c === 42 ||
          c === 33 ||
          c === 124 ||
          c === 62 ||
          c === 63 ||
          c === 37 ||
          c === 64 ||
          c === 96
        )
          throw DECLINE;
        last = p + 1;
      }
      if (last === start || (src.charCodeAt(start) === 45 && src.charCodeAt(start + 1) === 32)) throw DECLINE;
      list.push(resolvePlain(src.slice(start, last)));
    }
    c = src.charCodeAt(p);
    while (c === 32) c = src.charCodeAt(++p);
    if (c === 93) break;
    if (c !== 44) throw DECLINE;
    p++;
  }
  endLine(p + 1);
  return list;
}

/** A literal or folded block scalar whose header is at `p`, under a node at column `indent`. */
function readBlockScalar(p: number, indent: number): string {
  const folded = src.charCodeAt(p) === 62;
  let c = src.charCodeAt(++p);
  const strip = c === 45;
  if (strip) c = src.charCodeAt(++p);
  if (c !== 32 && c !== 10 && p < len) throw DECLINE; // keep (+), an indentation indicator, anything else
  while (c === 32) c = src.charCodeAt(++p);
  if (c === 35) {
    if (src.charCodeAt(p - 1) !== 32) throw DECLINE;
    p = lineEnd(p);
  } else if (c !== 10 && p < len) throw DECLINE;
  if (p >= len) throw DECLINE;
  // The first content line sets the indentation; it must not be empty.
  let start = p + 1;
  let q = start;
  while (src.charCodeAt(q) === 32) q++;
  const blockIndent = q - start;
  if (blockIndent <= indent || q >= len || src.charCodeAt(q) === 10) throw DECLINE;
  let out = "";
  let pendingBreaks = 0; // empty lines since the last content line
  let lines = 0;
  for (;;) {
    // `start` is a line start; q after its leading spaces.
    if (q >= len) break;
    c = src.charCodeAt(q);
    // An empty line, or one of spaces no deeper than the scalar's indentation; one of more
    // spaces is a line of spaces in a literal scalar, and left to the other readers in a folded one.
    if (c === 10 && q - start <= blockIndent) {
      pendingBreaks++;
      start = q + 1;
      q = start;
      while (src.charCodeAt(q) === 32) q++;
      continue;
    }
    if (q - start < blockIndent) break;
    // A folded line that starts with a space or a tab is not folded: left to the other readers.
    if (folded && (q - start > blockIndent || c === 9)) throw DECLINE;
    const end = textLineEnd(q);
    const line = src.slice(start + blockIndent, end);
    if (lines > 0) {
      if (folded) out += pendingBreaks > 0 ? "\n".repeat(pendingBreaks) : " ";
      else out += "\n".repeat(pendingBreaks + 1);
    }
    out += line;
    lines++;
    pendingBreaks = 0;
    if (end >= len) {
      start = len;
      break;
    }
    start = end + 1;
    q = start;
    while (src.charCodeAt(q) === 32) q++;
  }
  if (q >= len && q > start) throw DECLINE; // spaces at the end of the text
  // The line before `start` ended the scalar's last line (or an empty line after it).
  lineStart = start;
  nextContentLine(start - 1);
  return strip ? out : `${out}\n`;
}
