import { git } from "./exec.js";
import type { Repository } from "./refs.js";

/** One commit of the history of the pmo folder, with the blobs it changed. */
export interface LogCommit {
  commit: string;
  /** Committer date as ISO 8601 with the committer's offset, e.g. 2026-11-30T17:00:00+00:00. */
  date: string;
  author: string;
  /** Paths relative to the pmo folder; `oid` null for a deleted file. */
  changes: { path: string; oid: string | null }[];
}

const ZERO = /^0+$/;

/**
 * The first-parent history of the pmo folder, oldest first, from ONE `git log --raw -z`: each
 * commit with the blob ids of the files it changed, so that a caller can keep a path -> blob
 * map and read each distinct blob once. Merges show their changes against the first parent,
 * which is what the main line saw.
 */
export async function readLog(repo: Repository, ref = "HEAD"): Promise<LogCommit[]> {
  const args = [
    "log",
    "--first-parent",
    "--reverse",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--format=%x01%H%x00%cI%x00%an%x00",
    ref,
  ];
  if (repo.prefix) args.push("--", `${repo.prefix}/`);
  const out = (await git(repo.top, args)).toString("utf8");
  const strip = repo.prefix ? repo.prefix.length + 1 : 0;
  const commits: LogCommit[] = [];
  for (const chunk of out.split("\x01")) {
    if (!chunk) continue;
    const tokens = chunk.split("\0");
    const [commit, date, author] = tokens as [string, string, string];
    const changes: LogCommit["changes"] = [];
    for (let i = 3; i < tokens.length; i++) {
      const token = tokens[i]!.replace(/^\n+/, "");
      if (!token.startsWith(":")) continue;
      const [, , , newOid, status] = token.slice(1).split(" ") as [string, string, string, string, string];
      const path = tokens[++i]!.slice(strip);
      changes.push({ path, oid: status.startsWith("D") || ZERO.test(newOid) ? null : newOid });
    }
    commits.push({ commit, date, author, changes });
  }
  return commits;
}
