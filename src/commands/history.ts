import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../core/config/index.js";
import { UsageError } from "../core/errors.js";
import { PLAIN } from "../core/format/index.js";
import { discoveryFilter, GitError, openRepository, readLog, streamBlobs } from "../core/git/index.js";
import {
  buildHistory,
  formatHistoryJson,
  formatHistoryMarkdown,
  formatHistoryTable,
  type PeriodKind,
} from "../core/history/index.js";
import { IGNORE_FILE, isDirectory } from "../core/load/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath } from "./workspace.js";

export const HISTORY_FORMATS = ["table", "markdown", "json"] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export interface HistoryCommandOptions {
  dir: string;
  since?: string;
  until?: string;
  period: PeriodKind;
  format: HistoryFormat;
  asOf: string;
  config?: string;
  output?: string;
  /** The findings KPI: a full check of each period's last commit (default true). */
  findings?: boolean;
}

/**
 * `pmo history`: status over time from git alone. One `git log --raw` gives every blob that
 * changed; one `git cat-file --batch` streams them all, each parsed once as it arrives.
 */
export async function runHistory(options: HistoryCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (options.since && options.until && options.since > options.until)
    throw new UsageError(`--since ${options.since} is after --until ${options.until}`);
  const root = path.resolve(options.dir);
  const shown = displayPath(root, io.cwd);
  if (!(await isDirectory(root)))
    throw new UsageError(
      `no such folder: ${shown} (pass the folder that holds the pmo repository, or run pmo inside it)`,
    );
  const repo = await openRepository(root, shown, "HEAD").catch(() => {
    throw new UsageError(`pmo history reads the git history, but ${shown} is not inside a git repository`);
  });
  const config = await loadConfig(root, options.config);
  const pmoignore = await readFile(path.join(root, IGNORE_FILE), "utf8").catch(() => "");
  const include = discoveryFilter(pmoignore, config.ignore);
  let commits;
  try {
    commits = await readLog(repo);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`cannot read the git history of ${shown}: ${error.message}`);
    throw error;
  }
  const oids = commits.flatMap((c) =>
    c.changes.filter((ch) => ch.oid !== null && include(ch.path)).map((ch) => ch.oid!),
  );
  // The blobs stream in while the history is built: parsing one overlaps git inflating the next.
  const blobs = streamBlobs(repo.top, oids);
  let history;
  try {
    history = await buildHistory({
      commits,
      blobs,
      include,
      root,
      config,
      asOf: options.asOf,
      period: options.period,
      since: options.since,
      until: options.until,
      findings: options.findings !== false,
    });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`cannot read the git history of ${shown}: ${error.message}`);
    throw error;
  }
  if (repo.shallow)
    io.stderr(
      `warning: this is a shallow clone, so the history starts at its oldest fetched commit; run \`git fetch --unshallow\` for all of it\n`,
    );

  const text =
    options.format === "json"
      ? formatHistoryJson(history)
      : options.format === "markdown"
        ? formatHistoryMarkdown(history)
        : formatHistoryTable(history, options.output ? PLAIN : io.palette);
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return ExitCode.Clean;
}
