import { existsSync, lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../core/config/index.js";
import type { CheckResult } from "../core/engine/index.js";
import type { BaselineTag } from "../core/rules/index.js";
import { UsageError } from "../core/errors.js";
import { isDirectory, loadWorkspace, type LoadOptions } from "../core/load/index.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Workspace } from "../model/document.js";
import { schemaDiagnostics, sortDiagnostics } from "../core/validate/index.js";
import type { Catalog } from "../core/catalog/index.js";
import type { CommandIO } from "./io.js";

export interface WorkspaceOptions {
  /** The repository folder (already resolved against -C). */
  dir: string;
  /** --config FILE, if given. */
  config?: string;
}

/** A path as the user should see it: relative to the current directory when inside it. */
export function displayPath(target: string, cwd: string): string {
  const rel = path.relative(cwd, target);
  if (rel === "") return ".";
  return rel.startsWith("..") && path.isAbsolute(target) && rel.split(path.sep).filter((s) => s === "..").length > 2
    ? target
    : rel.split(path.sep).join("/");
}

export { PLAN_KINDS } from "./load-kinds.js";

/**
 * Resolves the folder, reads the config and loads every document: the start of most commands.
 * `load.kinds` loads only the documents of those kinds (see LoadOptions.kinds), for a command
 * that reads no others; gates never pass it.
 */
export async function openWorkspace(
  options: WorkspaceOptions,
  cwd: string = options.dir,
  load: Pick<LoadOptions, "kinds"> = {},
): Promise<{ root: string; config: Config; workspace: Workspace }> {
  const { root, config } = await openConfig(options, cwd);
  // Nearly every command validates what it loads: the schemas are checked while loading (LoadOptions.schema).
  const workspace = await loadWorkspace(root, { ignore: config.ignore, schema: true, ...load });
  return { root, config, workspace };
}

/** The repository folder and its config, checked as openWorkspace checks them, for commands that read less. */
export async function openConfig(
  options: WorkspaceOptions,
  cwd: string = options.dir,
): Promise<{ root: string; config: Config }> {
  const root = path.resolve(options.dir);
  if (!(await isDirectory(root))) {
    throw new UsageError(
      `no such folder: ${displayPath(root, cwd)} (pass the folder that holds the pmo repository, or run pmo inside it)`,
    );
  }
  let config: Config;
  try {
    config = await loadConfig(root, options.config);
  } catch (error) {
    if (!(error instanceof UsageError) || error.diagnostics.length === 0) throw error;
    const diagnostics = sortDiagnostics(relativeToCwd(error.diagnostics, root, cwd));
    const shown = diagnostics[0]?.file ?? "";
    const sources = new Map([...error.sources].map(([k, v]) => [k, v]));
    throw new UsageError(`invalid config file ${shown}`, diagnostics, sources);
  }
  return { root, config };
}

/** What makes a folder a repository: pmo's config, or git's (as `pmo import` finds the repository of its --out-dir). */
const REPOSITORY_MARKERS = ["pmo.config.yaml", ".git"] as const;

/** `dir` when it is a repository, else the nearest folder above it that is one, if any. */
export function repositoryHolding(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (REPOSITORY_MARKERS.some((marker) => existsSync(path.join(at, marker)))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** The real path of a file or folder, or of the nearest existing folder above it with the rest appended. */
function realPath(target: string): string {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync.native(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

const isWithin = (file: string, dir: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * Refuses (exit 2) a path named on the command line that lies in a repository but leads out of
 * it through a symbolic link (`repo/linked` -> `/elsewhere`): pmo reads no files outside the
 * repository, and its discovery does not follow such links, so a path given explicitly does
 * not either (as git refuses a path "beyond a symbolic link"). The repository is `repository`
 * when the path lies in it, else the nearest folder above the path with pmo.config.yaml or .git.
 * A path without links, or one outside every repository, is taken as it is.
 */
export function refuseLinkOutOfRepository(target: string, cwd: string, repository?: string): void {
  const absolute = path.resolve(target);
  const real = realPath(absolute);
  // No link on the way: nothing can lead out (the common case, one system call).
  if (real === absolute) return;
  const root =
    repository !== undefined && isWithin(absolute, path.resolve(repository))
      ? path.resolve(repository)
      : repositoryHolding(path.dirname(absolute));
  if (root === undefined || root === absolute) return;
  const realRoot = realPath(root);
  if (isWithin(real, realRoot)) return;
  let link = absolute;
  let at = root;
  for (const segment of path.relative(root, absolute).split(path.sep)) {
    at = path.join(at, segment);
    if (lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink() && !isWithin(realPath(at), realRoot)) {
      link = at;
      break;
    }
  }
  const name = (p: string): string => (displayPath(p, cwd) === "." ? "the current folder" : displayPath(p, cwd));
  const shownRoot = displayPath(root, cwd);
  throw new UsageError(
    `${name(absolute)} leads outside the repository ${shownRoot === "." ? "(the current folder)" : `${shownRoot}/`}: ${link === absolute ? "it" : name(link)} is a symbolic link to ${realPath(link)}; pmo reads no files outside the repository and does not follow such links when it looks for files, so it does not follow this one either (name ${real} itself, or move the files into the repository)`,
  );
}

/**
 * Opens the workspace and builds the catalog of the documents that pass schema validation, for
 * analyses that can run on the rest: one warning line on stderr says how many were left out of
 * `what`. With `load.kinds`, only those kinds are loaded, checked and counted. Reference
 * integrity is `pmo validate`'s to judge: it never excluded a document here, so it is not run.
 */
export async function openValidCatalog(
  options: WorkspaceOptions & { asOf: string },
  io: CommandIO,
  what: string,
  load: Pick<LoadOptions, "kinds"> = {},
): Promise<Catalog> {
  const { workspace } = await openWorkspace(options, io.cwd, load);
  const valid = workspace.documents.filter((d) => schemaDiagnostics(d).length === 0);
  const broken = workspace.documents.length - valid.length;
  if (broken > 0) {
    const count = broken === 1 ? "1 document fails validation and is" : `${broken} documents fail validation and are`;
    io.stderr(io.palette.yellow(`warning: ${count} left out of the ${what}; run pmo validate`) + "\n");
  }
  // Imported here: the domain model (and date-fns) is not needed by validate, the other main user of this module.
  const { buildCatalog } = await import("../core/catalog/index.js");
  return buildCatalog(valid);
}

/**
 * Rewrites diagnostics' files to be relative to the current directory, so that a path printed
 * by `pmo validate examples/x` can be opened from where the command ran. The original key is
 * kept for finding the source text.
 */
export function relativeToCwd(diagnostics: readonly Diagnostic[], root: string, cwd: string): Diagnostic[] {
  if (path.resolve(root) === path.resolve(cwd)) return [...diagnostics];
  // Tens of thousands of findings name a few thousand files: each path is worked out once.
  const shownPaths = new Map<string, string>();
  // A repository inside the current folder (the usual case when it is not the current folder):
  // a plain relative file's path is the repository's path, a slash and the file's.
  const base = path.relative(cwd, root);
  const prefix =
    path.sep === "/" && base !== "" && !base.startsWith("..") && !path.isAbsolute(base) ? base + "/" : undefined;
  const shownPath = (file: string): string => {
    let shown = shownPaths.get(file);
    if (shown === undefined) {
      if (path.isAbsolute(file)) shown = file;
      else if (prefix !== undefined && file !== "" && !NOT_PLAIN.test(file)) shown = prefix + file;
      else shown = path.relative(cwd, path.join(root, file)).split(path.sep).join("/");
      shownPaths.set(file, shown);
    }
    return shown;
  };
  return diagnostics.map((d) => ({ ...d, file: shownPath(d.file), sourceKey: d.sourceKey ?? d.file }));
}

/** A path that path.join would change: an empty, `.` or `..` segment, or a trailing slash. */
const NOT_PLAIN = /(^|\/)\.{1,2}(\/|$)|\/\/|\/$/;

/**
 * Runs validation and the governance rules on an opened workspace. A config the engine cannot
 * use (an unknown rule, bad options) is a usage error whose positions are shown relative to
 * the current directory, like every other path pmo prints.
 */
export async function checkOpenedWorkspace(
  opened: { root: string; config: Config; workspace: Workspace },
  asOf: string,
  cwd: string,
  baselines?: readonly BaselineTag[],
): Promise<CheckResult> {
  // Imported here: the engine brings every rule and analysis, which validate, ls, show and new
  // (the other users of this module) never run.
  const { runCheck } = await import("../core/engine/index.js");
  try {
    return await runCheck({
      workspace: opened.workspace,
      config: opened.config,
      asOf,
      ...(baselines && { baselines }),
    });
  } catch (error) {
    if (error instanceof UsageError && error.diagnostics.length > 0) {
      const diagnostics = relativeToCwd(error.diagnostics, opened.root, cwd);
      throw new UsageError(`invalid config file ${diagnostics[0]!.file}`, diagnostics, error.sources);
    }
    throw error;
  }
}

/**
 * The baseline tags of the repository holding `root`, for the rules that judge them; none
 * outside a git repository (a folder of YAML files has no baselines).
 */
export async function baselineTagsOf(root: string): Promise<BaselineTag[]> {
  const { gitRaw, listBaselines } = await import("../core/git/index.js");
  const inside = await gitRaw(root, ["rev-parse", "--show-toplevel"]).catch(() => undefined);
  if (inside?.code !== 0) return [];
  const top = inside.stdout.toString("utf8").trim();
  return (await listBaselines({ top, prefix: "", shallow: false })).map((b) => ({
    name: b.name,
    decision: b.decision,
    annotated: b.annotated,
  }));
}
