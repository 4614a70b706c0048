import path from "node:path";
import { loadConfig, type Config } from "../core/config/index.js";
import { UsageError } from "../core/errors.js";
import { loadWorkspaceAtRevision, openRepository, resolveRevision } from "../core/git/index.js";
import { isDirectory, loadWorkspace, type LoadOptions } from "../core/load/index.js";
import type { Workspace } from "../model/document.js";
import { displayPath, openWorkspace } from "./workspace.js";

/** One side of a comparison: the working tree, another folder, or the pmo folder at a git revision. */
export interface Side {
  /** How to name the side: `working tree`, a folder, or the ref as written (`main...HEAD`). */
  label: string;
  /** The commit, for a git revision. */
  commit?: string;
  root: string;
  config: Config;
  workspace: Workspace;
}

export interface SideOptions {
  /** The pmo folder (already resolved against -C). */
  dir: string;
  /** --config FILE: used for both sides when given, instead of each side's own config. */
  config?: string;
}

/**
 * Opens `spec` as a side: no spec means the working tree of `dir`; an existing folder (relative
 * to `dir`, as git takes paths after -C) is loaded as a folder; anything else is a git
 * revision of the repository holding `dir`, read without a checkout. `config`, when given, is
 * used instead of the side's own config (`pmo check --new-since` judges the baseline by today's).
 * `load.kinds` loads only the documents of those kinds, wherever the side is read from.
 */
export async function openSide(
  spec: string | undefined,
  options: SideOptions,
  cwd: string,
  config?: Config,
  load: Pick<LoadOptions, "kinds"> = {},
): Promise<Side> {
  if (spec === undefined) {
    const { root, config, workspace } = await openWorkspace(options, cwd, load);
    return { label: "working tree", root, config, workspace };
  }
  const folder = path.resolve(options.dir, spec);
  if (!spec.includes("...") && (await isDirectory(folder))) {
    if (config)
      return {
        label: displayPath(folder, cwd),
        root: folder,
        config,
        workspace: await loadWorkspace(folder, { ignore: config.ignore, ...load }),
      };
    const opened = await openWorkspace({ dir: folder, config: options.config }, cwd, load);
    return { label: displayPath(folder, cwd), ...opened };
  }
  const root = path.resolve(options.dir);
  const shown = displayPath(root, cwd);
  if (!(await isDirectory(root))) {
    throw new UsageError(
      `no such folder: ${shown} (pass the folder that holds the pmo repository, or run pmo inside it)`,
    );
  }
  const repo = await openRepository(root, shown, spec);
  const revision = await resolveRevision(repo, spec);
  const explicit = config ?? (options.config !== undefined ? await loadConfig(root, options.config) : undefined);
  const loaded = await loadWorkspaceAtRevision(repo, revision, root, explicit, load);
  return { label: spec, commit: revision.commit, root, config: loaded.config, workspace: loaded.workspace };
}
