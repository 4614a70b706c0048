import type { LineCounter, YAMLError } from "yaml";
import type { Diagnostic, Severity } from "../../model/diagnostic.js";

/**
 * YAML syntax problems in plain sentences. The yaml package's messages describe what its
 * grammar expected ("Nested mappings are not allowed in compact mappings"); a person needs
 * to know what is wrong in their file and how to fix it. The parser's code and the text
 * around the position decide which sentence applies; docs/validation.md lists them.
 */

export interface SyntaxProblem {
  message: string;
  hint?: string;
  /** Offsets in the text: where to point. */
  start: number;
  end: number;
}

/** The plain sentence and position for one error or warning of the yaml package. */
export function describeSyntaxError(error: YAMLError, text: string): SyntaxProblem {
  const [start, end] = error.pos;
  const at = (problem: Omit<SyntaxProblem, "start" | "end">, from = start, to = end): SyntaxProblem => ({
    ...problem,
    start: from,
    end: Math.max(to, from + 1),
  });
  if (/call stack/i.test(error.message)) {
    return at({
      message: "the structure is nested too deeply to read",
      hint: "flatten the structure: pmo documents need only a few levels of nesting",
    });
  }
  const tab = tabIndentBefore(text, start);
  if (error.code === "TAB_AS_INDENT" || tab !== undefined) {
    const pos = tab ?? start;
    return at(
      {
        message: "a tab is used for indentation; YAML allows only spaces there",
        hint: "replace the tab at the start of this line with spaces (2 per level)",
      },
      pos,
      pos + 1,
    );
  }
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = keyAt(text, start);
      return at({
        message: key ? `the field "${key}" appears twice in this mapping` : "a key appears twice in this mapping",
        hint: "remove or rename one of them: each field may appear once",
      });
    }
    case "MISSING_CHAR": {
      if (/quote/.test(error.message)) {
        const opened = openingQuote(text, start);
        return at(
          { message: "this quoted string is never closed", hint: "add the closing quote at the end of the value" },
          opened ?? start,
          (opened ?? start) + 1,
        );
      }
      const bracket = /\]/.test(error.message) ? "[" : /\}/.test(error.message) ? "{" : undefined;
      if (bracket) return unclosed(bracket, text, start);
      break;
    }
    case "BAD_INDENT":
      if (/Flow sequence/.test(error.message)) return unclosed("[", text, start);
      if (/Flow map/.test(error.message)) return unclosed("{", text, start);
      break;
    case "BAD_DIRECTIVE":
    case "MULTIPLE_DOCS":
      break;
    case "TAG_RESOLVE_FAILED": {
      const tag = /^!\S*/.exec(text.slice(start, start + 100))?.[0] ?? "this tag";
      return at({
        message: `the tag ${tag} is not one pmo reads; the value is read as plain text`,
        hint: "remove the tag",
      });
    }
    case "BAD_ALIAS":
      if (/^Anchor/.test(error.message))
        return at({
          message: "an anchor (&name) needs a name",
          hint: "write &name before the value, or remove the &",
        });
      return at({
        message: "an alias (*name) must name an anchor (&name) defined before it",
        hint: "define the anchor first, or write the value out",
      });
    case "UNEXPECTED_TOKEN": {
      // 'it's: the value closed at the second quote, and what follows it is left over.
      const closing = text.charAt(start - 1);
      if (/^Unexpected scalar at node end/.test(error.message) && (closing === "'" || closing === '"'))
        return at({
          message: "there is text after the closing quote of this value",
          hint:
            closing === "'"
              ? "inside single quotes write a quote twice ('it''s'), or quote the whole value with double quotes"
              : 'inside double quotes write a quote as \\", or quote the whole value with single quotes',
        });
      break;
    }
    case "MULTILINE_IMPLICIT_KEY":
      // A list item at the indentation of the fields around it.
      if (/^\s*-(\s|$)/.test(lineAt(text, start).text) && misindentedLine(text, start) === undefined)
        return at({
          message: "a list item (- ) where a field was expected",
          hint: "indent the item under the field whose list it is (`field:` on its own line, then `  - item`), or write it as a field",
        });
      break;
    default:
      break;
  }
  const indentation = misindentedLine(text, start);
  if (indentation !== undefined) {
    return at(
      {
        message: `this line is indented by ${indentation.found} ${indentation.found === 1 ? "space" : "spaces"}, which matches no field or list above it (expected ${indentation.expected})`,
        hint: "line up fields of the same mapping, and indent a field's children 2 spaces deeper than the field",
      },
      indentation.offset,
      indentation.offset + Math.max(1, indentation.length),
    );
  }
  const line = lineAt(text, start);
  if (/^\s*(?:-\s+)?[^\s#'"][^:#]*:\S/.test(line.text) && !/^\s*(?:-\s+)?[^\s#'"][^:#]*:\s/.test(line.text)) {
    return at(
      {
        message: "a colon after a key must be followed by a space",
        hint: "write `key: value`, with a space after the colon",
      },
      line.start,
      line.start + line.text.length,
    );
  }
  if (/^\s*(?:-\s+)?[^\s#'"][^:#]*:\s+[^"'\s][^#]*:\s/.test(line.text)) {
    return at({
      message: 'this value contains ": ", so it reads as another field',
      hint: 'put the value in quotes, e.g. name: "Phase 2: delivery"',
    });
  }
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /compact mappings/.test(error.message)) {
    // `id: ISS-1` then `  x: [`: the deeper line reads as a mapping inside the value ISS-1.
    const deeper = deeperLineAfter(text, start);
    return at(
      {
        message: "this line is indented deeper than the field above it, whose value is already on its line",
        hint: "line the field up with the fields above it, or put the value of the field above on lines of its own",
      },
      deeper?.start ?? start,
      deeper?.end ?? end,
    );
  }
  const plain = PLAIN_MESSAGES.find((p) => p.code === error.code && p.match.test(error.message));
  if (plain) {
    // Point at what is written, not at the spaces before it.
    let from = start;
    while (text.charAt(from) === " ") from++;
    if (text.charAt(from) === "\n" || from >= text.length) from = start;
    const char = text.charAt(from);
    return at(
      { message: plain.message.replaceAll("{char}", char), hint: plain.hint.replaceAll("{char}", char) },
      from,
      Math.max(end, from + 1),
    );
  }
  return at({ message: plainParserMessage(error.message), hint: GENERIC_HINTS[error.code] });
}

/**
 * The yaml package's messages in plain words, by code and message (docs/validation.md lists
 * them with an example each). `{char}` is the character at the position.
 */
const PLAIN_MESSAGES: readonly { code: string; match: RegExp; message: string; hint: string }[] = [
  {
    code: "UNEXPECTED_TOKEN",
    match: /^Unexpected flow-(?:map|seq)-end token/,
    message: "this {char} closes nothing: there is no opening bracket before it",
    hint: "remove the {char}, or quote the value if it is part of the text",
  },
  {
    code: "UNEXPECTED_TOKEN",
    match: /^Unexpected , in flow/,
    message: "a comma with no value before it in this [ ] or { } list",
    hint: 'remove the extra comma, or write an empty value as ""',
  },
  {
    code: "UNEXPECTED_TOKEN",
    match: /^Unexpected block-seq-ind on same line with key/,
    message: "a list item (- ) on the same line as its field",
    hint: "put the items on the lines below the field, indented: `tags:` then `  - a`",
  },
  {
    code: "UNEXPECTED_TOKEN",
    match: /^Unexpected \S+ at node end/,
    message: "text where the value or the line should already have ended",
    hint: "remove the text, quote the whole value, or start a new line for it",
  },
  {
    code: "BAD_INDENT",
    match: /^All mapping items must start at the same column/,
    message: "this field does not line up with the fields above it",
    hint: "indent it like the fields of the mapping it belongs to (2 spaces per level)",
  },
  {
    code: "MISSING_CHAR",
    match: /^Missing directives-end/,
    message: "a directive (a line starting with %) must be followed by a --- line",
    hint: "put --- on the line after the directive, or remove the directive",
  },
  {
    code: "MISSING_CHAR",
    match: /^Comments must be separated/,
    message: "a # comment needs a space before it",
    hint: "put a space before the #, or quote the value if the # is part of it",
  },
  {
    code: "MISSING_CHAR",
    match: /^Implicit map keys need to be followed by map values/,
    message: "this line has no colon: a field is written `key: value`",
    hint: "add the colon after the key, or indent the line under the field whose value it continues",
  },
  {
    code: "MISSING_CHAR",
    match: /^Sequence item without - indicator/,
    message: "a line among list items that does not start with - ",
    hint: "start the item with `- `, or indent the line under the item it belongs to",
  },
  {
    code: "BLOCK_IN_FLOW",
    match: /^Block collections are not allowed within flow/,
    message: "a list or field written on lines of their own inside [ ] or { }",
    hint: "quote the values inside the brackets, or write the whole list one item per line with - ",
  },
  {
    code: "UNEXPECTED_TOKEN",
    match: /^Block scalar header includes extra characters/,
    message: "text after the | or > that starts a text block",
    hint: "after | or > only an indentation digit, - or + and a comment may follow: put the text on the lines below",
  },
  {
    code: "BAD_INDENT",
    match: /^Block scalar values in collections must be indented/,
    message: "this line of a text block (| or >) is not indented under its field",
    hint: "indent the text 2 spaces deeper than the field; a blank line inside it may hold only spaces",
  },
  {
    code: "MISSING_CHAR",
    match: /^Block scalars with more-indented leading empty lines/,
    message: "the blank lines at the start of this text block are indented deeper than its text",
    hint: "remove the spaces on those blank lines, or give the indentation after the | or > (e.g. |2)",
  },
  {
    code: "MISSING_CHAR",
    match: /^Tags and anchors must be separated/,
    message: "an anchor (&name) or tag (!tag) must be followed by a space",
    hint: "put a space after the &name or !tag",
  },
  {
    code: "MISSING_CHAR",
    match: /^Missing newline after block sequence props/,
    message: "the anchor or tag of a list must be followed by a line break",
    hint: "put the list's items on the lines below the &name or !tag",
  },
  {
    code: "MISSING_CHAR",
    match: /^Block collection cannot start on same line with directives-end/,
    message: "fields or list items cannot start on the --- line",
    hint: "start them on the line after ---",
  },
  {
    code: "BLOCK_AS_IMPLICIT_KEY",
    match: /^A block sequence may not be used as an implicit map key/,
    message: "a list (- ) is used as a key",
    hint: "check the indentation, and that a key is a single word or quoted text before `: `",
  },
  {
    code: "ALIAS_PROPS",
    match: /alias/i,
    message: "an alias (*name) cannot have an anchor or a tag of its own",
    hint: "remove the &anchor or !tag before the alias",
  },
  {
    code: "BAD_DIRECTIVE",
    match: /^%YAML directive should contain exactly one part|^Unsupported YAML version/,
    message: "this %YAML directive does not name a YAML version pmo reads",
    hint: "write %YAML 1.2, or remove the line",
  },
  {
    code: "MULTILINE_IMPLICIT_KEY",
    match: /^Implicit keys of flow sequence pairs/,
    message: "a key inside [ ] must fit on one line",
    hint: "put the key and its colon on one line, or quote the key",
  },
  {
    code: "MULTILINE_IMPLICIT_KEY",
    match: /^Implicit keys need to be on a single line/,
    message: "this line is neither a field (key: value) nor part of the value above it",
    hint: "add the colon after the key, or indent a value that goes on over several lines under its field",
  },
  {
    code: "BAD_DQ_ESCAPE",
    match: /^Invalid escape sequence/,
    message: "a backslash in double quotes starts an escape, and this one is not a known escape",
    hint: "write \\\\ for a backslash, or put the value in single quotes",
  },
  {
    code: "BAD_SCALAR_START",
    match: /^Plain value cannot start with/,
    message: "a value cannot start with {char} unless it is quoted",
    hint: 'put the value in quotes, e.g. "{char}text"',
  },
  {
    code: "MULTIPLE_ANCHORS",
    match: /anchor/,
    message: "a value can have only one anchor (&name)",
    hint: "keep one &anchor on the value",
  },
  {
    code: "MULTIPLE_TAGS",
    match: /tag/,
    message: "a value can have only one tag (!tag)",
    hint: "keep at most one !tag on the value",
  },
  {
    code: "KEY_OVER_1024_CHARS",
    match: /1024/,
    message: "this key is longer than the 1,024 characters YAML allows",
    hint: "shorten the key, or check for a missing line break before its colon",
  },
];

/** The first non-blank line after the one holding `offset` that is indented deeper than it. */
function deeperLineAfter(text: string, offset: number): { start: number; end: number } | undefined {
  const line = lineAt(text, offset);
  const indent = line.text.length - line.text.trimStart().length;
  let pos = line.start + line.text.length + 1;
  while (pos < text.length) {
    const next = lineAt(text, pos);
    const trimmed = next.text.trimStart();
    if (trimmed !== "" && !trimmed.startsWith("#")) {
      const deeper = next.text.length - trimmed.length;
      if (deeper <= indent) return undefined;
      return { start: next.start + deeper, end: next.start + next.text.length };
    }
    pos = next.start + next.text.length + 1;
  }
  return undefined;
}

const GENERIC_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "check the indentation and the colon after each key",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check for a missing colon or closing quote",
  UNEXPECTED_TOKEN: "check the punctuation around this position",
  BAD_DQ_ESCAPE: "in double quotes a backslash starts an escape; write \\\\ for a backslash, or use single quotes",
  BAD_SCALAR_START: "quote the value: it starts with a character that YAML reserves",
  TAG_RESOLVE_FAILED: "remove the tag or use a standard one",
  BAD_DIRECTIVE: "remove the line starting with %, or put --- after it",
  MULTIPLE_ANCHORS: "give the value at most one &anchor",
  MULTIPLE_TAGS: "give the value at most one !tag",
  KEY_OVER_1024_CHARS: "a key may have at most 1,024 characters; shorten it",
};

function plainParserMessage(message: string): string {
  const text = message.replace(/ at line \d+, column \d+.*$/s, "").trim();
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A diagnostic from a syntax problem. */
export function syntaxDiagnostic(
  file: string,
  problem: SyntaxProblem,
  lineCounter: LineCounter,
  options: { docIndex?: number; severity?: Severity; ruleId?: string; suffix?: string } = {},
): Diagnostic {
  const start = lineCounter.linePos(problem.start);
  const end = lineCounter.linePos(problem.end);
  return {
    ruleId: options.ruleId ?? "yaml-syntax",
    severity: options.severity ?? "error",
    message: problem.message + (options.suffix ?? ""),
    ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
    file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    pointer: "",
    ...(options.docIndex !== undefined ? { docIndex: options.docIndex } : {}),
  };
}

function unclosed(bracket: "[" | "{", text: string, before: number): SyntaxProblem {
  const opened = openingBracket(text, before, bracket);
  const pos = opened ?? before;
  const hint =
    bracket === "["
      ? `add the closing ], or write the list one item per line with "- "`
      : `add the closing }, or write the fields one per line as key: value`;
  return { message: `this ${bracket} is never closed`, hint, start: pos, end: pos + 1 };
}

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", start);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

/** The key whose entry starts at `offset`, when it is a plain or quoted scalar. */
function keyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset, offset + 200);
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:\n#]+?))\s*:/.exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The offset of a tab in the indentation of the line at `offset` or of the line before it. */
function tabIndentBefore(text: string, offset: number): number | undefined {
  const lines: { start: number; text: string }[] = [];
  let line = lineAt(text, Math.min(offset, text.length));
  lines.push(line);
  if (line.start > 0) lines.push(lineAt(text, line.start - 1));
  for (line of lines) {
    const m = /^[ ]*\t/.exec(line.text);
    if (m && line.text.trim() !== "") return line.start + m[0].length - 1;
  }
  return undefined;
}

/**
 * The first line, up to the one at `offset`, whose indentation matches no open block: the
 * usual cause of "implicit key" and "unique keys" errors in hand-written files. Follows the
 * indentation of block mappings and sequences only; block scalars are skipped, and a file
 * with flow collections or multi-line quoted values is left to the parser's own message.
 */
function misindentedLine(
  text: string,
  offset: number,
): { offset: number; length: number; found: number; expected: string } | undefined {
  // The parser often notices the mistake at the end of the line before it: look one line on.
  const lineEnd = text.indexOf("\n", offset);
  const nextEnd = lineEnd < 0 ? -1 : text.indexOf("\n", lineEnd + 1);
  const lines = text.slice(0, lineEnd < 0 ? text.length : nextEnd < 0 ? text.length : nextEnd).split("\n");
  const stack: number[] = [];
  let pos = 0;
  let opens = false;
  let blockScalar: number | undefined;
  for (const line of lines) {
    const lineStart = pos;
    pos += line.length + 1;
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (blockScalar !== undefined) {
      if (trimmed === "" || indent > blockScalar) continue;
      blockScalar = undefined;
    }
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (trimmed === "---" || trimmed === "..." || trimmed.startsWith("%")) {
      stack.length = 0;
      opens = false;
      continue;
    }
    if (/^[ ]*\t/.test(line) || /["'[{]/.test(trimmed.charAt(0))) return undefined;
    const top = stack[stack.length - 1];
    if (top === undefined || (opens && indent > top)) {
      stack.push(indent);
    } else if (indent > top) {
      return { offset: lineStart + indent, length: trimmed.length, found: indent, expected: describeLevels(stack) };
    } else {
      const open = [...stack];
      while (stack.length > 0 && stack[stack.length - 1]! > indent) stack.pop();
      if (stack[stack.length - 1] !== indent) {
        return { offset: lineStart + indent, length: trimmed.length, found: indent, expected: describeLevels(open) };
      }
    }
    // `- key: value`: the mapping inside the item is one level deeper than the dash.
    let content = trimmed;
    let contentIndent = indent;
    while (/^-(\s|$)/.test(content)) {
      const after = content.slice(1);
      const spaces = after.length - after.trimStart().length;
      contentIndent += 1 + spaces;
      content = after.trimStart();
      if (content !== "") stack.push(contentIndent);
    }
    const keyValue = /^(?:[^\s#'"][^#]*?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s+(.*))?$/.exec(content);
    const value = keyValue ? (keyValue[1] ?? "").replace(/\s+#.*$/, "").trim() : content === "" ? "" : undefined;
    opens = value === "" || (value !== undefined && /^[&!][^\s]*$/.test(value));
    if (value !== undefined && /^(?:[&!][^\s]*\s+)*[|>][-+0-9]*$/.test(value)) blockScalar = contentIndent;
    if (keyValue === null && content !== "" && !/^-(\s|$)/.test(trimmed)) {
      // A plain line that is not `key: value`: a multi-line value, or a mistake the parser describes better.
      opens = false;
    }
  }
  return undefined;
}

function describeLevels(stack: readonly number[]): string {
  const levels = [...new Set(stack)].sort((a, b) => a - b);
  if (levels.length === 0) return "0";
  if (levels.length === 1) return `${levels[0]}`;
  return `${levels.slice(0, -1).join(", ")} or ${levels[levels.length - 1]}`;
}

/**
 * The offset of the quote that opens the last unclosed quoted value before `offset`: the last
 * line, going back, whose value starts with a quote that the line does not close.
 */
function openingQuote(text: string, offset: number): number | undefined {
  const lines = text.slice(0, offset).split("\n");
  let lineStart = offset - lines[lines.length - 1]!.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const m = /^(\s*(?:-\s+)?(?:[^\s#"'][^:#]*:\s+)?)(["'])(.*)$/.exec(line);
    if (m && !closesOnLine(m[3]!, m[2]!)) return lineStart + m[1]!.length;
    lineStart -= (lines[i - 1]?.length ?? 0) + 1;
  }
  return undefined;
}

function closesOnLine(rest: string, quote: string): boolean {
  for (let i = 0; i < rest.length; i++) {
    if (quote === '"' && rest[i] === "\\") i++;
    else if (rest[i] === quote) {
      if (quote === "'" && rest[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/** The offset of the last bracket of that kind before `offset` that is not closed before it. */
function openingBracket(text: string, offset: number, bracket: "[" | "{"): number | undefined {
  const close = bracket === "[" ? "]" : "}";
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i]!;
    if (quote) {
      if (quote === '"' && c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if ((c === '"' || c === "'") && open.length > 0) quote = c;
    else if (c === bracket) open.push(i);
    else if (c === close) open.pop();
  }
  return open.length > 0 ? open[0] : undefined;
}
