import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../core/config/index.js";
import { discoveryFilter, GitError, gitRaw, openRepository, readBlobs, readLog } from "../core/git/index.js";
import { buildEvmHistory } from "../core/analytics/evm/index.js";
import { buildHistory } from "../core/history/index.js";
import { IGNORE_FILE } from "../core/load/index.js";
import { trendPeriod, type ReportHistory } from "../core/report/index.js";
import type { Settings } from "../core/rules/index.js";

export interface ReportGit {
  history: ReportHistory;
  /** HEAD, for the footer; null outside a git repository. */
  commit: string | null;
  /** Said on stderr: why the history could not be read, or that it is cut short. */
  warnings: string[];
}

/**
 * What the report needs from git: the commit for the footer and the history for the trends and
 * "what changed state". A folder with no `.git` in it or above it is not a repository, found
 * with a few stat calls and without starting git, so a report outside git (the benchmark's
 * 1,000 projects) pays nothing for the feature. Inside one, the history is read the way
 * `pmo history` reads it: one `git log --raw` and one `git cat-file --batch`.
 */
export async function readReportGit(
  root: string,
  options: { history: boolean; config: Config; settings: Settings; asOf: string; since?: string },
): Promise<ReportGit> {
  const none = (
    reason: Extract<ReportHistory, { kind: "none" }>["reason"],
    commit: string | null = null,
    warnings: string[] = [],
  ): ReportGit => ({ history: { kind: "none", reason }, commit, warnings });
  if (!insideGitFolder(root)) return none(options.history ? "not-a-repository" : "disabled");
  let commit: string | null;
  try {
    commit = await headCommit(root);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    // git is not installed: a report without the commit and the history is still a report.
    return options.history
      ? none("unreadable", null, [
          `warning: the report leaves out the trends and what changed state: ${error.message}\n`,
        ])
      : none("disabled");
  }
  if (!options.history) return none("disabled", commit);
  if (commit === null) return none("no-commits");
  try {
    const repo = await openRepository(root, ".", "HEAD");
    const pmoignore = await readFile(path.join(root, IGNORE_FILE), "utf8").catch(() => "");
    const include = discoveryFilter(pmoignore, options.config.ignore);
    const commits = await readLog(repo);
    if (commits.length === 0) return none("no-commits", commit);
    const oids = commits.flatMap((c) =>
      c.changes.filter((ch) => ch.oid !== null && include(ch.path)).map((ch) => ch.oid!),
    );
    const blobs = await readBlobs(repo.top, oids);
    // The trend runs from the first commit (or --since) to the as-of date, in periods that keep it readable.
    const from = options.since ?? commits[0]!.date.slice(0, 10);
    const history = await buildHistory({
      commits,
      blobs,
      include,
      root,
      config: options.config,
      asOf: options.asOf,
      until: options.asOf,
      period: trendPeriod(options.settings.reportingCadence, from, options.asOf),
      trackStage: true,
      // The trends show statuses, forecasts and on-time reports, not findings: no check per period.
      findings: false,
    });
    const warnings = repo.shallow
      ? [
          "warning: this is a shallow clone, so the report's trends start at its oldest fetched commit; run `git fetch --unshallow` for all of the history\n",
        ]
      : [];
    const evm = buildEvmHistory({
      commits: commits.filter((c) => c.date.slice(0, 10) <= options.asOf),
      blobs,
      include,
      defaultCurrency: options.settings.currency,
    });
    return {
      history: {
        kind: "git",
        history,
        firstDate: commits[0]!.date.slice(0, 10),
        ...(options.since !== undefined && { trendSince: options.since }),
        evm,
      },
      commit,
      warnings,
    };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return none("unreadable", commit, [
      `warning: the report leaves out the trends and what changed state: cannot read the git history (${error.message})\n`,
    ]);
  }
}

/** True when `dir` or a folder above it holds `.git` (a folder, or a file for a worktree or submodule). */
function insideGitFolder(dir: string): boolean {
  for (let current = path.resolve(dir); ; ) {
    if (existsSync(path.join(current, ".git"))) return true;
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

/** The commit the report was made from, for the footer; null before the first commit. Throws a GitError without git. */
async function headCommit(root: string): Promise<string | null> {
  const result = await gitRaw(root, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  const sha = result.stdout.toString("utf8").trim();
  return result.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}
