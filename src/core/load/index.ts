import type { Diagnostic } from "../../model/diagnostic.js";
import type { BrokenFile, Kind, PmoDocument, Workspace } from "../../model/document.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { discoverFiles, discoverFilesSync, type Discovered } from "./discover.js";
import { documentsOfText, importSchemaCheck } from "./documents.js";
import { LoaderThreads, prestartLoaderThreads } from "./parallel.js";
import { readBytes, readText, type FileRead } from "./read-files.js";
import { readSubsetDocuments } from "./subset-read.js";
import { normaliseLineBreaks } from "./yaml-read.js";

export { discoverFiles, isDirectory, comparePaths, readOnce, IGNORE_FILE } from "./discover.js";
export { createLocator, pointerToPath, pathToPointer, type Locator } from "./locate.js";
export { parseSource, decodeSource, looksLikePmo, idsIn, SUPPORTED_API_VERSIONS, MAX_FILE_BYTES } from "./parse.js";
export {
  readFull,
  readFast,
  documentValue,
  normaliseLineBreaks,
  YAML_OPTIONS,
  MAX_ALIAS_COUNT,
  type FullRead,
  type DocumentValue,
} from "./yaml-read.js";
export { describeSyntaxError, syntaxDiagnostic, type SyntaxProblem } from "./syntax.js";
export { readYamlFile, type YamlFile } from "./single.js";
export { scanHead, scanKind, HEAD_FIELDS, type Head, type HeadField } from "./head.js";
export { readWhole } from "./read-files.js";
export { prestartLoaderThreads } from "./parallel.js";

/** What the loader noticed besides documents and diagnostics: files it read but could not use. */
export interface LoadFindings {
  notPmo: string[];
  broken: BrokenFile[];
}

/** The config file's name (core/config owns it; the loader only needs to know not to count it). */
const CONFIG_FILE_NAME = "pmo.config.yaml";

export interface LoadOptions {
  /** gitignore-style patterns to skip, from the config. */
  ignore?: readonly string[];
  /**
   * Loader threads that read and parse files beside this one; by default one per core beyond
   * the first (at most three) once discovery has found 20,000 files, none for a smaller repository. Documents,
   * diagnostics and their order are the same whatever the number.
   */
  workers?: number;
  /**
   * Only documents of these kinds are wanted, for a command that reads no others (earned value
   * reads no risks). Documents of other kinds are left out of the workspace, and a file whose
   * text makes it certain that it holds one document of another kind is not parsed at all
   * (head.ts), so its problems go unreported: gates (validate, check) load every kind.
   * The documents are exactly those of a full load that have one of these kinds.
   */
  kinds?: readonly Kind[];
  /**
   * Check each document against its kind's schema as it is read (in the loader threads for a
   * large repository, beside the parse), for a command that validates every document: its
   * problems are kept on the document (PmoDocument.schemaProblems), and schemaDiagnostics
   * returns them instead of checking it again on this thread. Same diagnostics either way.
   */
  schema?: boolean;
}

/**
 * Loads every pmo document under `root`. Never throws for bad content: unreadable files and YAML
 * syntax errors become diagnostics on the workspace, and the documents that could be read are
 * returned in a stable order (file path, then position in the file).
 */
export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<Workspace> {
  const schemaCheck = options.schema ? importSchemaCheck() : undefined;
  let threads: LoaderThreads;
  let discovered: Discovered;
  const started = takeEarlyLoad(root, options);
  if (started) {
    ({ threads, discovered } = started);
  } else {
    // Threads start while the files are being found (once there are enough of them), so that
    // their start-up overlaps discovery.
    threads = new LoaderThreads(options.workers, threadsCheckSchemas(options.schema === true, options.kinds));
    try {
      threads.stream(root, options.kinds);
      discovered = await discoverFiles(root, { ...options, onProgress: (found) => threads.offer(found) });
    } catch (error) {
      threads.close();
      throw error;
    }
  }
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const sources = new Map<string, string>();
  const documents: PmoDocument[] = [];
  const found: LoadFindings = { notPmo: [], broken: [] };

  // Synchronous reads: for thousands of small files they cost a tenth of what promise-based
  // reads do (no thread-pool round trips), and parsing is CPU-bound anyway; a large
  // repository is shared between loader threads (parallel.ts).
  const { kinds } = options;
  const reads = await threads.read(root, discovered.files, kinds, { schemaCheck: await schemaCheck });
  for (const read of reads) {
    if (read.skipped) continue;
    for (const doc of documentsOfRead(read, diagnostics, sources, found))
      if (kinds === undefined || (kinds as readonly string[]).includes(doc.kind)) documents.push(doc);
  }

  return { root, documents, sources, diagnostics, ...found, ...(kinds && { kinds: [...kinds] }) };
}

/**
 * A load begun before the command that wants it has loaded (prestartLoad): the files found,
 * and the loader threads reading them, as loadWorkspace would have found and started them
 * for the same root, ignore patterns, kinds and schema check.
 */
interface EarlyLoad {
  root: string;
  ignore: readonly string[];
  kinds: readonly Kind[] | undefined;
  schema: boolean;
  threads: LoaderThreads;
  discovered: Discovered;
}

let earlyLoad: EarlyLoad | undefined;

/** What a command will load: passed to prestartLoad before the command has read its config. */
export interface PrestartOptions {
  /** The kinds the command loads (LoadOptions.kinds); every kind when absent. */
  kinds?: readonly Kind[] | undefined;
  /** Whether the load checks schemas (LoadOptions.schema). */
  schema: boolean;
  /** The config file given on the command line (--config), already resolved; pmo.config.yaml at the root otherwise. */
  config?: string | undefined;
  /** How large a repository must look, and how many threads start (prestartLoaderThreads; for the tests). */
  threads?: { entries?: number; workers?: number };
}

/**
 * Begins the load of a large repository now, before the command has loaded its own modules and
 * read its config: the loader threads start (prestartLoaderThreads), the files are found on
 * this thread, and the threads read them meanwhile. The config's ignore patterns decide what
 * is found, so they are taken from the config's text when the subset reader reads it (the
 * config is not validated yet); with a config it cannot read, only the threads start. The
 * load of the same root that follows (loadWorkspace) takes this one over only when its ignore
 * patterns, from the validated config, its kinds and its schema check are the ones assumed
 * here; otherwise this one is dropped and the load starts afresh. Documents, diagnostics and
 * their order are the same either way: only when the work is done differs.
 */
export function prestartLoad(root: string, options: PrestartOptions): void {
  dropEarlyLoad();
  const checking = threadsCheckSchemas(options.schema, options.kinds);
  if (!prestartLoaderThreads(root, checking, options.threads)) return;
  const ignore = configIgnore(root, options.config);
  if (ignore === undefined) return;
  const threads = new LoaderThreads(undefined, checking);
  let discovered: Discovered;
  try {
    threads.stream(root, options.kinds);
    threads.hold();
    discovered = discoverFilesSync(root, { ignore, onProgress: (found) => threads.offer(found) });
  } catch {
    // The load that follows meets the same problem, and reports it as it does today.
    threads.close();
    return;
  }
  earlyLoad = { root, ignore, kinds: options.kinds, schema: options.schema, threads, discovered };
}

/**
 * Drops a load begun by prestartLoad that no load took over, and stops its threads: a command
 * that ended without loading (a usage error) leaves nothing for a later one in the same process.
 */
export function dropEarlyLoad(): void {
  earlyLoad?.threads.close();
  earlyLoad = undefined;
}

/**
 * Whether the loader threads check schemas: for a load of some kinds they parse nothing that
 * may be wanted (LoaderJob.handOff), so they do not load the validators either.
 */
function threadsCheckSchemas(schema: boolean, kinds: readonly Kind[] | undefined): boolean {
  return schema && kinds === undefined;
}

/** The load begun by prestartLoad for this very load, if any; one begun for another is dropped. */
function takeEarlyLoad(root: string, options: LoadOptions): EarlyLoad | undefined {
  const early = earlyLoad;
  if (early === undefined) return undefined;
  earlyLoad = undefined;
  if (
    early.root === root &&
    options.workers === undefined &&
    early.schema === (options.schema === true) &&
    sameList(early.ignore, options.ignore ?? []) &&
    (early.kinds === undefined
      ? options.kinds === undefined
      : options.kinds !== undefined && sameList(early.kinds, options.kinds))
  )
    return early;
  early.threads.close();
  return undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The ignore patterns of the config at `root` (or `explicit`), read as the config loader will
 * read them when the config is valid: none without a config file; undefined when the text is
 * not one the subset reader reads, or its `ignore` is not a list of strings (the config loader
 * then decides, and reports what is wrong).
 */
export function configIgnore(root: string, explicit?: string): readonly string[] | undefined {
  let text: string;
  try {
    text = readFileSync(explicit ? path.resolve(explicit) : path.join(root, CONFIG_FILE_NAME), "utf8");
  } catch (error) {
    return !explicit && (error as NodeJS.ErrnoException).code === "ENOENT" ? [] : undefined;
  }
  const normalised = normaliseLineBreaks(text);
  // Blank lines and comments (which the subset reader leaves to the others) hold no document.
  if (/^(?:[ ]*(?:#[^\n]*)?(?:\n|$))*$/.test(normalised)) return [];
  const documents = readSubsetDocuments(normalised);
  if (documents === undefined || documents.length > 1) return undefined;
  const value = documents[0] ?? null;
  if (value === null) return [];
  const ignore = value["ignore"];
  if (ignore === undefined) return [];
  return Array.isArray(ignore) && ignore.every((p) => typeof p === "string") ? ignore : undefined;
}

/**
 * Decodes a file's bytes and parses its documents; a file that is not text becomes a diagnostic.
 * With `kinds`, only documents of those kinds are returned, and a file that certainly holds
 * another kind is not parsed (as LoadOptions.kinds; used for files read from git).
 */
export function documentsOfBytes(
  file: string,
  bytes: Uint8Array,
  diagnostics: Diagnostic[],
  sources: Map<string, string>,
  found?: LoadFindings,
  kinds?: readonly Kind[],
): PmoDocument[] {
  const read = readBytes(file, bytes, kinds);
  if (read.skipped) return [];
  const documents = documentsOfRead(read, diagnostics, sources, found);
  return kinds === undefined ? documents : documents.filter((d) => (kinds as readonly string[]).includes(d.kind));
}

/** Parses one file's text into documents; also used for files read from git. */
export function documentsOf(
  file: string,
  input: string,
  diagnostics: Diagnostic[],
  sources: Map<string, string>,
  found?: LoadFindings,
): PmoDocument[] {
  return documentsOfRead(readText(file, input), diagnostics, sources, found);
}

/** The documents of one file's reading, with positions; its findings go to `diagnostics` and `found`. */
function documentsOfRead(
  read: FileRead,
  diagnostics: Diagnostic[],
  sources: Map<string, string>,
  found?: LoadFindings,
): PmoDocument[] {
  const { file } = read;
  for (const d of read.diagnostics) diagnostics.push(d);
  // The config is read by the config loader, not counted as a file that is not a pmo document.
  if (read.notPmo && file !== CONFIG_FILE_NAME) found?.notPmo.push(file);
  if (read.brokenIds) found?.broken.push({ file, ids: read.brokenIds });
  if (read.text === undefined || (read.documents.length === 0 && read.diagnostics.length === 0)) return [];
  sources.set(file, read.text);
  return documentsOfText(file, read.text, read.documents);
}
