import { KINDS, type Kind } from "../../model/document.js";
import { normaliseLineBreaks } from "./yaml-read.js";

/** The top-level fields a head holds. */
export const HEAD_FIELDS = ["apiVersion", "kind", "id", "project", "portfolio"] as const;
export type HeadField = (typeof HEAD_FIELDS)[number];

/**
 * What a file's one document says of itself in its first fields: its kind, and its apiVersion,
 * id, project and portfolio when it has them (each as the string the full reading gives).
 */
export type Head = { kind: Kind } & Partial<Record<Exclude<HeadField, "kind">, string>>;

/**
 * The head of a text's one document, read without a YAML parser, or undefined ("uncertain")
 * when the text is not of the simple shape for which that reading is certain. Certain means:
 * whatever the full reading of the same bytes (parse.ts) gives, it is either no document (a
 * syntax error, an alias problem) or exactly one document, of this kind, whose apiVersion, id,
 * project and portfolio are these strings (and absent where the head has none). A load that
 * wants some kinds only skips a file whose head is of another kind (LoadOptions.kinds); `pmo
 * new` takes the ids and parents of the repository from heads.
 *
 * The shape: one document (no `---`, `...` or `%` at the start of a line after an optional
 * first `---`); no tab, BOM or line separator other than CR and LF; no flow mapping, no flow
 * sequence or quoted scalar left open at the end of its line, anywhere. Every line at column 0
 * is blank, a comment, or a plain `key:` of the root block mapping, each key once; a line at
 * column 0 can then be nothing else, as block scalars, plain scalars, quoted scalars and flow
 * collections under a key at column 0 go on only over indented lines (YAML 1.2, 7.1-7.3, 8.1).
 * A head field's value is a word on its key's line (plain, or in quotes, a comment after it),
 * never continued below; any other key's value that starts on its line is closed on it and has
 * no anchor or tag. A known kind. Indented lines belong to the keys above them and are not
 * read. test/core/load/head.test.ts checks this against the full reading on the YAML test
 * suite, the example, the repository's fixtures, generated repositories, hostile texts and
 * mutations of all of them.
 */
export function scanHead(input: string): Head | undefined {
  const shape = certainShape(input);
  if (shape === undefined) return undefined;
  const { lines, from } = shape;
  const head: Partial<Record<HeadField, string>> = {};
  HEAD_LINE.lastIndex = from;
  for (let m = HEAD_LINE.exec(lines); m !== null; m = HEAD_LINE.exec(lines)) {
    const field = m[1] as HeadField;
    const found = m[2] ?? m[3] ?? m[4];
    // Not a word on its line, or a second one (a duplicate key, which the full reading refuses).
    if (found === undefined || head[field] !== undefined || (m[2] !== undefined && NOT_A_STRING.has(found)))
      return undefined;
    // Indented lines below would continue or nest the value (a comment line at column 0 ends nothing).
    NOTHING_BELOW.lastIndex = m.index + m[0].length;
    if (!NOTHING_BELOW.test(lines)) return undefined;
    head[field] = found;
  }
  const kind = head.kind;
  if (kind === undefined || !KIND_SET.has(kind)) return undefined;
  return head as Head;
}

/**
 * The kind of a text's one document, or undefined ("uncertain"): certain for the texts of the
 * shape scanHead is certain about, whatever their other head fields hold. Whenever it answers,
 * the full reading of the same bytes gives no document or exactly one of this kind; it answers
 * for every text scanHead answers for, with the same kind. A load that wants some kinds skips
 * a file by it (parse.ts): it reads the kind only, without the other fields' values.
 */
export function scanKind(input: string): Kind | undefined {
  const shape = certainShape(input);
  if (shape === undefined) return undefined;
  const { lines, from } = shape;
  KIND_FIELD.lastIndex = from;
  const m = KIND_FIELD.exec(lines);
  const found = m?.[1] ?? m?.[2] ?? m?.[3];
  if (m === null || found === undefined || !KIND_SET.has(found)) return undefined;
  // Indented lines below would continue or nest the value; a second kind key is refused by the full reading.
  const end = m.index + m[0].length;
  NOTHING_BELOW.lastIndex = end;
  if (!NOTHING_BELOW.test(lines) || lines.includes("\nkind:", end)) return undefined;
  return found as Kind;
}

/**
 * The text with its line breaks normalised, as `lines` (a line break before the first key) and
 * where its body starts in them (`from`), when it has the shape scanHead describes: one
 * document, a root block mapping, every line at column 0 blank, a comment or a plain key, and
 * every top-level value that could run on closed on its line. Undefined otherwise.
 */
function certainShape(input: string): { lines: string; from: number } | undefined {
  const text = normaliseLineBreaks(input);
  const start = text.startsWith("---\n") ? 4 : 0;
  UNCERTAIN.lastIndex = start;
  if (UNCERTAIN.test(text)) return undefined;
  // Blank and comment lines, then the first key at column 0: the root is a block mapping.
  LEADING.lastIndex = start;
  LEADING.test(text);
  const body = LEADING.lastIndex;
  KEY.lastIndex = body;
  if (!KEY.test(text)) return undefined;
  // The searches find lines after a line break; the first key gets one before it.
  const lines = body === 0 ? `\n${text}` : text;
  const from = body === 0 ? 0 : body - 1;
  // Every line is indented, blank, a comment at column 0 or a plain key at column 0, and a
  // key's value that may run on (quoted, a flow sequence, an anchor or a tag) closes on its line.
  LINE.lastIndex = from;
  for (let m = LINE.exec(lines); m !== null; m = LINE.exec(lines))
    if (m[1] === undefined || !closedOnItsLine(m[1])) return undefined;
  return { lines, from };
}

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/**
 * Texts the scanner leaves to the parser, wherever they are: document markers, directives and
 * complex keys at a line start; tabs, line breaks other than LF, a BOM left inside, flow
 * mappings; a flow sequence that does not close on its line; a quoted scalar that goes on to
 * the next line. Written with lookbehinds rather than `^` alternatives, which keeps the test
 * cheap (V8 scans for each alternative's first character).
 */
const UNCERTAIN = new RegExp(
  [
    "(?<![^\\n])(?:---|\\.\\.\\.|%|\\?)",
    "[\\t\\r\\u0085\\u2028\\u2029\\uFEFF{]",
    "\\[[^\\]\\n]*(?:\\n|$)",
    '(?<![^\\s:[,-])"(?:[^"\\\\\\n]|\\\\.)*\\\\?(?:\\n|$)',
    "(?<![^\\s:[,-])'(?:[^'\\n]|'')*(?:\\n|$)",
  ].join("|"),
  "g",
);
const KEY_PATTERN = "[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \\n]|$)";
/** Blank lines and comment lines, indented or not. */
const LEADING = /(?:[ ]*(?:#[^\n]*)?\n)*/y;
/** A plain key, its colon, then a space or the end of the line. */
const KEY = new RegExp(KEY_PATTERN, "y");
/**
 * A line that starts at column 0 with neither a space, a comment nor a plain key (a blank line
 * passes), or a key whose value starts with a quote, a bracket, an anchor or a tag (captured).
 */
const LINE = new RegExp(`\\n(?:(?![ \\n#]|${KEY_PATTERN}|$)|[A-Za-z_][A-Za-z0-9_.-]*:[ ]+([&!"'[][^\\n]*))`, "g");
/**
 * A head field's line at column 0: the field, and its value when it is a word, plain or
 * quoted, with only spaces or a comment after it (`#` after a space: `a#b` is one plain
 * scalar). A plain word starts with a letter, so YAML 1.2 reads it as a string unless it is
 * one of NOT_A_STRING; a quoted word has nothing to escape.
 */
const HEAD_LINE = new RegExp(
  `\\n(${HEAD_FIELDS.join("|")}):(?:[ ]+(?:([A-Za-z][A-Za-z0-9_./-]*)|"([A-Za-z0-9_./-]+)"|'([A-Za-z0-9_./-]+)')(?:[ ]+#[^\\n]*)?[ ]*(?=\\n|$))?`,
  "g",
);
/**
 * What may follow a head field's line: blank lines and comments at column 0, then a line that
 * starts at column 0 with something else (a key), or the end.
 */
const NOTHING_BELOW = /(?:\n(?:#[^\n]*|[ ]*)(?=\n|$))*(?:\n(?![ #\n])|$)/y;
/** The kind's line at column 0, as HEAD_LINE reads it (a kind is a plain word, never null or a boolean). */
const KIND_FIELD =
  /\nkind:(?:[ ]+(?:([A-Za-z][A-Za-z0-9_./-]*)|"([A-Za-z0-9_./-]+)"|'([A-Za-z0-9_./-]+)')(?:[ ]+#[^\n]*)?[ ]*(?=\n|$))?/g;
const NOT_A_STRING = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

/**
 * True when a top-level value that starts with a quote, a bracket, an anchor or a tag cannot
 * run onto the lines below at column 0: a quoted scalar or a flow sequence closed on its line,
 * nothing but a comment after it. An anchor or a tag may introduce either: not certain.
 */
function closedOnItsLine(value: string): boolean {
  const v = value.trimEnd();
  const c = v[0];
  if (c === '"') {
    for (let i = 1; i < v.length; i++) {
      if (v[i] === "\\") i++;
      else if (v[i] === '"') return onlyComment(v.slice(i + 1));
    }
    return false;
  }
  if (c === "'") {
    for (let i = 1; i < v.length; i++) {
      if (v[i] !== "'") continue;
      if (v[i + 1] === "'") i++;
      else return onlyComment(v.slice(i + 1));
    }
    return false;
  }
  if (c !== "[") return false;
  // Without quotes or comments inside, the brackets alone say where the sequence ends.
  if (/["'#]/.test(v)) return false;
  let depth = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === "[") depth++;
    else if (v[i] === "]") {
      depth--;
      if (depth === 0) return i === v.length - 1;
    }
  }
  return false;
}

/** What may follow a closed scalar on its line: nothing, or a comment. */
function onlyComment(after: string): boolean {
  return /^(?:[ ]+#.*)?[ ]*$/.test(after);
}
