import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST, writeReport } from "../../src/commands/report-output.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pmo-writes-"));
  dirs.push(dir);
  return dir;
}
const OPTIONS = { force: false, shownOut: "out", generator: { generator: "pmo", format: "html" } };
const pages = (version: string) => [
  { path: "index.html", content: `index ${version}` },
  { path: "projects/PRJ-1.html", content: `project ${version}` },
];
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("writeReport: all or nothing", () => {
  it("swaps a complete new report in, leaving nothing beside it", async () => {
    const root = folder();
    const out = path.join(root, "out");
    await writeReport(out, pages("1"), OPTIONS);
    const result = await writeReport(out, [{ path: "index.html", content: "index 2" }], OPTIONS);
    expect(result).toEqual({ written: 1, removed: 1, first: "index.html" });
    expect(read(out, "index.html")).toBe("index 2");
    expect(existsSync(path.join(out, "projects/PRJ-1.html"))).toBe(false);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("leaves the old report untouched when rendering fails part-way", async () => {
    const out = path.join(folder(), "out");
    await writeReport(out, pages("1"), OPTIONS);
    function* failing() {
      yield { path: "index.html", content: "index 2" };
      throw new Error("template error");
    }
    await expect(writeReport(out, failing(), OPTIONS)).rejects.toThrow("template error");
    expect(read(out, "index.html")).toBe("index 1");
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("leaves the old report untouched when a write fails, once every write under way has finished", async () => {
    const out = path.join(folder(), "out");
    await writeReport(out, pages("1"), OPTIONS);
    // "p" is already a folder of the new report when a page of that name is written.
    const clash = [...pages("2"), ...Array.from({ length: 40 }, (_, i) => ({ path: `p/${i}.html`, content: "x" }))];
    await expect(writeReport(out, [...clash, { path: "p", content: "not a folder" }], OPTIONS)).rejects.toThrow(
      /EISDIR/,
    );
    expect(read(out, "index.html")).toBe("index 1");
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("cleans up after an interrupted run: an unfinished staging folder is removed", async () => {
    const root = folder();
    const out = path.join(root, "out");
    await writeReport(out, pages("1"), OPTIONS);
    mkdirSync(path.join(root, ".out.pmo-staging-0123456789ab"));
    writeFileSync(path.join(root, ".out.pmo-staging-0123456789ab", "index.html"), "half");
    await writeReport(out, pages("2"), OPTIONS);
    expect(readdirSync(root)).toEqual(["out"]);
    expect(read(out, "index.html")).toBe("index 2");
  });

  it("finishes a swap that was stopped between its two renames", async () => {
    const root = folder();
    const out = path.join(root, "out");
    await writeReport(out, pages("1"), OPTIONS);
    // The run stopped after moving the old report aside, with the new one complete.
    const staged = path.join(root, ".out.pmo-staging-0123456789ab");
    await writeReport(staged, pages("2"), OPTIONS);
    const aside = path.join(root, ".out.pmo-previous-0123456789ab");
    rmSync(aside, { recursive: true, force: true });
    renameSync(out, aside);
    expect(existsSync(out)).toBe(false);
    await writeReport(out, pages("3"), OPTIONS);
    expect(read(out, "index.html")).toBe("index 3");
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("accepts --out as a symbolic link to a folder: the folder is replaced, the link stays", async () => {
    const root = folder();
    mkdirSync(path.join(root, "real"));
    symlinkSync("real", path.join(root, "out"));
    await writeReport(path.join(root, "out"), pages("1"), OPTIONS);
    await writeReport(path.join(root, "out"), pages("2"), OPTIONS);
    expect(lstatSync(path.join(root, "out")).isSymbolicLink()).toBe(true);
    expect(read(path.join(root, "real"), "index.html")).toBe("index 2");
  });

  it("never writes through a symbolic link inside --out", async () => {
    const root = folder();
    const out = path.join(root, "out");
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(elsewhere);
    mkdirSync(out);
    symlinkSync(elsewhere, path.join(out, "projects"));
    await expect(writeReport(out, pages("1"), OPTIONS)).rejects.toThrow(
      "--out-dir out holds files pmo did not write: out/projects",
    );
    await writeReport(out, pages("1"), { ...OPTIONS, force: true });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(path.join(out, "projects")).isDirectory()).toBe(true);
    expect(read(out, "projects/PRJ-1.html")).toBe("project 1");
  });

  it("keeps files it did not write (with --force) and their links as links", async () => {
    const root = folder();
    const out = path.join(root, "out");
    mkdirSync(out);
    writeFileSync(path.join(out, "notes.txt"), "mine");
    symlinkSync("notes.txt", path.join(out, "notes-link.txt"));
    await writeReport(out, pages("1"), OPTIONS);
    expect(read(out, "notes.txt")).toBe("mine");
    expect(lstatSync(path.join(out, "notes-link.txt")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(read(out, MANIFEST)).files).toEqual(["index.html", "projects/PRJ-1.html"]);
  });
});
