import { stringify } from "yaml";
import type { Kind } from "../../model/document.js";
import { orderKeys } from "./schema-fields.js";

/**
 * The options `pmo fmt` writes its canonical form with (src/core/fmt): written directly, a
 * document whose keys are in schema order is already in that form, so a freshly imported file
 * passes `pmo fmt --check` without the cost of formatting it (test/core/export/yaml.test.ts
 * checks the two agree, on the example and on awkward text).
 */
const CANONICAL = {
  version: "1.2",
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  flowCollectionPadding: true,
  aliasDuplicateObjects: false,
} as const;

/**
 * A document as the YAML file pmo writes for it (import): keys in schema order, in the
 * canonical form of `pmo fmt`. The same value always gives the same bytes.
 */
export function documentToYaml(kind: Kind, value: Record<string, unknown>): string {
  const ordered = orderKeys(kind, value);
  return simpleYaml(ordered) ?? stringify(ordered, CANONICAL);
}

/**
 * The canonical text of a value of the common shape, written directly, or undefined when the
 * value has anything else: then the yaml library writes it (documentToYaml). The shape: nested
 * mappings and sequences (empty ones too) of booleans, finite numbers that JavaScript writes
 * without an exponent, and strings that are plain scalars in every position (see PLAIN_SAFE).
 * For such a value the text is byte for byte what `stringify(value, CANONICAL)` writes: the
 * library builds a document of nodes and a generic writer, which was a quarter of an import's
 * CPU time; test/core/export/yaml.test.ts compares the two on the example, generated rows and
 * random values.
 */
export function simpleYaml(value: Record<string, unknown>): string | undefined {
  if (!isPlainObject(value) || Object.keys(value).length === 0) return undefined;
  const out: string[] = [];
  return writeMap(value, "", out) ? out.join("") : undefined;
}

/**
 * Strings the library writes as plain scalars, as keys and as values, at any indentation: they
 * start with a letter or digit, hold letters, digits, spaces and a few punctuation marks (never
 * `:` or `#`, which can start a mapping value or a comment, nor quotes, brackets or other
 * indicators), and do not end with a space. Those that read as another type (true, null, 12,
 * 0x1F, 1e5, 1.5) are left out by IMPLICIT below.
 */
const PLAIN_SAFE = /^[A-Za-z0-9](?:[A-Za-z0-9 ,.()/_+=;&'%$-]*[A-Za-z0-9,.()/_+=;&'%$-])?$/;
/** The core schema's implicit types (YAML 1.2, 10.3.2), as the yaml library tests them. */
const IMPLICIT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * What else keeps a one-line string value from being written plain, as the library decides it
 * (its plainString and stringifyString): control characters and lone surrogates (double
 * quotes), an indicator first, `: ` or ` #` inside, a space or colon last, a document marker
 * first. Tabs and line breaks are left to the library too.
 */
const NOT_PLAIN_VALUE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the library writes double-quoted
  /[\x00-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]|^[ ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-] |: | #| $|:$|^(?:---|\.\.\.)/u;

/** A string value written plain: free text such as "Replace the pumping station, stage 2 (east)". */
function plainValue(text: string): boolean {
  return text !== "" && !NOT_PLAIN_VALUE.test(text) && !IMPLICIT.test(text);
}

function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return plainValue(value) ? value : undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Object.is(value, -0)) return undefined;
    const text = String(value);
    return text.includes("e") ? undefined : text;
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The lines of a non-empty mapping at `indent`; false when some part is not of the shape. */
function writeMap(map: Record<string, unknown>, indent: string, out: string[]): boolean {
  for (const key of Object.keys(map)) {
    // A key of more than 1,024 characters is written as an explicit `? key` (YAML 1.2, 7.4).
    if (key.length >= 1000 || !PLAIN_SAFE.test(key) || IMPLICIT.test(key)) return false;
    const value = map[key];
    out.push(indent, key, ":");
    if (!writeValue(value, indent, out)) return false;
  }
  return true;
}

/** A value after `key:` or `-`: on the same line when a scalar or empty, else on the lines below. */
function writeValue(value: unknown, indent: string, out: string[]): boolean {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(" []\n");
      return true;
    }
    out.push("\n");
    return writeSeq(value, `${indent}  `, out);
  }
  if (typeof value === "object" && value !== null) {
    if (!isPlainObject(value)) return false;
    if (Object.keys(value).length === 0) {
      out.push(" {}\n");
      return true;
    }
    out.push("\n");
    return writeMap(value, `${indent}  `, out);
  }
  const text = scalar(value);
  if (text === undefined) return false;
  out.push(" ", text, "\n");
  return true;
}

/** The items of a non-empty sequence at `indent`: a nested collection starts on the item's line. */
function writeSeq(items: readonly unknown[], indent: string, out: string[]): boolean {
  for (const item of items) {
    const nested = `${indent}  `;
    if (Array.isArray(item) && item.length > 0) {
      const at = out.length;
      if (!writeSeq(item, nested, out)) return false;
      out[at] = `${indent}- ${out[at]!.slice(nested.length)}`; // its first line starts on the item's
      continue;
    }
    if (isPlainObject(item) && Object.keys(item).length > 0) {
      const at = out.length;
      if (!writeMap(item, nested, out)) return false;
      out[at] = `${indent}- ${out[at]!.slice(nested.length)}`;
      continue;
    }
    out.push(indent, "-");
    if (!writeValue(item, indent, out)) return false;
  }
  return true;
}
