import { randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { failureAt, UsageError } from "../core/errors.js";

/** Lists the files pmo wrote into a report folder, so that a re-run may replace them and only them. */
export const MANIFEST = ".pmo-report.json";

export interface OutputFile {
  path: string;
  /** Text (pages, charts) or bytes (a PDF). */
  content: string | Uint8Array;
}

const STAGING = "pmo-staging";
const PREVIOUS = "pmo-previous";

/**
 * Writes a report into `outDir` as one unit. The pages are written, as they are rendered, into
 * a staging folder beside `outDir` (`.<name>.pmo-staging-<random>`); when all of them are
 * written the staging folder is swapped in by two renames (the old report moves aside, the new
 * one takes its name) and the old one is deleted. An interrupted run leaves the old report or
 * the new one under `outDir`, never a mix, and the next run finishes or undoes the swap and
 * removes what is left over. `outDir` may be a symbolic link to a folder: the folder it points
 * to is replaced, the link stays.
 *
 * Files the folder holds that pmo did not write (not in its manifest) are never lost: without
 * `force` the report is refused; with it they are kept, except those the report replaces.
 * Symbolic links inside the folder are not followed: they are kept as links.
 *
 * Each file is written as soon as it is rendered, so that only a few pages are held in
 * memory. A page is one synchronous call into Node (open, write and close in C++), where an
 * asynchronous write costs three trips through the thread pool and their promises, about
 * three times the processor time for the few kilobytes of a page. Past the first
 * THREAD_AFTER pages, on a machine with a second core, the calls are made by a writing
 * thread (report-writer.ts) while the main thread renders the next pages.
 */
export async function writeReport(
  outDir: string,
  files: Iterable<OutputFile>,
  options: { force: boolean; shownOut: string; generator: Record<string, unknown> },
): Promise<{ written: number; removed: number; first: string | undefined }> {
  const target = resolveOut(outDir, options.shownOut);
  recoverLeftovers(target);
  const exists = statOf(target) === "dir";
  const previous = exists ? readManifest(target) : new Set<string>();
  const foreignManifest = exists && previous === undefined && statOf(path.join(target, MANIFEST)) !== "none";
  const owned = previous ?? new Set<string>();
  const existingDirs = new Set<string>();
  const existing = exists ? listFiles(target, existingDirs) : [];
  const foreign = existing.filter((f) => !owned.has(f) && f !== MANIFEST);

  const stage = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${STAGING}-${randomBytes(6).toString("hex")}`,
  );
  const conflicts: string[] = [];
  if (foreignManifest) conflicts.push(MANIFEST);
  const written: string[] = [];
  // Folders already made in the staging folder (the stage itself first).
  const made = new Set<string>([stage]);
  const writer = pageWriter((index, error, file) => failureAt(error, path.join(outDir, written[index]!), file));
  try {
    mkdirSync(stage, { recursive: true });
    const foreignSet = new Set(foreign);
    for (const f of files) {
      const relative = f.path;
      if (existingDirs.has(relative))
        throw new UsageError(`cannot write ${options.shownOut}/${relative}: a folder of that name is in the way`);
      // A file of pmo's own name, or a link or file where the page's folder should be (a link
      // is never followed out of the report): not pmo's to replace without --force.
      const blocking = [...ancestors(relative), relative].find((p) => foreignSet.has(p));
      if (blocking !== undefined && !conflicts.includes(blocking)) conflicts.push(blocking);
      written.push(relative);
      // Once a conflict is known nothing will be swapped in, so rendering goes on only to list them all.
      if (conflicts.length === 0 || options.force) {
        const file = path.join(stage, relative);
        const folder = path.dirname(file);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writer.write(written.length - 1, file, f.content);
      }
    }
    writer.finish();
    if (conflicts.length > 0 && !options.force) {
      const shown = conflicts
        .slice(0, 5)
        .map((c) => `${options.shownOut}/${c}`)
        .join(", ");
      const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : "";
      throw new UsageError(
        `--out-dir ${options.shownOut} holds files pmo did not write: ${shown}${more}; choose an empty folder, or pass --force to overwrite them`,
      );
    }
    // Files that are not pmo's (and that the report does not replace) come along, copied, so
    // that they are still there if the run stops before the swap.
    const now = new Set(written);
    const folders = new Set(written.flatMap(ancestors));
    for (const f of foreign) {
      if (now.has(f) || folders.has(f)) continue;
      const to = path.join(stage, f);
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(path.join(target, f), to, { verbatimSymlinks: true, preserveTimestamps: true });
    }
    // The manifest goes last: a staging folder with a manifest is a complete report.
    try {
      writeFileSync(
        path.join(stage, MANIFEST),
        `${JSON.stringify({ ...options.generator, files: written }, null, 2)}\n`,
      );
    } catch (error) {
      throw failureAt(error, path.join(outDir, MANIFEST), path.join(stage, MANIFEST));
    }
  } catch (error) {
    // No write may still be under way when the staging folder goes.
    writer.abort();
    rmSync(stage, { recursive: true, force: true });
    throw error;
  }

  if (exists) {
    const aside = stage.replace(`.${STAGING}-`, `.${PREVIOUS}-`);
    renameSync(target, aside);
    renameSync(stage, target);
    rmSync(aside, { recursive: true, force: true });
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(stage, target);
  }
  const now = new Set([...written, MANIFEST]);
  const present = new Set(existing);
  const removed = [...owned].filter((f) => !now.has(f) && present.has(f)).length;
  return { written: written.length, removed, first: written[0] };
}

/** Pages written on the main thread before a writing thread takes over: a small report needs none. */
export const THREAD_AFTER = 64;
/** Pages posted to the writing thread and not yet written, at most: the rest wait in the render. */
const IN_FLIGHT = 32;
/** The compiled writing thread; absent when pmo runs from its TypeScript sources (the tests). */
const WRITER_FILE = fileURLToPath(new URL("./report-writer.js", import.meta.url));

/** The slots of the state shared with the writing thread: pages posted, written (or skipped), whether one failed, whether no more come. */
export const WriterState = { posted: 0, done: 1, failed: 2, closed: 3, slots: 4 } as const;

/** What the writing thread is started with. */
export interface WriterStart {
  port: MessagePort;
  state: SharedArrayBuffer;
}

/** One page for the writing thread: its index among the report's files, where, and what. */
export interface WriterJob {
  index: number;
  file: string;
  content: string | Uint8Array;
}

/** The first write that failed, as the writing thread reports it (an errno error's fields). */
export interface WriterFailure {
  index: number;
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

interface PageWriter {
  /** Writes (or has written) page `index` to `file`; throws a failure already known. */
  write(index: number, file: string, content: string | Uint8Array): void;
  /** Waits for every page; throws the first failure. */
  finish(): void;
  /** Waits for the writes under way, and stops. */
  abort(): void;
}

/**
 * Writes pages on the main thread, and past THREAD_AFTER pages through a writing thread
 * when there is one to start. `failure` names a failed write as the page of --out-dir it
 * was to be, not the staging folder's copy.
 */
function pageWriter(failure: (index: number, error: unknown, file: string) => unknown): PageWriter {
  let thread: { worker: Worker; port: MessagePort; state: Int32Array; files: string[] } | undefined;
  const canThread = availableParallelism() > 1 && existsSync(WRITER_FILE);
  const settle = (): void => {
    if (!thread) return;
    const { state } = thread;
    Atomics.store(state, WriterState.closed, 1);
    Atomics.notify(state, WriterState.posted);
    waitFor(state, () => Atomics.load(state, WriterState.posted));
    void thread.worker.terminate();
  };
  const rethrow = (): void => {
    if (!thread || Atomics.load(thread.state, WriterState.failed) === 0) return;
    // The thread posts its failure before it raises the flag.
    const reported = receiveMessageOnPort(thread.port)?.message as WriterFailure | undefined;
    if (!reported) return;
    const { index, message, ...fields } = reported;
    throw failure(index, Object.assign(new Error(message), fields), thread.files[index] ?? "");
  };
  return {
    write(index, file, content) {
      if (!thread && canThread && index >= THREAD_AFTER) {
        const channel = new MessageChannel();
        const shared = new SharedArrayBuffer(WriterState.slots * Int32Array.BYTES_PER_ELEMENT);
        const worker = new Worker(WRITER_FILE, {
          workerData: { port: channel.port2, state: shared } satisfies WriterStart,
          transferList: [channel.port2],
        });
        worker.unref();
        thread = { worker, port: channel.port1, state: new Int32Array(shared), files: [] };
      }
      if (!thread) {
        try {
          writeFileSync(file, content);
        } catch (error) {
          throw failure(index, error, file);
        }
        return;
      }
      const { state, port, files } = thread;
      rethrow();
      files[index] = file;
      port.postMessage({ index, file, content } satisfies WriterJob);
      const posted = Atomics.add(state, WriterState.posted, 1) + 1;
      Atomics.notify(state, WriterState.posted);
      waitFor(state, () => posted - IN_FLIGHT);
    },
    finish() {
      settle();
      rethrow();
    },
    abort() {
      settle();
    },
  };
}

/** Blocks until the writing thread has written (or skipped) `target()` pages. */
function waitFor(state: Int32Array, target: () => number): void {
  for (;;) {
    const done = Atomics.load(state, WriterState.done);
    if (done >= target()) return;
    Atomics.wait(state, WriterState.done, done, 1000);
  }
}

/** The folder to replace: `outDir` itself, or the folder a symbolic link `outDir` points to. */
function resolveOut(outDir: string, shownOut: string): string {
  let info;
  try {
    info = lstatSync(outDir);
  } catch {
    return outDir;
  }
  if (info.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(outDir);
    } catch {
      throw new UsageError(`--out-dir ${shownOut} is a symbolic link to nothing; pass a folder`);
    }
    if (!statSync(real).isDirectory()) throw new UsageError(`--out-dir ${shownOut} is a link to a file; pass a folder`);
    return real;
  }
  if (!info.isDirectory()) throw new UsageError(`--out-dir ${shownOut} is a file; pass a folder`);
  return outDir;
}

/**
 * Finishes or undoes the swap of a run that was stopped: with the report folder missing, a
 * complete staging folder (it has its manifest) or else the previous report takes its place.
 * Then every leftover staging and previous folder of this report is removed.
 */
function recoverLeftovers(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const leftovers = names
    .filter(
      (n) => n.startsWith(prefix) && new RegExp(`^(${STAGING}|${PREVIOUS})-[0-9a-f]{12}$`).test(n.slice(prefix.length)),
    )
    .map((n) => path.join(dir, n));
  if (leftovers.length === 0) return;
  if (statOf(target) === "none") {
    const complete = leftovers.find((l) => l.includes(`.${STAGING}-`) && statOf(path.join(l, MANIFEST)) === "file");
    const previous = leftovers.find((l) => l.includes(`.${PREVIOUS}-`));
    const restore = complete ?? previous;
    if (restore) renameSync(restore, target);
  }
  for (const l of leftovers) rmSync(l, { recursive: true, force: true });
}

/** `a/b/c.html` -> `a`, `a/b`. */
function ancestors(relative: string): string[] {
  const parts = relative.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * Every file and link under `dir`, relative, with forward slashes; links are not followed.
 * The folders under it go into `folders`, so that a page's path is known to be a folder in
 * the way without one more stat per page.
 */
function listFiles(dir: string, folders: Set<string>, rel = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const relative = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      folders.add(relative);
      out.push(...listFiles(dir, folders, relative));
    } else out.push(relative);
  }
  return out;
}

function statOf(target: string): "none" | "file" | "dir" {
  try {
    return lstatSync(target).isDirectory() ? "dir" : "file";
  } catch {
    return "none";
  }
}

/** The files a previous run wrote; undefined when there is no manifest pmo can read as its own. */
function readManifest(outDir: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST), "utf8");
  } catch {
    return new Set();
  }
  try {
    const data = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (data.generator !== "pmo" || !Array.isArray(data.files)) return undefined;
    // Only plain relative paths inside the folder: a doctored manifest must not delete elsewhere.
    return new Set(
      data.files.filter(
        (f): f is string =>
          typeof f === "string" && !path.isAbsolute(f) && !f.split(/[\\/]/).includes("..") && f !== "",
      ),
    );
  } catch {
    return undefined;
  }
}
