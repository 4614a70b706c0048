import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../../src/core/load/index.js";
import { loadHeads, planNewDocument, type NewKind } from "../../../src/core/scaffold/index.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EXAMPLE = path.join(ROOT, "examples/meridian-water");

/**
 * `pmo new` reads heads (the loader's head scanner, proven equal to the full reading in
 * test/core/load/head.test.ts) where it can, and plans the same document as from a full load.
 */
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

describe("loadHeads on files of every size", () => {
  it("reads files larger than its read buffer whole, and the same heads as a full load", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(path.join(tmpdir(), "pmo-heads-"));
    writeFileSync(
      path.join(dir, "engagement.yaml"),
      "apiVersion: pmo/v1\nkind: Engagement\nid: ENG-1\nname: E\nclient: C\n",
    );
    const long = "x".repeat(700 * 1024);
    writeFileSync(
      path.join(dir, "big.yaml"),
      // The id comes last: a reading cut at the buffer would lose it.
      `apiVersion: pmo/v1\nkind: Project\nname: Big\ndescription: ${long}\nid: PRJ-900\n`,
    );
    writeFileSync(path.join(dir, "small.yaml"), "apiVersion: pmo/v1\nkind: Project\nid: PRJ-001\nname: Small\n");
    writeFileSync(path.join(dir, "empty.yaml"), "");
    const heads = await loadHeads(dir, []);
    const full = await loadWorkspace(dir);
    expect(heads.map((h) => [h.file, h.kind, h.id])).toEqual(full.documents.map((d) => [d.file, d.kind, d.id]));
    expect(heads.map((h) => h.id)).toEqual(["PRJ-900", "ENG-1", "PRJ-001"]);
    expect(planNewDocument(heads, { kind: "Project", asOf: "2026-11-30" }).id).toBe("PRJ-901");
  });
});
