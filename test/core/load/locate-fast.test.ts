import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { indexLines, locateInBlockYaml } from "../../../src/core/load/locate-fast.js";
import { createLocator } from "../../../src/core/load/locate.js";
import { isSingleDocument } from "../../../src/core/load/parse.js";
import { normaliseLineBreaks } from "../../../src/core/load/yaml-read.js";
import type { Path } from "../../../src/model/document.js";

const root = path.resolve(fileURLToPath(import.meta.url), "../../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join(dir, f));
}

/** Every path in a value, plus a missing child of every mapping. */
function allPaths(value: unknown, prefix: (string | number)[] = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...allPaths(v, [...prefix, i]));
    });
    out.push([...prefix, value.length]);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
    out.push([...prefix, "noSuchField"]);
  }
  return out;
}

const SAMPLES: Record<string, string> = {
  "item maps and nested lists":
    "apiVersion: pmo/v1\nkind: Project\nid: P\nmilestones:\n  - id: M1\n    name: Kick-off   # first\n    dependsOn:\n      - M0\n  -   id: M2\n    name: 'It''s done'\nlist:\n- a\n- \"b \\\" c\"\nempty:\nafter: x\n",
  "comments, blank lines and a leading marker":
    "# modeline\n---\napiVersion: pmo/v1\n\nkind: Risk   # comment\nid: R\n\n# between\nstatus:\n  # inside\n  asOf: 2026-01-01\n",
  "multi-line and block scalars":
    "apiVersion: pmo/v1\nkind: Project\nid: P\ndescription: >-\n  folded\n  text\nsummary: a plain\n  continued line\nname: X\nflow: { a: 1, b: [x, y] }\n",
  "a tab inside a value, a key at the very end of the text":
    "apiVersion: pmo/v1\nkind: Project\nid: P\nname: a\tb\nmilestones:\n  - id: M1\n    name: x\nlast: end",
  "a sequence of lone dashes and a document end marker":
    "apiVersion: pmo/v1\nkind: Project\nid: P\nlist:\n  -\n  - b\nnext:\n  key: 1\n...\n",
};

describe("locateInBlockYaml agrees with the yaml package wherever it answers", () => {
  const cases: [string, string][] = [
    ...[...yamlFiles("examples"), ...yamlFiles("test/e2e/scenarios")].map(
      (f) => [f, readFileSync(path.join(root, f), "utf8")] as [string, string],
    ),
    ...Object.entries(SAMPLES),
  ];
  it.each(cases.filter(([, text]) => isSingleDocument(text)))("%s", (_name, text) => {
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      return; // broken fixtures have no paths to compare
    }
    const lines = indexLines(normaliseLineBreaks(text));
    const reference = createLocator(text, false);
    let answered = 0;
    for (const p of allPaths(value)) {
      for (const key of [false, true]) {
        const fast = locateInBlockYaml(lines, p, key);
        if (fast === undefined) continue;
        answered++;
        expect(fast, `${JSON.stringify(p)} key=${key}`).toEqual(reference(0, p, { key }));
      }
    }
    expect(answered).toBeGreaterThan(0);
  });

  it("answers for most paths of the example documents", () => {
    let total = 0;
    let answered = 0;
    for (const f of yamlFiles("examples/meridian-water")) {
      const text = readFileSync(path.join(root, f), "utf8");
      if (!isSingleDocument(text)) continue;
      const lines = indexLines(normaliseLineBreaks(text));
      for (const p of allPaths(parse(text))) {
        total++;
        if (locateInBlockYaml(lines, p, false) !== undefined) answered++;
      }
    }
    expect(answered / total).toBeGreaterThan(0.8);
  });
});
