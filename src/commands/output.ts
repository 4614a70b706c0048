import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { failureAt } from "../core/errors.js";

/**
 * Writes a file so that readers never see it half-written: to a temporary file in the same
 * folder, then renamed over the target. An error leaves the old file (or no file) in place.
 */
export function writeFileAtomic(target: string, content: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw failureAt(error, target, temp);
  }
}
