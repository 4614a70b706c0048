import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import { pointerToPath, SUPPORTED_API_VERSIONS } from "../load/index.js";
import { validateDocument } from "./schema.js";

/** Layer 2 of validation: one document's apiVersion and schema problems, positioned in its file. */
export function schemaDiagnostics(doc: PmoDocument): Diagnostic[] {
  // Checked by the loader as it read the document (LoadOptions.schema): the same diagnostics.
  if (doc.schemaProblems !== undefined) return [...doc.schemaProblems];
  if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(doc.apiVersion)) {
    const found = doc.apiVersion ? `"${doc.apiVersion}"` : "nothing";
    const range = doc.locate(doc.apiVersion ? ["apiVersion"] : []);
    return [
      {
        ruleId: "api-version",
        severity: "error",
        message: `unsupported apiVersion: found ${found}, expected ${SUPPORTED_API_VERSIONS.join(" or ")}`,
        hint: `start the document with "apiVersion: ${SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1]}"`,
        file: doc.file,
        line: range.line,
        column: range.column,
        pointer: doc.apiVersion ? "/apiVersion" : "",
        docIndex: doc.docIndex,
      },
    ];
  }
  return validateDocument(doc.kind, doc.value).map((problem) => {
    const path = pointerToPath(problem.pointer);
    // A field missing from the document itself is shown at the document's id line.
    const at = problem.missing !== undefined && path.length === 0 ? [problem.missing] : path;
    const range = doc.locate(at, { key: problem.keyword === "additionalProperties" });
    return {
      ruleId: "schema",
      severity: "error",
      message: problem.message,
      hint: problem.hint,
      file: doc.file,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      pointer: problem.pointer,
      docIndex: doc.docIndex,
    };
  });
}
