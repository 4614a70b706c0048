import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { decodeSource, discoverFiles, documentsOf, readWhole, scanHead } from "../load/index.js";

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
  // Discovery gives normalised relative paths: joined by hand, not normalised again per file.
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  for (const file of files) {
    const bytes = readBytes(prefix + file);
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

/** A file's bytes (the loader's reused buffer: a view valid until the next read), or undefined when it cannot be read. */
function readBytes(file: string): Uint8Array | undefined {
  try {
    return readWhole(file);
  } catch {
    return undefined;
  }
}
