import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../../bench/generate.mjs";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import { decodeSource, documentsOf, loadWorkspace } from "../../../src/core/load/index.js";
import { headOf, loadHeads, planNewDocument, type NewKind } from "../../../src/core/scaffold/index.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EXAMPLE = path.join(ROOT, "examples/meridian-water");

/** Every YAML file of the repository's own corpus: examples, test fixtures, the shipped templates' outputs. */
function corpus(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") walk(rel);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        const text = decodeSource(rel, readFileSync(path.join(ROOT, rel)));
        if (typeof text === "string") out.push({ file: rel, text });
      }
    }
  };
  for (const dir of ["examples", "test"]) walk(dir);
  // The bench generator's documents, as the bench writes them.
  for (const { file, doc } of buildDocuments({ projects: 40, risksPerProject: 2, seed: 3 }))
    out.push({ file: `generated/${file}`, text: stringify(doc, { lineWidth: 0 }) });
  return out;
}

const HEAD_FIELDS = ["apiVersion", "kind", "id", "project", "portfolio"] as const;
const headFields = (value: Record<string, unknown>) =>
  Object.fromEntries(HEAD_FIELDS.flatMap((k) => (value[k] === undefined ? [] : [[k, value[k]]])));

describe("headOf: a document's kind, id and parents without a YAML parser", () => {
  it("reads what the parser reads, for every file of the corpus that parses, and most of them at all", () => {
    let read = 0;
    let parses = 0;
    const files = corpus();
    for (const { file, text } of files) {
      const diagnostics: Diagnostic[] = [];
      const full = documentsOf(file, text, diagnostics, new Map());
      if (diagnostics.some((d) => d.severity === "error")) continue;
      parses++;
      const head = headOf(file, text);
      if (head === undefined) continue;
      read++;
      expect(full, file).toHaveLength(1);
      const doc = full[0]!;
      expect({ file: head.file, kind: head.kind, id: head.id }, file).toEqual({
        file: doc.file,
        kind: doc.kind,
        id: doc.id,
      });
      expect(head.value, file).toEqual(headFields(doc.value));
    }
    // Not vacuous: the corpus is large and most of it takes the cheap reading.
    expect(parses).toBeGreaterThan(250);
    expect(read / parses).toBeGreaterThan(0.6);
  });

  it.each([
    ["two documents", "kind: Person\nid: a\n---\nkind: Person\nid: b\n"],
    ["a document start marker", "---\nkind: Project\nid: P1\n"],
    ["CRLF line breaks", "kind: Project\r\nid: P1\r\n"],
    ["a quoted id", 'kind: Project\nid: "P1"\n'],
    ["an id YAML reads as null", "kind: Project\nid: null\n"],
    ["an id YAML reads as a boolean", "kind: Project\nid: TRUE\n"],
    ["a numeric id", "kind: Project\nid: 12\n"],
    ["an id continued on the next line", "kind: Project\nid: P1\n  more\n"],
    ["an id as a nested mapping", "kind: Project\nid:\n  x: 1\n"],
    ["an id followed by words", "kind: Project\nid: P1 and more\n"],
    ["an aliased portfolio", "kind: Project\nid: P1\nportfolio: *pf\n"],
    ["a duplicated key", "kind: Project\nid: P1\nid: P2\n"],
    ["a quoted value left open", 'kind: Project\nname: "two\nid: P9"\nid: P1\n'],
    ["a flow mapping left open", "kind: Project\nbudget: { a: 1,\nid: P9 }\nid: P1\n"],
    ["a flow value with quotes", 'kind: Project\nbudget: { a: "]" }\nid: P1\n'],
    ["an anchor at the top level", "kind: Project\nbase: &b { a: 1 }\nid: P1\n"],
    ["a merge key", "kind: Project\n<<: *base\nid: P1\n"],
    ["a quoted key", 'kind: Project\n"id": P1\n'],
    ["a sequence at column 0", "kind: Project\nid: P1\ntags:\n- a\n"],
    ["a tab at column 0", "kind: Project\n\tid: P1\n"],
    ["a %YAML directive", "%YAML 1.1\n---\nkind: Project\nid: P1\n"],
    ["a kind pmo does not know", "kind: Widget\nid: W1\n"],
    ["no kind", "apiVersion: pmo/v1\nid: P1\n"],
  ])("leaves %s to the parser", (_, text) => {
    expect(headOf("x.yaml", text)).toBeUndefined();
  });

  it("reads plain words with comments, skips indented content and closed quoted or flow values", () => {
    const text = [
      "# a comment",
      "apiVersion: pmo/v1",
      "kind: Risk # the kind",
      "id: RSK-001",
      'title: "Quoted: \\"closed\\"" # ok',
      "note: 'it''s closed'",
      "scores: { p: [1, 2], i: 3 }",
      "project: PRJ-001",
      "mitigations:",
      "  - id: not-the-id",
      "    portfolio: not-the-portfolio",
      "",
    ].join("\n");
    expect(headOf("r.yaml", text)).toEqual({
      file: "r.yaml",
      kind: "Risk",
      id: "RSK-001",
      value: { apiVersion: "pmo/v1", kind: "Risk", id: "RSK-001", project: "PRJ-001" },
    });
  });
});

describe("loadHeads", () => {
  it.each<[NewKind, Record<string, string>]>([
    ["Project", {}],
    ["Project", { portfolio: "PF-DIGITAL" }],
    ["Risk", { project: "PRJ-013" }],
    ["Issue", {}],
    ["Decision", {}],
    ["Portfolio", { name: "Water quality" }],
    ["Person", { name: "Jane Doe" }],
  ])("plans the same new %s %j in the bundled example as a full load does", async (kind, flags) => {
    const full = await loadWorkspace(EXAMPLE);
    const heads = await loadHeads(EXAMPLE, []);
    expect(heads.map((h) => [h.file, h.kind, h.id])).toEqual(full.documents.map((d) => [d.file, d.kind, d.id]));
    const request = { kind, asOf: "2026-11-30", ...flags };
    expect(planNewDocument(heads, request)).toEqual(planNewDocument(full.documents, request));
  });
});
