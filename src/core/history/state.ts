import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { Settings } from "../domain/index.js";
import type { BrokenFile, Path, PmoDocument, SourceRange, Workspace } from "../../model/document.js";
import { comparePaths, decodeSource, documentsOf, scanHead, type LoadFindings } from "../load/index.js";

/*
 * The state a history replays: path -> the parsed blob of that path at the current commit, and
 * what a period's snapshot needs of the check of that state.
 */

/** The kinds a history without findings reads: the snapshots and entries need no others. */
export const SNAPSHOT_KINDS: ReadonlySet<string> = new Set(["Project", "Engagement"]);

/** What parsing one version of a file gave. */
export interface Parsed {
  documents: PmoDocument[];
  diagnostics: Diagnostic[];
  text?: string;
  /** Set when the file is meant as a pmo file but does not parse: the ids its text seems to hold. */
  broken?: BrokenFile;
}

/**
 * Parses one (path, blob) as the folder loader parses a file. With `kinds`, a file whose text
 * makes it certain that it holds one document of another kind (a risk, a decision) is not parsed.
 */
export function parseFile(path: string, bytes: Uint8Array | undefined, kinds?: ReadonlySet<string>): Parsed {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const text = bytes ? decodeSource(path, bytes) : undefined;
  if (typeof text !== "string") return { documents: [], diagnostics: text ? [text] : [] };
  if (kinds !== undefined) {
    const kind = scanHead(text)?.kind;
    if (kind !== undefined && !kinds.has(kind)) return { documents: [], diagnostics: [] };
  }
  // As the folder loader: a file that does not parse is noted with the ids it seems to hold, so
  // that the check of the period does not report every reference to them as dangling.
  const found: LoadFindings = { notPmo: [], broken: [] };
  const documents = documentsOf(path, text, diagnostics, sources, found);
  // An unchanged file is checked again in every later period: its positions are found once.
  for (const doc of documents) doc.locate = memoisedLocate(doc.locate);
  return { documents, diagnostics, text: sources.get(path), ...(found.broken[0] && { broken: found.broken[0] }) };
}

/** A document's locate function that answers each question once (the answers never change). */
export function memoisedLocate(locate: PmoDocument["locate"]): PmoDocument["locate"] {
  // Made on the first question: without findings nothing asks.
  let answers: Map<string, SourceRange> | undefined;
  return (path: Path, options?: { key?: boolean }) => {
    answers ??= new Map();
    // Segments typed apart: key "1" and index 1 of the same parent can have different answers.
    let question = options?.key === true ? "k" : "v";
    for (const segment of path) question += typeof segment === "number" ? `\u0001${segment}` : `\u0000${segment}`;
    let range = answers.get(question);
    if (range === undefined) {
      range = locate(path, options);
      answers.set(question, range);
    }
    return { ...range };
  };
}

/** A file of the current state: its blob and what parsing it gave. */
export interface StateEntry {
  oid: string;
  parsed: Parsed;
}

/**
 * The current state of the pmo files, path -> entry, with the paths in the folder loader's
 * order: sorted again only after a commit adds or removes a path (an update in place keeps
 * the order), not once per period.
 */
export class State {
  readonly #entries = new Map<string, StateEntry>();
  #sorted: string[] | undefined;
  /** Every document of the state in path order; kept until a commit changes the state. */
  #documents: PmoDocument[] | undefined;

  get(path: string): StateEntry | undefined {
    return this.#entries.get(path);
  }

  set(path: string, entry: StateEntry): void {
    if (!this.#entries.has(path)) this.#sorted = undefined;
    this.#entries.set(path, entry);
    this.#documents = undefined;
  }

  delete(path: string): void {
    if (this.#entries.delete(path)) this.#sorted = undefined;
    this.#documents = undefined;
  }

  /** Every document, in path order: the periods a commit does not change share one list. */
  documents(): readonly PmoDocument[] {
    if (this.#documents === undefined) {
      this.#documents = [];
      for (const [, { parsed }] of this.inOrder()) for (const doc of parsed.documents) this.#documents.push(doc);
    }
    return this.#documents;
  }

  /** The entries in path order (comparePaths), as a full load of the folder would list the files. */
  *inOrder(): Generator<[string, StateEntry]> {
    this.#sorted ??= [...this.#entries.keys()].sort(comparePaths);
    for (const path of this.#sorted) yield [path, this.#entries.get(path)!];
  }
}

/** The workspace a check of the state reads, as a load of the folder at that commit would give it. */
export function workspaceOf(state: State, root: string): Workspace {
  const documents = [...state.documents()];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const broken: BrokenFile[] = [];
  for (const [path, { parsed }] of state.inOrder()) {
    diagnostics.push(...parsed.diagnostics);
    if (parsed.text !== undefined) sources.set(path, parsed.text);
    if (parsed.broken) broken.push(parsed.broken);
  }
  return { root, documents, sources, diagnostics, broken };
}

/** What a period's snapshot needs of a check of its last commit: the settings it judged with and its findings. */
export interface Judgement {
  /** The status scale's values, best first. */
  scale: readonly string[];
  currency: string;
  statusValidityDays: number;
  /** Findings by severity; absent without findings. */
  findings?: Record<Severity, number>;
}

/** The judgement of a check (or of the settings alone, without findings). */
export function judgementOf(settings: Settings, diagnostics?: readonly Diagnostic[]): Judgement {
  const judgement: Judgement = {
    scale: settings.statusScale.values,
    currency: settings.currency,
    statusValidityDays: settings.statusValidityDays,
  };
  if (diagnostics) {
    const findings: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
    for (const d of diagnostics) findings[d.severity]++;
    judgement.findings = findings;
  }
  return judgement;
}
