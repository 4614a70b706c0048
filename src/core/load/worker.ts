import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { checkSchemas, importSchemaCheck } from "./documents.js";
import { LoaderState, packBatch, type LoaderJob, type LoaderStart } from "./parallel.js";
import { readForHandOff, readOneFile, type FileRead } from "./read-files.js";

/**
 * A loader thread (see parallel.ts). It starts before the files are known and waits for its
 * job; then it takes published batches from the counter it shares with the other threads,
 * reads and parses each batch's files in order (and checks each document's schema when
 * started with `schema`) and posts the batch, so that its own heap holds one batch at a time.
 * For a load of some kinds (LoaderJob.handOff) it only reads: a file that is not certainly of
 * a kind that is not wanted is posted unparsed, for the loading thread to parse.
 * While the files are still being found it waits for more batches to be published; it stops
 * when the list is complete and no batch is left.
 */
// The schema validators load while the files are being found.
const schemaCheck = (workerData as LoaderStart | undefined)?.schema ? importSchemaCheck() : undefined;

/** How long a thread waits for files it was told are published before it gives up (ms): never, in practice. */
const FILES_TIMEOUT_MS = 10_000;

parentPort!.once("message", async ({ root, files: first, batch, state: shared, port, kinds, handOff }: LoaderJob) => {
  const check = await schemaCheck;
  const state = new Int32Array(shared);
  const files = [...first];
  // The rest of the list, as far as it has been posted (synchronously: this thread's loop never yields).
  const receive = (): void => {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
      for (const file of m.message as string[]) files.push(file);
  };
  for (;;) {
    const index = Atomics.load(state, LoaderState.next);
    const published = Atomics.load(state, LoaderState.published);
    if (index >= published) {
      if (Atomics.load(state, LoaderState.complete) === 1) {
        if (Atomics.load(state, LoaderState.next) >= Atomics.load(state, LoaderState.published)) break;
        continue;
      }
      Atomics.wait(state, LoaderState.published, published, 100);
      continue;
    }
    if (Atomics.compareExchange(state, LoaderState.next, index, index + 1) !== index) continue;
    // A batch's files are posted before it is published.
    const complete = Atomics.load(state, LoaderState.complete) === 1;
    const end = complete ? Math.min((index + 1) * batch, Atomics.load(state, LoaderState.total)) : (index + 1) * batch;
    receive();
    for (let waited = 0; files.length < end; waited++) {
      if (waited * 10 > FILES_TIMEOUT_MS) throw new Error("loader thread: the files of a published batch never came");
      Atomics.wait(state, LoaderState.complete, Atomics.load(state, LoaderState.complete), 10);
      receive();
    }
    const reads: FileRead[] = [];
    for (let i = index * batch; i < end; i++) {
      const read = handOff && kinds ? readForHandOff(root, files[i]!, kinds) : readOneFile(root, files[i]!, kinds);
      if (check && !read.pending) checkSchemas(read, check);
      reads.push(read);
    }
    parentPort!.postMessage(packBatch(index, reads));
  }
  port.close();
});
