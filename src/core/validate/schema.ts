/**
 * Schema validation of pmo documents and of pmo.config.yaml against the JSON Schemas shipped in
 * the package's schemas/ folder. The schemas are read and compiled lazily, once per process:
 * commands that never validate (e.g. `pmo --help`) do not pay for ajv's code generation.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { AnySchemaObject, ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import { KINDS } from "../../model/document.js";
import { closestMatch } from "./suggest.js";
import { translateErrors } from "./schema-messages.js";
import type { SchemaProblem } from "./schema-messages.js";

export type { SchemaProblem } from "./schema-messages.js";

// dist/ mirrors src/, so the same relative URL reaches <package>/schemas/ from both.
const SCHEMA_DIR = new URL("../../../schemas/", import.meta.url);
const SCHEMA_ID_BASE = "https://pmo.dev/schemas/v1/";

const KIND_SCHEMAS: readonly string[] = KINDS.map((kind) => kind.toLowerCase());
/** Schema names in the order they are listed to users: the kinds, then config, then common. */
const SCHEMA_NAMES: readonly string[] = [...KIND_SCHEMAS, "config", "common"];

// ajv-formats is CommonJS whose typings declare a default export; under NodeNext the plugin
// function sits on `.default` for the type checker but is the module itself at run time.
const addFormats: FormatsPlugin =
  (ajvFormats as unknown as { default?: FormatsPlugin }).default ?? (ajvFormats as unknown as FormatsPlugin);

interface Compiler {
  ajv: Ajv2020;
  schemas: Map<string, AnySchemaObject>;
}

let compiler: Compiler | undefined;

function getCompiler(): Compiler {
  if (compiler !== undefined) return compiler;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Engagement objective targets are "a number or a short text"; a type list says so plainly.
    allowUnionTypes: true,
    // Errors carry the failing data and schema, which the message translation needs.
    verbose: true,
  });
  addFormats(ajv, { mode: "full", formats: ["date", "email", "uri"] });
  const schemas = new Map<string, AnySchemaObject>();
  for (const name of SCHEMA_NAMES) {
    const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), "utf8")) as AnySchemaObject;
    schemas.set(name, schema);
    ajv.addSchema(schema);
  }
  compiler = { ajv, schemas };
  return compiler;
}

/** The compiled validator of one schema; ajv compiles on first request and caches it. */
function validatorFor(name: string): ValidateFunction {
  const validate = getCompiler().ajv.getSchema(`${SCHEMA_ID_BASE}${name}.schema.json`);
  if (validate === undefined) throw new Error(`schema "${name}" is not loaded`);
  return validate;
}

/** Names accepted by getSchema, kinds first: engagement, portfolio, ..., config, common. */
export function schemaNames(): string[] {
  return [...SCHEMA_NAMES];
}

/**
 * The JSON Schema called `name` (a schema name such as "project" or "config", a kind such as
 * "Project", or a file name such as "project.schema.json"). Returns a copy the caller may keep.
 */
export function getSchema(name: string): object {
  const normalised = name.toLowerCase().replace(/\.schema\.json$/, "");
  const schema = getCompiler().schemas.get(normalised);
  if (schema === undefined) {
    const suggestion = closestMatch(normalised, SCHEMA_NAMES);
    const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
    throw new Error(`unknown schema "${name}": expected one of ${SCHEMA_NAMES.join(", ")}${hint}`);
  }
  return structuredClone(schema);
}

/**
 * Validate one document value against the schema of its declared kind. Returns no problems when
 * the document is valid. An unknown kind gives one problem at /kind listing the known kinds.
 */
export function validateDocument(kind: string, value: unknown): SchemaProblem[] {
  const index = (KINDS as readonly string[]).indexOf(kind);
  if (index === -1) return [unknownKind(kind)];
  const validate = validatorFor(KIND_SCHEMAS[index]!);
  if (validate(value)) return [];
  return translateErrors(validate.errors ?? [], kind.toLowerCase());
}

/** Validate the parsed contents of pmo.config.yaml. */
export function validateConfig(value: unknown): SchemaProblem[] {
  const validate = validatorFor("config");
  if (validate(value)) return [];
  return translateErrors(validate.errors ?? [], "configuration");
}

function unknownKind(kind: string): SchemaProblem {
  const known = KINDS.join(", ");
  if (kind === "") {
    return { pointer: "", keyword: "required", message: `missing required field "kind" (expected one of ${known})` };
  }
  const suggestion = closestMatch(kind, KINDS);
  const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
  return { pointer: "/kind", keyword: "enum", message: `unknown kind "${kind}": expected one of ${known}${hint}` };
}
