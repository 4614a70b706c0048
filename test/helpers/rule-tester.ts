import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/core/catalog/index.js";
import { runRule } from "../../src/core/engine/run-rule.js";
import { documentsOf } from "../../src/core/load/index.js";
import type { BaselineTag, ReportArgs, Rule } from "../../src/core/rules/rule.js";
import { resolveSettings, type RiskMatrix, type Thresholds } from "../../src/core/rules/settings.js";
import { validateWorkspace } from "../../src/core/validate/index.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { Engagement } from "../../src/model/entities.js";

/**
 * A small, valid repository every rule test starts from: an engagement (rag scale, weekly
 * reporting, budget tolerance 10%, schedule tolerance 30 days, high risk at 12, critical at 20,
 * reviews every 30 days, a steering committee), one portfolio PF-A (objectives o1 60% and
 * o2 40%, criteria value 70% and urgency 30%, envelope EUR 10M) and three people.
 * A case adds files, or replaces one of these by using the same file name.
 */
export const BASE_FILES: Record<string, string> = {
  "engagement.yaml": `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [tactical]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [governance, reporting] }
reporting: { cadence: weekly }
governance:
  forums:
    - { id: steerco, name: Steering committee, chair: ann }
  tolerances: { budgetPercent: 10, scheduleDays: 30 }
  risk: { highThreshold: 12, criticalThreshold: 20, reviewDays: 30 }
reviews: { last: 2026-06-01, next: 2026-12-31 }
currency: EUR
`,
  "portfolio.yaml": `apiVersion: pmo/v1
kind: Portfolio
id: PF-A
name: Portfolio A
owner: ann
objectives:
  - { id: o1, name: Grow, weight: 60 }
  - { id: o2, name: Save, weight: 40 }
prioritisation:
  criteria:
    - { id: value, name: Value, weight: 70 }
    - { id: urgency, name: Urgency, weight: 30 }
budget: { currency: EUR, envelope: 10000000 }
`,
  "people.yaml": `apiVersion: pmo/v1
kind: Person
id: ann
name: Ann Able
---
apiVersion: pmo/v1
kind: Person
id: bob
name: Bob Baker
---
apiVersion: pmo/v1
kind: Person
id: cat
name: Cat Cole
`,
};

export const AS_OF = "2026-11-30";

export interface RuleCase {
  name: string;
  /** Files added to (or replacing) BASE_FILES. */
  files: Record<string, string>;
  asOf?: string;
  options?: Record<string, unknown>;
  thresholds?: Thresholds;
  matrix?: RiskMatrix;
  /** The repository's baseline tags, as pmo check reads them from git. */
  baselines?: BaselineTag[];
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  /** The JSON pointer of the reported value in the document (`/milestones/1/forecast`). */
  pointer: string;
  /** The message id the rule reported (a key of its meta.messages). */
  messageId: string;
  /** Exactly the data the rule passed to fill the message's placeholders (none: leave out). */
  data?: Record<string, string | number>;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

/** A finding as the rule reported it, beside the diagnostic the engine made of it. */
export interface Finding {
  diagnostic: Diagnostic;
  messageId: string;
  data: Record<string, string | number> | undefined;
}

/** Runs a rule on a case's repository; the repository itself must validate cleanly. */
export function findings(rule: Rule, c: RuleCase): Finding[] {
  const files = { ...BASE_FILES, ...c.files };
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const documents = Object.entries(files).flatMap(([file, text]) => documentsOf(file, text, diagnostics, sources));
  const asOf = c.asOf ?? AS_OF;
  const problems = validateWorkspace({ root: "/", documents, sources, diagnostics }, { asOf });
  expect(
    problems.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
    `the case "${c.name}" must be a valid repository`,
  ).toEqual([]);
  const catalog = buildCatalog(documents);
  const settings = resolveSettings(catalog.engagement?.value as Engagement | undefined, c.thresholds, c.matrix);
  // The engine turns each report into one diagnostic, in order: record what the rule said.
  const reports: ReportArgs[] = [];
  const spy: Rule = {
    meta: rule.meta,
    check: (ctx) =>
      rule.check({
        ...ctx,
        report: (args) => {
          reports.push(args);
          ctx.report(args);
        },
      }),
  };
  const found = runRule(spy, {
    catalog,
    settings,
    asOf,
    severity: rule.meta.severity,
    options: c.options,
    baselines: c.baselines,
  });
  expect(found.length).toBe(reports.length);
  return found
    .map((diagnostic, i) => ({ diagnostic, messageId: reports[i]!.messageId, data: reports[i]!.data }))
    .sort((a, b) => compareFindings(a.diagnostic, b.diagnostic));
}

function compareFindings(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;

/** Fails unless the rule reports nothing on the case. */
export function assertValid(rule: Rule, c: RuleCase): void {
  expect(findings(rule, c).map((f) => `${where(f.diagnostic)} ${f.diagnostic.message}`)).toEqual([]);
}

/**
 * Fails unless the rule reports exactly the expected findings, each at its exact position with
 * its message id and data, and every placeholder of the message filled.
 */
export function assertInvalid(rule: Rule, c: InvalidCase): void {
  const found = findings(rule, c);
  const actual = found.map((f) => ({
    at: where(f.diagnostic),
    pointer: f.diagnostic.pointer,
    messageId: f.messageId,
    data: f.data ?? {},
  }));
  const expected = c.errors.map((e) => ({
    at: `${e.file}:${e.line}:${e.column}`,
    pointer: e.pointer,
    messageId: e.messageId,
    data: e.data ?? {},
  }));
  expect(actual).toEqual(expected);
  for (const f of found) {
    expect(f.diagnostic.ruleId).toBe(rule.meta.id);
    expect(f.diagnostic.message, "every placeholder of the message is filled").not.toMatch(/\{\{/);
  }
}

/** Table-driven rule test in the manner of ESLint's RuleTester. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => assertValid(rule, c));
    for (const c of cases.invalid) it(`invalid: ${c.name}`, () => assertInvalid(rule, c));
  });
}
