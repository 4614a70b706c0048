import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic.js";
import { KINDS, type PmoDocument } from "../../model/document.js";
import { decodeSource, discoverFiles, documentsOf } from "../load/index.js";

/**
 * What `pmo new` reads of a document: where it is, its kind and id, and of its value at least
 * `kind`, `id`, `project` and `portfolio` (the engagement's whole value: its risk scale and
 * currency fill the template). A full document (PmoDocument) is one.
 */
export type DocumentHead = Pick<PmoDocument, "file" | "kind" | "id" | "value">;

/** The top-level fields a head holds; each must be a plain word on its key's line to be read here. */
const HEAD_KEYS = new Set(["apiVersion", "kind", "id", "project", "portfolio"]);
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/;
/** A plain scalar that YAML 1.2 (core schema) reads as this very string. */
const WORD = /^([A-Za-z][A-Za-z0-9_./-]*)[ \t]*(?:#.*)?$/;
const NOT_A_STRING = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/**
 * The head of a file's one document, read line by line without a YAML parser, or undefined
 * when the text is not of the simple shape for which that reading is exactly what the parser
 * reads (then the caller parses the file). The shape: one document (no `---`, `...` or `%`
 * line), LF line breaks, every line at column 0 a comment or a `key:` of a block mapping with
 * unique keys; the head keys (apiVersion, kind, id, project, portfolio) with a plain word on
 * their own line and nothing indented after them; any other key's quoted or flow value closed
 * on its line, and no anchor or tag at the top level; a known kind. Indented lines belong to
 * the keys above them and are not read. A file that does not parse elsewhere still gives its
 * head here, so its id stays taken.
 */
export function headOf(file: string, text: string): DocumentHead | undefined {
  if (text.includes("\r")) return undefined;
  const value: Record<string, unknown> = {};
  const seen = new Set<string>();
  let afterHeadKey = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === "") continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 /* space */) {
      // Indented content after a head key would continue or nest its value.
      if (afterHeadKey) return undefined;
      continue;
    }
    if (first === 0x23 /* # */) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const [, key, rest = ""] = match as unknown as [string, string, string | undefined];
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (HEAD_KEYS.has(key)) {
      const word = WORD.exec(rest);
      if (!word || NOT_A_STRING.has(word[1]!)) return undefined;
      value[key] = word[1];
      afterHeadKey = true;
      continue;
    }
    afterHeadKey = false;
    if (!closedOnItsLine(rest)) return undefined;
  }
  const kind = value["kind"];
  if (typeof kind !== "string" || !KIND_SET.has(kind)) return undefined;
  return { file, kind, id: typeof value["id"] === "string" ? value["id"] : undefined, value };
}

/**
 * True when a top-level value cannot run onto the lines below at column 0: not quoted or a
 * flow collection left open, no anchor or tag (which may introduce either).
 */
function closedOnItsLine(value: string): boolean {
  const v = value.trimEnd();
  const c = v[0];
  if (c === undefined) return true;
  if (c === "&" || c === "!") return false;
  if (c === '"') {
    for (let i = 1; i < v.length; i++) {
      if (v[i] === "\\") i++;
      else if (v[i] === '"') return rest(v.slice(i + 1));
    }
    return false;
  }
  if (c === "'") {
    for (let i = 1; i < v.length; i++) {
      if (v[i] !== "'") continue;
      if (v[i + 1] === "'") i++;
      else return rest(v.slice(i + 1));
    }
    return false;
  }
  if (c === "[" || c === "{") {
    // Without quotes or comments inside, the brackets alone say where the collection ends.
    if (/["'#]/.test(v)) return false;
    let depth = 0;
    for (let i = 0; i < v.length; i++) {
      if (v[i] === "[" || v[i] === "{") depth++;
      else if (v[i] === "]" || v[i] === "}") {
        depth--;
        if (depth === 0) return i === v.length - 1;
      }
    }
    return false;
  }
  return true;
}

/** What may follow a closed scalar on its line: nothing, or a comment. */
function rest(after: string): boolean {
  return /^(?:[ \t]+#.*)?[ \t]*$/.test(after);
}

/**
 * The heads of every document under `root`, as `pmo new` needs them: the folder loader's
 * discovery, then each file read by `headOf` when it can be, else parsed in full (the
 * engagement always is). Much cheaper than a full load; the same kinds, ids, projects,
 * portfolios and files for every file that parses (test/core/scaffold/scan.test.ts).
 */
export async function loadHeads(root: string, ignore: readonly string[]): Promise<DocumentHead[]> {
  const { files } = await discoverFiles(root, { ignore });
  const heads: DocumentHead[] = [];
  const unused: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      continue; // the full load reports it and holds no document from it
    }
    const text = decodeSource(file, bytes);
    if (typeof text !== "string") continue;
    const head = headOf(file, text);
    if (head !== undefined && head.kind !== "Engagement") heads.push(head);
    else heads.push(...documentsOf(file, text, unused, sources));
  }
  return heads;
}
