import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { lstat, stat } from "node:fs/promises";
import path from "node:path";
import ignore from "ignore";
import type { Diagnostic } from "../../model/diagnostic.js";

/** Folders never searched for documents: version control, dependencies, and dot-folders. */
const SKIPPED_DIRS = new Set(["node_modules"]);
export const IGNORE_FILE = ".pmoignore";
const YAML_FILE = /\.ya?ml$/i;

export interface DiscoverOptions {
  /** Extra gitignore-style patterns (from the config), relative to the root. */
  ignore?: readonly string[];
  /**
   * Given the files found so far, in the order found (one list that grows), after each folder:
   * the loader starts its threads and has them read what is found while the rest is being found.
   */
  onProgress?: (found: readonly string[]) => void;
}

export interface Discovered {
  /** Paths relative to the root, forward slashes, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Lists the YAML files under `root` that may hold pmo documents. Dot-folders (`.git`,
 * `.github`), dot-files (tools' own settings: `.gitlab-ci.yml`, `.pre-commit-config.yaml`,
 * never pmo documents), `node_modules` and paths matched by `.pmoignore` or the config's `ignore` list are
 * skipped. Symbolic links to files inside the repository are followed; links to folders are not
 * (as git stores them), which also rules out link loops. A link that cannot be resolved is
 * reported, and a link to a file outside the repository is reported and not read; a link to a
 * folder is reported and not followed. Each real file is read once: a link to a file that is
 * also found by its own path (or that an earlier link, in path order, already reads) is not
 * read again (it would define every id twice), and a note says so.
 */
export async function discoverFiles(root: string, options: DiscoverOptions = {}): Promise<Discovered> {
  return discoverFilesSync(root, options);
}

/** discoverFiles, on this thread before it returns: for a load started before the command has loaded (index.ts). */
export function discoverFilesSync(root: string, options: DiscoverOptions = {}): Discovered {
  const ig = ignore();
  const ignoreText = readIgnoreFile(root);
  ig.add(ignoreText);
  if (options.ignore) ig.add([...options.ignore]);
  // Without a pattern nothing is ignored, and asking for every path was 5% of loading.
  const isPattern = (line: string): boolean => line.trim() !== "" && !line.startsWith("#");
  const hasPatterns = ignoreText.split(/\r?\n/).some(isPattern) || (options.ignore ?? []).some(isPattern);
  const ignores: Ignores = hasPatterns ? (p) => ig.ignores(p) : () => false;

  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = path.resolve(root);
  }
  // Synchronous: a repository of 10,000 projects has 12,000 folders, and a promise per folder
  // cost twice the CPU time of the listing itself; nothing else runs meanwhile anyway (loader
  // threads start on their own).
  const links = new Map<string, string>();
  walk(root, "", ignores, files, diagnostics, realRoot, links, options.onProgress);
  // Found in the order of comparePaths (code units) already (walk): sort() without a comparator
  // only checks it, at a fraction of a sort with one (72,386 paths took 40-100 ms).
  files.sort();
  if (links.size === 0) return { files, diagnostics };
  return { files: readOnce(files, links, diagnostics), diagnostics };
}

/**
 * The files with every real file once: a link (link -> its target, relative to the root) to a
 * file listed by its own path, or to the target of a link before it, is left out with a note.
 * Used for the folder and for a git revision alike.
 */
export function readOnce(
  files: readonly string[],
  links: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): string[] {
  const own = new Set(files.filter((f) => !links.has(f)));
  const claimed = new Map<string, string>();
  return files.filter((file) => {
    const target = links.get(file);
    if (target === undefined) return true;
    const readAs = own.has(target) ? target : claimed.get(target);
    if (readAs === undefined) {
      claimed.set(target, file);
      return true;
    }
    diagnostics.push(linkedTwiceNote(file, readAs));
    return false;
  });
}

/** The note for a link to a file that is already read by another path. */
export function linkedTwiceNote(link: string, readAs: string): Diagnostic {
  return {
    ...fileDiagnostic(
      link,
      `symbolic link to a file already read as ${readAs}: not read a second time (its documents would be duplicates of themselves)`,
      "unreadable-file",
    ),
    severity: "info",
    hint: "nothing to fix; remove the link or list it in .pmoignore to silence this note",
  };
}

type Ignores = (relPath: string) => boolean;

function readIgnoreFile(root: string): string {
  try {
    return readFileSync(path.join(root, IGNORE_FILE), "utf8");
  } catch {
    return "";
  }
}

function walk(
  root: string,
  rel: string,
  ig: Ignores,
  files: string[],
  diagnostics: Diagnostic[],
  realRoot: string,
  links: Map<string, string>,
  onProgress?: (found: readonly string[]) => void,
): void {
  const entries = readdirSync(rel ? pathIn(root, rel) : root, { withFileTypes: true });
  // This folder's files, and its folders with a slash after them, sorted by code unit: walked
  // in that order (a folder's files where its path and slash sort), the tree's files come out
  // in the order of comparePaths, which is the order the threads are given them in.
  const here: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const relPath = rel ? `${rel}/${name}` : name;
    if (entry.isDirectory()) {
      if (name.startsWith(".") || SKIPPED_DIRS.has(name) || ig(`${relPath}/`)) continue;
      here.push(`${relPath}/`);
    } else if (
      entry.isSymbolicLink() &&
      !YAML_FILE.test(name) &&
      !name.startsWith(".") &&
      !SKIPPED_DIRS.has(name) &&
      !ig(`${relPath}/`) &&
      !ig(relPath)
    ) {
      // Links to folders are not followed (as git stores a link, not the folder): said, not silent.
      const target = statOrError(path.join(root, relPath));
      if (!(target instanceof Error) && target.isDirectory())
        diagnostics.push({
          ...fileDiagnostic(
            relPath,
            `symbolic link to a folder (${realpathOrUndefined(path.join(root, relPath)) ?? "unknown"}): not followed, so the files in it are not read`,
            "unreadable-file",
          ),
          severity: "warn",
          hint: "move or copy the folder into the repository, or list the link in .pmoignore",
        });
    } else if (YAML_FILE.test(name) && !name.startsWith(".") && !ig(relPath)) {
      if (entry.isSymbolicLink()) {
        const target = statOrError(path.join(root, relPath));
        if (target instanceof Error) {
          diagnostics.push(fileDiagnostic(relPath, linkProblem(target), "unreadable-file"));
          continue;
        }
        if (!target.isFile()) continue;
        // A link is followed only to a file inside the repository: what lies outside is not
        // the repository's to read (nor to show in code frames).
        const real = realpathOrUndefined(path.join(root, relPath));
        if (real === undefined || !isInside(realRoot, real)) {
          diagnostics.push({
            ...fileDiagnostic(
              relPath,
              `symbolic link to a file outside the repository (${real ?? "unknown"}): not read`,
              "unreadable-file",
            ),
            severity: "warn",
            hint: "copy the file into the repository, or list the link in .pmoignore",
          });
          continue;
        }
        links.set(relPath, path.relative(realRoot, real).split(path.sep).join("/"));
      } else if (!entry.isFile()) {
        continue;
      }
      here.push(relPath);
    }
  }
  here.sort();
  for (const found of here) {
    if (!found.endsWith("/")) {
      files.push(found);
      continue;
    }
    onProgress?.(files);
    walk(root, found.slice(0, -1), ig, files, diagnostics, realRoot, links, onProgress);
  }
  onProgress?.(files);
}

function statOrError(file: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(file);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function linkProblem(error: NodeJS.ErrnoException): string {
  if (error.code === "ELOOP")
    return "symbolic link loop: the link points back to itself; remove it or point it at a real file";
  if (error.code === "ENOENT")
    return "broken symbolic link: its target does not exist; remove it or add it to .pmoignore";
  return `cannot follow symbolic link (${error.code ?? error.message})`;
}

export function fileDiagnostic(file: string, message: string, ruleId: string): Diagnostic {
  return { ruleId, severity: "error", message, file, line: 1, column: 1, pointer: "" };
}

/**
 * path.join(root, file), without normalising the whole path again for each of tens of
 * thousands of files (path.join was a twentieth of a load's time): a plain relative `file`
 * (what discovery lists: forward slashes, no empty, `.` or `..` segment) is put after the
 * root, normalised once.
 */
export function pathIn(root: string, file: string): string {
  if (path.sep !== "/" || NOT_PLAIN_FILE.test(file)) return path.join(root, file);
  if (root !== joinedRoot) {
    const base = path.join(root);
    joinedRoot = root;
    joinedBase = base === "." ? "" : base.endsWith("/") ? base : `${base}/`;
  }
  return joinedBase + file;
}

/** A path that path.join would change after a root: absolute, empty, a `.` or `..` segment, `//`, a trailing slash. */
const NOT_PLAIN_FILE = /^$|^\/|\/\/|\/$|(?:^|\/)\.{1,2}(?:\/|$)/;
let joinedRoot: string | undefined;
let joinedBase = "";

/** Sorts paths by code unit, so that the order is the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `dir` exists and is a folder. */
export async function isDirectory(dir: string): Promise<boolean> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return false;
  if (info.isSymbolicLink()) return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
  return info.isDirectory();
}

/**
 * Whether the tree under `root` has at least `enough` entries, looking breadth first at no more
 * than `folders` folders: a quick guess, before the config is read and the files are found,
 * that a repository is large. It lists names only (no file types, which cost more than the
 * listing): a YAML file counts, and a name without a dot is taken for a folder, counted and
 * looked into; dot-entries and node_modules are skipped, as discovery skips them. Only the time
 * a load takes depends on the answer.
 */
export function holdsAtLeast(root: string, enough: number, folders: number): boolean {
  const queue = [root];
  let count = 0;
  for (let i = 0; i < queue.length && i < folders; i++) {
    let names: string[];
    try {
      names = readdirSync(queue[i]!);
    } catch {
      continue; // not a folder after all, or unreadable
    }
    for (const name of names) {
      if (name.startsWith(".") || SKIPPED_DIRS.has(name)) continue;
      if (!name.includes(".")) queue.push(path.join(queue[i]!, name));
      else if (!YAML_FILE.test(name)) continue;
      if (++count >= enough) return true;
    }
  }
  return false;
}
