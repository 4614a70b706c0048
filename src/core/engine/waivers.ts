import type { Diagnostic } from "../../model/diagnostic.js";
import type { Path } from "../../model/document.js";
import type { ConfigValues } from "../config/index.js";

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

export function readWaivers(values: ConfigValues): Waiver[] {
  return (values.waivers ?? []).map((w, index) => ({
    index,
    rule: w.rule,
    entity: w.entity,
    path: w.path,
    reason: w.reason,
    approver: w.approver,
    expires: w.expires,
  }));
}

export function waiverCovers(waiver: Waiver, finding: Diagnostic): boolean {
  if (waiver.rule !== finding.ruleId || waiver.entity !== finding.entity) return false;
  if (waiver.path === undefined || waiver.path === "" || waiver.path === "/") return true;
  return finding.pointer === waiver.path || finding.pointer.startsWith(waiver.path + "/");
}

export type Locate = (path: Path, options?: { key?: boolean }) => { line: number; column: number };
