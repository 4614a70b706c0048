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
