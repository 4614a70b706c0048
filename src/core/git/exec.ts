import { spawn } from "node:child_process";

/**
 * The one place pmo runs the git executable. Reading a workspace at a ref is I/O like reading
 * a folder, so it lives in core next to the loader; nothing else in core spawns processes.
 * Output is collected as bytes: blobs are decoded by the loader's own rules, not here.
 */
export class GitError extends Error {
  override readonly name = "GitError";
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/** Runs `git <args>` in `cwd`, feeding `input` on stdin; never throws for a non-zero exit. */
export function gitRaw(cwd: string, args: readonly string[], input?: string | Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    // --no-optional-locks keeps read-only commands from refreshing the index of a repository
    // someone is working in: pmo never writes to the repository or its working tree.
    const child = spawn("git", ["--no-optional-locks", ...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new GitError("git is not installed or not on the PATH", args, "", null) : error);
    });
    child.on("close", (code) =>
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code }),
    );
    child.stdin.on("error", () => undefined); // git may exit before reading all of stdin
    child.stdin.end(input ?? "");
  });
}

/** Runs `git <args>` and returns its stdout; a non-zero exit becomes a GitError with git's message. */
export async function git(cwd: string, args: readonly string[], input?: string | Buffer): Promise<Buffer> {
  const result = await gitRaw(cwd, args, input);
  if (result.code !== 0) {
    const message = result.stderr.trim().split("\n").filter(Boolean).pop() ?? `git ${args[0]} failed`;
    throw new GitError(message.replace(/^(fatal|error): /, ""), args, result.stderr, result.code);
  }
  return result.stdout;
}

/** Text output of a git command, without the trailing newline. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString("utf8").replace(/\n$/, "");
}

/**
 * Reads many objects with ONE `git cat-file --batch` process: object ids go in on stdin, and
 * each comes back as `<oid> <type> <size>\n<bytes>\n`. Missing objects are left out of the map.
 */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const out = await git(cwd, ["cat-file", "--batch"], unique.join("\n") + "\n");
  let pos = 0;
  while (pos < out.length) {
    const eol = out.indexOf(0x0a, pos);
    if (eol < 0) break;
    const header = out.subarray(pos, eol).toString("utf8");
    pos = eol + 1;
    const [oid, type, size] = header.split(" ");
    if (type === "missing" || size === undefined) continue;
    const length = Number(size);
    blobs.set(oid!, out.subarray(pos, pos + length));
    pos += length + 1;
  }
  return blobs;
}
