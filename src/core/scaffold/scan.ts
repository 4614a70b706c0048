import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { decodeSource, discoverFiles, documentsOf, scanHead } from "../load/index.js";

/**
 * What `pmo new` reads of a document: where it is, its kind and id, and of its value at least
 * `kind`, `id`, `project` and `portfolio` (the engagement's whole value: its risk scale and
 * currency fill the template). A full document (PmoDocument) is one.
 */
export type DocumentHead = Pick<PmoDocument, "file" | "kind" | "id" | "value">;

/**
 * The heads of every document under `root`, as `pmo new` needs them: the folder loader's
 * discovery, then each file's head as the loader's scanner reads it (scanHead: the same kind,
 * id, project and portfolio as the full reading, for every file that parses) when it can be
 * certain, else the file parsed in full (the engagement always is: its template needs its whole
 * value). A file that does not parse but whose head is certain still gives its head, so its id
 * stays taken. Much cheaper than a full load (test/core/scaffold/scan.test.ts).
 */
export async function loadHeads(root: string, ignore: readonly string[]): Promise<DocumentHead[]> {
  const { files } = await discoverFiles(root, { ignore });
  const heads: DocumentHead[] = [];
  const unused: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  // Discovery gives normalised relative paths: joined by hand, not normalised again per file.
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  for (const file of files) {
    const bytes = readBytes(prefix + file, buffer);
    if (bytes === undefined) continue; // the full load reports it and holds no document from it
    const text = decodeSource(file, bytes);
    if (typeof text !== "string") continue;
    const head = scanHead(text);
    if (head !== undefined && head.kind !== "Engagement")
      heads.push({ file, kind: head.kind, id: head.id, value: head });
    else heads.push(...documentsOf(file, text, unused, sources));
  }
  return heads;
}

/** Most pmo files are a few kilobytes: they are read into one buffer, a larger one on its own. */
const BUFFER_BYTES = 256 * 1024;

/**
 * A file's bytes, read into `buffer` when they fit (a view of it, valid until the next read):
 * an open, one read and a close, without the stat and the new buffer of readFileSync, which
 * were a third of reading the repository's thousands of small files. Undefined when the file
 * cannot be read.
 */
function readBytes(file: string, buffer: Buffer): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined;
  }
  let length = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.subarray(0, length);
      length += n;
      if (length === buffer.length) break;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  // Larger than the buffer: read whole, as before.
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
