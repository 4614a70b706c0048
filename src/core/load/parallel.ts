import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Kind } from "../../model/document.js";
import { checkSchemas, type SchemaCheck } from "./documents.js";
import { readOneFile, type FileRead } from "./read-files.js";

/** Below this many files a thread costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 2000;
/** The most files a batch holds: a thread's last batch is then a few hundredths of a second. */
const MAX_BATCH = 256;
/** The compiled thread script; absent when pmo runs from its TypeScript sources (the tests). */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));
/**
 * A loader thread's young generation, in MB. Everything a thread parses is garbage once it is
 * posted, so a larger nursery (V8's default is a few MB) saves most of its scavenges.
 */
const THREAD_YOUNG_GENERATION_MB = 48;

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

/** Files per batch: small enough that every thread gets several, at most MAX_BATCH. */
export function batchSize(fileCount: number, threads: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(fileCount / ((threads + 1) * 8))));
}

/** What a loader thread is given (worker.ts): the files, and the counter all threads draw batches from. */
export interface LoaderJob {
  root: string;
  files: readonly string[];
  batch: number;
  /** An Int32Array(1) over shared memory: the next batch to read. */
  next: SharedArrayBuffer;
  kinds?: readonly Kind[];
}

/**
 * What a loader thread posts: one batch's reads, without their file names (the job lists them)
 * and with their texts joined into one string. Cloning one long string costs a fraction of
 * cloning hundreds of short ones, and this thread's heap gets one block instead of hundreds of
 * strings its collector would copy; each text is taken back out as a slice of it (unpackBatch).
 */
export interface LoaderBatch {
  index: number;
  reads: Omit<FileRead, "file" | "text">[];
  /** The texts of the reads that have one, in order, joined. */
  texts: string;
  /** Each read's text length in `texts`, or -1 when it has no text. */
  lengths: number[];
}

/** A batch's reads as a loader thread posts them (see LoaderBatch). */
export function packBatch(index: number, reads: readonly FileRead[]): LoaderBatch {
  const texts: string[] = [];
  const lengths: number[] = [];
  const packed = reads.map(({ file: _file, text, ...rest }) => {
    lengths.push(text === undefined ? -1 : text.length);
    if (text !== undefined) texts.push(text);
    return rest;
  });
  return { index, reads: packed, texts: texts.join(""), lengths };
}

/** The reads of a posted batch whose first file is `files[first]`: what the thread read, as it read it. */
export function unpackBatch(
  { reads, texts, lengths }: LoaderBatch,
  files: readonly string[],
  first: number,
): FileRead[] {
  let offset = 0;
  return reads.map((rest, i) => {
    const length = lengths[i]!;
    const read: FileRead = { file: files[first + i]!, ...rest };
    if (length >= 0) {
      read.text = texts.slice(offset, offset + length);
      offset += length;
    }
    return read;
  });
}

/** What a loader thread is started with (worker.ts). */
export interface LoaderStart {
  /** Check each document's schema beside the parse (LoadOptions.schema). */
  schema: boolean;
}

export interface ReadFilesOptions {
  /**
   * The schema check of each document read on this thread (LoadOptions.schema); the threads,
   * started with `schema`, run the same one.
   */
  schemaCheck?: SchemaCheck | undefined;
  /** Files per batch (default: batchSize). */
  batch?: number;
  /**
   * Whether this thread reads batches too (default true). The tests turn it off to prove that
   * what the threads read is what this thread would have read.
   */
  ownShare?: boolean;
  /** Counts the batches read by loader threads, for the tests. */
  stats?: { threadBatches: number };
}

/**
 * Loader threads, started before the files to read are known (while they are being found), so
 * that their start-up overlaps discovery. A pool that is never given a job is closed.
 */
export class LoaderThreads {
  private readonly threads: Worker[] = [];
  private decided = false;

  /**
   * `count` threads now when the caller fixed the number; otherwise none until `grow` learns
   * that the repository is large enough (defaultWorkers).
   */
  constructor(
    count?: number,
    private readonly schema = false,
  ) {
    if (count !== undefined) {
      this.decided = true;
      this.start(count);
    }
  }

  /** Discovery has found `fileCount` files so far: start the default threads once there are enough. */
  grow(fileCount: number): void {
    if (this.decided) return;
    const count = defaultWorkers(fileCount);
    if (count === 0) return;
    this.decided = true;
    this.start(count);
  }

  private start(count: number): void {
    if (count <= 0 || !existsSync(WORKER_FILE)) return;
    for (let i = 0; i < count; i++) {
      try {
        this.threads.push(
          new Worker(WORKER_FILE, {
            workerData: { schema: this.schema } satisfies LoaderStart,
            resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
          }),
        );
      } catch {
        return; // no thread: this one reads what it would have read
      }
    }
  }

  /** Stops threads that were not given a job. */
  close(): void {
    for (const worker of this.threads.splice(0)) void worker.terminate();
  }

  /**
   * Reads and parses files, returning their results in the order given. Parsing is CPU-bound
   * and files are independent, so the files are cut into batches that this thread and the
   * loader threads (worker.ts, which runs the same readOneFile) draw from one shared counter
   * until none is left: a thread that starts late or runs slowly simply takes fewer. Results
   * come back by structured clone, several times cheaper than parsing. A batch a thread took
   * but did not deliver (it failed or stopped) is read here: the result is the same whatever
   * the threads do, only the time differs.
   */
  async read(
    root: string,
    files: readonly string[],
    kinds?: readonly Kind[],
    options: ReadFilesOptions = {},
  ): Promise<FileRead[]> {
    const threads = this.threads.splice(0);
    this.decided = true;
    const { schemaCheck } = options;
    const readOne = (file: string): FileRead => {
      const read = readOneFile(root, file, kinds);
      if (schemaCheck) checkSchemas(read, schemaCheck);
      return read;
    };
    if (threads.length === 0 || files.length < 2) {
      for (const worker of threads) void worker.terminate();
      return files.map(readOne);
    }
    const batch = options.batch ?? batchSize(files.length, threads.length);
    const batches = Math.ceil(files.length / batch);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const done: (FileRead[] | undefined)[] = new Array(batches);
    let delivered = 0;
    let alive = threads.length;
    let wake: (() => void) | undefined;
    const event = (): void => {
      wake?.();
      wake = undefined;
    };
    const job: LoaderJob = { root, files, batch, next: next.buffer as SharedArrayBuffer, ...(kinds && { kinds }) };
    for (const worker of threads) {
      worker.on("message", (posted: LoaderBatch) => {
        const { index } = posted;
        if (done[index] === undefined) delivered++;
        done[index] = unpackBatch(posted, files, index * batch);
        if (options.stats) options.stats.threadBatches++;
        event();
      });
      // An error is followed by exit; what the thread did not deliver is read here.
      worker.on("error", () => undefined);
      worker.on("exit", () => {
        alive--;
        event();
      });
      worker.postMessage(job);
    }
    const readBatch = (index: number): FileRead[] => files.slice(index * batch, (index + 1) * batch).map(readOne);
    if (options.ownShare !== false) {
      for (let index = Atomics.add(next, 0, 1); index < batches; index = Atomics.add(next, 0, 1)) {
        done[index] = readBatch(index);
        delivered++;
        // Lets the threads' batches in between, so that taking them over is spread out too.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    // Wait for the batches the threads took, or for the threads to stop.
    while (delivered < batches && alive > 0) await new Promise<void>((resolve) => (wake = resolve));
    // Every batch is taken (the counter is past the last), so the threads have nothing left to do.
    for (const worker of threads) void worker.terminate();
    for (let index = 0; index < batches; index++) done[index] ??= readBatch(index);
    return done.flat() as FileRead[];
  }
}

/**
 * Reads and parses files with `workers` loader threads beside this one (LoaderThreads.read),
 * returning their results in the order given.
 */
export async function readFiles(
  root: string,
  files: readonly string[],
  workers: number,
  kinds?: readonly Kind[],
  options: ReadFilesOptions = {},
): Promise<FileRead[]> {
  return new LoaderThreads(workers).read(root, files, kinds, options);
}
