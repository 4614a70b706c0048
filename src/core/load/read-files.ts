import { closeSync, openSync, readSync } from "node:fs";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Kind } from "../../model/document.js";
import { fileDiagnostic, pathIn } from "./discover.js";
import {
  decodeSource,
  parseSource,
  parseWanted,
  unwantedByItsHead,
  type ParsedSource,
  type RawDocument,
} from "./parse.js";
import { normaliseLineBreaks } from "./yaml-read.js";

/**
 * What reading one file gives, as plain data (a worker thread can hand it over by structured
 * clone): its documents' values, its diagnostics, and the text positions refer to.
 */
export interface FileRead {
  file: string;
  /** With `schemaProblems` when the load checks schemas as it reads (index.ts, checkSchemas). */
  documents: (RawDocument & { schemaProblems?: Diagnostic[] })[];
  diagnostics: Diagnostic[];
  /** The text (line breaks normalised), when the file was read and parsed. */
  text?: string;
  notPmo: boolean;
  brokenIds?: string[];
  /** Not parsed: its text holds one document of a kind the load does not want (head.ts). */
  skipped?: true;
  /**
   * Read and decoded but not parsed yet: `text` is the decoded text, to be parsed by the thread
   * it is handed to (readPending), which then gives what readOneFile gives (readForHandOff).
   */
  pending?: true;
}

/**
 * Reads, decodes and parses one file of the repository. Never throws for bad content. With
 * `kinds`, a file whose one document is certainly of another kind is not parsed.
 */
export function readOneFile(root: string, file: string, kinds?: readonly Kind[]): FileRead {
  let bytes: Uint8Array;
  try {
    bytes = readWhole(pathIn(root, file));
  } catch (error) {
    return unreadable(file, error);
  }
  return readBytes(file, bytes, kinds);
}

function unreadable(file: string, error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return {
    file,
    documents: [],
    diagnostics: [fileDiagnostic(file, `cannot read file: ${code}`, "unreadable-file")],
    notPmo: false,
  };
}

/** One buffer per thread that every file is read into: most files are a few hundred bytes. */
const BUFFER_BYTES = 64 * 1024;
let buffer = new Uint8Array(BUFFER_BYTES);

/**
 * A file's bytes, read into the thread's buffer (valid until the next read; decoding copies
 * them): open, read and close, without the size query and the new buffer per file that
 * readFileSync makes, which for tens of thousands of small files is a tenth of the reading.
 * Throws as readFileSync does when the file cannot be read.
 */
export function readWhole(file: string): Uint8Array {
  // A buffer grown for one large file is not kept for the thousands of small ones after it.
  if (buffer.length > 16 * BUFFER_BYTES) buffer = new Uint8Array(BUFFER_BYTES);
  const fd = openSync(file, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = new Uint8Array(buffer.length * 2);
        larger.set(buffer);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * readOneFile for a loader thread that hands the parsing over (LoaderJob.handOff): a file that
 * is certainly of a kind that is not wanted (its head says so, parse.ts) is skipped as
 * readOneFile skips it, a file that cannot be read or decoded is what readOneFile makes of it,
 * and any other comes back `pending`, its decoded text unparsed. readPending then gives what
 * readOneFile gives for it.
 */
export function readForHandOff(root: string, file: string, kinds: readonly Kind[]): FileRead {
  let bytes: Uint8Array;
  try {
    bytes = readWhole(pathIn(root, file));
  } catch (error) {
    return unreadable(file, error);
  }
  const text = decodeSource(file, bytes);
  if (typeof text !== "string") return { file, documents: [], diagnostics: [text], notPmo: false };
  if (unwantedByItsHead(normaliseLineBreaks(text), kinds)) return skippedRead(file);
  return { file, documents: [], diagnostics: [], text, notPmo: false, pending: true };
}

/** What readOneFile gives for a file a loader thread read and decoded but left unparsed (readForHandOff). */
export function readPending(read: FileRead, kinds: readonly Kind[]): FileRead {
  return readDecoded(read.file, read.text!, kinds);
}

/** Decodes a file's bytes and parses its documents; a file that is not text becomes a diagnostic. */
export function readBytes(file: string, bytes: Uint8Array, kinds?: readonly Kind[]): FileRead {
  const text = decodeSource(file, bytes);
  if (typeof text !== "string") return { file, documents: [], diagnostics: [text], notPmo: false };
  return readDecoded(file, text, kinds);
}

/** Parses a file's decoded text; with `kinds`, a file of one document of another kind is skipped. */
function readDecoded(file: string, text: string, kinds: readonly Kind[] | undefined): FileRead {
  if (kinds !== undefined) {
    const parsed = parseWanted(file, text, kinds);
    if (parsed === undefined) return skippedRead(file);
    return fileRead(file, parsed);
  }
  return readText(file, text);
}

const skippedRead = (file: string): FileRead => ({
  file,
  documents: [],
  diagnostics: [],
  notPmo: false,
  skipped: true,
});

/** Parses one file's text. */
export function readText(file: string, input: string): FileRead {
  return fileRead(file, parseSource(file, input));
}

function fileRead(file: string, parsed: ParsedSource): FileRead {
  return {
    file,
    documents: parsed.documents,
    diagnostics: parsed.diagnostics,
    text: parsed.text,
    notPmo: parsed.notPmo,
    ...(parsed.brokenIds ? { brokenIds: parsed.brokenIds } : {}),
  };
}
