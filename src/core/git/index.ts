/**
 * Reading pmo repositories from git: workspaces at any revision without a checkout, and the
 * history of the files (for `pmo diff`, `pmo check --new-since` and `pmo history`). This is the
 * one core folder that runs an executable (git), as src/core/load is the one that reads files.
 */
export { GitError, git, gitRaw, gitText, readBlobs, streamBlobs, type BlobSource } from "./exec.js";
export { openRepository, resolveRevision, shortCommit, SHALLOW_HINT, type Repository, type Revision } from "./refs.js";
export {
  discoverInTree,
  discoveryFilter,
  listTree,
  loadWorkspaceAtRevision,
  type RevisionWorkspace,
  type TreeEntry,
} from "./tree.js";
export { readLog, type LogCommit } from "./log.js";
export {
  BASELINE_TAG_PREFIX,
  baselineMessage,
  baselineRevision,
  createBaselineTag,
  findBaseline,
  isBaselineName,
  listBaselines,
  type Baseline,
} from "./baselines.js";
