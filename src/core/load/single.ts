import type { Diagnostic } from "../../model/diagnostic.js";
import { readSubsetDocuments } from "./subset-read.js";
import { describeSyntaxError, syntaxDiagnostic } from "./syntax.js";
import { documentValue, normaliseLineBreaks, readFull } from "./yaml-read.js";

export interface YamlFile {
  /** The first document's value (null for an empty file), when the file reads without error. */
  value: unknown;
  /** Syntax errors and alias problems, with positions and plain messages. */
  diagnostics: Diagnostic[];
  /** The text positions refer to (line breaks normalised). */
  text: string;
}

/**
 * Reads a one-document YAML file of pmo's own (the config, an import mapping) with the same
 * reading and the same messages as the documents: never throws, every problem is a diagnostic.
 */
export function readYamlFile(input: string, shown: string): YamlFile {
  const text = normaliseLineBreaks(input);
  // A mapping in the subset reader's YAML (subset-read.ts: the same value the reading of record
  // gives it) has nothing to report; anything else is left to the reading of record.
  const subset = readSubsetDocuments(text);
  if (subset?.length === 1 && subset[0] !== null) return { value: subset[0], text, diagnostics: [] };
  let read;
  try {
    read = readFull(text);
  } catch {
    return {
      value: undefined,
      text,
      diagnostics: [
        {
          ruleId: "yaml-syntax",
          severity: "error",
          message: "the structure is nested too deeply to read",
          file: shown,
          line: 1,
          column: 1,
          pointer: "",
        },
      ],
    };
  }
  const { docs, lineCounter } = read;
  const diagnostics: Diagnostic[] = [];
  const doc = docs[0];
  if (!doc) return { value: null, text, diagnostics };
  if (doc.errors.length > 0) {
    diagnostics.push(syntaxDiagnostic(shown, describeSyntaxError(doc.errors[0]!, text), lineCounter));
    return { value: undefined, text, diagnostics };
  }
  if (docs.length > 1 && docs.slice(1).some((d) => d.contents !== null || d.errors.length > 0)) {
    const pos = docs[1]!.range[0];
    diagnostics.push(
      syntaxDiagnostic(
        shown,
        {
          message: "this file holds several YAML documents; it must hold one",
          hint: "remove the --- line and what follows it, or merge the documents",
          start: pos,
          end: pos + 3,
        },
        lineCounter,
      ),
    );
    return { value: undefined, text, diagnostics };
  }
  const result = documentValue(doc);
  if (!result.ok) {
    const message =
      result.problem === "unknown-alias"
        ? `the alias *${result.alias} names no anchor &${result.alias} defined before it`
        : "aliases expand to too many values (an alias bomb)";
    diagnostics.push(
      syntaxDiagnostic(
        shown,
        {
          message,
          hint: "write the value out instead of using an alias",
          start: result.offset,
          end: result.offset + result.alias.length + 1,
        },
        lineCounter,
      ),
    );
    return { value: undefined, text, diagnostics };
  }
  return { value: result.value, text, diagnostics };
}
