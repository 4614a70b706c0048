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
