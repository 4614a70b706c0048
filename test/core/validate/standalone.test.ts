import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KINDS } from "../../../src/model/document.js";
import { loadWorkspace } from "../../../src/core/load/index.js";
import { createAjv } from "../../../src/core/validate/ajv-options.js";
import { GENERATED_MODULE_NAME, generateValidatorsModule } from "../../../src/core/validate/generate-validators.js";
import {
  exportName,
  readSchemaFiles,
  schemaId,
  TOOL_SCHEMAS,
  VALIDATED_SCHEMAS,
} from "../../../src/core/validate/schema-files.js";
import { translateErrors } from "../../../src/core/validate/schema-messages.js";
import { validateConfig, validateDocument, validateToolFile } from "../../../src/core/validate/schema.js";
import { readYamlFile } from "../../../src/core/load/index.js";
import { readFileSync } from "node:fs";

/**
 * The generated standalone validators (what `pmo` uses when built) must report exactly what the
 * validators compiled at run time report (what it uses without a build, as under vitest).
 */
const repo = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const examples = ["meridian-water", "broken"].map((name) => path.join(repo, "examples", name));

type Doc = Record<string, unknown>;
type Validators = Record<string, ValidateFunction>;

let source: string;
let generated: Validators & { schemaDigest: string };
let compiled: Validators;
let tempDir: string;

beforeAll(async () => {
  source = generateValidatorsModule();
  // Inside the repository, so the generated code's require("ajv/...") finds node_modules.
  const cache = path.join(repo, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  tempDir = mkdtempSync(path.join(cache, "pmo-standalone-"));
  const file = path.join(tempDir, GENERATED_MODULE_NAME);
  writeFileSync(file, source);
  generated = (await import(pathToFileURL(file).href)) as typeof generated;

  const ajv = createAjv(readSchemaFiles().schemas.values());
  compiled = Object.fromEntries(
    [...VALIDATED_SCHEMAS, ...TOOL_SCHEMAS].map((name) => [exportName(name), ajv.getSchema(schemaId(name))!]),
  );
}, 60_000);

afterAll(() => {
  if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
});

/** Raw ajv errors of one validator (undefined when valid). */
function errorsOf(validate: ValidateFunction, value: unknown): ErrorObject[] | undefined {
  return validate(value) ? undefined : structuredClone(validate.errors ?? []);
}

/** Both validators agree on the raw errors and on the translated problems; returns the problems. */
function expectSameProblems(schema: string, value: unknown, label: string): number {
  const fromGenerated = errorsOf(generated[schema]!, value);
  const fromCompiled = errorsOf(compiled[schema]!, value);
  expect(fromGenerated, label).toEqual(fromCompiled);
  const problems = translateErrors(fromGenerated ?? [], schema === "config" ? "configuration" : schema);
  expect(problems, label).toEqual(translateErrors(fromCompiled ?? [], schema === "config" ? "configuration" : schema));
  // The public API (run-time compiled here, since src/ has no generated module) agrees too.
  if (schema === "importMapping")
    expect(validateToolFile("import-mapping", value, "importMapping"), label).toEqual(problems);
  else if (schema === "config") expect(validateConfig(value), label).toEqual(problems);
  else expect(validateDocument(schema.charAt(0).toUpperCase() + schema.slice(1), value), label).toEqual(problems);
  return problems.length;
}

function schemaOf(kind: string): string | undefined {
  return (KINDS as readonly string[]).includes(kind) ? kind.toLowerCase() : undefined;
}

/**
 * Mutations of `doc`, each one change: every field deleted, every leaf given a value of another
 * type, every object given an unknown field, every string given a value breaking any pattern,
 * format or enum, every list emptied and given a duplicate item.
 */
function* mutations(doc: Doc): Generator<[string, Doc]> {
  const pointers: string[][] = [];
  const walk = (node: unknown, at: string[]): void => {
    pointers.push(at);
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...at, String(i)]);
    } else if (typeof node === "object" && node !== null)
      for (const [key, child] of Object.entries(node)) walk(child, [...at, key]);
  };
  walk(doc, []);
  for (const at of pointers) {
    const original = at.reduce<unknown>((node, key) => (node as Doc)[key], doc);
    const replacements: [string, unknown][] = [];
    if (at.length > 0) replacements.push(["deleted", DELETE]);
    if (Array.isArray(original)) {
      replacements.push(["emptied", []], ["duplicated", [...original, ...original]], ["object", { a: 1 }]);
    } else if (typeof original === "object" && original !== null) {
      replacements.push(["unknown field", { ...original, Nmae: "x", "x-ok": 1 }], ["list", ["x"]]);
    } else if (typeof original === "string") {
      replacements.push(
        ["number", 42],
        ["bad text", "Not Valid Value!"],
        ["empty", ""],
        ["bad date", "2026-02-30"],
        ["null", null],
      );
    } else {
      replacements.push(["string", "twelve"], ["negative", -1.5], ["huge", 1e9], ["boolean", true]);
    }
    for (const [name, value] of replacements) yield [`${at.join("/")} ${name}`, replaced(doc, at, value)];
  }
}

const DELETE = Symbol("delete");

function replaced(doc: Doc, at: string[], value: unknown): Doc {
  if (at.length === 0) return value as Doc;
  const copy = structuredClone(doc);
  const parent = at.slice(0, -1).reduce<unknown>((node, key) => (node as Doc)[key], copy) as Doc;
  const last = at.at(-1)!;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

describe("generated standalone validators", () => {
  it("are generated deterministically from the current schemas", () => {
    expect(generateValidatorsModule()).toBe(source);
    expect(generated.schemaDigest).toBe(readSchemaFiles().digest);
    expect(Object.keys(generated).sort()).toEqual([...VALIDATED_SCHEMAS, "importMapping", "schemaDigest"].sort());
  });

  it.each(examples.map((dir) => [path.basename(dir), dir]))(
    "agree with run-time compilation on every document in examples/%s",
    async (_, dir) => {
      const workspace = await loadWorkspace(dir);
      expect(workspace.documents.length).toBeGreaterThan(0);
      for (const doc of workspace.documents) {
        const schema = schemaOf(doc.kind);
        if (schema !== undefined) expectSameProblems(schema, doc.value, `${doc.file}#${doc.docIndex}`);
      }
    },
  );

  it("agree on mutated documents of every kind, and of the config", async () => {
    const workspace = await loadWorkspace(examples[0]!);
    const samples: [string, Doc][] = KINDS.map((kind) => {
      const doc = workspace.documents.find((d) => d.kind === kind);
      expect(doc, kind).toBeDefined();
      return [kind.toLowerCase(), doc!.value];
    });
    const configExamples = readSchemaFiles().schemas.get("config")!["examples"] as Doc[];
    samples.push(...configExamples.map((example): [string, Doc] => ["config", example]));

    let mutated = 0;
    let problems = 0;
    for (const [schema, doc] of samples) {
      for (const [label, value] of mutations(doc)) {
        problems += expectSameProblems(schema, value, `${schema}: ${label}`);
        mutated++;
      }
    }
    // The mutations exercise the validators: most of them break the document.
    expect(mutated).toBeGreaterThan(500);
    expect(problems).toBeGreaterThan(mutated / 2);
  });

  it("agree on import mappings (pmo import's own input file) and their mutations", () => {
    let mutated = 0;
    let problems = 0;
    for (const name of ["projects", "risks", "typo"]) {
      const file = path.join(repo, "test/fixtures/import", `${name}.mapping.yaml`);
      const read = readYamlFile(readFileSync(file, "utf8"), file);
      problems += expectSameProblems("importMapping", read.value, name);
      for (const [label, value] of mutations(read.value as Doc)) {
        problems += expectSameProblems("importMapping", value, `${name}: ${label}`);
        mutated++;
      }
    }
    expect(mutated).toBeGreaterThan(100);
    expect(problems).toBeGreaterThan(mutated / 2);
  });
});
