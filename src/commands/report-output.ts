import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/errors.js";

/** Lists the files pmo wrote into a report folder, so that a re-run may replace them and only them. */
export const MANIFEST = ".pmo-report.json";

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * Writes a report into `outDir` as one unit: every file goes to a temporary file beside its
 * target as soon as it is rendered (so memory does not grow with the number of pages), and
 * only when all of them are written are they renamed into place, so an error halfway (a full
 * disk, a permission, a template error) leaves the previous report, not half of a new one.
 * Files the folder already holds that pmo did not write (they are not in its manifest) are
 * left alone unless `force`; files of the previous report that the new one no longer has (a
 * project removed) are deleted.
 */
export function writeReport(outDir: string, files: Iterable<OutputFile>, options: { force: boolean; shownOut: string; generator: Record<string, unknown> }): { written: number; removed: number; first: string | undefined } {
  const kind = statOf(outDir);
  if (kind === "file") throw new UsageError(`--out ${options.shownOut} is a file; pass a folder`);
  const previous = kind === "dir" ? readManifest(outDir) : new Set<string>();
  const manifestPath = path.join(outDir, MANIFEST);
  const foreignManifest = kind === "dir" && previous === undefined && statOf(manifestPath) !== "none";
  const owned = previous ?? new Set<string>();

  const conflicts: string[] = [];
  if (foreignManifest) conflicts.push(MANIFEST);
  const written: string[] = [];
  const temps: { temp: string; target: string }[] = [];
  const writeTemp = (relative: string, content: string): void => {
    const target = path.join(outDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    temps.push({ temp, target });
    writeFileSync(temp, content);
  };
  try {
    for (const f of files) {
      const state = statOf(path.join(outDir, f.path));
      if (state === "dir") throw new UsageError(`cannot write ${options.shownOut}/${f.path}: a folder of that name is in the way`);
      if (state === "file" && !owned.has(f.path)) conflicts.push(f.path);
      written.push(f.path);
      // Once a conflict is known nothing will be renamed, so rendering goes on only to list them all.
      if (conflicts.length === 0 || options.force) writeTemp(f.path, f.content);
    }
    if (conflicts.length > 0 && !options.force) {
      const shown = conflicts.slice(0, 5).map((c) => `${options.shownOut}/${c}`).join(", ");
      const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : "";
      throw new UsageError(`--out ${options.shownOut} holds files pmo did not write: ${shown}${more}; choose an empty folder, or pass --force to overwrite them`);
    }
    const manifest = { ...options.generator, files: written };
    writeTemp(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw error;
  }
  // The manifest goes last: until it is renamed, the old one still owns the old files.
  for (const t of temps) renameSync(t.temp, t.target);

  const now = new Set([...written, MANIFEST]);
  let removed = 0;
  for (const old of owned) {
    if (now.has(old)) continue;
    rmSync(path.join(outDir, old), { force: true });
    removed += 1;
  }
  return { written: written.length, removed, first: written[0] };
}

function statOf(target: string): "none" | "file" | "dir" {
  try {
    return lstatSync(target).isDirectory() ? "dir" : "file";
  } catch {
    return "none";
  }
}

/** The files a previous run wrote; undefined when there is no manifest pmo can read as its own. */
function readManifest(outDir: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST), "utf8");
  } catch {
    return new Set();
  }
  try {
    const data = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (data.generator !== "pmo" || !Array.isArray(data.files)) return undefined;
    // Only plain relative paths inside the folder: a doctored manifest must not delete elsewhere.
    return new Set(data.files.filter((f): f is string => typeof f === "string" && !path.isAbsolute(f) && !f.split(/[\\/]/).includes("..") && f !== ""));
  } catch {
    return undefined;
  }
}
