import { KINDS, type Kind } from "../../model/document.js";

/**
 * The kind of the only document a text can hold, when the text alone makes it certain, for a
 * load that wants some kinds only (LoadOptions.kinds): a file whose one document is of a kind
 * not wanted is then skipped without being parsed. "Certain" means: whatever the full reading
 * of the text (parse.ts) gives, it is either nothing (a syntax error, an alias problem) or one
 * document of this kind. Anything short of that answers undefined and the file is parsed.
 *
 * The text must be one document (no `---`, `...` or `%` at the start of a line after an
 * optional first `---`), its root a block mapping (its first line a plain `key:` at column 0),
 * with exactly one line at column 0 that starts like a `kind` key, and that line exactly
 * `kind: Risk` (or "Risk", 'Risk', a comment after it) with a pmo kind, not continued on the
 * next line. A line at column 0 of a block mapping at column 0 is one of its keys: it cannot
 * be inside a block scalar, and flow collections and quoted scalars would need indented
 * continuation lines (YAML 1.2, 7.1-7.3); the text is declined anyway when it holds a flow
 * mapping, a flow sequence or a quoted scalar that does not close on its line, a tab or an
 * unusual line break. test/core/load/prefilter.test.ts checks this against the full reading on
 * the YAML test suite, the example, hostile files and mutations of them.
 */
export function declaredKind(text: string): Kind | undefined {
  const body = text.startsWith("---\n") ? text.slice(4) : text;
  if (UNCERTAIN.test(body)) return undefined;
  if (!ROOT_KEY.test(body)) return undefined;
  let found: Kind | undefined;
  let end = 0;
  KIND_LINE_START.lastIndex = 0;
  for (let m = KIND_LINE_START.exec(body); m !== null; m = KIND_LINE_START.exec(body)) {
    if (found !== undefined) return undefined; // two lines that may be kind keys: a duplicate or uncertain
    const lineEnd = body.indexOf("\n", m.index);
    end = lineEnd < 0 ? body.length : lineEnd;
    const exact = KIND_LINE.exec(body.slice(m.index, end));
    if (!exact) return undefined;
    found = (exact[1] ?? exact[2] ?? exact[3]) as Kind;
  }
  if (found === undefined) return undefined;
  // A plain scalar goes on over indented lines below it (blank and comment lines aside).
  if (CONTINUED.test(body.slice(end))) return undefined;
  return found;
}

const KIND_NAMES = KINDS.join("|");

/**
 * Texts the prefilter leaves to the parser: document markers and directives at a line start,
 * tabs and line breaks other than LF, flow mappings, a flow sequence that does not close on its
 * line, a quoted scalar that goes on to the next line, complex keys at column 0.
 */
const UNCERTAIN = new RegExp(
  [
    "(?<![^\\n])(?:---|\\.\\.\\.|%|\\?)", // markers, directives, complex keys at a line start
    "[\\t\\r\\u0085\\u2028\\u2029\\uFEFF{]", // tabs, other line breaks, a BOM left inside, flow mappings
    "\\[[^\\]\\n]*(?:\\n|$)", // a flow sequence that does not close on its line
    '(?<![^\\s:[,-])"(?:[^"\\\\\\n]|\\\\.)*\\\\?(?:\\n|$)', // a double-quoted scalar that runs on
    "(?<![^\\s:[,-])'(?:[^'\\n]|'')*(?:\\n|$)", // a single-quoted scalar that runs on
  ].join("|"),
);
/** The first line that is not blank or a comment is a plain key at column 0: a block mapping. */
const ROOT_KEY = /^(?:[ ]*(?:#[^\n]*)?\n)*[A-Za-z_][A-Za-z0-9_.-]*:(?:[ ]|\n|$)/;
/** Lines at column 0 that may be a `kind` key, in any quoting. */
const KIND_LINE_START = /(?<![^\n])["']?kind(?![A-Za-z0-9_.-])/g;
/** The one form the prefilter reads: `kind: Risk`, quoted or not, a comment after it. */
const KIND_LINE = new RegExp(`^kind:[ ]+(?:(${KIND_NAMES})|"(${KIND_NAMES})"|'(${KIND_NAMES})')(?:[ ]+#.*)?[ ]*$`);
/** The line after the kind line, past blank and comment lines, is indented: a continuation. */
const CONTINUED = /^\n(?:[ ]*(?:#[^\n]*)?\n)*[ ]+[^\s#]/;
