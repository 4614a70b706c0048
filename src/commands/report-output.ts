import { randomBytes } from "node:crypto";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { failureAt, UsageError } from "../core/errors.js";

/** Lists the files pmo wrote into a report folder, so that a re-run may replace them and only them. */
export const MANIFEST = ".pmo-report.json";

export interface OutputFile {
  path: string;
  /** Text (pages, charts) or bytes (a PDF). */
  content: string | Uint8Array;
}

const STAGING = "pmo-staging";
const PREVIOUS = "pmo-previous";

/**
 * Writes a report into `outDir` as one unit. The pages are written, as they are rendered, into
 * a staging folder beside `outDir` (`.<name>.pmo-staging-<random>`); when all of them are
 * written the staging folder is swapped in by two renames (the old report moves aside, the new
 * one takes its name) and the old one is deleted. An interrupted run leaves the old report or
 * the new one under `outDir`, never a mix, and the next run finishes or undoes the swap and
 * removes what is left over. `outDir` may be a symbolic link to a folder: the folder it points
 * to is replaced, the link stays.
 *
 * Files the folder holds that pmo did not write (not in its manifest) are never lost: without
 * `force` the report is refused; with it they are kept, except those the report replaces.
 * Symbolic links inside the folder are not followed: they are kept as links.
 *
 * Each file is written as soon as it is rendered, so that no more than one page is held in
 * memory. The writes are synchronous: a page is one call into Node (open, write and close in
 * C++), where an asynchronous write costs three trips through the thread pool and their
 * promises, about three times the processor time for the few kilobytes of a page, and the
 * render has nothing to do meanwhile but wait for its turn on the main thread.
 */
export async function writeReport(
  outDir: string,
  files: Iterable<OutputFile>,
  options: { force: boolean; shownOut: string; generator: Record<string, unknown> },
): Promise<{ written: number; removed: number; first: string | undefined }> {
  const target = resolveOut(outDir, options.shownOut);
  recoverLeftovers(target);
  const exists = statOf(target) === "dir";
  const previous = exists ? readManifest(target) : new Set<string>();
  const foreignManifest = exists && previous === undefined && statOf(path.join(target, MANIFEST)) !== "none";
  const owned = previous ?? new Set<string>();
  const existingDirs = new Set<string>();
  const existing = exists ? listFiles(target, existingDirs) : [];
  const foreign = existing.filter((f) => !owned.has(f) && f !== MANIFEST);

  const stage = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${STAGING}-${randomBytes(6).toString("hex")}`,
  );
  const conflicts: string[] = [];
  if (foreignManifest) conflicts.push(MANIFEST);
  const written: string[] = [];
  // Folders already made in the staging folder (the stage itself first).
  const made = new Set<string>([stage]);
  try {
    mkdirSync(stage, { recursive: true });
    const foreignSet = new Set(foreign);
    for (const f of files) {
      const relative = f.path;
      if (existingDirs.has(relative))
        throw new UsageError(`cannot write ${options.shownOut}/${relative}: a folder of that name is in the way`);
      // A file of pmo's own name, or a link or file where the page's folder should be (a link
      // is never followed out of the report): not pmo's to replace without --force.
      const blocking = [...ancestors(relative), relative].find((p) => foreignSet.has(p));
      if (blocking !== undefined && !conflicts.includes(blocking)) conflicts.push(blocking);
      written.push(relative);
      // Once a conflict is known nothing will be swapped in, so rendering goes on only to list them all.
      if (conflicts.length === 0 || options.force) {
        const file = path.join(stage, relative);
        const folder = path.dirname(file);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        try {
          writeFileSync(file, f.content);
        } catch (error) {
          // Named as the page of --out-dir it was to be, not the staging folder's copy.
          throw failureAt(error, path.join(outDir, relative), file);
        }
      }
    }
    if (conflicts.length > 0 && !options.force) {
      const shown = conflicts
        .slice(0, 5)
        .map((c) => `${options.shownOut}/${c}`)
        .join(", ");
      const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : "";
      throw new UsageError(
        `--out-dir ${options.shownOut} holds files pmo did not write: ${shown}${more}; choose an empty folder, or pass --force to overwrite them`,
      );
    }
    // Files that are not pmo's (and that the report does not replace) come along, copied, so
    // that they are still there if the run stops before the swap.
    const now = new Set(written);
    const folders = new Set(written.flatMap(ancestors));
    for (const f of foreign) {
      if (now.has(f) || folders.has(f)) continue;
      const to = path.join(stage, f);
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(path.join(target, f), to, { verbatimSymlinks: true, preserveTimestamps: true });
    }
    // The manifest goes last: a staging folder with a manifest is a complete report.
    try {
      writeFileSync(
        path.join(stage, MANIFEST),
        `${JSON.stringify({ ...options.generator, files: written }, null, 2)}\n`,
      );
    } catch (error) {
      throw failureAt(error, path.join(outDir, MANIFEST), path.join(stage, MANIFEST));
    }
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  }

  if (exists) {
    const aside = stage.replace(`.${STAGING}-`, `.${PREVIOUS}-`);
    renameSync(target, aside);
    renameSync(stage, target);
    rmSync(aside, { recursive: true, force: true });
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(stage, target);
  }
  const now = new Set([...written, MANIFEST]);
  const present = new Set(existing);
  const removed = [...owned].filter((f) => !now.has(f) && present.has(f)).length;
  return { written: written.length, removed, first: written[0] };
}

/** The folder to replace: `outDir` itself, or the folder a symbolic link `outDir` points to. */
function resolveOut(outDir: string, shownOut: string): string {
  let info;
  try {
    info = lstatSync(outDir);
  } catch {
    return outDir;
  }
  if (info.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(outDir);
    } catch {
      throw new UsageError(`--out-dir ${shownOut} is a symbolic link to nothing; pass a folder`);
    }
    if (!statSync(real).isDirectory()) throw new UsageError(`--out-dir ${shownOut} is a link to a file; pass a folder`);
    return real;
  }
  if (!info.isDirectory()) throw new UsageError(`--out-dir ${shownOut} is a file; pass a folder`);
  return outDir;
}

/**
 * Finishes or undoes the swap of a run that was stopped: with the report folder missing, a
 * complete staging folder (it has its manifest) or else the previous report takes its place.
 * Then every leftover staging and previous folder of this report is removed.
 */
function recoverLeftovers(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const leftovers = names
    .filter(
      (n) => n.startsWith(prefix) && new RegExp(`^(${STAGING}|${PREVIOUS})-[0-9a-f]{12}$`).test(n.slice(prefix.length)),
    )
    .map((n) => path.join(dir, n));
  if (leftovers.length === 0) return;
  if (statOf(target) === "none") {
    const complete = leftovers.find((l) => l.includes(`.${STAGING}-`) && statOf(path.join(l, MANIFEST)) === "file");
    const previous = leftovers.find((l) => l.includes(`.${PREVIOUS}-`));
    const restore = complete ?? previous;
    if (restore) renameSync(restore, target);
  }
  for (const l of leftovers) rmSync(l, { recursive: true, force: true });
}

/** `a/b/c.html` -> `a`, `a/b`. */
function ancestors(relative: string): string[] {
  const parts = relative.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * Every file and link under `dir`, relative, with forward slashes; links are not followed.
 * The folders under it go into `folders`, so that a page's path is known to be a folder in
 * the way without one more stat per page.
 */
function listFiles(dir: string, folders: Set<string>, rel = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const relative = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      folders.add(relative);
      out.push(...listFiles(dir, folders, relative));
    } else out.push(relative);
  }
  return out;
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
    return new Set(
      data.files.filter(
        (f): f is string =>
          typeof f === "string" && !path.isAbsolute(f) && !f.split(/[\\/]/).includes("..") && f !== "",
      ),
    );
  } catch {
    return undefined;
  }
}
