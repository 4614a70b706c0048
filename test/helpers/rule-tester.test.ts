import { describe, expect, it } from "vitest";
import { defineRule } from "../../src/core/rules/rule.js";
import { assertInvalid, assertValid, type InvalidCase } from "./rule-tester.js";

/** A rule that reports every project at its name, with the name as data. */
const named = (data: (name: string) => Record<string, string>) =>
  defineRule({
    meta: {
      id: "fake-rule",
      description: "Every project is reported, for testing the harness",
      group: "delivery",
      severity: "warn",
      presets: [],
      messages: { named: "project is called {{name}}", other: "project {{name}}" },
    },
    check(ctx) {
      for (const { doc, value } of ctx.catalog.projects)
        ctx.report({ doc, path: ["name"], messageId: "named", data: data(value.name) });
    },
  });

const PROJECT = "apiVersion: pmo/v1\nkind: Project\nid: P1\nname: Alpha\nportfolio: PF-A\nstage: proposal\n";
const CASE: InvalidCase = {
  name: "one project",
  files: { "p.yaml": PROJECT },
  errors: [{ file: "p.yaml", line: 4, column: 7, pointer: "/name", messageId: "named", data: { name: "Alpha" } }],
};

/** The harness itself: each way a rule test could pass wrongly makes it fail. */
describe("rule tester", () => {
  const rule = named((name) => ({ name }));

  it("passes the exact finding", () => {
    assertInvalid(rule, CASE);
  });

  it.each<[string, InvalidCase]>([
    ["a wrong message id", { ...CASE, errors: [{ ...CASE.errors[0]!, messageId: "other" }] }],
    ["wrong data", { ...CASE, errors: [{ ...CASE.errors[0]!, data: { name: "Beta" } }] }],
    ["missing data", { ...CASE, errors: [{ ...CASE.errors[0]!, data: undefined }] }],
    ["a wrong column", { ...CASE, errors: [{ ...CASE.errors[0]!, column: 1 }] }],
    ["a wrong line", { ...CASE, errors: [{ ...CASE.errors[0]!, line: 3 }] }],
    ["a wrong pointer", { ...CASE, errors: [{ ...CASE.errors[0]!, pointer: "/id" }] }],
    ["a finding too few", { ...CASE, errors: [] }],
    ["a finding too many", { ...CASE, errors: [CASE.errors[0]!, CASE.errors[0]!] }],
  ])("fails on %s", (_name, c) => {
    expect(() => assertInvalid(rule, c)).toThrow();
  });

  it("fails when a placeholder of the message is left unfilled", () => {
    const forgetful = named(() => ({ nom: "Alpha" }));
    expect(() =>
      assertInvalid(forgetful, { ...CASE, errors: [{ ...CASE.errors[0]!, data: { nom: "Alpha" } }] }),
    ).toThrow(/placeholder/);
  });

  it("fails a valid case that reports, and a case that does not validate", () => {
    expect(() => assertValid(rule, { name: "reports", files: { "p.yaml": PROJECT } })).toThrow();
    expect(() =>
      assertValid(
        named(() => ({})),
        { name: "broken", files: { "p.yaml": PROJECT.replace("stage: proposal", "stage: nowhere") } },
      ),
    ).toThrow(/valid repository/);
  });
});
