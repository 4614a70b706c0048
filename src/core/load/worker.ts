import { parentPort } from "node:worker_threads";
import type { LoaderBatch, LoaderJob } from "./parallel.js";
import { readOneFile, type FileRead } from "./read-files.js";

/**
 * A loader thread (see parallel.ts). It starts before the files are known and waits for its
 * job; then it takes batches from the counter it shares with the other threads, reads and
 * parses each batch's files in order and posts the batch, so that its own heap holds one
 * batch at a time. It stops when no batch is left.
 */
parentPort!.once("message", ({ root, files, batch, next, kinds }: LoaderJob) => {
  const counter = new Int32Array(next);
  const batches = Math.ceil(files.length / batch);
  for (let index = Atomics.add(counter, 0, 1); index < batches; index = Atomics.add(counter, 0, 1)) {
    const reads: FileRead[] = [];
    const end = Math.min(files.length, (index + 1) * batch);
    for (let i = index * batch; i < end; i++) reads.push(readOneFile(root, files[i]!, kinds));
    parentPort!.postMessage({ index, reads } satisfies LoaderBatch);
  }
});
