import type { Diagnostic } from "../../model/diagnostic.js";
import { KINDS, type BrokenFile, type PmoDocument } from "../../model/document.js";
import { buildCatalog } from "../domain/index.js";
import type { Settings } from "../rules/index.js";
import type { DiffContext } from "./context.js";
import { otherFields } from "./fields.js";
import { diffFindings, findingChange } from "./findings.js";
import { diffEngagement, diffPortfolio, diffRaid } from "./objectives.js";
import { describeNewProject, diffProject, type KindDiff } from "./project.js";
import { describeNewRisk, diffRisk } from "./risk.js";
import { evmChanges, type EvmThresholds } from "./evm.js";
import { slipPropagation } from "./schedule.js";
import { decide } from "./decision.js";
import { summarise } from "./summary.js";
import type { DiffResult, EntityChange } from "./types.js";
import { invalidDocuments, sideValidity, unparsedFiles, validationErrors } from "./validity.js";
import { canonical, str, type Value } from "./values.js";

export type * from "./types.js";
export { diffFindings, findingKey, without, SEVERITY_RANK } from "./findings.js";
export { summaryLine } from "./summary.js";
export { findingGroups } from "./decision.js";
export { sameScale } from "./context.js";
export { validationErrors } from "./validity.js";
export { formatDiffText } from "./format-text.js";
export { formatDiffMarkdown, DIFF_MARKDOWN_MAX_CHARS } from "./format-markdown.js";
export { formatDiffJson } from "./format-json.js";
export { describePropagation, slipPropagation } from "./schedule.js";
export { DEFAULT_EVM_THRESHOLDS, type EvmThresholds } from "./evm.js";

/** One side of a diff: its documents, its settings, and its governance findings (active ones). */
export interface DiffSide {
  label: string;
  documents: readonly PmoDocument[];
  settings: Settings;
  findings: readonly Diagnostic[];
  /** The date both sides are judged at (pmo diff's --as-of), for the earned value crossings. */
  asOf?: string;
  /** The head's CPI and SPI tolerances (its config's cost-performance-vs-status threshold); 0.90 when not given. */
  evmThresholds?: EvmThresholds;
  /** Files that do not parse on this side, with the ids their text seems to define (the loader's). */
  broken?: readonly BrokenFile[];
}

const KIND_ORDER = new Map<string, number>(KINDS.map((k, i) => [k, i]));

/**
 * Two workspaces -> what changed in meaning. Entities are matched by kind and id wherever their
 * file lives, so moving a file is not a change; an entity whose id changed but whose content
 * (without the id) did not is a rename. Each change lists details in the domain's words, then
 * the fields no specific rule described.
 */
export function diffWorkspaces(base: DiffSide, head: DiffSide): DiffResult {
  const ctx: DiffContext = {
    base: base.settings,
    head: head.settings,
    headCatalog: buildCatalog(head.documents.filter((d) => KIND_ORDER.has(d.kind))),
  };
  const a = entities(base.documents);
  const b = entities(head.documents);
  const changes: EntityChange[] = [];

  // A side that does not validate is reported first; an entity whose file does not parse on one
  // side is left out of the comparison, not reported as removed (or new).
  const baseErrors = validationErrors(base.findings);
  const headErrors = validationErrors(head.findings);
  const validity = {
    base: sideValidity(
      base.label,
      baseErrors,
      base.broken ?? [],
      [...b.entries()].filter(([k]) => !a.has(k)).map(([, d]) => d),
    ),
    head: sideValidity(
      head.label,
      headErrors,
      head.broken ?? [],
      [...a.entries()].filter(([k]) => !b.has(k)).map(([, d]) => d),
    ),
  };
  const unreadable = new Set(
    [...validity.base.unreadable, ...validity.head.unreadable].map((u) => `${u.kind}\0${u.id}`),
  );

  const removed = [...a.keys()].filter((k) => !b.has(k) && !unreadable.has(k));
  const added = [...b.keys()].filter((k) => !a.has(k) && !unreadable.has(k));
  // Renames: a removed and an added entity of the same kind with identical content but the id.
  const byContent = new Map<string, string[]>();
  for (const key of removed) {
    const doc = a.get(key)!;
    const content = `${doc.kind}\0${canonical(withoutId(doc.value))}`;
    byContent.set(content, [...(byContent.get(content) ?? []), key]);
  }
  const renamedFrom = new Set<string>();
  for (const key of added) {
    const doc = b.get(key)!;
    const candidates = byContent.get(`${doc.kind}\0${canonical(withoutId(doc.value))}`);
    const from = candidates?.shift();
    if (from === undefined) continue;
    renamedFrom.add(from);
    const old = a.get(from)!;
    changes.push({
      kind: doc.kind,
      id: doc.id!,
      change: "renamed",
      previousId: old.id!,
      ...named(doc),
      file: doc.file,
      ...moved(old, doc),
      details: [{ type: "field", field: "id", from: old.id, to: doc.id, text: `id ${old.id} -> ${doc.id}` }],
    });
  }
  const renamedTo = new Set(changes.map((c) => `${c.kind}\0${c.id}`));

  for (const key of added) {
    if (renamedTo.has(key)) continue;
    const doc = b.get(key)!;
    const details =
      doc.kind === "Project"
        ? describeNewProject(doc.value, ctx)
        : doc.kind === "Risk"
          ? describeNewRisk(doc.value, ctx)
          : [];
    changes.push({ kind: doc.kind, id: doc.id!, change: "added", ...named(doc), file: doc.file, details });
  }
  for (const key of removed) {
    if (renamedFrom.has(key)) continue;
    const doc = a.get(key)!;
    changes.push({ kind: doc.kind, id: doc.id!, change: "removed", ...named(doc), file: doc.file, details: [] });
  }
  for (const [key, old] of a) {
    const doc = b.get(key);
    if (!doc || canonical(old.value) === canonical(doc.value)) continue;
    const diff = differ(doc.kind)(old.value, doc.value, ctx);
    const details = [...diff.details, ...otherFields(old.value, doc.value, diff.covered.has)];
    if (details.length === 0) continue;
    changes.push({
      kind: doc.kind,
      id: doc.id!,
      change: "modified",
      ...named(doc),
      file: doc.file,
      ...moved(old, doc),
      ...(diff.direction ? { direction: diff.direction } : {}),
      details,
    });
  }
  changes.sort(
    (x, y) =>
      (KIND_ORDER.get(x.kind) ?? 99) - (KIND_ORDER.get(y.kind) ?? 99) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );

  const delta = diffFindings(base.findings, head.findings);
  const introduced = delta.introduced.map(findingChange);
  const resolved = delta.resolved.map(findingChange);
  const decision = decide({
    changes,
    base: { documents: base.documents, settings: base.settings, invalid: invalidDocuments(base.documents, baseErrors) },
    head: { documents: head.documents, settings: head.settings, invalid: invalidDocuments(head.documents, headErrors) },
    unreadable,
    unparsed: [
      { label: base.label, files: unparsedFiles(baseErrors, base.broken ?? []).size },
      { label: head.label, files: unparsedFiles(headErrors, head.broken ?? []).size },
    ],
    introduced,
    resolved,
  });
  const evm =
    head.asOf !== undefined
      ? evmChanges(base.documents, head.documents, head.asOf, head.settings.currency, head.evmThresholds)
      : [];
  const summary = summarise({
    changes,
    base,
    head,
    introduced,
    resolved,
    decision,
    validity,
    evm,
  });
  const schedule = head.asOf !== undefined ? slipPropagation(base.documents, head.documents, head.asOf) : [];
  return {
    base: base.label,
    head: head.label,
    summary,
    changes,
    findings: { introduced, resolved },
    schedule,
    evm,
    validity,
    decision,
  };
}

/** Documents by kind and id; the first of a duplicated id wins (validation reports the rest). */
function entities(documents: readonly PmoDocument[]): Map<string, PmoDocument> {
  const map = new Map<string, PmoDocument>();
  for (const doc of documents) {
    if (!KIND_ORDER.has(doc.kind) || doc.id === undefined) continue;
    const key = `${doc.kind}\0${doc.id}`;
    if (!map.has(key)) map.set(key, doc);
  }
  return map;
}

function differ(kind: string): (before: Value, after: Value, ctx: DiffContext) => KindDiff {
  switch (kind) {
    case "Project":
      return diffProject;
    case "Risk":
      return diffRisk;
    case "Portfolio":
      return diffPortfolio;
    case "Engagement":
      return diffEngagement;
    default:
      return diffRaid;
  }
}

function withoutId(value: Value): Value {
  const { id: _id, ...rest } = value;
  return rest;
}

function named(doc: PmoDocument): { name?: string } {
  const name = str(doc.value["name"]) ?? str(doc.value["title"]);
  return name !== undefined ? { name } : {};
}

function moved(old: PmoDocument, doc: PmoDocument): { previousFile?: string } {
  return old.file !== doc.file ? { previousFile: old.file } : {};
}
