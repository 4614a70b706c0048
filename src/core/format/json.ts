import type { Diagnostic } from "../../model/diagnostic.js";
import type { FormatContext, WaivedDiagnostic } from "./index.js";
import { summarise } from "./stylish.js";

/**
 * Machine-readable output with a stable shape and key order:
 * `{ diagnostics: [{ ruleId, severity, message, file, line, column, endLine?, endColumn?, pointer, hint?, docs? }], waived?, summary }`.
 * `docs` appears when the rule's documentation is known; `waived` (each entry the same shape
 * plus `waiver: { source, reason, approver?, expires? }`) and `summary.waived` appear only
 * when the caller reports waivers (`pmo check`), so `pmo validate`'s output never changes.
 */
export function formatJson(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const s = summarise(diagnostics);
  const body = {
    diagnostics: diagnostics.map((d) => entry(d, ctx)),
    ...(ctx.waived !== undefined
      ? { waived: ctx.waived.map((d) => ({ ...entry(d, ctx), waiver: waiverEntry(d.waiver) })) }
      : {}),
    summary: {
      problems: s.problems,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      files: s.files,
      ...(ctx.documents !== undefined ? { documents: ctx.documents } : {}),
      ...(ctx.notPmo ? { notPmoFiles: ctx.notPmo } : {}),
      ...(ctx.waived !== undefined ? { waived: ctx.waived.length } : {}),
    },
  };
  return JSON.stringify(body, null, 2) + "\n";
}

function entry(d: Diagnostic, ctx: FormatContext) {
  const docs = ctx.rules?.get(d.ruleId)?.docs;
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
    pointer: d.pointer,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(docs ? { docs } : {}),
  };
}

function waiverEntry(w: WaivedDiagnostic["waiver"]) {
  return {
    source: w.source,
    reason: w.reason,
    ...(w.approver !== undefined ? { approver: w.approver } : {}),
    ...(w.expires !== undefined ? { expires: w.expires } : {}),
  };
}
