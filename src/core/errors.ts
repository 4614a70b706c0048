import type { Diagnostic } from "../model/diagnostic.js";

/**
 * A problem with how pmo was called or configured: a missing folder, a bad flag value, an
 * invalid config file. The CLI prints it without a stack trace and exits with 2.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** Diagnostics with positions, when the problem is in a file (e.g. the config). */
    readonly diagnostics: readonly Diagnostic[] = [],
    /** Source text of the files the diagnostics point into, for code frames. */
    readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
    super(message);
  }
}

/** Failures of the machine rather than of pmo or its input, by Node's error code. */
const ENVIRONMENT_FAILURES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
  ENAMETOOLONG: "the path is too long",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "a folder is in the way",
  EEXIST: "a file is in the way",
  ENOTEMPTY: "the folder is not empty",
  EBUSY: "the file is busy",
  ENOENT: "no such file or folder",
};

/**
 * The plain description of a file-system failure (permission denied, disk full, read-only
 * file system...) with the path it concerns, or undefined for any other error. The CLI prints
 * it and exits with 2: such a failure is the environment's, not a bug in pmo.
 */
export function describeEnvironmentFailure(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== "object" || typeof e.code !== "string") return undefined;
  const what = ENVIRONMENT_FAILURES[e.code];
  if (what === undefined) return undefined;
  const dest = (e as { dest?: string }).dest;
  const target = dest ? `${e.path} -> ${dest}` : e.path;
  return `${target ?? "a file operation failed"}: ${what} (${e.code}${e.syscall ? `, ${e.syscall}` : ""})`;
}

/**
 * Names `file` in a file-system error that names no path, or only a temporary file pmo writes
 * on the way to `file`: a write that fails for want of space (ENOSPC, syscall write) carries
 * no path, and "no space left on the device" must say where. Other errors pass unchanged.
 */
export function failureAt(error: unknown, file: string, temporary?: string): unknown {
  const e = error as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (!e || typeof e !== "object" || typeof e.code !== "string") return error;
  if (e.path === undefined || (temporary !== undefined && e.path === temporary)) {
    e.path = file;
    delete e.dest;
  }
  return error;
}
