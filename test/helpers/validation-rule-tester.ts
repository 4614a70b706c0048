import { describe, expect, it } from "vitest";
import { documentsOf } from "../../src/core/load/index.js";
import type { ReportArgs } from "../../src/core/rules/index.js";
import { checkIntegrity, type ValidationRule } from "../../src/core/validate/index.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";

/** The engagement every case starts from (a case replaces it by giving engagement.yaml). */
export const ENGAGEMENT = `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: E
governance:
  forums:
    - id: steerco
      name: Steering committee
  risk:
    scale: { probability: 4, impact: 5 }
`;

export const AS_OF = "2026-11-30";

export interface ValidationCase {
  name: string;
  /** Files added to (or replacing) engagement.yaml; they need not match their schemas. */
  files: Record<string, string>;
  asOf?: string;
}

export interface ExpectedValidationFinding {
  file: string;
  line: number;
  column: number;
  /** The JSON pointer of the reported value in the document; "" for a finding about a whole file. */
  pointer: string;
  messageId: string;
  data?: Record<string, string | number>;
}

export interface InvalidValidationCase extends ValidationCase {
  errors: ExpectedValidationFinding[];
}

interface Finding {
  diagnostic: Diagnostic;
  messageId: string;
  data: Record<string, string | number> | undefined;
}

/** Runs one integrity rule on a case's files, recording what it reported beside each diagnostic. */
export function validationFindings(rule: ValidationRule, c: ValidationCase): Finding[] {
  const loadProblems: Diagnostic[] = [];
  const documents = Object.entries({ "engagement.yaml": ENGAGEMENT, ...c.files }).flatMap(([file, text]) =>
    documentsOf(file, text, loadProblems, new Map()),
  );
  expect(loadProblems, `the files of "${c.name}" must parse`).toEqual([]);
  const reports: { messageId: string; data?: Record<string, string | number> }[] = [];
  const spy: ValidationRule = {
    meta: rule.meta,
    check: (ctx) =>
      rule.check({
        ...ctx,
        report: (args: ReportArgs) => {
          reports.push(args);
          ctx.report(args);
        },
        reportFile: (args) => {
          reports.push(args);
          ctx.reportFile(args);
        },
      }),
  };
  const found = checkIntegrity(documents, c.asOf ?? AS_OF, [spy]);
  expect(found.length).toBe(reports.length);
  return found
    .map((diagnostic, i) => ({ diagnostic, messageId: reports[i]!.messageId, data: reports[i]!.data }))
    .sort((a, b) => compare(a.diagnostic, b.diagnostic));
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;

/**
 * Fails unless the rule reports exactly the expected findings: exact positions, message ids
 * and data, every placeholder of message and hint filled, every finding an error with a hint.
 */
export function assertValidationFindings(
  rule: ValidationRule,
  c: ValidationCase,
  errors: ExpectedValidationFinding[],
): void {
  const found = validationFindings(rule, c);
  const actual = found.map((f) => ({
    at: where(f.diagnostic),
    pointer: f.diagnostic.pointer,
    messageId: f.messageId,
    data: f.data ?? {},
  }));
  expect(actual).toEqual(
    errors.map((e) => ({
      at: `${e.file}:${e.line}:${e.column}`,
      pointer: e.pointer,
      messageId: e.messageId,
      data: e.data ?? {},
    })),
  );
  for (const { diagnostic } of found) {
    expect(diagnostic.ruleId).toBe(rule.meta.id);
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.message, "every placeholder of the message is filled").not.toMatch(/\{\{/);
    expect(diagnostic.hint ?? "{{", "every finding has a hint, with its placeholders filled").not.toMatch(/\{\{/);
  }
}

/** Table-driven test of an integrity rule, as testRule is for governance rules. */
export function testValidationRule(
  rule: ValidationRule,
  cases: { valid: ValidationCase[]; invalid: InvalidValidationCase[] },
): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => assertValidationFindings(rule, c, []));
    for (const c of cases.invalid) it(`invalid: ${c.name}`, () => assertValidationFindings(rule, c, c.errors));
  });
}

/** A document of a kind with id X1 (lines 1-3); the body starts on line 4. */
export const doc = (kind: string, body = "", id = "X1"): string =>
  `apiVersion: pmo/v1\nkind: ${kind}\nid: ${id}\n${body}`;

/**
 * The JSON pointer of a field written as in a table row: `dependencies[0].project` is
 * `/dependencies/0/project`.
 */
export const pointerOf = (field: string): string =>
  `/${field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .join("/")}`;
