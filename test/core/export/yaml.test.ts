import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { documentToYaml } from "../../../src/core/export/index.js";
import { formatSource } from "../../../src/core/fmt/index.js";
import type { Kind } from "../../../src/model/document.js";

const root = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const example = path.join(root, "examples/meridian-water");

/** What `pmo fmt` makes of the text: documentToYaml must already be that. */
const formatted = (text: string) => {
  const result = formatSource("x.yaml", text);
  if (!result.ok) throw new Error("does not format");
  return result.text;
};

describe("documentToYaml", () => {
  it("writes every document of the example in the canonical form of pmo fmt", () => {
    const files = execFileSync("git", ["ls-files", "*.yaml"], { cwd: example, encoding: "utf8" }).trim().split("\n");
    let count = 0;
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(path.join(example, file), "utf8"))) {
        const value = doc.toJS() as Record<string, unknown> | null;
        if (value === null || typeof value["kind"] !== "string") continue;
        const text = documentToYaml(value["kind"] as Kind, value);
        expect(formatted(text), `${file} ${String(value["id"])}`).toBe(text);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it("writes awkward text as pmo fmt would, and reads back the same value", () => {
    const awkward = [
      "a: b",
      "line one\nline two: with a colon\n\n- not a list",
      "  leading and trailing spaces  ",
      "# not a comment",
      "trailing newline\n",
      "'quoted' and \"double\"",
      "yes",
      "2026-01-01",
      "0123",
      "•         bullet\n\n•  and another  \n",
      "tab\tinside",
      "unicode: café, 東京, 😀",
      "ends with a colon:",
      "{ not: a map }",
      "",
    ];
    for (const description of awkward) {
      const value = {
        apiVersion: "pmo/v1",
        kind: "Project",
        id: "PRJ-1",
        name: "N",
        description,
        stage: "delivery",
        tags: [description || "x"],
      };
      const text = documentToYaml("Project", value);
      expect(formatted(text), JSON.stringify(description)).toBe(text);
      expect(parseAllDocuments(text)[0]!.toJS()).toEqual(value);
    }
  });
});
