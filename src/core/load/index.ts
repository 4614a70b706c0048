import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument, Workspace } from "../../model/document.js";
import { discoverFiles, fileDiagnostic } from "./discover.js";
import { createLocator } from "./locate.js";
import { decodeSource, parseSource } from "./parse.js";

export { discoverFiles, isDirectory, comparePaths, IGNORE_FILE } from "./discover.js";
export { createLocator, pointerToPath, pathToPointer, type Locator } from "./locate.js";
export { parseSource, decodeSource, looksLikePmo, SUPPORTED_API_VERSIONS, MAX_FILE_BYTES } from "./parse.js";

export interface LoadOptions {
  /** gitignore-style patterns to skip, from the config. */
  ignore?: readonly string[];
}

/** How many files are read at once: enough to keep the disk busy, few enough for any fd limit. */
const READ_CONCURRENCY = 64;

/**
 * Loads every pmo document under `root`. Never throws for bad content: unreadable files and YAML
 * syntax errors become diagnostics on the workspace, and the documents that could be read are
 * returned in a stable order (file path, then position in the file).
 */
export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<Workspace> {
  const discovered = await discoverFiles(root, options);
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const sources = new Map<string, string>();
  const perFile: PmoDocument[][] = new Array(discovered.files.length);

  await forEachConcurrent(discovered.files, READ_CONCURRENCY, async (file, index) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(root, file));
    } catch (error) {
      diagnostics.push(fileDiagnostic(file, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, "unreadable-file"));
      perFile[index] = [];
      return;
    }
    const text = decodeSource(file, bytes);
    if (typeof text !== "string") {
      diagnostics.push(text);
      perFile[index] = [];
      return;
    }
    perFile[index] = documentsOf(file, text, diagnostics, sources);
  });

  return { root, documents: perFile.flat(), sources, diagnostics };
}

/** Parses one file's text into documents; also used for files read from git. */
export function documentsOf(file: string, text: string, diagnostics: Diagnostic[], sources: Map<string, string>): PmoDocument[] {
  const parsed = parseSource(file, text);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.documents.length === 0 && parsed.diagnostics.length === 0) return [];
  sources.set(file, text);
  const locator = createLocator(text);
  return parsed.documents.map(({ docIndex, value }) => ({
    file,
    docIndex,
    kind: typeof value["kind"] === "string" ? value["kind"] : "",
    id: typeof value["id"] === "string" ? value["id"] : undefined,
    apiVersion: typeof value["apiVersion"] === "string" ? value["apiVersion"] : "",
    value,
    locate: (p, o) => locator(docIndex, p, o),
  }));
}

async function forEachConcurrent<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
