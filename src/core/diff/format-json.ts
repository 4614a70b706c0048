import type { Detail, DiffResult, EntityChange, FindingChange } from "./types.js";

const DETAIL_KEYS = [
  "type",
  "field",
  "from",
  "to",
  "direction",
  "days",
  "baselineDays",
  "currency",
  "delta",
  "percent",
  "scoreFrom",
  "scoreTo",
  "affects",
  "text",
] as const;
const CHANGE_KEYS = ["kind", "id", "change", "previousId", "name", "file", "previousFile", "direction"] as const;
const FINDING_KEYS = ["ruleId", "severity", "message", "file", "line", "column", "pointer", "entity"] as const;

/**
 * The stable machine-readable diff (docs/diff.md): keys in a fixed order, absent values left
 * out, `changes` empty when nothing changed in meaning. Keys are only ever added.
 */
export function formatDiffJson(result: DiffResult): string {
  const out = {
    version: 1,
    base: result.base,
    head: result.head,
    summary: result.summary,
    changes: result.changes.map(change),
    findings: { introduced: result.findings.introduced.map(finding), resolved: result.findings.resolved.map(finding) },
    schedule: result.schedule,
    validity: result.validity,
    decision: result.decision,
    evm: result.evm ?? [],
  };
  return JSON.stringify(out, null, 2) + "\n";
}

function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function change(c: EntityChange): Record<string, unknown> {
  return { ...pick(c, CHANGE_KEYS), details: c.details.map((d: Detail) => pick(d, DETAIL_KEYS)) };
}

function finding(f: FindingChange): Record<string, unknown> {
  return pick(f, FINDING_KEYS);
}
