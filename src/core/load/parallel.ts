import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Kind } from "../../model/document.js";
import { holdsAtLeast } from "./discover.js";
import { checkSchemas, type SchemaCheck } from "./documents.js";
import { readOneFile, readPending, type FileRead } from "./read-files.js";

/**
 * Below this many files a thread costs more to start, and to hand its results over, than it
 * saves: on an idle 2-core machine `pmo validate` read 1,000 projects (7,255 files) in 0.51 s
 * on one thread and 0.58 s with one loader thread, and 10,000 projects (72,386 files) in 2.67 s
 * on one thread and 2.39 s with one.
 */
export const PARALLEL_MIN_FILES = 20_000;
/** The most files a batch holds: a thread's last batch is then a few hundredths of a second. */
const MAX_BATCH = 256;
/**
 * Files per batch when the files are read while they are being found (their number unknown):
 * small enough that the last batch a thread holds is short, large enough that posting is cheap.
 */
const STREAM_BATCH = 128;
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
export function defaultWorkers(fileCount: number, cores?: number): number {
  if (fileCount < PARALLEL_MIN_FILES) return 0;
  // Asked once: discovery offers its files after every folder, and each answer is a system call.
  availableCores ??= availableParallelism();
  const usable = cores ?? availableCores;
  return usable < 2 ? 0 : Math.min(usable - 1, 3);
}

let availableCores: number | undefined;

/**
 * Loader threads started before a repository is opened (prestartLoaderThreads), waiting to be
 * given the load of `root`; those that stopped meanwhile are in `stopped`.
 */
let early: { root: string; schema: boolean; threads: Worker[]; stopped: Set<Worker> } | undefined;

/**
 * What a quick look at the tree (holdsAtLeast) must find for loader threads to start before the
 * repository is opened: this many entries within so many folders. The 72,386 files of 10,000
 * projects give 14,681 in the first seven folders listed; the 7,255 of 1,000 projects, 2,252 in
 * sixteen.
 */
const EARLY_ENTRIES = 5000;
const EARLY_FOLDERS = 16;

/**
 * Starts the loader threads a load of `root` will use, before the command has loaded the rest
 * of what it needs and read the config, when a quick look at the tree (holdsAtLeast) says the
 * repository is large: a thread takes about as long to start as the command's own start-up,
 * and the load that follows (loadWorkspace of the same root, `schema` the same) takes them over
 * instead of starting its own once discovery has found enough files. Threads that no load
 * takes over do not keep the process alive. Documents and diagnostics are the same either way.
 * True when threads were started.
 */
export function prestartLoaderThreads(
  root: string,
  schema: boolean,
  {
    entries = EARLY_ENTRIES,
    workers = defaultWorkers(PARALLEL_MIN_FILES),
  }: { entries?: number; workers?: number } = {},
): boolean {
  if (early !== undefined || workers <= 0 || !existsSync(WORKER_FILE)) return false;
  if (!holdsAtLeast(root, entries, EARLY_FOLDERS)) return false;
  const started = { root, schema, threads: [] as Worker[], stopped: new Set<Worker>() };
  for (let i = 0; i < workers; i++) {
    const worker = startThread(schema);
    if (worker === undefined) break;
    worker.unref();
    // Until a load takes it over: a thread that fails is simply not used.
    worker.on("error", () => undefined);
    worker.once("exit", () => started.stopped.add(worker));
    started.threads.push(worker);
  }
  early = started;
  return started.threads.length > 0;
}

/** A loader thread running worker.ts, or undefined when none can be started. */
function startThread(schema: boolean): Worker | undefined {
  try {
    return new Worker(WORKER_FILE, {
      workerData: { schema } satisfies LoaderStart,
      resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
    });
  } catch {
    return undefined;
  }
}

/** Files per batch: small enough that every thread gets several, at most MAX_BATCH. */
export function batchSize(fileCount: number, threads: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(fileCount / ((threads + 1) * 8))));
}

/** What a loader thread is given (worker.ts): where to read, the files known so far, and the shared state. */
export interface LoaderJob {
  root: string;
  /** The first files of the list (more come on `port` while they are being found). */
  files: readonly string[];
  batch: number;
  /** An Int32Array over shared memory: see LoaderState. */
  state: SharedArrayBuffer;
  /** Where the rest of the list comes, as arrays of file names in order. */
  port: MessagePort;
  kinds?: readonly Kind[];
  /**
   * With `kinds`: read and decode only, and leave the parsing of each file that may hold a
   * wanted document to this thread (read-files.ts, readForHandOff), which has to keep those
   * documents anyway. Parsed on a loader thread, each document would be built there, cloned,
   * and built again here; the thread would also compile the readers and validators again.
   */
  handOff?: boolean;
}

/**
 * The slots of LoaderJob.state: the next batch to take (every thread takes batches by moving
 * it on), how many batches are published (their files are on the thread's list), whether the
 * list is complete, and then its length.
 */
export const LoaderState = { next: 0, published: 1, complete: 2, total: 3, slots: 4 } as const;

/**
 * What a loader thread posts: one batch's reads, without their file names (the job lists them)
 * and with their texts joined into one string. Cloning one long string costs a fraction of
 * cloning hundreds of short ones, and this thread's heap gets one block instead of hundreds of
 * strings its collector would copy; each text is taken back out as a slice of it (unpackBatch).
 */
export interface LoaderBatch {
  index: number;
  /** Without their texts, but for a pending read's (FileRead.pending), which keeps its own. */
  reads: Omit<FileRead, "file">[];
  /** The texts of the other reads that have one, in order, joined. */
  texts: string;
  /** Each read's text length in `texts`, or -1 when it has no text. */
  lengths: number[];
}

/** A batch's reads as a loader thread posts them (see LoaderBatch). */
export function packBatch(index: number, reads: readonly FileRead[]): LoaderBatch {
  const texts: string[] = [];
  const lengths: number[] = [];
  const packed = reads.map(({ file: _file, text, ...rest }) => {
    // A text the receiving thread parses travels as a string of its own: reading a slice of a
    // joined string character by character took the subset reader three times as long.
    if (rest.pending) {
      lengths.push(-1);
      return { ...rest, text };
    }
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
 * Loader threads, started while the files are being found (once there are enough of them to be
 * worth a thread), so that their start-up overlaps discovery and they read the files found so
 * far while the rest are being found. A pool that is never given a job is closed.
 */
export class LoaderThreads {
  private readonly threads: Worker[] = [];
  private decided = false;
  /** The files offered while they were being found (stream), in the order found. */
  private readonly list: string[] = [];
  /** Set by stream: where to read, and which kinds. */
  private streaming: { root: string; kinds: readonly Kind[] | undefined } | undefined;
  private batch = STREAM_BATCH;
  /** list[0..sent) has been posted to the threads. */
  private sent = 0;
  private readonly state = new Int32Array(new SharedArrayBuffer(LoaderState.slots * 4));
  private readonly ports: MessagePort[] = [];
  /** What the threads delivered, by batch. */
  private readonly delivered = new Map<number, LoaderBatch>();
  /** The batches delivered since `read` last looked, in the order they came. */
  private arrived: number[] = [];
  private alive = 0;
  private wake: (() => void) | undefined;
  /** Counts the batches read by loader threads, for the tests. */
  private stats: { threadBatches: number } | undefined;
  /** The threads do not keep the process alive until `read` (hold). */
  private held = false;

  /**
   * `count` threads now when the caller fixed the number; otherwise none until `offer` finds
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

  /**
   * The files will be offered while they are being found (offer), and read from `root`: the
   * threads start on them before the list is complete. `read` must then be given the same files.
   */
  stream(root: string, kinds: readonly Kind[] | undefined): void {
    this.streaming = { root, kinds };
    for (const worker of this.threads) this.post(worker);
    if (early === undefined || this.decided) return;
    const { threads, stopped } = early;
    if (early.root === root && early.schema === this.schema) {
      // Threads started for this very load (prestartLoaderThreads) are taken over.
      this.decided = true;
      for (const worker of threads) {
        if (stopped.has(worker)) continue;
        worker.ref();
        this.adopt(worker);
      }
    } else {
      for (const worker of threads) void worker.terminate();
    }
    early = undefined;
  }

  /**
   * Discovery has found `found` so far (the same list, grown): the default threads start once
   * there are enough, and every full batch found is published to them.
   */
  offer(found: readonly string[]): void {
    for (let i = this.list.length; i < found.length; i++) this.list.push(found[i]!);
    if (!this.decided) {
      const count = defaultWorkers(this.list.length);
      if (count > 0) {
        this.decided = true;
        this.start(count);
      }
    }
    this.publish(Math.floor(this.list.length / this.batch));
  }

  private start(count: number): void {
    if (count <= 0 || !existsSync(WORKER_FILE)) return;
    for (let i = 0; i < count; i++) {
      const worker = startThread(this.schema);
      if (worker === undefined) return; // no thread: this one reads what it would have read
      this.adopt(worker);
    }
  }

  /** Takes a started thread into the pool: listens to it, and gives it the job if there is one. */
  private adopt(worker: Worker): void {
    if (this.held) worker.unref();
    this.threads.push(worker);
    this.alive++;
    // Listening from the start: a batch may come back before `read` is called.
    worker.on("message", (posted: LoaderBatch) => {
      this.delivered.set(posted.index, posted);
      this.arrived.push(posted.index);
      if (this.stats) this.stats.threadBatches++;
      this.event();
    });
    // An error is followed by exit; what the thread did not deliver is read here.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      this.alive--;
      this.event();
    });
    if (this.streaming) this.post(worker);
  }

  private event(): void {
    this.wake?.();
    this.wake = undefined;
  }

  /** Gives a thread its job: the files posted so far, and a port for the rest. */
  private post(worker: Worker): void {
    const { port1, port2 } = new MessageChannel();
    this.ports.push(port1);
    const { root, kinds } = this.streaming!;
    const job: LoaderJob = {
      root,
      files: this.list.slice(0, this.sent),
      batch: this.batch,
      state: this.state.buffer as SharedArrayBuffer,
      port: port2,
      ...(kinds && { kinds, handOff: true }),
    };
    worker.postMessage(job, [port2]);
  }

  /** Makes the first `batches` batches of the list available to the threads. */
  private publish(batches: number, complete = false): void {
    const upTo = complete ? this.list.length : Math.min(this.list.length, batches * this.batch);
    if (this.ports.length === 0 || (upTo <= this.sent && !complete)) return;
    // The files go first: a thread that sees a batch published finds its files on its port.
    if (upTo > this.sent) {
      const chunk = this.list.slice(this.sent, upTo);
      for (const port of this.ports) port.postMessage(chunk);
      this.sent = upTo;
    }
    if (complete) Atomics.store(this.state, LoaderState.total, this.list.length);
    Atomics.store(this.state, LoaderState.published, batches);
    if (complete) Atomics.store(this.state, LoaderState.complete, 1);
    Atomics.notify(this.state, LoaderState.published);
  }

  /**
   * Until `read` is called, the threads do not keep the process alive: a load started before
   * the command has loaded (index.ts, prestartLoad) that the command never takes up, because it
   * stopped on a usage error first, must not hold up its exit.
   */
  hold(): void {
    this.held = true;
    for (const worker of this.threads) worker.unref();
  }

  /** Stops threads that were not given a job. */
  close(): void {
    for (const worker of this.threads.splice(0)) void worker.terminate();
    for (const port of this.ports.splice(0)) port.close();
  }

  /**
   * Reads and parses files, returning their results in the order given. Parsing is CPU-bound
   * and files are independent, so the files are cut into batches that this thread and the
   * loader threads (worker.ts, which runs the same readOneFile) draw from one shared counter
   * until none is left: a thread that starts late or runs slowly simply takes fewer, and the
   * threads take the batches found while discovery goes on (stream, offer). Results come back
   * by structured clone, several times cheaper than parsing. A batch a thread took but did not
   * deliver (it failed or stopped) is read here: the result is the same whatever the threads
   * do, only the time differs.
   */
  async read(
    root: string,
    files: readonly string[],
    kinds?: readonly Kind[],
    options: ReadFilesOptions = {},
  ): Promise<FileRead[]> {
    const threads = this.threads.slice();
    this.decided = true;
    if (this.held) {
      this.held = false;
      for (const worker of threads) worker.ref();
    }
    const { schemaCheck } = options;
    const readOne = (file: string): FileRead => {
      const read = readOneFile(root, file, kinds);
      if (schemaCheck) checkSchemas(read, schemaCheck);
      return read;
    };
    if (threads.length === 0 || files.length < 2) {
      this.close();
      return files.map(readOne);
    }
    if (options.stats) this.stats = options.stats;
    if (!this.streaming) {
      // The whole list at once (the threads were started with a fixed number).
      for (const file of files) this.list.push(file);
      this.batch = options.batch ?? batchSize(files.length, threads.length);
      this.stream(root, kinds);
    }
    const { list, batch, state } = this;
    const batches = Math.ceil(list.length / batch);
    this.publish(batches, true);
    const done: (FileRead[] | undefined)[] = new Array(batches);
    // A file a thread left unparsed (LoaderJob.handOff) is parsed, and its schema checked, here.
    const complete = (read: FileRead): FileRead => {
      if (!read.pending) return read;
      const parsed = readPending(read, kinds!);
      if (schemaCheck) checkSchemas(parsed, schemaCheck);
      return parsed;
    };
    const take = (index: number): void => {
      const posted = this.delivered.get(index);
      if (posted && done[index] === undefined) done[index] = unpackBatch(posted, list, index * batch).map(complete);
    };
    /** Takes over the batches delivered since the last look; true when there were any. */
    const takeArrived = (): boolean => {
      const arrived = this.arrived;
      if (arrived.length === 0) return false;
      this.arrived = [];
      for (const index of arrived) take(index);
      return true;
    };
    const readBatch = (index: number): FileRead[] => list.slice(index * batch, (index + 1) * batch).map(readOne);
    // Lets the threads' batches in between, so that taking them over is spread out too.
    const letIn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
    if (options.ownShare !== false) {
      for (;;) {
        // What the threads delivered first: what they left unparsed is this thread's alone to parse.
        if (takeArrived()) {
          await letIn();
          continue;
        }
        const index = Atomics.add(state, LoaderState.next, 1);
        if (index >= batches) break;
        done[index] = readBatch(index);
        await letIn();
      }
    }
    // Wait for the batches the threads took, or for the threads to stop.
    const missing = (): boolean => {
      for (let index = 0; index < batches; index++)
        if (done[index] === undefined && !this.delivered.has(index)) return true;
      return false;
    };
    while (missing() && this.alive > 0) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      takeArrived();
    }
    // Every batch is taken (the counter is past the last), so the threads have nothing left to do.
    this.close();
    for (let index = 0; index < batches; index++) {
      take(index);
      done[index] ??= readBatch(index);
    }
    const reads = done.flat() as FileRead[];
    if (reads.length === files.length && reads.every((read, i) => read.file === files[i])) return reads;
    // Read in the order found: put in the order asked (anything not read, read now).
    const byFile = new Map(reads.map((read) => [read.file, read]));
    return files.map((file) => byFile.get(file) ?? readOne(file));
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
