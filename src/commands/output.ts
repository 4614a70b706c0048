import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { failureAt } from "../core/errors.js";

/**
 * Writes a file so that readers never see it half-written: to a temporary file in the same
 * folder, then renamed over the target. An error leaves the old file (or no file) in place.
 * The content may come in pieces (a formatter's, written one after the other).
 */
export function writeFileAtomic(target: string, content: string | Iterable<string>): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (typeof content === "string") writeFileSync(temp, content);
    else {
      const fd = openSync(temp, "w");
      try {
        for (const piece of content) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw failureAt(error, target, temp);
  }
}
