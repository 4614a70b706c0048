/**
 * The one ajv configuration of pmo, used both when schemas are compiled at run time and when
 * scripts/build-validators.mjs generates the standalone validators: the two must agree, or the
 * error translation would see different errors depending on how pmo was started.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { AnySchemaObject, CodeOptions, Options } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { FormatOptions, FormatsPlugin } from "ajv-formats";

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

// ajv-formats is CommonJS whose typings declare a default export; under NodeNext the plugin
// function sits on `.default` for the type checker but is the module itself at run time.
const addFormats: FormatsPlugin =
  (ajvFormats as unknown as { default?: FormatsPlugin }).default ?? (ajvFormats as unknown as FormatsPlugin);

/**
 * An Ajv instance holding `schemas` (added, not yet compiled: ajv compiles a schema on its first
 * getSchema). `code` is only for the standalone generator, which needs the generated source.
 */
export function createAjv(schemas: Iterable<AnySchemaObject>, code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020(code === undefined ? { ...AJV_OPTIONS } : { ...AJV_OPTIONS, code });
  addFormats(ajv, { ...FORMATS_OPTIONS });
  // Messages for editors: yaml-language-server (VS Code's YAML extension) shows them instead of
  // its generic text. pmo's own messages come from schema-messages.ts, so ajv only accepts them.
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: "string" });
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}
