import { INTEGRITY_RULES, type ValidationCheckMeta } from "./rules/index.js";

/** The checks made while reading files and matching schemas: found by the loader and ajv, not by rules. */
const LOAD_AND_SCHEMA_CHECKS: readonly ValidationCheckMeta[] = [
  {
    id: "yaml-syntax",
    description: "The file is valid YAML, and its aliases do not expand too far",
    layer: "YAML",
    finds:
      "the file does not parse: a tab used for indentation, a misindented line, a duplicate key, an unclosed quote, bracket or brace, an alias to an unknown anchor, an alias bomb, nesting too deep to read (see [YAML syntax diagnostics](docs/validation.md#yaml-syntax-diagnostics))",
    fix: "follow the hint shown under the code frame",
  },
  {
    id: "unreadable-file",
    description: "The file is UTF-8 text under 10 MB, and a link that resolves",
    layer: "file",
    finds:
      "binary content, a file over 10 MB, text that is not UTF-8 (reported at its first bad byte sequence, with the bytes), a broken or looping symbolic link; a link to a file outside the repository, or to a folder (a warning: it is not read, nor followed); a link to a file already read by its own path or by an earlier link (a note: each real file is read once, by its own path)",
    fix: "save as UTF-8, split the file, or list it in `.pmoignore`",
  },
  {
    id: "api-version",
    description: "Every document declares a supported apiVersion (pmo/v1)",
    layer: "schema",
    finds: "a document with no supported `apiVersion` (today `pmo/v1`), or a pmo kind without one",
    fix: "start the document with `apiVersion: pmo/v1`",
  },
  {
    id: "schema",
    description: "Every document matches its kind's JSON Schema",
    layer: "schema",
    finds:
      "the document does not match its kind's JSON Schema: unknown field, wrong type, invalid value, missing required field, impossible date",
    fix: "the message says what was found and what is allowed; `pmo schema <kind>` prints the schema",
  },
];

/**
 * Every check `pmo validate` makes, in the order its layers run: the one list of validation
 * rule ids, from which the README's and docs/validation.md's tables are generated.
 */
export const VALIDATION_CHECKS: readonly ValidationCheckMeta[] = [
  ...LOAD_AND_SCHEMA_CHECKS,
  ...INTEGRITY_RULES.map((r) => r.meta),
];

/** Where a validation check is documented: an integrity rule has its own page. */
export function validationDocs(check: ValidationCheckMeta): string {
  return check.layer === "integrity" ? `docs/validation/${check.id}.md` : "docs/validation.md";
}
