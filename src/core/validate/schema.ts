/**
 * Schema validation of pmo documents and of pmo.config.yaml against the JSON Schemas shipped in
 * the package's schemas/ folder. The validators come from validators.generated.js, which
 * `npm run build` writes next to this file from the same schemas with the same ajv options
 * (compiling them costs 140-340 ms per process, importing the generated code about 10 ms).
 * Without that module, or when the schemas changed since it was generated (and always when the
 * sources run from src/, as under vitest), each schema is compiled by ajv on first use instead.
 * Either way the validators are ready when this module has loaded, so validation stays synchronous.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { KINDS } from "../../model/document.js";
import { exportName, readSchemaFiles, KIND_SCHEMAS, SCHEMA_NAMES, schemaId } from "./schema-files.js";
import type { SchemaFiles } from "./schema-files.js";
import { closestMatch } from "./suggest.js";
import { translateErrors } from "./schema-messages.js";
import type { SchemaProblem } from "./schema-messages.js";

export type { SchemaProblem } from "./schema-messages.js";

type ValidatorLookup = (name: string) => ValidateFunction | undefined;

const schemaFiles: SchemaFiles = readSchemaFiles();
const lookupValidator: ValidatorLookup =
  (await generatedValidators(schemaFiles.digest)) ?? (await compiledValidators(schemaFiles));

/** The generated module's validators, if it exists and was generated from these very schemas. */
async function generatedValidators(digest: string): Promise<ValidatorLookup | undefined> {
  // A URL rather than a literal specifier: the module is absent from src/ and bundlers need not look for it.
  const url = new URL("./validators.generated.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const generated = (await import(url.href)) as Record<string, unknown>;
  if (generated["schemaDigest"] !== digest) return undefined;
  return (name) => {
    const validate = generated[exportName(name)];
    return typeof validate === "function" ? (validate as ValidateFunction) : undefined;
  };
}

/** Validators compiled at run time; ajv compiles each schema on first request and caches it. */
async function compiledValidators(files: SchemaFiles): Promise<ValidatorLookup> {
  const { createAjv } = await import("./ajv-options.js");
  const ajv = createAjv(files.schemas.values());
  return (name) => ajv.getSchema(schemaId(name));
}

/** Validators by schema name, looked up once: every document of a repository asks for one. */
const validators = new Map<string, ValidateFunction>();

function validatorFor(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (validate !== undefined) return validate;
  validate = lookupValidator(name);
  if (validate === undefined) throw new Error(`schema "${name}" is not loaded`);
  validators.set(name, validate);
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
  const schema = schemaFiles.schemas.get(normalised);
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

/**
 * Validate one of pmo's own input files (an import mapping) against its schema; `what` names
 * it in messages. Generated like the kinds' validators, so no schema is compiled at run time.
 */
export function validateToolFile(name: "import-mapping", value: unknown, what: string): SchemaProblem[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  return translateErrors(validate.errors ?? [], what);
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
