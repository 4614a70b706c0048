import type { Diagnostic } from "../../model/diagnostic.js";
import type { Path } from "../../model/document.js";

/** A waiver from pmo.config.yaml: an explicit, reviewable exception with an expiry. */
export interface Waiver {
  index: number;
  rule: string;
  entity: string;
  path?: string;
  reason: string;
  approver: string;
  expires: string;
}

export function readWaivers(raw: Record<string, unknown>): Waiver[] {
  const list = Array.isArray(raw["waivers"]) ? (raw["waivers"] as Record<string, unknown>[]) : [];
  return list.map((w, index) => ({
    index,
    rule: String(w["rule"]),
    entity: String(w["entity"]),
    path: typeof w["path"] === "string" ? w["path"] : undefined,
    reason: String(w["reason"]),
    approver: String(w["approver"]),
    expires: String(w["expires"]),
  }));
}

export function waiverCovers(waiver: Waiver, finding: Diagnostic): boolean {
  if (waiver.rule !== finding.ruleId || waiver.entity !== finding.entity) return false;
  if (waiver.path === undefined || waiver.path === "" || waiver.path === "/") return true;
  return finding.pointer === waiver.path || finding.pointer.startsWith(waiver.path + "/");
}

export type Locate = (path: Path, options?: { key?: boolean }) => { line: number; column: number };
