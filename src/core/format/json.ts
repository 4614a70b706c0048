import type { Diagnostic } from "../../model/diagnostic.js";
import type { FormatContext, WaivedDiagnostic } from "./index.js";
import { summarise } from "./stylish.js";

/**
 * Machine-readable output with a stable shape and key order:
 * `{ diagnostics: [{ ruleId, severity, message, file, line, column, endLine?, endColumn?, pointer, hint?, docs? }], waived?, summary }`.
 * `docs` appears when the rule's documentation is known; `waived` (each entry the same shape
 * plus `waiver: { source, reason, approver?, expires? }`) and `summary.waived` appear only
 * when the caller reports waivers (`pmo check`), so `pmo validate`'s output never changes.
 *
 * The text is exactly `JSON.stringify(body, null, 2)` of that shape, written entry by entry:
 * a check of a large repository has tens of thousands of findings, and building an object for
 * each of them only to serialise it cost more time (and garbage collection) than the writing.
 */
export function formatJson(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const s = summarise(diagnostics);
  const out: string[] = ['{\n  "diagnostics": '];
  writeList(out, diagnostics, ctx, false);
  if (ctx.waived !== undefined) {
    out.push(',\n  "waived": ');
    writeList(out, ctx.waived, ctx, true);
  }
  const summary = {
    problems: s.problems,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    files: s.files,
    ...(ctx.documents !== undefined ? { documents: ctx.documents } : {}),
    ...(ctx.notPmo ? { notPmoFiles: ctx.notPmo } : {}),
    ...(ctx.waived !== undefined ? { waived: ctx.waived.length } : {}),
  };
  out.push(',\n  "summary": ', nested(summary, "  ")!, "\n}\n");
  return out.join("");
}

const ENTRY_INDENT = "    ";
const FIELD_INDENT = "\n      ";

function writeList(out: string[], list: readonly Diagnostic[], ctx: FormatContext, waived: boolean): void {
  if (list.length === 0) {
    out.push("[]");
    return;
  }
  out.push("[\n");
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out.push(",\n");
    out.push(ENTRY_INDENT, entryText(list[i]!, ctx, waived));
  }
  out.push("\n  ]");
}

/** One entry as JSON.stringify would write it at its depth: fields whose value is undefined are left out. */
function entryText(d: Diagnostic, ctx: FormatContext, waived: boolean): string {
  let text = "";
  const field = (key: string, value: unknown): void => {
    const json = valueText(value, "      ");
    if (json === undefined) return;
    text += (text === "" ? "{" : ",") + FIELD_INDENT + key + json;
  };
  field('"ruleId": ', d.ruleId);
  field('"severity": ', d.severity);
  field('"message": ', d.message);
  field('"file": ', d.file);
  field('"line": ', d.line);
  field('"column": ', d.column);
  if (d.endLine !== undefined) {
    field('"endLine": ', d.endLine);
    field('"endColumn": ', d.endColumn);
  }
  field('"pointer": ', d.pointer);
  if (d.hint) field('"hint": ', d.hint);
  const docs = ctx.rules?.get(d.ruleId)?.docs;
  if (docs) field('"docs": ', docs);
  if (waived) field('"waiver": ', waiverEntry((d as WaivedDiagnostic).waiver));
  return text === "" ? "{}" : text + "\n    }";
}

/** A value as JSON.stringify(…, null, 2) writes it at a depth whose indentation is `indent`. */
function valueText(value: unknown, indent: string): string | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return JSON.stringify(value);
  return nested(value, indent);
}

function nested(value: unknown, indent: string): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined || !json.includes("\n") ? json : json.replace(/\n/g, "\n" + indent);
}

function waiverEntry(w: WaivedDiagnostic["waiver"]) {
  return {
    source: w.source,
    reason: w.reason,
    ...(w.approver !== undefined ? { approver: w.approver } : {}),
    ...(w.expires !== undefined ? { expires: w.expires } : {}),
  };
}
