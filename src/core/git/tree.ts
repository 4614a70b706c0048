import path from "node:path";
import ignore from "ignore";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument, Workspace } from "../../model/document.js";
import { CONFIG_FILE, parseConfig, type Config } from "../config/index.js";
import { UsageError } from "../errors.js";
import {
  comparePaths,
  documentsOfBytes,
  IGNORE_FILE,
  readOnce,
  type LoadFindings,
  type LoadOptions,
} from "../load/index.js";
import { git, readBlobs } from "./exec.js";
import type { Repository, Revision } from "./refs.js";

const YAML_FILE = /\.ya?ml$/i;
const MODE_SYMLINK = "120000";

/** One file of a tree: its mode and blob id, by path relative to the pmo folder. */
export interface TreeEntry {
  mode: string;
  oid: string;
}

/**
 * Lists the blobs under the pmo folder at `commit` (`git ls-tree -r -z --full-tree`), by path
 * relative to the pmo folder. Submodules are left out; symbolic links are kept (mode 120000).
 */
export async function listTree(repo: Repository, commit: string): Promise<Map<string, TreeEntry>> {
  const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
  if (repo.prefix) args.push("--", `${repo.prefix}/`);
  const out = (await git(repo.top, args)).toString("utf8");
  const strip = repo.prefix ? repo.prefix.length + 1 : 0;
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid] = record.slice(0, tab).split(" ") as [string, string, string];
    if (type !== "blob") continue;
    entries.set(record.slice(tab + 1).slice(strip), { mode, oid });
  }
  return entries;
}

/**
 * The discovery rules of the folder loader (src/core/load/discover.ts), applied to paths from
 * a tree: YAML files only, never inside a dot-folder or node_modules, nor matched by
 * `.pmoignore` or the config's `ignore` patterns.
 */
export function discoverInTree(paths: Iterable<string>, pmoignore: string, configIgnore: readonly string[]): string[] {
  const include = discoveryFilter(pmoignore, configIgnore);
  return [...paths].filter(include).sort(comparePaths);
}

/** The same rules as a predicate on one path, for callers that see paths one at a time (history). */
export function discoveryFilter(pmoignore: string, configIgnore: readonly string[]): (file: string) => boolean {
  const ig = ignore()
    .add(pmoignore)
    .add([...configIgnore]);
  // Without a pattern (no .pmoignore, or only blank and comment lines, and no config ignore),
  // nothing is ignored: the patterns are not consulted for every folder of every path.
  const patterns =
    configIgnore.length > 0 || pmoignore.split(/\r?\n/).some((line) => line.trim() !== "" && !line.startsWith("#"));
  // A history names the same paths in commit after commit: each is judged once.
  const judged = new Map<string, boolean>();
  return (file) => {
    let included = judged.get(file);
    if (included === undefined) {
      included = discovered(file);
      judged.set(file, included);
    }
    return included;
  };
  function discovered(file: string): boolean {
    const parts = file.split("/");
    const name = parts[parts.length - 1]!;
    if (!YAML_FILE.test(name) || name.startsWith(".")) return false;
    for (let i = 0; i < parts.length - 1; i++) {
      const dir = parts[i]!;
      if (dir.startsWith(".") || dir === "node_modules") return false;
      if (patterns && ig.ignores(`${parts.slice(0, i + 1).join("/")}/`)) return false;
    }
    return !patterns || !ig.ignores(file);
  }
}

export interface RevisionWorkspace {
  workspace: Workspace;
  config: Config;
}

/**
 * Loads the pmo folder as it was at a commit, straight from the object store: no checkout, and
 * the working tree and index are never touched. The config (`pmo.config.yaml` at that commit,
 * unless `config` is given) and `.pmoignore` are read at the same commit. Every blob comes
 * through one `git cat-file --batch`, and each file is parsed by the folder loader's
 * `documentsOfBytes`, so documents, positions and diagnostics are the same as for a folder.
 * `load.kinds` keeps documents of those kinds only and skips files that certainly hold another
 * kind without parsing them, as the folder loader's `kinds` does.
 */
export async function loadWorkspaceAtRevision(
  repo: Repository,
  revision: Revision,
  root: string,
  config?: Config,
  load: Pick<LoadOptions, "kinds"> = {},
): Promise<RevisionWorkspace> {
  const { kinds } = load;
  const tree = await listTree(repo, revision.commit);
  if (tree.size === 0 && repo.prefix) {
    throw new UsageError(`the folder ${repo.prefix} does not exist at git ref "${revision.label}"`);
  }
  // Every candidate is read in the one batch, config and .pmoignore included; filtering by the
  // config's ignore patterns afterwards costs a few unneeded blobs, not a second process.
  const candidates = discoverInTree(tree.keys(), "", []);
  const wanted = [...candidates, IGNORE_FILE, CONFIG_FILE]
    .map((f) => tree.get(f)?.oid)
    .filter((o): o is string => o !== undefined);
  const blobs = await readBlobs(repo.top, wanted);
  const textOf = (file: string): string | undefined => {
    const oid = tree.get(file)?.oid;
    const bytes = oid === undefined ? undefined : blobs.get(oid);
    return bytes?.toString("utf8");
  };

  if (!config) {
    const text = textOf(CONFIG_FILE);
    if (text === undefined) config = { ignore: [], values: {}, raw: {} };
    else {
      try {
        config = parseConfig(text, CONFIG_FILE);
      } catch (error) {
        if (error instanceof UsageError)
          throw new UsageError(`${error.message} at git ref "${revision.label}"`, error.diagnostics, error.sources);
        throw error;
      }
    }
  }
  const files = discoverInTree(candidates, textOf(IGNORE_FILE) ?? "", config.ignore);

  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const documents: PmoDocument[] = [];
  // As the folder loader: files that do not parse (so that references to the ids they seem to
  // hold are not reported as dangling everywhere) and YAML files that are not pmo documents.
  const found: LoadFindings = { notPmo: [], broken: [] };
  const linkTargets = new Map<string, string>();
  const links = await resolveLinks(repo, tree, files, blobs, linkTargets);
  // As the folder loader: a link to a file also read by its own path (or by an earlier link) is not read again.
  for (const file of readOnce(files, linkTargets, diagnostics)) {
    const entry = tree.get(file)!;
    let bytes: Buffer | undefined;
    if (entry.mode === MODE_SYMLINK) {
      const target = links.get(file);
      if (typeof target === "string") {
        diagnostics.push({
          ruleId: "unreadable-file",
          severity: "error",
          message: target,
          file,
          line: 1,
          column: 1,
          pointer: "",
        });
        continue;
      }
      bytes = target;
    } else {
      bytes = blobs.get(entry.oid);
    }
    if (bytes === undefined) {
      diagnostics.push({
        ruleId: "unreadable-file",
        severity: "error",
        message: `cannot read the file at git ref "${revision.label}"`,
        file,
        line: 1,
        column: 1,
        pointer: "",
      });
      continue;
    }
    documents.push(...documentsOfBytes(file, bytes, diagnostics, sources, found, kinds));
  }
  return {
    workspace: { root, documents, sources, diagnostics, ...found, ...(kinds && { kinds: [...kinds] }) },
    config,
  };
}

/**
 * Follows symbolic links to files inside the pmo folder, as the folder loader follows them on
 * disk. Returns the target's bytes, or why it cannot be followed; `targetsOut` gets the path
 * (in the tree) that each followed link ends at.
 */
async function resolveLinks(
  repo: Repository,
  tree: Map<string, TreeEntry>,
  files: readonly string[],
  blobs: Map<string, Buffer>,
  targetsOut: Map<string, string>,
): Promise<Map<string, Buffer | string>> {
  const resolved = new Map<string, Buffer | string>();
  const links = files.filter((f) => tree.get(f)!.mode === MODE_SYMLINK);
  if (links.length === 0) return resolved;
  const targets = new Map<string, string>();
  for (const link of links) {
    let current = link;
    const seen = new Set<string>();
    let problem: string | undefined;
    while (tree.get(current)?.mode === MODE_SYMLINK) {
      if (seen.has(current)) {
        problem = "symbolic link loop: the link points back to itself; remove it or point it at a real file";
        break;
      }
      seen.add(current);
      const text = blobs.get(tree.get(current)!.oid)?.toString("utf8");
      const next =
        text === undefined ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(current), text));
      if (next === undefined || next.startsWith("..") || path.posix.isAbsolute(next)) {
        problem = "symbolic link points outside the pmo folder, which cannot be followed at a git ref";
        break;
      }
      current = next;
    }
    if (problem) resolved.set(link, problem);
    else if (!tree.has(current))
      resolved.set(link, "broken symbolic link: its target does not exist; remove it or add it to .pmoignore");
    else {
      targets.set(link, tree.get(current)!.oid);
      targetsOut.set(link, current);
    }
  }
  const missing = [...targets.values()].filter((oid) => !blobs.has(oid));
  const more = await readBlobs(repo.top, missing);
  for (const [link, oid] of targets)
    resolved.set(link, blobs.get(oid) ?? more.get(oid) ?? "cannot read the link's target");
  return resolved;
}
