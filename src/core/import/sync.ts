/**
 * Sync import: the plan of what a new publication of a sheet changes in the repository. Rows
 * are matched to the documents they describe by the mapping's key, and only the fields the
 * mapping owns are compared and written; everything else in the files (fields, milestones and
 * comments added by hand, key order) is left alone. Pure: the command reads and writes files.
 */
import { isDeepStrictEqual } from "node:util";
import type { ParentDocument } from "./index.js";
import { keyForm, type ImportMapping } from "./mapping.js";
import { getPath, type ImportedRow, type RejectedRow } from "./rows.js";

export const MISSING_ACTIONS = ["report", "close", "remove"] as const;
export type MissingAction = (typeof MISSING_ACTIONS)[number];

/** A document of the repository, as the sync sees it. */
export interface ExistingDocument {
  id: string;
  kind: string;
  file: string;
  docIndex: number;
  value: Record<string, unknown>;
  /** Inside the import's output folder: a candidate for "no longer in the sheet". */
  inScope: boolean;
}

export interface FieldChange {
  path: string;
  /** Absent when the field is new. */
  before?: unknown;
  /** Absent when the field is removed (the sheet's cell is blank now). */
  after?: unknown;
}

export interface PlannedCreate {
  row: number;
  line: number;
  key: string;
  id: string;
  value: Record<string, unknown>;
  /** Set when the id the template gives was taken and a number was added to it. */
  renamedFrom?: string;
}

export interface PlannedUpdate {
  row: number;
  line: number;
  key: string;
  id: string;
  file: string;
  docIndex: number;
  changes: FieldChange[];
}

export interface PlannedUnchanged {
  row: number;
  key: string;
  id: string;
  file: string;
}

export interface PlannedRejection extends RejectedRow {
  /** The document the row would have updated: it keeps its values from an earlier import. */
  document?: { id: string; file: string };
}

export interface PlannedMissing {
  id: string;
  file: string;
  docIndex: number;
  name?: string;
  /** What the import does with it: nothing (report), set its stage to closed, or delete it. */
  action: MissingAction;
  changes: FieldChange[];
}

export interface SyncPlan {
  created: PlannedCreate[];
  updated: PlannedUpdate[];
  unchanged: PlannedUnchanged[];
  rejected: PlannedRejection[];
  /** Documents of the kind in the output folder that no row describes (and not closed already). */
  missing: PlannedMissing[];
  /** Documents no row describes that are closed or cancelled already: counted, not listed. */
  missingClosed: number;
  /** Parents the rows name that no document is yet. */
  parents: ParentDocument[];
}

export interface SyncInput {
  mapping: ImportMapping;
  imported: readonly ImportedRow[];
  rejected: readonly RejectedRow[];
  parents: readonly ParentDocument[];
  /** Every document of the repository (or of the output folder outside one). */
  existing: readonly ExistingDocument[];
  missing: MissingAction;
}

const INACTIVE = new Set(["closed", "cancelled"]);

/** The fields the mapping owns (it writes them on every import), and those it only fills when absent. */
export function ownedFields(mapping: ImportMapping): { owned: string[]; fillOnly: string[] } {
  const once = new Set(mapping.fields.filter((f) => f.once).map((f) => f.path));
  const owned = [
    ...new Set([...mapping.fields.filter((f) => !f.once).map((f) => f.path), ...mapping.constants.map(([p]) => p)]),
  ].filter((p) => p !== "id");
  const fillOnly = [...new Set([...once, ...mapping.defaults.keys()])].filter((p) => !owned.includes(p) && p !== "id");
  return { owned, fillOnly };
}

export function planSync(input: SyncInput): SyncPlan {
  const { mapping } = input;
  const kindDocs = input.existing.filter((d) => d.kind === mapping.kind);
  // Key path -> matching form of the value -> documents.
  const index = new Map<string, Map<string, ExistingDocument[]>>();
  for (const path of mapping.key) {
    const byValue = new Map<string, ExistingDocument[]>();
    for (const doc of kindDocs) {
      const key = keyForm(mapping, path, getPath(doc.value, path));
      if (key === undefined) continue;
      const list = byValue.get(key) ?? [];
      list.push(doc);
      byValue.set(key, list);
    }
    index.set(path, byValue);
  }
  /**
   * The document a row's key values point at: the first key field where a document has the
   * row's value, leaving out documents that have a different value at an earlier key field the
   * row also has (a project with another GMPP id is another project, whatever its name).
   */
  const find = (values: readonly [string, string][]): ExistingDocument | undefined => {
    const own = new Map(values);
    for (const [i, path] of mapping.key.entries()) {
      const value = own.get(path);
      if (value === undefined) continue;
      const key = keyForm(mapping, path, value);
      const candidates = (key === undefined ? undefined : index.get(path)!.get(key)) ?? [];
      const fit = candidates.filter((doc) =>
        mapping.key.slice(0, i).every((earlier) => {
          const mine = own.get(earlier);
          const theirs = getPath(doc.value, earlier);
          return (
            mine === undefined ||
            theirs === undefined ||
            keyForm(mapping, earlier, mine) === keyForm(mapping, earlier, theirs)
          );
        }),
      );
      if (fit.length > 0) return fit[0];
    }
    return undefined;
  };
  const keyValues = (value: Record<string, unknown>): [string, string][] =>
    mapping.key.flatMap((path) => {
      const v = getPath(value, path);
      return typeof v === "string" || typeof v === "number" ? [[path, String(v)] as [string, string]] : [];
    });

  const { owned, fillOnly } = ownedFields(mapping);
  const takenIds = new Set(input.existing.map((d) => d.id));
  const claimed = new Map<ExistingDocument, number>();
  const plan: SyncPlan = {
    created: [],
    updated: [],
    unchanged: [],
    rejected: [],
    missing: [],
    missingClosed: 0,
    parents: [],
  };

  const rejected: PlannedRejection[] = [];
  for (const r of input.rejected) {
    const doc = r.keys === undefined ? undefined : find(r.keys);
    if (doc !== undefined && !claimed.has(doc)) claimed.set(doc, r.row);
    rejected.push({ ...r, ...(doc !== undefined && { document: { id: doc.id, file: doc.file } }) });
  }
  const newIds = new Set<string>();
  for (const row of input.imported) {
    const doc = find(keyValues(row.value));
    if (doc === undefined) {
      let id = String(row.value["id"]);
      const wanted = id;
      for (let n = 2; takenIds.has(id) || newIds.has(id); n++) id = `${wanted}-${n}`;
      newIds.add(id);
      plan.created.push({
        row: row.row,
        line: row.line,
        key: row.key,
        id,
        value: { ...row.value, id },
        ...(id !== wanted && { renamedFrom: wanted }),
      });
      continue;
    }
    const first = claimed.get(doc);
    if (first !== undefined) {
      rejected.push({
        row: row.row,
        line: row.line,
        key: row.key,
        reasons: [
          `describes the same ${mapping.kind.toLowerCase()} as row ${first} (${doc.id} in ${doc.file}): one document cannot come from two rows`,
        ],
        document: { id: doc.id, file: doc.file },
      });
      continue;
    }
    claimed.set(doc, row.row);
    const changes: FieldChange[] = [];
    for (const path of owned) {
      const before = getPath(doc.value, path);
      const after = getPath(row.value, path);
      if (!isDeepStrictEqual(before, after))
        changes.push({ path, ...(before !== undefined && { before }), ...(after !== undefined && { after }) });
    }
    for (const path of fillOnly) {
      const after = getPath(row.value, path);
      if (getPath(doc.value, path) === undefined && after !== undefined) changes.push({ path, after });
    }
    if (changes.length === 0) plan.unchanged.push({ row: row.row, key: row.key, id: doc.id, file: doc.file });
    else
      plan.updated.push({
        row: row.row,
        line: row.line,
        key: row.key,
        id: doc.id,
        file: doc.file,
        docIndex: doc.docIndex,
        changes,
      });
  }
  plan.rejected = rejected.sort((a, b) => a.row - b.row);

  for (const doc of kindDocs) {
    if (!doc.inScope || claimed.has(doc)) continue;
    const stage = doc.value["stage"];
    if (typeof stage === "string" && INACTIVE.has(stage)) {
      plan.missingClosed++;
      continue;
    }
    const name = typeof doc.value["name"] === "string" ? doc.value["name"] : undefined;
    const changes: FieldChange[] =
      input.missing === "close"
        ? [{ path: "stage", ...(stage !== undefined && { before: stage }), after: "closed" }]
        : [];
    plan.missing.push({
      id: doc.id,
      file: doc.file,
      docIndex: doc.docIndex,
      ...(name !== undefined && { name }),
      action: input.missing,
      changes,
    });
  }
  plan.missing.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const allIds = new Set([...takenIds, ...newIds]);
  plan.parents = input.parents.filter((p) => !allIds.has(p.id));
  return plan;
}
