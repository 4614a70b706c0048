import { rule } from "../../../src/core/rules/budget-rag-consistent.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (budget: string, status: string, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: PF-A
stage: ${stage}
budget: ${budget}
status:
  asOf: 2026-11-27
${status}
`;

testRule(rule, {
  valid: [
    {
      name: "within tolerance",
      files: { "p.yaml": project("{ approved: 1000000, forecast: 1100000 }", "  overall: green\n  budget: green") },
    },
    {
      name: "over tolerance but reported amber",
      files: { "p.yaml": project("{ approved: 1000000, forecast: 1300000 }", "  overall: green\n  budget: amber") },
    },
    {
      name: "no budget dimension, overall amber",
      files: { "p.yaml": project("{ approved: 1000000, forecast: 1300000 }", "  overall: amber") },
    },
    { name: "no forecast", files: { "p.yaml": project("{ approved: 1000000 }", "  overall: green") } },
    {
      name: "closed project",
      files: { "p.yaml": project("{ approved: 1000000, forecast: 1300000 }", "  overall: green", "closed") },
    },
    {
      name: "a wider tolerance from the config when the engagement is silent",
      files: {
        "engagement.yaml":
          "apiVersion: pmo/v1\nkind: Engagement\nid: ENG\nname: E\nclient: { name: C }\nprovider: { name: P }\npmoType: [tactical]\nphase: { current: deployment, since: 2026-01-05 }\nscope: { services: [governance] }\ncurrency: EUR\n",
        "p.yaml": project("{ approved: 1000000, forecast: 1150000 }", "  overall: green"),
      },
      thresholds: { budgetTolerancePercent: 20 },
    },
  ],
  invalid: [
    {
      name: "budget green while 15% over",
      files: {
        "p.yaml": project(
          "{ currency: EUR, approved: 1180000, forecast: 1357000 }",
          "  overall: green\n  budget: green",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 11,
          column: 11,
          pointer: "/status/budget",
          messageId: "overBudget",
          data: { status: "green", forecast: "EUR 1.36M", approved: "EUR 1.18M", over: "15%", tolerance: "10%" },
        },
      ],
    },
    {
      name: "overall green with no budget dimension",
      files: { "p.yaml": project("{ approved: 200000, forecast: 250000 }", "  overall: green") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 12,
          pointer: "/status/overall",
          messageId: "overBudget",
          data: { status: "green", forecast: "EUR 250k", approved: "EUR 200k", over: "25%", tolerance: "10%" },
        },
      ],
    },
  ],
});
