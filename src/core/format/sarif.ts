import { createHash } from "node:crypto";
import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { FormatContext, RuleInfo, WaivedDiagnostic } from "./index.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warn: "warning", info: "note" };
/**
 * Name of the fingerprint pmo contributes. Versioned so that a change in what is hashed can
 * start a new series instead of silently re-identifying every finding.
 */
export const FINGERPRINT_KEY = "pmoFinding/v1";

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run whose driver
 * lists the rules that appear in the results (sorted by id), one result per finding, waived
 * findings as results with a suppression (`external` for a config waiver, `inSource` for an
 * inline comment) so that viewers show them as dismissed rather than lose them.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const waived = ctx.waived ?? [];
  const ruleIds = [...new Set([...diagnostics, ...waived].map((d) => d.ruleId))].sort(compareCodeUnits);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pmo",
            ...(ctx.toolVersion !== undefined ? { version: ctx.toolVersion } : {}),
            rules: ruleIds.map((id) => descriptor(id, ctx.rules?.get(id))),
          },
        },
        // Positions come from JavaScript strings, so columns count UTF-16 code units.
        columnKind: "utf16CodeUnits",
        results: [...diagnostics.map((d) => result(d, ruleIndex)), ...waived.map((d) => ({ ...result(d, ruleIndex), ...(d.waiver.source === "baseline" ? { baselineState: "unchanged" } : {}), suppressions: [suppression(d.waiver)] }))],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function descriptor(id: string, info: RuleInfo | undefined) {
  if (!info) return { id, name: id };
  const help = info.docs ? `${info.description}\n\nDocumentation: ${info.docs} in the pmo package.` : info.description;
  return {
    id,
    name: id,
    shortDescription: { text: info.description },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[info.severity] },
    ...(info.group ? { properties: { tags: [info.group] } } : {}),
  };
}

function result(d: Diagnostic, ruleIndex: ReadonlyMap<string, number>) {
  return {
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId)!,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message}. Hint: ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(d.file), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
            ...(d.endLine !== undefined && d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(d) },
  };
}

function suppression(w: WaivedDiagnostic["waiver"]) {
  const properties = {
    ...(w.approver !== undefined ? { approver: w.approver } : {}),
    ...(w.expires !== undefined ? { expires: w.expires } : {}),
  };
  return {
    kind: w.source === "inline" ? "inSource" : "external",
    status: "accepted",
    justification: w.reason,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/**
 * Identifies a finding independently of its line, so a code scanning alert survives edits
 * above it: the rule, the file, the document (by id when it has one) and the JSON pointer.
 */
export function fingerprint(d: Diagnostic): string {
  const doc = d.entity ?? (d.docIndex !== undefined ? `#${d.docIndex}` : "");
  return createHash("sha256").update([d.ruleId, d.file.replace(/\\/g, "/"), doc, d.pointer].join("\0")).digest("hex").slice(0, 32);
}

/** A relative URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `?`). */
function fileUri(file: string): string {
  return file.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
