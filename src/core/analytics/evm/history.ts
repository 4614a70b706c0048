import type { Diagnostic } from "../../../model/diagnostic.js";
import type { PmoDocument } from "../../../model/document.js";
import type { Project } from "../../../model/entities.js";
import { comparePaths, decodeSource, documentsOf } from "../../load/index.js";
import { isMeasured, projectEvm } from "./project.js";

/** A commit as the replay needs it: when, which blobs changed. */
export interface EvmHistoryCommit {
  commit: string;
  /** ISO 8601 date-time; its date part is the date the project is judged at. */
  date: string;
  changes: readonly { path: string; oid: string | null }[];
}

/** A project's earned value indexes after a commit that changed them. */
export interface EvmHistoryPoint {
  date: string;
  commit: string;
  cpi: number | null;
  spi: number | null;
  spit: number | null;
  eac: number | null;
  currency: string;
}

export interface EvmHistoryInput {
  commits: readonly EvmHistoryCommit[];
  blobs: ReadonlyMap<string, Uint8Array>;
  include: (path: string) => boolean;
  /** The currency of a budget that names none, when no engagement document says. */
  defaultCurrency: string;
}

/**
 * CPI, SPI and SPI(t) of every project over the git history, with no other store: the commits
 * are replayed oldest first (first parent), each changed project is measured as of its
 * commit's date, and a point is kept when one of its figures changed. A project document that
 * cannot be measured at a commit (not yet in delivery, or not following the schema) gives no
 * point there.
 */
export function buildEvmHistory(input: EvmHistoryInput): Map<string, EvmHistoryPoint[]> {
  const cache = new Map<string, PmoDocument[]>();
  const parse = (path: string, oid: string): PmoDocument[] => {
    const key = `${oid}\0${path}`;
    let docs = cache.get(key);
    if (!docs) {
      const bytes = input.blobs.get(oid);
      const text = bytes ? decodeSource(path, bytes) : undefined;
      const diagnostics: Diagnostic[] = [];
      docs = typeof text === "string" ? documentsOf(path, text, diagnostics, new Map()) : [];
      cache.set(key, docs);
    }
    return docs;
  };
  const state = new Map<string, string>();
  const out = new Map<string, EvmHistoryPoint[]>();
  const last = new Map<string, string>();
  let currency = input.defaultCurrency;
  for (const c of input.commits) {
    const date = c.date.slice(0, 10);
    const touched = new Set<string>();
    for (const change of c.changes) {
      if (!input.include(change.path)) continue;
      if (change.oid === null) state.delete(change.path);
      else {
        state.set(change.path, change.oid);
        for (const d of parse(change.path, change.oid)) {
          if (d.kind === "Engagement" && typeof d.value["currency"] === "string") currency = d.value["currency"];
          if (d.kind === "Project" && d.id) touched.add(change.path);
        }
      }
    }
    for (const path of [...touched].sort(comparePaths)) {
      for (const d of parse(path, state.get(path)!)) {
        if (d.kind !== "Project" || !d.id) continue;
        const point = measure(d.value as unknown as Project, date, c.commit, currency);
        if (!point) continue;
        const key = `${point.cpi}|${point.spi}|${point.spit}|${point.eac}`;
        if (last.get(d.id) === key) continue;
        last.set(d.id, key);
        const list = out.get(d.id);
        if (list) list.push(point);
        else out.set(d.id, [point]);
      }
    }
  }
  return out;
}

function measure(project: Project, date: string, commit: string, currency: string): EvmHistoryPoint | undefined {
  try {
    if (!isMeasured(project)) return undefined;
    const evm = projectEvm(project, { asOf: date, defaultCurrency: currency });
    const f = evm.figures;
    // A document that does not follow the schema can make any figure meaningless: keep numbers only.
    const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    const point = {
      date,
      commit,
      cpi: finite(f.cpi.value),
      spi: finite(f.spi.value),
      spit: finite(f.spit.value),
      eac: finite(f.eacUsed ? f.eac[f.eacUsed].value : undefined),
      currency: evm.currency,
    };
    return point.cpi === null && point.spi === null ? undefined : point;
  } catch {
    return undefined;
  }
}
