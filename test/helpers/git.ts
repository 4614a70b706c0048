import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeRepo } from "./repo.js";

/**
 * Real temporary git repositories for tests: `git init` in the system's temporary folder, a
 * local identity, and commits with fixed dates so that history output is reproducible.
 */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).replace(
    /\n$/,
    "",
  );
}

export function makeGitRepo(files: Record<string, string | Buffer> = {}): string {
  const dir = makeRepo(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Test User");
  git(dir, "config", "user.email", "test@example.com");
  git(dir, "config", "commit.gpgsign", "false");
  return dir;
}

/** Writes (or, with null, deletes) files relative to the repository. */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    if (content === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}

/** Commits everything in the working tree; `date` is an ISO date-time used for author and committer. */
export function commitAll(
  dir: string,
  message: string,
  date = "2026-11-02T09:00:00Z",
  author = "Test User <test@example.com>",
): string {
  git(dir, "add", "-A");
  execFileSync("git", ["commit", "-q", "--allow-empty", "-m", message, `--author=${author}`], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: "ignore",
  });
  return git(dir, "rev-parse", "HEAD");
}

/** Copies a folder (e.g. examples/meridian-water) into the repository at `to`. */
export function copyInto(dir: string, from: string, to = "."): void {
  cpSync(from, path.join(dir, to), { recursive: true });
}
