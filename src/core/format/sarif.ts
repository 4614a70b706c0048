import { createHash } from "node:crypto";
import path from "node:path";
import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { FormatContext, RuleInfo } from "./index.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warn: "warning", info: "note" };
/**
 * Name of the fingerprint pmo contributes. Versioned so that a change in what is hashed can
 * start a new series instead of silently re-identifying every finding.
 */
export const FINGERPRINT_KEY = "pmoFinding/v1";

const PACKAGE = "@pmo-as-code/pmo";
const INFORMATION_URI = `https://www.npmjs.com/package/${PACKAGE}`;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run whose driver
 * lists the rules that appear in the results (sorted by id, `name` in PascalCase, `helpUri` to
 * the rule's page in the published package), one result per active finding, with URIs relative
 * to the repository root (`uriBaseId` %SRCROOT%). Waived findings are left out: GitHub code
 * scanning shows results carrying `suppressions` as open alerts, and closes an alert when its
 * result stops appearing, so a waiver closes it; their number is in the run's properties
 * (`pmo check --format json` lists them with their waivers). Findings that `--new-since`
 * found at its baseline stay results, with `baselineState: "unchanged"`.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const waived = ctx.waived ?? [];
  // Findings already present at the --new-since baseline are open problems, not waivers: they
  // stay results, marked unchanged. Waivers and inline suppressions are left out.
  const existing = waived.filter((d) => d.waiver.source === "baseline");
  const leftOut = waived.length - existing.length;
  const ruleIds = [...new Set([...diagnostics, ...existing].map((d) => d.ruleId))].sort(compareCodeUnits);
  const base = ctx.repositoryPath ?? "";
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
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => descriptor(id, ctx.rules?.get(id), ctx.toolVersion)),
          },
        },
        // Positions come from JavaScript strings, so columns count UTF-16 code units.
        columnKind: "utf16CodeUnits",
        results: [
          ...diagnostics.map((d) => result(d, ruleIndex, base)),
          ...existing.map((d) => ({ ...result(d, ruleIndex, base), baselineState: "unchanged" })),
        ],
        properties: { waivedFindings: leftOut },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

/** `budget-rag-consistent` -> `BudgetRagConsistent`: SARIF's rule name is a readable identifier, not the id again. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

function descriptor(id: string, info: RuleInfo | undefined, version: string | undefined) {
  if (!info) return { id, name: ruleName(id) };
  const help = info.docs ? `${info.description}\n\nDocumentation: ${info.docs} in the pmo package.` : info.description;
  // The page as published: the package's files at this version, served by a registry CDN.
  const helpUri =
    info.docs !== undefined && version !== undefined
      ? `https://unpkg.com/${PACKAGE}@${version}/${info.docs}`
      : undefined;
  return {
    id,
    name: ruleName(id),
    ...(helpUri !== undefined ? { helpUri } : {}),
    shortDescription: { text: info.description },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[info.severity] },
    ...(info.group ? { properties: { tags: [info.group] } } : {}),
  };
}

function result(d: Diagnostic, ruleIndex: ReadonlyMap<string, number>, base: string) {
  return {
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId)!,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message}. Hint: ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: fileUri(path.posix.normalize(path.posix.join(base, d.file.replace(/\\/g, "/")))),
            uriBaseId: "%SRCROOT%",
          },
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

/**
 * Identifies a finding independently of its line, so a code scanning alert survives edits
 * above it: the rule, the file, the document (by id when it has one) and the JSON pointer.
 */
export function fingerprint(d: Diagnostic): string {
  const doc = d.entity ?? (d.docIndex !== undefined ? `#${d.docIndex}` : "");
  return createHash("sha256")
    .update([d.ruleId, d.file.replace(/\\/g, "/"), doc, d.pointer].join("\0"))
    .digest("hex")
    .slice(0, 32);
}

/** A relative URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `?`). */
function fileUri(file: string): string {
  return file.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
