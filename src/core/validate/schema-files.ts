/**
 * The JSON Schemas shipped in the package's schemas/ folder, read as they are on disk. Shared by
 * run-time validation and by the build step that generates the standalone validators, so both
 * see the same schemas in the same order. Imports no ajv: reading is cheap, compiling is not.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AnySchemaObject } from "ajv/dist/2020.js";
import { KINDS } from "../../model/document.js";

// dist/ mirrors src/, so the same relative URL reaches <package>/schemas/ from both.
const SCHEMA_DIR = new URL("../../../schemas/", import.meta.url);
const SCHEMA_ID_BASE = "https://pmo.dev/schemas/v1/";

/** The schema of each kind, by kind index: engagement, portfolio, ..., person. */
export const KIND_SCHEMAS: readonly string[] = KINDS.map((kind) => kind.toLowerCase());
/** Schemas that documents or files are validated against; common only holds shared definitions. */
export const VALIDATED_SCHEMAS: readonly string[] = [...KIND_SCHEMAS, "config"];
/** Schemas of pmo's own input files that commands validate when they read them (pmo import's mapping). */
export const TOOL_SCHEMAS: readonly string[] = ["import-mapping"];
/** Schema names in the order they are listed to users: the kinds, config, the tool schemas, then common. */
export const SCHEMA_NAMES: readonly string[] = [...VALIDATED_SCHEMAS, ...TOOL_SCHEMAS, "common"];

export interface SchemaFiles {
  /** Parsed schemas by name, in SCHEMA_NAMES order. */
  schemas: Map<string, AnySchemaObject>;
  /** SHA-256 of the files' names and bytes: tells whether generated validators are current. */
  digest: string;
}

/** The name of a schema's validator in the generated module (an identifier: import-mapping -> importMapping). */
export function exportName(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function schemaId(name: string): string {
  return `${SCHEMA_ID_BASE}${name}.schema.json`;
}

export function readSchemaFiles(): SchemaFiles {
  const texts = new Map<string, string>();
  const hash = createHash("sha256");
  for (const name of SCHEMA_NAMES) {
    const text = readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), "utf8");
    hash.update(`${name}\u0000${text}\u0000`);
    texts.set(name, text);
  }
  // Parsed when first asked for: with generated validators, every process and loader thread
  // needs the digest, and only `pmo schema` and the compile fallback need the schemas.
  let schemas: Map<string, AnySchemaObject> | undefined;
  return {
    get schemas() {
      schemas ??= new Map([...texts].map(([name, text]) => [name, JSON.parse(text) as AnySchemaObject]));
      return schemas;
    },
    digest: hash.digest("hex"),
  };
}
