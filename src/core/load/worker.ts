import { parentPort, workerData } from "node:worker_threads";
import { checkSchemas, importSchemaCheck } from "./documents.js";
import { packBatch, type LoaderJob, type LoaderStart } from "./parallel.js";
import { readOneFile, type FileRead } from "./read-files.js";

/**
 * A loader thread (see parallel.ts). It starts before the files are known and waits for its
 * job; then it takes batches from the counter it shares with the other threads, reads and
 * parses each batch's files in order (and checks each document's schema when started with
 * `schema`) and posts the batch, so that its own heap holds one batch at a time. It stops when
 * no batch is left.
 */
// The schema validators load while the files are being found.
const schemaCheck = (workerData as LoaderStart | undefined)?.schema ? importSchemaCheck() : undefined;

parentPort!.once("message", async ({ root, files, batch, next, kinds }: LoaderJob) => {
  const check = await schemaCheck;
  const counter = new Int32Array(next);
  const batches = Math.ceil(files.length / batch);
  for (let index = Atomics.add(counter, 0, 1); index < batches; index = Atomics.add(counter, 0, 1)) {
    const reads: FileRead[] = [];
    const end = Math.min(files.length, (index + 1) * batch);
    for (let i = index * batch; i < end; i++) {
      const read = readOneFile(root, files[i]!, kinds);
      if (check) checkSchemas(read, check);
      reads.push(read);
    }
    parentPort!.postMessage(packBatch(index, reads));
  }
});
