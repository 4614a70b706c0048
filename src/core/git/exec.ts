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
    child.on("error", (error: NodeJS.ErrnoException) => reject(spawnFailure(error, args)));
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
  if (result.code !== 0) throw exitFailure(args, result.stderr, result.code);
  return result.stdout;
}

/** A failure to start git: git missing from the PATH is a GitError that says so. */
function spawnFailure(error: NodeJS.ErrnoException, args: readonly string[]): Error {
  return error.code === "ENOENT" ? new GitError("git is not installed or not on the PATH", args, "", null) : error;
}

/** A non-zero exit of `git <args>`: a GitError with git's last line of complaint. */
function exitFailure(args: readonly string[], stderr: string, code: number | null): GitError {
  const message = stderr.trim().split("\n").filter(Boolean).pop() ?? `git ${args[0]} failed`;
  return new GitError(message.replace(/^(fatal|error): /, ""), args, stderr, code);
}

/** Text output of a git command, without the trailing newline. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString("utf8").replace(/\n$/, "");
}

/**
 * Reads many objects with ONE `git cat-file --batch` process (streamBlobs, collected into a
 * map). Missing objects are left out of the map.
 */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const source = streamBlobs(cwd, unique);
  const blobs = new Map<string, Buffer>();
  for (const oid of unique) {
    const bytes = await source.get(oid);
    if (bytes !== undefined) blobs.set(oid, bytes);
  }
  return blobs;
}

/** Blobs by id, as the history builder reads them: a map read in full, or a stream still arriving. */
export interface BlobSource {
  get(oid: string): Uint8Array | undefined | PromiseLike<Uint8Array | undefined>;
}

/**
 * Streams many objects from ONE `git cat-file --batch` process, for a caller that works through
 * them in the order asked (history replays commits oldest first): each blob can be used as soon
 * as git has sent it, while git inflates the next ones, instead of after the whole batch. `oids`
 * may repeat an id: the bytes are kept until they have been asked for as many times as the id
 * appears, then dropped, so the blobs of a long history are not all held at once. An id that
 * was not asked for, or that git reports missing, reads as undefined. A failure of git rejects
 * every blob not yet received with a GitError.
 */
export function streamBlobs(
  cwd: string,
  oids: readonly string[],
): { get(oid: string): Buffer | undefined | PromiseLike<Buffer | undefined> } {
  const uses = new Map<string, number>();
  for (const oid of oids) uses.set(oid, (uses.get(oid) ?? 0) + 1);
  const arrived = new Map<string, Buffer | undefined>();
  const waiting = new Map<string, { resolve: (b: Buffer | undefined) => void; reject: (e: unknown) => void }[]>();
  let failure: unknown;
  let done = uses.size === 0;

  const settle = (oid: string, bytes: Buffer | undefined) => {
    const waiters = waiting.get(oid);
    if (waiters === undefined) {
      arrived.set(oid, bytes);
      return;
    }
    waiting.delete(oid);
    arrived.set(oid, bytes);
    for (const w of waiters) w.resolve(take(oid));
  };
  /** The bytes of an arrived blob, dropped after their last use. */
  const take = (oid: string): Buffer | undefined => {
    const bytes = arrived.get(oid);
    const left = (uses.get(oid) ?? 1) - 1;
    if (left <= 0) {
      uses.delete(oid);
      arrived.delete(oid);
    } else uses.set(oid, left);
    return bytes;
  };
  const finish = (error?: unknown) => {
    done = true;
    failure = error;
    for (const [, waiters] of waiting) for (const w of waiters) error ? w.reject(error) : w.resolve(undefined);
    waiting.clear();
  };

  if (!done) {
    const args = ["cat-file", "--batch", "--buffer"];
    const child = spawn("git", ["--no-optional-locks", ...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const err: Buffer[] = [];
    // The object being received: its id and bytes, and how many of them have come.
    let pending: Buffer = Buffer.alloc(0);
    let current: { oid: string; bytes: Buffer; filled: number } | undefined;
    // The line feed that ends an object's bytes is still to come (in the next chunk).
    let lineFeed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      let pos = 0;
      while (pos < chunk.length) {
        if (current) {
          const n = Math.min(current.bytes.length - current.filled, chunk.length - pos);
          chunk.copy(current.bytes, current.filled, pos, pos + n);
          current.filled += n;
          pos += n;
          if (current.filled < current.bytes.length) return;
          settle(current.oid, current.bytes);
          current = undefined;
          lineFeed = true;
          continue;
        }
        if (lineFeed) {
          lineFeed = false;
          pos++;
          continue;
        }
        const eol = chunk.indexOf(0x0a, pos);
        if (eol < 0) {
          pending = Buffer.concat([pending, chunk.subarray(pos)]);
          return;
        }
        const header = Buffer.concat([pending, chunk.subarray(pos, eol)]).toString("utf8");
        pending = Buffer.alloc(0);
        pos = eol + 1;
        const [oid = "", type, size] = header.split(" ");
        if (type === "missing" || size === undefined) {
          settle(oid, undefined);
          continue;
        }
        current = { oid, bytes: Buffer.allocUnsafe(Number(size)), filled: 0 };
        if (current.bytes.length === 0) {
          settle(oid, current.bytes);
          current = undefined;
          lineFeed = true;
        }
      }
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => finish(spawnFailure(error, args)));
    child.on("close", (code) =>
      finish(code === 0 ? undefined : exitFailure(args, Buffer.concat(err).toString("utf8"), code)),
    );
    child.stdin.on("error", () => undefined); // git may exit before reading all of stdin
    child.stdin.end([...uses.keys()].join("\n") + "\n");
  }

  return {
    get(oid) {
      if (arrived.has(oid)) return take(oid);
      if (!uses.has(oid)) return undefined;
      if (done) return failure ? Promise.reject(failure) : undefined;
      return new Promise((resolve, reject) => {
        const waiters = waiting.get(oid) ?? [];
        waiters.push({ resolve, reject });
        waiting.set(oid, waiters);
      });
    },
  };
}
