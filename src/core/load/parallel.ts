import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Kind } from "../../model/document.js";
import { readOneFile, type FileRead } from "./read-files.js";

/** Below this many files a thread costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 2000;
/** Files a loader thread posts at once. */
const BATCH = 500;
/** The compiled thread script; absent when pmo runs from its TypeScript sources (the tests). */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/**
 * Loader threads for a repository of `fileCount` files: one per core beyond the first (at
 * most three), none for a small repository or a machine with one core. The decision rests on
 * the cores the process may use, not on how busy they are now: the load average counts the
 * run that asks (a benchmark, a CI job, commands in a row), so deciding on it kept threads from
 * ever starting where they help, and the operating system shares busy cores anyway.
 */
export function defaultWorkers(fileCount: number, cores: number = availableParallelism()): number {
  if (fileCount < PARALLEL_MIN_FILES || cores < 2) return 0;
  return Math.min(cores - 1, 3);
}

/**
 * Reads and parses files, returning their results in the order given. Parsing is CPU-bound
 * and files are independent, so with `workers` > 0 the first shares go to loader threads
 * (src/core/load/worker.ts, which runs the same readOneFile) while this thread reads the last
 * share; results come back by structured clone, several times cheaper than parsing. A thread
 * that cannot start or fails leaves what it did not read to this thread: the result is the
 * same either way, only the time differs.
 */
export async function readFiles(
  root: string,
  files: readonly string[],
  workers: number,
  kinds?: readonly Kind[],
): Promise<FileRead[]> {
  if (workers <= 0 || files.length < 2 || !existsSync(WORKER_FILE))
    return files.map((file) => readOneFile(root, file, kinds));
  const share = Math.ceil(files.length / (workers + 1));
  const pending: Promise<FileRead[]>[] = [];
  for (let i = 0; i < workers; i++) pending.push(inThread(root, files.slice(i * share, (i + 1) * share), kinds));
  const own = files.slice(workers * share).map((file) => readOneFile(root, file, kinds));
  const theirs = await Promise.all(pending);
  return [...theirs.flat(), ...own];
}

function inThread(root: string, files: readonly string[], kinds?: readonly Kind[]): Promise<FileRead[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const results: FileRead[] = [];
    let worker: Worker;
    try {
      worker = new Worker(WORKER_FILE, { workerData: { root, files, batch: BATCH, ...(kinds && { kinds }) } });
    } catch {
      resolve(files.map((file) => readOneFile(root, file, kinds)));
      return;
    }
    worker.on("message", (batch: FileRead[]) => {
      for (const r of batch) results.push(r);
    });
    // An error is followed by exit; what the thread did not deliver is read here.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      for (let i = results.length; i < files.length; i++) results.push(readOneFile(root, files[i]!, kinds));
      resolve(results);
    });
  });
}
