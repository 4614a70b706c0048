import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

/**
 * Past its first pages a report is written by a thread (src/commands/report-writer.ts). The
 * thread runs the compiled dist/commands/report-writer.js, so this test loads the built
 * writeReport (npm test builds first); from the TypeScript sources the pages are written on
 * the main thread, as report-writes.test.ts and write-failures.test.ts see them.
 */
const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const built = path.join(root, "dist/commands/report-output.js");
type WriteReport = typeof import("../../src/commands/report-output.js");
const load = async (): Promise<WriteReport> => (await import(built)) as WriteReport;
const OPTIONS = { force: false, shownOut: "out", generator: { generator: "pmo", format: "html" } };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pmo-writer-"));
  dirs.push(dir);
  return dir;
}

describe("writeReport's writing thread", () => {
  it("writes every page, in the thread past the first ones, and the manifest lists them in order", async () => {
    const { writeReport, THREAD_AFTER, MANIFEST } = await load();
    expect(existsSync(path.join(root, "dist/commands/report-writer.js"))).toBe(true);
    const out = path.join(folder(), "out");
    const pages = Array.from({ length: THREAD_AFTER * 3 }, (_, i) => ({
      path: i % 2 ? `projects/P-${i}.html` : `p-${i}.html`,
      content: i === 7 ? new Uint8Array([37, 80, 68, 70]) : `page ${i} ${"é".repeat(i)}`,
    }));
    const result = await writeReport(out, pages, OPTIONS);
    expect(result).toEqual({ written: pages.length, removed: 0, first: "p-0.html" });
    for (const p of pages) expect(readFileSync(path.join(out, p.path)), p.path).toEqual(Buffer.from(p.content));
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")).files).toEqual(pages.map((p) => p.path));
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("names the page of --out-dir a failed write was to be, and leaves neither report nor staging folder", async () => {
    const { writeReport, THREAD_AFTER } = await load();
    const parent = folder();
    const out = path.join(parent, "out");
    // A name longer than a file system allows (ENAMETOOLONG), among the pages the thread writes.
    const long = `${"x".repeat(300)}.html`;
    const pages = Array.from({ length: THREAD_AFTER * 2 }, (_, i) => ({
      path: i === THREAD_AFTER + 5 ? long : `p-${i}.html`,
      content: `page ${i}`,
    }));
    await expect(writeReport(out, pages, OPTIONS)).rejects.toMatchObject({
      code: "ENAMETOOLONG",
      path: path.join(out, long),
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
