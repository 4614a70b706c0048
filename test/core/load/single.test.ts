import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentValue, readFull, readYamlFile } from "../../../src/core/load/index.js";
import { readSubsetDocuments } from "../../../src/core/load/subset-read.js";

/**
 * readYamlFile (the config, import mappings) answers a one-mapping text of the subset reader's
 * YAML without the yaml package: what it gives must be what the reading of record gives.
 */
const repo = path.resolve(fileURLToPath(import.meta.url), "../../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

/** The reading of record of a one-document file: its value, or undefined when it has an error. */
function recordValue(text: string): unknown {
  const { docs } = readFull(text);
  const doc = docs[0];
  if (!doc) return null;
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  const value = documentValue(doc);
  return value.ok ? value.value : undefined;
}

describe("readYamlFile", () => {
  const files = [
    ...yamlFiles(path.join(repo, "examples")),
    ...yamlFiles(path.join(repo, "test/fixtures/import")),
    ...yamlFiles(path.join(repo, "test/e2e/scenarios")),
  ];

  it("gives the reading of record's value for every text the subset reader reads", () => {
    let subset = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
      const documents = readSubsetDocuments(text);
      if (documents?.length !== 1) continue;
      subset++;
      const read = readYamlFile(text, file);
      expect(read.diagnostics, file).toEqual([]);
      expect(read.value, file).toEqual(recordValue(text));
    }
    // The examples' config and most of the fixtures take that path.
    expect(subset).toBeGreaterThan(50);
  });

  it("leaves the rest to the reading of record, with its diagnostics", () => {
    expect(readYamlFile("a: 1\n---\nb: 2\n", "x.yaml").diagnostics.map((d) => d.message)).toEqual([
      "this file holds several YAML documents; it must hold one",
    ]);
    expect(readYamlFile("a: 1\na: 2\n", "x.yaml").diagnostics).toHaveLength(1);
    expect(readYamlFile("a: &x 1\nb: *x\n", "x.yaml").value).toEqual({ a: 1, b: 1 });
    expect(readYamlFile("", "x.yaml").value).toBeNull();
    expect(readYamlFile("# only a comment\n", "x.yaml").value).toBeNull();
    expect(readYamlFile("- a\n", "x.yaml").value).toEqual(["a"]);
  });
});
