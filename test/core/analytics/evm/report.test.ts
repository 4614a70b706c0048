import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildEvmReport,
  formatEvmCsv,
  formatEvmJson,
  formatEvmMarkdown,
  formatEvmTable,
  measureEvm,
} from "../../../../src/core/analytics/evm/index.js";
import { buildCatalog, type Catalog } from "../../../../src/core/catalog/index.js";
import type { Palette } from "../../../../src/core/format/index.js";
import { loadWorkspace } from "../../../../src/core/load/index.js";

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../examples/meridian-water");
const AS_OF = "2026-11-30";
const plain = new Proxy({}, { get: () => (t: string) => t }) as Palette;

let catalog: Catalog;
beforeAll(async () => {
  const workspace = await loadWorkspace(EXAMPLE, { kinds: ["Engagement", "Portfolio", "Project"] });
  catalog = buildCatalog(workspace.documents);
});

// Every output of the report, from a fresh stream each time (a stream is read once).
const outputs = (make: () => Parameters<typeof formatEvmJson>[0], explain: boolean): string[] => [
  formatEvmJson(make(), explain),
  formatEvmTable(make(), plain, explain),
  formatEvmMarkdown(make(), explain),
  formatEvmCsv(make()),
];

describe("measureEvm", () => {
  it("writes what the whole report writes, in every format, with and without explanations", () => {
    const report = buildEvmReport(catalog, { asOf: AS_OF });
    expect(report.projects.length).toBeGreaterThan(3);
    expect(report.rollups.length).toBeGreaterThan(1);
    for (const explain of [false, true]) {
      const whole = outputs(() => report, explain);
      expect(outputs(() => measureEvm(catalog, { asOf: AS_OF }), explain)).toEqual(whole);
      if (!explain)
        expect(outputs(() => measureEvm(catalog, { asOf: AS_OF, explanations: false }), false)).toEqual(whole);
    }
  });

  it("has its roll-ups only once every project has been read, and then those of the whole report", () => {
    const stream = measureEvm(catalog, { asOf: AS_OF });
    expect(() => stream.rollups).toThrow(/once every project has been read/);
    const projects = stream.projects[Symbol.iterator]();
    projects.next();
    expect(() => stream.rollups).toThrow(/once every project has been read/);
    while (!projects.next().done);
    expect(JSON.stringify(stream.rollups)).toBe(JSON.stringify(buildEvmReport(catalog, { asOf: AS_OF }).rollups));
  });

  it("keeps no explanation when asked not to, and refuses to invent one", () => {
    const bare = measureEvm(catalog, { asOf: AS_OF, explanations: false });
    expect(() => formatEvmJson(bare, true)).toThrow(/without its explanation/);
    // Explanations are kept again afterwards.
    const [first] = buildEvmReport(catalog, { asOf: AS_OF }).projects;
    expect(first!.figures.bac.value === undefined || typeof first!.figures.bac.explain === "string").toBe(true);
  });
});
