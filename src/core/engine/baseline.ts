import type { Diagnostic } from "../../model/diagnostic.js";
import { findingKey } from "../diff/index.js";
import type { WaivedDiagnostic } from "../format/index.js";
import { sortDiagnostics } from "../validate/index.js";
import type { CheckResult } from "./index.js";

/**
 * `pmo check --new-since <ref>`: findings that were already there at the baseline (matched by
 * rule, entity and pointer, as `pmo diff` matches them; each baseline finding excuses one)
 * move to the waived list with source "baseline", so they are shown as existing and never
 * fail the check. Only findings the change introduced stay active.
 */
export function applyBaseline(result: CheckResult, baseline: readonly Diagnostic[], label: string): CheckResult {
  const counts = new Map<string, number>();
  for (const d of baseline) counts.set(findingKey(d), (counts.get(findingKey(d)) ?? 0) + 1);
  const active: Diagnostic[] = [];
  const existing: WaivedDiagnostic[] = [];
  for (const d of result.diagnostics) {
    const key = findingKey(d);
    const n = counts.get(key) ?? 0;
    if (n === 0) {
      active.push(d);
      continue;
    }
    counts.set(key, n - 1);
    existing.push({ ...d, waiver: { source: "baseline", reason: `already present at ${label}` } });
  }
  return {
    ...result,
    diagnostics: active,
    waived: sortDiagnostics([...result.waived, ...existing]) as WaivedDiagnostic[],
  };
}
