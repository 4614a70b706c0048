import { writeFileSync } from "node:fs";
import { type MessagePort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { WriterState, type WriterFailure, type WriterJob, type WriterStart } from "./report-output.js";

/**
 * The report's writing thread (see report-output.ts): it writes the pages the main thread
 * posts, in order, while the main thread renders the next ones. Messages are taken
 * synchronously, the thread waiting on the shared counter of posted pages; after a failed
 * write it writes nothing more, records the failure for the main thread and only counts the
 * pages that follow, so that the main thread never waits on it in vain.
 */
const { port, state: shared } = workerData as WriterStart;
const state = new Int32Array(shared);
const input = port as MessagePort;
let taken = 0;
let failed = false;
for (;;) {
  // Wait until a page is posted beyond those taken (or the main thread says it is done).
  while (Atomics.load(state, WriterState.posted) === taken && Atomics.load(state, WriterState.closed) === 0)
    Atomics.wait(state, WriterState.posted, taken);
  const received = receiveMessageOnPort(input);
  if (received === undefined) {
    if (Atomics.load(state, WriterState.closed) === 1 && Atomics.load(state, WriterState.posted) === taken) break;
    continue;
  }
  const job = received.message as WriterJob;
  taken += 1;
  if (!failed) {
    try {
      writeFileSync(job.file, job.content);
    } catch (error) {
      failed = true;
      const e = error as NodeJS.ErrnoException;
      const failure: WriterFailure = {
        index: job.index,
        message: String(e?.message ?? error),
        ...(typeof e?.code === "string" && { code: e.code }),
        ...(typeof e?.errno === "number" && { errno: e.errno }),
        ...(typeof e?.syscall === "string" && { syscall: e.syscall }),
        ...(typeof e?.path === "string" && { path: e.path }),
      };
      input.postMessage(failure);
      Atomics.store(state, WriterState.failed, 1);
    }
  }
  Atomics.add(state, WriterState.done, 1);
  Atomics.notify(state, WriterState.done);
}
input.close();
