/**
 * The one ajv configuration of pmo, used both when schemas are compiled at run time and when
 * scripts/build-validators.mjs generates the standalone validators: the two must agree, or the
 * error translation would see different errors depending on how pmo was started.
 */
import { createRequire } from "node:module";
import type { Ajv2020, AnySchemaObject, CodeOptions, Options } from "ajv/dist/2020.js";
import type { FormatOptions, FormatsPlugin } from "ajv-formats";

// ajv and ajv-formats are CommonJS and are required when an instance is first made, not when
// this module loads: the module is reachable from core/validate's index, and loading ajv (86
// modules) costs more than a whole `pmo new`, which compiles no schema.
const require = createRequire(import.meta.url);

export const AJV_OPTIONS: Readonly<Options> = {
  allErrors: true,
  strict: true,
  // Engagement objective targets are "a number or a short text"; a type list says so plainly.
  allowUnionTypes: true,
  // Errors carry the failing data and schema, which the message translation needs.
  verbose: true,
};

/** Annotation keywords of the JSON language service that yaml-language-server builds on. */
export const EDITOR_KEYWORDS = ["errorMessage", "patternErrorMessage"] as const;

export const FORMATS_OPTIONS: Readonly<FormatOptions> = { mode: "full", formats: ["date", "email", "uri"] };

// ajv-formats' typings declare a default export; required, the plugin function is the module
// itself (and also its `.default`).
function addFormats(): FormatsPlugin {
  const formats = require("ajv-formats") as FormatsPlugin & { default?: FormatsPlugin };
  return formats.default ?? formats;
}

/**
 * An Ajv instance holding `schemas` (added, not yet compiled: ajv compiles a schema on its first
 * getSchema). `code` is only for the standalone generator, which needs the generated source.
 */
export function createAjv(schemas: Iterable<AnySchemaObject>, code?: CodeOptions): Ajv2020 {
  const { Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof import("ajv/dist/2020.js").Ajv2020 };
  const ajv = new Ajv2020(code === undefined ? { ...AJV_OPTIONS } : { ...AJV_OPTIONS, code });
  addFormats()(ajv, { ...FORMATS_OPTIONS });
  // Messages for editors: yaml-language-server (VS Code's YAML extension) shows them instead of
  // its generic text. pmo's own messages come from schema-messages.ts, so ajv only accepts them.
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: "string" });
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}
