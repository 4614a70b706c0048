import { rule } from "../../../src/core/rules/tcpi-unrealistic.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A delivery project; `budget` is on line 7. EV = BAC x percent complete. */
const project = (budget: string, percent: number, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: One
portfolio: PF-A
stage: ${stage}
budget: ${budget}
percentComplete: ${percent}
`;

testRule(rule, {
  valid: [
    // TCPI = (1000 - 400) / (1000 - 450) = 1.09: at the threshold's edge, credible.
    { name: "TCPI 1.09", files: { "p.yaml": project("{ approved: 1000, actual: 450 }", 40) } },
    { name: "no actual cost: unknown, not judged", files: { "p.yaml": project("{ approved: 1000 }", 40) } },
    { name: "a finished project", files: { "p.yaml": project("{ approved: 1000, actual: 1200 }", 100, "closed") } },
    // TCPI = (1000 - 450) / (1000 - 500) = 1.10: exactly the threshold is still credible.
    { name: "TCPI exactly 1.10", files: { "p.yaml": project("{ approved: 1000, actual: 500 }", 45) } },
    {
      name: "all the work earned, over budget: nothing remains to be done more efficiently",
      files: { "p.yaml": project("{ approved: 1000, actual: 1100 }", 100) },
    },
    {
      name: "a project in closure is not judged",
      files: { "p.yaml": project("{ approved: 1000, actual: 900 }", 40, "closure") },
    },
    {
      name: "a project in planning is not measured",
      files: { "p.yaml": project("{ approved: 1000, actual: 900 }", 40, "planning") },
    },
    {
      name: "a higher threshold",
      files: { "p.yaml": project("{ approved: 1000, actual: 500 }", 40) },
      options: { threshold: 1.25 },
    },
  ],
  invalid: [
    {
      // TCPI = 600 / 500 = 1.20.
      name: "TCPI 1.20",
      files: { "p.yaml": project("{ approved: 1000, actual: 500 }", 40) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 21,
          pointer: "/budget/approved",
          messageId: "unrealistic",
          data: { tcpi: "1.20", remaining: "EUR 600", funds: "EUR 500", better: "20", threshold: "1.10", cpi: "0.80" },
        },
      ],
    },
    {
      name: "in the budget's own currency",
      files: { "p.yaml": project("{ approved: 1000, actual: 500, currency: GBP }", 40) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 21,
          pointer: "/budget/approved",
          messageId: "unrealistic",
          data: { tcpi: "1.20", remaining: "GBP 600", funds: "GBP 500", better: "20", threshold: "1.10", cpi: "0.80" },
        },
      ],
    },
    {
      // TCPI = (1000 - 300) / (1000 - 0) = 0.70; with nothing spent CPI is unknown.
      name: "a threshold below 1 with nothing spent yet",
      files: { "p.yaml": project("{ approved: 1000, actual: 0 }", 30) },
      options: { threshold: 0.5 },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 21,
          pointer: "/budget/approved",
          messageId: "unrealistic",
          data: {
            tcpi: "0.70",
            remaining: "EUR 700",
            funds: "EUR 1,000",
            better: "-30",
            threshold: "0.50",
            cpi: "unknown",
          },
        },
      ],
    },
    {
      name: "the budget spent in the budget's own currency",
      files: { "p.yaml": project("{ approved: 1000, actual: 1100, currency: USD }", 70) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 35,
          pointer: "/budget/actual",
          messageId: "budgetSpent",
          data: { bac: "USD 1,000", ac: "USD 1,100", remaining: "USD 300" },
        },
      ],
    },
    {
      name: "the budget is spent with work remaining (AC > BAC)",
      files: { "p.yaml": project("{ approved: 1000, actual: 1100 }", 70) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 35,
          pointer: "/budget/actual",
          messageId: "budgetSpent",
          data: { bac: "EUR 1,000", ac: "EUR 1,100", remaining: "EUR 300" },
        },
      ],
    },
    {
      name: "BAC = AC with work remaining",
      files: { "p.yaml": project("{ approved: 1000, actual: 1000 }", 90) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 35,
          pointer: "/budget/actual",
          messageId: "budgetSpent",
          data: { bac: "EUR 1,000", ac: "EUR 1,000", remaining: "EUR 100" },
        },
      ],
    },
  ],
});
