import type { WaivedDiagnostic } from "./index.js";

/**
 * One phrase saying why a finding is not counted, shared by every formatter that lists
 * waived findings: `waived by <approver> until <expires>: <reason>` for a config waiver,
 * `suppressed inline: <reason>` for a YAML comment.
 */
export function describeWaiver(waiver: WaivedDiagnostic["waiver"]): string {
  if (waiver.source === "inline") return `suppressed inline: ${waiver.reason}`;
  if (waiver.source === "baseline") return `existing: ${waiver.reason}`;
  const by = waiver.approver ? ` by ${waiver.approver}` : "";
  const until = waiver.expires ? ` until ${waiver.expires}` : "";
  return `waived${by}${until}: ${waiver.reason}`;
}
