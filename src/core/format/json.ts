import type { Diagnostic } from "../../model/diagnostic.js";
import type { FormatContext } from "./index.js";
import { summarise } from "./stylish.js";

/**
 * Machine-readable output with a stable shape and key order:
 * `{ diagnostics: [{ ruleId, severity, message, file, line, column, endLine?, endColumn?, pointer, hint? }], summary }`.
 */
export function formatJson(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const s = summarise(diagnostics);
  const body = {
    diagnostics: diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      pointer: d.pointer,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
    summary: {
      problems: s.problems,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      files: s.files,
      ...(ctx.documents !== undefined ? { documents: ctx.documents } : {}),
    },
  };
  return JSON.stringify(body, null, 2) + "\n";
}
