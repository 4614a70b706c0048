import { closeSync, openSync, readSync } from "node:fs";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Kind } from "../../model/document.js";
import { fileDiagnostic, pathIn } from "./discover.js";
import { decodeSource, parseSource, parseWanted, type ParsedSource, type RawDocument } from "./parse.js";

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
    return {
      file,
      documents: [],
      diagnostics: [
        fileDiagnostic(
          file,
          `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          "unreadable-file",
        ),
      ],
      notPmo: false,
    };
  }
  return readBytes(file, bytes, kinds);
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

/** Decodes a file's bytes and parses its documents; a file that is not text becomes a diagnostic. */
export function readBytes(file: string, bytes: Uint8Array, kinds?: readonly Kind[]): FileRead {
  const text = decodeSource(file, bytes);
  if (typeof text !== "string") return { file, documents: [], diagnostics: [text], notPmo: false };
  if (kinds !== undefined) {
    const parsed = parseWanted(file, text, kinds);
    if (parsed === undefined) return { file, documents: [], diagnostics: [], notPmo: false, skipped: true };
    return fileRead(file, parsed);
  }
  return readText(file, text);
}

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
