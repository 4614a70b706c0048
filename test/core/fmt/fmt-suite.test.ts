import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { formatSource } from "../../../src/core/fmt/index.js";
import { documentValue, normaliseLineBreaks, readFull } from "../../../src/core/load/index.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/**
 * Every document's value under the one reading, or undefined when the text does not read.
 * An empty document is a document (null): fmt keeps every one, so the counts must agree.
 */
function values(text: string): unknown[] | undefined {
  const { docs } = readFull(normaliseLineBreaks(text));
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.contents === null) {
      out.push(null);
      continue;
    }
    const v = documentValue(doc);
    if (!v.ok) return undefined;
    out.push(v.value);
  }
  return out;
}

describe("pmo fmt over the YAML test suite", () => {
  const suite = yamlTestSuite();
  it.each(suite.map((c) => [c.id, c] as const))(
    "%s: formats to the same data, idempotently, or leaves the file with a diagnostic",
    (_id, c) => {
      // Schema ordering too: each case formatted as if it were a config file.
      for (const schema of [undefined, "config"]) {
        const result = formatSource("case.yaml", c.yaml, schema ? { schema } : {});
        if (!result.ok) {
          expect(result.diagnostics.length).toBeGreaterThan(0);
          expect(result.diagnostics.every((d) => d.line >= 1 && d.message !== "")).toBe(true);
          continue;
        }
        const before = values(c.yaml);
        expect(before, "formatted a file that does not read").toBeDefined();
        expect(isDeepStrictEqual(values(result.text), before), `${c.id}: the data changed\n${result.text}`).toBe(true);
        const again = formatSource("case.yaml", result.text, schema ? { schema } : {});
        expect(again.ok && again.text, `${c.id}: a second run changes the file`).toBe(result.text);
      }
    },
  );
});

describe("pmo fmt on what it once could not format", () => {
  const PROJECT =
    "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: One\nmanager: &pm chloe.evans\nsponsor: *pm\nstage: delivery\n";

  it("keeps the key order of a document where ordering would put an alias before its anchor", () => {
    const result = formatSource("p.yaml", PROJECT);
    expect(result).toEqual({ ok: true, changed: false, text: PROJECT });
  });

  it("still orders documents of the same file that have no such alias", () => {
    const result = formatSource("p.yaml", `${PROJECT}---\napiVersion: pmo/v1\nkind: Person\nname: Ann\nid: ann\n`);
    expect(result.ok && result.text).toBe(`${PROJECT}---\napiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\n`);
  });

  it("refuses an alias to an unknown anchor with its position, and formats nothing", () => {
    const result = formatSource("p.yaml", "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nsponsor: *pm\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      "4:10 yaml-syntax the alias *pm names no anchor &pm defined before it; the file was not formatted",
    ]);
  });

  it("refuses an alias bomb with its position and a hint about nesting aliases, not about anchor order", () => {
    const rows = ["x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [name, prev] of [..."bcdefghi"].map((c, i) => [c, "abcdefgh"[i]!]))
      rows.push(`x-${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    const result = formatSource("p.yaml", `apiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\n${rows.join("\n")}\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (${d.hint})`)).toEqual([
      "6:10 aliases expand to too many values (an alias bomb); the file was not formatted (write the values out instead of nesting aliases)",
    ]);
  });

  it("keeps a !!binary scalar as it is", () => {
    const text = "apiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\nx-photo: !!binary aGVsbG8=\n";
    expect(formatSource("p.yaml", text)).toEqual({ ok: true, changed: false, text });
  });

  it("closes a document with ... when the next one has directives (YAML spec example 9.5)", () => {
    const text = "%YAML 1.2\n--- |\n%!PS-Adobe-2.0\n...\n%YAML 1.2\n---\n# Empty\n...\n";
    const result = formatSource("p.yaml", text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(values(result.text)).toEqual(values(text));
    expect(formatSource("p.yaml", result.text)).toEqual({ ok: true, changed: false, text: result.text });
  });

  it("keeps leading empty documents, idempotently", () => {
    const text = "---\n---\napiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\n";
    expect(formatSource("p.yaml", text)).toEqual({ ok: true, changed: false, text });
  });
});

describe("pmo fmt keeps empty documents and files of comments only (cases of the YAML test suite)", () => {
  const suite = new Map(yamlTestSuite().map((c) => [c.id, c.yaml]));
  it.each([
    // Two document start markers: two empty documents.
    ["6XDY", "---\n---\n"],
    // A stream of a comment only: no document, the comment kept.
    ["98YD", "# Comment only.\n"],
    // Spec example 6.10: comment lines; trailing blank lines go.
    ["8G76", "  # Comment\n"],
    // Spec example 9.6: an empty document of a comment, closed because a directive follows.
    ["6ZKB", "Document\n---\n# Empty\n...\n%YAML 1.2\n---\nmatches %: 20\n"],
    // Spec example 9.5: the same after a directives document.
    ["W4TN", "%YAML 1.2\n--- |\n  %!PS-Adobe-2.0\n...\n%YAML 1.2\n---\n# Empty\n"],
    // Document start on the last line: the empty document after it stays.
    ["PUW8", "a: b\n---\n"],
    // Spec example 9.3: a document of a comment between two bare documents.
    ["M7A3", "Bare document\n---\n# No document\n--- |\n  %!PS-Adobe-2.0 # Not the first line\n"],
  ])("%s", (id, expected) => {
    const source = suite.get(id)!;
    const result = formatSource("case.yaml", source);
    expect(result.ok && result.text).toBe(expected);
    expect(values(expected)).toEqual(values(source));
    expect(formatSource("case.yaml", expected)).toEqual({ ok: true, changed: false, text: expected });
  });
});
