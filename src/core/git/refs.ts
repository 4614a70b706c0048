import { UsageError } from "../errors.js";
import { gitRaw, gitText } from "./exec.js";

/** A git repository as pmo sees it: its top folder and where the pmo folder sits inside it. */
export interface Repository {
  /** Absolute path of the working tree's top folder. */
  top: string;
  /** The pmo folder relative to `top`, with forward slashes and no trailing slash ("" at the top). */
  prefix: string;
  /** True in a shallow clone, where older commits may be missing. */
  shallow: boolean;
}

/** A revision resolved to a commit, with the words to name it in messages and output. */
export interface Revision {
  commit: string;
  /** What the user wrote: `main`, `v1.2`, `main...HEAD`. */
  label: string;
}

export const SHALLOW_HINT =
  "this is a shallow clone, so older commits are missing: fetch the history with `git fetch --unshallow` " +
  "(in GitHub Actions, set `fetch-depth: 0` on actions/checkout; in GitLab CI, set GIT_DEPTH: 0)";

/**
 * Finds the repository that holds `dir`. `shown` is how to name the folder in the error when
 * it is not inside a repository.
 */
export async function openRepository(dir: string, shown: string, ref: string): Promise<Repository> {
  const result = await gitRaw(dir, ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"]);
  if (result.code !== 0) {
    throw new UsageError(
      `cannot read git ref "${ref}": ${shown} is not inside a git repository (pass a folder to compare instead, or run pmo inside a clone)`,
    );
  }
  const [top = "", prefix = "", shallow = "false"] = result.stdout.toString("utf8").split("\n");
  return { top, prefix: prefix.replace(/\/$/, ""), shallow: shallow.trim() === "true" };
}

/**
 * Resolves a branch, tag, commit or any git revision to a commit; `A...B` means the merge base
 * of A and B (what a pull request from B into A changes), as in `git diff A...B`.
 */
export async function resolveRevision(repo: Repository, spec: string): Promise<Revision> {
  const triple = spec.indexOf("...");
  if (triple >= 0) {
    const left = spec.slice(0, triple) || "HEAD";
    const right = spec.slice(triple + 3) || "HEAD";
    const a = await commitOf(repo, left, spec);
    const b = await commitOf(repo, right, spec);
    const result = await gitRaw(repo.top, ["merge-base", a, b]);
    if (result.code !== 0) {
      const why = repo.shallow ? SHALLOW_HINT : "the two histories share no commit";
      throw new UsageError(`cannot find the merge base of "${left}" and "${right}" (in "${spec}"): ${why}`);
    }
    return { commit: result.stdout.toString("utf8").trim(), label: spec };
  }
  return { commit: await commitOf(repo, spec, spec), label: spec };
}

async function commitOf(repo: Repository, ref: string, spec: string): Promise<string> {
  if (ref.startsWith("-")) throw new UsageError(`"${ref}" is not a git ref`);
  const result = await gitRaw(repo.top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (result.code === 0) return result.stdout.toString("utf8").trim();
  const within = ref === spec ? "" : ` (in "${spec}")`;
  const why = repo.shallow
    ? SHALLOW_HINT
    : "no branch, tag or commit has that name; run `git fetch` if it exists on the remote";
  throw new UsageError(`unknown git ref "${ref}"${within}: ${why}`);
}

/** The short form of a commit id for people to read. */
export async function shortCommit(repo: Repository, commit: string): Promise<string> {
  return gitText(repo.top, ["rev-parse", "--short", commit]);
}
