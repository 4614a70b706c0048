import { rule } from "../../../src/core/rules/cost-variance-beyond-tolerance.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (budget: string, extra = "", stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: PF-A
stage: ${stage}
budget: ${budget}
${extra}`;
const GREEN = "status:\n  asOf: 2026-11-27\n  overall: green\n";
const noStatus = { status: "; no status is reported" };

testRule(rule, {
  valid: [
    { name: "exactly at the tolerance", files: { "p.yaml": project("{ approved: 1000000, forecast: 1100000 }") } },
    { name: "under budget", files: { "p.yaml": project("{ approved: 1000000, forecast: 800000 }") } },
    {
      name: "no forecast: the variance is unknown, not a finding",
      files: { "p.yaml": project("{ approved: 1000000 }") },
    },
    { name: "no approved and no baseline budget", files: { "p.yaml": project("{ forecast: 5000000 }") } },
    {
      name: "a zero approved budget has no percentage",
      files: { "p.yaml": project("{ approved: 0, forecast: 5000000 }") },
    },
    {
      name: "a proposal is not approved work",
      files: { "p.yaml": project("{ baseline: 1000000, forecast: 2000000 }", "", "proposal") },
    },
    {
      name: "a closed project",
      files: { "p.yaml": project("{ approved: 1000000, forecast: 2000000 }", "", "closed") },
    },
    {
      name: "within the approved budget although over the baseline",
      files: { "p.yaml": project("{ baseline: 800000, approved: 1000000, forecast: 1050000 }") },
    },
    {
      name: "a wider tolerance from the config when the engagement is silent",
      files: {
        "engagement.yaml":
          "apiVersion: pmo/v1\nkind: Engagement\nid: ENG\nname: E\nclient: { name: C }\nprovider: { name: P }\npmoType: [tactical]\nphase: { current: deployment, since: 2026-01-05 }\nscope: { services: [governance] }\ncurrency: EUR\n",
        "p.yaml": project("{ approved: 1000000, forecast: 1150000 }"),
      },
      thresholds: { budgetTolerancePercent: 20 },
    },
  ],
  invalid: [
    {
      name: "over the approved budget beyond tolerance, no status reported",
      files: { "p.yaml": project("{ currency: EUR, approved: 1180000, forecast: 1357000 }") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 55,
          pointer: "/budget/forecast",
          messageId: "overrun",
          data: {
            forecast: "EUR 1.36M",
            over: "15%",
            amount: "EUR 177k",
            against: "approved",
            reference: "EUR 1.18M",
            tolerance: "10%",
            ...noStatus,
          },
        },
      ],
    },
    {
      name: "over the baseline where none is approved (the IT Dashboard's planned cost), and reported green",
      files: { "p.yaml": project("{ currency: USD, baseline: 41220000, forecast: 46250000 }", GREEN) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 56,
          pointer: "/budget/forecast",
          messageId: "overrun",
          data: {
            forecast: "USD 46.25M",
            over: "12.2%",
            amount: "USD 5.03M",
            against: "baseline",
            reference: "USD 41.22M",
            tolerance: "10%",
            status: "",
          },
        },
      ],
    },
    {
      name: "block-style budget in initiation",
      files: { "p.yaml": project("\n  approved: 200000\n  forecast: 250000", "", "initiation") },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 13,
          pointer: "/budget/forecast",
          messageId: "overrun",
          data: {
            forecast: "EUR 250k",
            over: "25%",
            amount: "EUR 50k",
            against: "approved",
            reference: "EUR 200k",
            tolerance: "10%",
            ...noStatus,
          },
        },
      ],
    },
  ],
});
