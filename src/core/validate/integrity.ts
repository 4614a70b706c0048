import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { renderMessage, reportedDiagnostic } from "../messages/index.js";
import { INTEGRITY_RULES, type ValidationRule } from "./rules/index.js";

/**
 * Layer 3 of validation: what no single document's schema can tell, checked by the integrity
 * rules (src/core/validate/rules/). Ids are unique across the repository, references resolve
 * to a document of the right kind, dependency graphs have no cycles, dates are in order and
 * actual dates are not in the future of `asOf`, and values follow the engagement's scales.
 * Works on every document, including ones with schema errors. Every finding is an error.
 */
export function checkIntegrity(
  documents: readonly PmoDocument[],
  asOf: string,
  rules: readonly ValidationRule[] = INTEGRITY_RULES,
): Diagnostic[] {
  return integrityFindings(documents, asOf, rules).map((f) => f.diagnostic);
}

/** An integrity finding, with the ids it says no document has (ReportArgs.refs). */
export interface IntegrityFinding {
  diagnostic: Diagnostic;
  refs?: readonly string[];
}

/** checkIntegrity's findings with their structured data, for validation to hold some back. */
export function integrityFindings(
  documents: readonly PmoDocument[],
  asOf: string,
  rules: readonly ValidationRule[] = INTEGRITY_RULES,
): IntegrityFinding[] {
  const byId = new Map<string, PmoDocument>();
  for (const doc of documents) if (doc.id && !byId.has(doc.id)) byId.set(doc.id, doc);
  const byKind = new Map<string, PmoDocument[]>();
  for (const doc of documents) {
    const same = byKind.get(doc.kind);
    if (same) same.push(doc);
    else byKind.set(doc.kind, [doc]);
  }
  const none: readonly PmoDocument[] = [];
  const ofKind = (kind: string): readonly PmoDocument[] => byKind.get(kind) ?? none;
  const engagement = ofKind("Engagement")[0];
  const out: IntegrityFinding[] = [];
  for (const rule of rules) {
    rule.check({
      documents,
      byId,
      ofKind,
      engagement,
      asOf,
      report: (args) =>
        out.push({
          diagnostic: reportedDiagnostic(rule.meta, "error", args),
          ...(args.refs && { refs: args.refs }),
        }),
      // A problem with no document to point at (none of the right kind): the file's first line.
      reportFile: ({ file, messageId, data }) =>
        out.push({
          diagnostic: {
            ruleId: rule.meta.id,
            severity: "error",
            ...renderMessage(rule.meta, messageId, data),
            file,
            line: 1,
            column: 1,
            pointer: "",
          },
        }),
    });
  }
  return out;
}
