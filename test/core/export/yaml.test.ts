import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { documentToYaml } from "../../../src/core/export/index.js";
import { orderKeys } from "../../../src/core/export/schema-fields.js";
import { simpleYaml } from "../../../src/core/export/yaml.js";
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

/** The options documentToYaml falls back to: simpleYaml must write exactly what they write. */
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

/** A small deterministic generator (a linear congruential one), so the cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe("simpleYaml", () => {
  it("writes what the yaml library writes for every example document it takes, and takes most of them", () => {
    const files = execFileSync("git", ["ls-files", "*.yaml"], { cwd: example, encoding: "utf8" }).trim().split("\n");
    let taken = 0;
    let count = 0;
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(path.join(example, file), "utf8"))) {
        const value = doc.toJS() as Record<string, unknown> | null;
        if (value === null || typeof value["kind"] !== "string") continue;
        count++;
        const ordered = orderKeys(value["kind"] as Kind, value);
        const fast = simpleYaml(ordered);
        if (fast === undefined) continue;
        taken++;
        expect(fast, `${file} ${String(value["id"])}`).toBe(stringify(ordered, CANONICAL));
      }
    }
    expect(count).toBeGreaterThan(100);
    // Free-text descriptions with colons, quotes or line breaks go to the library.
    expect(taken).toBeGreaterThan(count / 4);
  });

  it("writes what the yaml library writes for imported rows (the bench's spreadsheet export)", () => {
    let taken = 0;
    for (let i = 1; i <= 500; i++) {
      const value = orderKeys("Project", {
        apiVersion: "pmo/v1",
        kind: "Project",
        id: `PRJ-${String(i).padStart(5, "0")}`,
        name: `Project ${i}`,
        description: `Replace the ${i % 7 === 0 ? "pumping station, stage 2" : "trunk main"} in district ${i % 40}`,
        portfolio: `PF-${String(1 + (i % 25)).padStart(3, "0")}`,
        stage: ["planning", "delivery", "closure"][i % 3],
        schedule: { baselineStart: "2024-01-01", baselineFinish: "2026-01-28", forecastFinish: "2027-01-28" },
        budget: { currency: "EUR", approved: 100000 + i * 1000, forecast: 100000 + i * 1000 + (i % 9) * 5000.5 },
        status: { asOf: "2026-11-27", overall: "green", summary: `On track apart from ${i % 4} open issues` },
        tags: i % 2 ? [] : ["water", `t${i}`],
        milestones: i % 3 ? [] : [{ id: "M1", name: "Start", dependsOn: [{ milestone: "M0" }] }],
      });
      const fast = simpleYaml(value);
      if (fast !== undefined) taken++;
      expect(fast).toBe(stringify(value, CANONICAL));
    }
    expect(taken).toBe(500);
  });

  it("either declines or writes what the yaml library writes for long keys and long text", () => {
    const values: Record<string, unknown>[] = [
      { ["a".repeat(1100)]: 1 },
      { ["a".repeat(1024)]: 1 },
      { ["a".repeat(999)]: 1 },
      { k: { ["b".repeat(1030)]: [1] } },
      { k: "a".repeat(5000) },
      { k: ["x y".repeat(2000)] },
    ];
    for (const value of values) {
      const fast = simpleYaml(value);
      if (fast !== undefined) expect(fast).toBe(stringify(value, CANONICAL));
    }
    expect(simpleYaml({ k: "a".repeat(5000) })).toBeDefined();
  });

  it("either declines or writes what the yaml library writes, on random values with hostile text", () => {
    const next = random(7);
    const alphabet = "aZ09 ,.:#-'\"()/_+=;&%$?!*|>[]{}@`~\t\né.eExo";
    const words = [
      "true",
      "False",
      "NULL",
      "null",
      "~",
      "12",
      "-3",
      "+4",
      "0x1F",
      "0o17",
      "1e5",
      "1.5",
      ".5",
      "5.",
      "2026-01-01",
      "yes",
      "a b",
      "",
      " a",
      "a ",
      "-",
      "- a",
      "a: b",
      "a #b",
      "---",
      "...",
    ];
    const text = () =>
      next() < 0.3
        ? words[Math.floor(next() * words.length)]!
        : Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.4) {
        const t = next();
        if (t < 0.6) return text();
        if (t < 0.8) return next() < 0.5 ? Math.floor(next() * 1e6) : next() * 1000 - 500;
        if (t < 0.9) return next() < 0.5;
        return [0.1, -0, 1e21, 1e-7, Number.NaN, null, undefined][Math.floor(next() * 7)];
      }
      if (r < 0.7) {
        const map: Record<string, unknown> = {};
        for (let i = Math.floor(next() * 4); i > 0; i--)
          map[next() < 0.7 ? `k${Math.floor(next() * 20)}` : text()] = value(depth + 1);
        return map;
      }
      return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    };
    let taken = 0;
    for (let i = 0; i < 20000; i++) {
      const doc: Record<string, unknown> = {};
      for (let j = Math.floor(next() * 5); j >= 0; j--) doc[`f${j}`] = value(0);
      const fast = simpleYaml(doc);
      if (fast === undefined) continue;
      taken++;
      expect(fast, JSON.stringify(doc)).toBe(stringify(doc, CANONICAL));
    }
    expect(taken).toBeGreaterThan(1000);
  });
});
