import { parentPort, workerData } from "node:worker_threads";
import type { Kind } from "../../model/document.js";
import { readOneFile, type FileRead } from "./read-files.js";

/**
 * A loader thread (see parallel.ts): reads and parses the files it is given, in order, and
 * posts the results in batches, so that its own heap holds one batch at a time.
 */
const { root, files, batch, kinds } = workerData as {
  root: string;
  files: string[];
  batch: number;
  kinds?: readonly Kind[];
};
let results: FileRead[] = [];
for (const file of files) {
  results.push(readOneFile(root, file, kinds));
  if (results.length >= batch) {
    parentPort!.postMessage(results);
    results = [];
  }
}
parentPort!.postMessage(results);
