import { rule } from "../../../src/core/rules/cost-performance-vs-status.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A delivery project; the status is on lines 9-10. EV = BAC x percent complete. */
const project = (actual: number, percent: number, status: string): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: One
portfolio: PF-A
stage: delivery
budget: { approved: 1000, actual: ${actual} }
percentComplete: ${percent}
status:
  { asOf: 2026-11-20, ${status} }
`;

testRule(rule, {
  valid: [
    { name: "CPI 0.92, green", files: { "p.yaml": project(435, 40, "overall: green, budget: green") } },
    { name: "CPI 0.80, amber", files: { "p.yaml": project(500, 40, "overall: green, budget: amber") } },
    {
      name: "CPI 0.80, overall amber without a budget dimension",
      files: { "p.yaml": project(500, 40, "overall: amber") },
    },
    {
      name: "CPI 0.80 with a lower threshold",
      files: { "p.yaml": project(500, 40, "overall: green, budget: green") },
      options: { threshold: 0.75 },
    },
  ],
  invalid: [
    {
      name: "CPI 0.80, budget green",
      files: { "p.yaml": project(500, 40, "overall: amber, budget: green") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 47,
          pointer: "/status/budget",
          messageId: "greenWithPoorCpi",
          data: { status: "green", cpi: "0.80", ev: "EUR 400", ac: "EUR 500", threshold: "0.90" },
        },
      ],
    },
    {
      name: "CPI 0.80, overall green without a budget dimension",
      files: { "p.yaml": project(500, 40, "overall: green") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 32,
          pointer: "/status/overall",
          messageId: "greenWithPoorCpi",
          data: { status: "green", cpi: "0.80", ev: "EUR 400", ac: "EUR 500", threshold: "0.90" },
        },
      ],
    },
  ],
});
