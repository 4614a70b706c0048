import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { FindingChange } from "./types.js";

/**
 * The key a finding keeps across commits: its rule, the entity it is about (or its file, for
 * problems outside any entity) and the pointer into the document. Not the line: adding a
 * field above a finding must not make it new.
 */
export function findingKey(d: Pick<Diagnostic, "ruleId" | "entity" | "file" | "pointer">): string {
  return `${d.ruleId}\0${d.entity ?? `file:${d.file}`}\0${d.pointer}`;
}

/**
 * Findings introduced (at head, not at base) and resolved (at base, not at head), matched as
 * multisets of keys so that two findings with the same key count twice.
 */
export function diffFindings(
  base: readonly Diagnostic[],
  head: readonly Diagnostic[],
): { introduced: Diagnostic[]; resolved: Diagnostic[] } {
  return { introduced: without(head, base), resolved: without(base, head) };
}

/** The diagnostics of `from` whose keys are not (or not as often) in `other`. */
export function without(from: readonly Diagnostic[], other: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of other) counts.set(findingKey(d), (counts.get(findingKey(d)) ?? 0) + 1);
  return from.filter((d) => {
    const key = findingKey(d);
    const n = counts.get(key) ?? 0;
    if (n === 0) return true;
    counts.set(key, n - 1);
    return false;
  });
}

export function findingChange(d: Diagnostic): FindingChange {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    pointer: d.pointer,
    ...(d.entity !== undefined ? { entity: d.entity } : {}),
  };
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };
