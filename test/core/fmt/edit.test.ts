import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editSource } from "../../../src/core/fmt/index.js";

const root = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const example = path.join(root, "examples/meridian-water");

describe("editSource", () => {
  it("gives every file of the example back byte for byte when nothing is edited", () => {
    const files = execFileSync("git", ["ls-files", "*.yaml"], { cwd: example, encoding: "utf8" }).trim().split("\n");
    const changed = files.filter((f) => {
      const text = readFileSync(path.join(example, f), "utf8");
      return editSource(text, []) !== text;
    });
    expect(changed).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it("sets and removes fields, keeping comments, key order and hand-added fields; new keys go where the schema puts them", () => {
    const source = [
      "# yaml-language-server: $schema=../schemas/project.schema.json",
      "apiVersion: pmo/v1",
      "kind: Project",
      "id: PRJ-1",
      "name: Old name # the client's name for it",
      "description: to go",
      "stage: delivery",
      "# hand-added",
      "sponsor: Ann Lee",
      "status:",
      "  asOf: 2026-01-01",
      "  overall: green",
      "  comments: kept",
      "milestones:",
      "  - id: M1",
      "    name: Hand milestone",
      "    baselineDate: 2026-05-01",
      "x-note: kept",
      "",
    ].join("\n");
    const out = editSource(source, [
      {
        docIndex: 0,
        set: [
          ["name", "New name"],
          ["status.overall", "red"],
          ["portfolio", "PF-A"],
          ["budget.approved", 100],
          ["x-source", "sheet"],
        ],
        remove: ["description"],
      },
    ]);
    expect(out).toBe(
      [
        "# yaml-language-server: $schema=../schemas/project.schema.json",
        "apiVersion: pmo/v1",
        "kind: Project",
        "id: PRJ-1",
        "name: New name # the client's name for it",
        "portfolio: PF-A",
        "stage: delivery",
        "# hand-added",
        "sponsor: Ann Lee",
        "budget:",
        "  approved: 100",
        "status:",
        "  asOf: 2026-01-01",
        "  overall: red",
        "  comments: kept",
        "milestones:",
        "  - id: M1",
        "    name: Hand milestone",
        "    baselineDate: 2026-05-01",
        "x-note: kept",
        "x-source: sheet",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["CRLF", "\r\n", "", 1],
    ["CRLF with a byte order mark", "\r\n", "\uFEFF", 1],
    ["CRLF without a line break at the end", "\r\n", "", 0],
    ["CR", "\r", "", 1],
    ["LF with a byte order mark and two line breaks at the end", "\n", "\uFEFF", 2],
  ])("keeps the file's layout: %s", (_name, eol, bom, end) => {
    const file = (lines: string[]) => bom + lines.join(eol) + eol.repeat(end);
    const before = [
      "apiVersion: pmo/v1",
      "kind: Project",
      "id: PRJ-1",
      "name: Old # kept",
      "stage: delivery",
      "notes: |",
      "  line one",
      "  line two",
    ];
    const after = [
      "apiVersion: pmo/v1",
      "kind: Project",
      "id: PRJ-1",
      "name: New # kept",
      "stage: delivery",
      "budget:",
      "  approved: 5",
      "notes: |",
      "  line one",
      "  line two",
    ];
    expect(
      editSource(file(before), [
        {
          docIndex: 0,
          set: [
            ["name", "New"],
            ["budget.approved", 5],
          ],
        },
      ]),
    ).toBe(file(after));
    expect(editSource(file(before), [])).toBe(file(before));
  });

  it("keeps empty documents and documents of comments only; a file left with none but markers is deleted", () => {
    const a = "apiVersion: pmo/v1\nkind: Portfolio\nid: A\nname: A\nowner: X\n";
    const b = a.replaceAll(": A", ": B");
    const source = `---\n---\n${a}---\n# only a comment\n---\n${b}---\n`;
    expect(editSource(source, [])).toBe(source);
    expect(editSource(source, [{ docIndex: 3, set: [["name", "Bee"]] }])).toBe(source.replace("name: B", "name: Bee"));
    expect(editSource(`${a}---\n`, [{ docIndex: 0, deleteDocument: true }])).toBe("");
    expect(editSource(`${a}---\n# kept\n`, [{ docIndex: 0, deleteDocument: true }])).toBe("---\n# kept\n");
  });

  it("edits or deletes one document of a multi-document file", () => {
    const source =
      "apiVersion: pmo/v1\nkind: Portfolio\nid: A\nname: A\nowner: X\n---\napiVersion: pmo/v1\nkind: Portfolio\nid: B\nname: B\nowner: Y\n";
    expect(editSource(source, [{ docIndex: 1, set: [["name", "Bee"]] }])).toBe(
      source.replace("name: B\n", "name: Bee\n"),
    );
    expect(editSource(source, [{ docIndex: 0, deleteDocument: true }])).toBe(
      "apiVersion: pmo/v1\nkind: Portfolio\nid: B\nname: B\nowner: Y\n",
    );
  });
});
