import { rule } from "../../../src/core/rules/portfolio-within-envelope.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (id: string, budget: string, stage = "delivery", portfolio = "PF-A"): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
portfolio: ${portfolio}
stage: ${stage}
budget: ${budget}
`;

const projects = (...docs: string[]): string => docs.join("---\n");

const programme = (budget = ""): string => `apiVersion: pmo/v1
kind: Portfolio
id: PG-B
name: Programme B
owner: bob
parent: PF-A
${budget}`;

testRule(rule, {
  valid: [
    {
      name: "within the envelope",
      files: {
        "p.yaml": projects(
          project("P1", "{ approved: 4000000, forecast: 4500000 }"),
          project("P2", "{ approved: 5000000 }"),
        ),
      },
    },
    {
      name: "exactly the envelope",
      files: { "p.yaml": projects(project("P1", "{ forecast: 6000000 }"), project("P2", "{ forecast: 4000000 }")) },
    },
    {
      name: "the forecast wins over a larger approved budget",
      files: { "p.yaml": project("P1", "{ approved: 12000000, forecast: 9000000 }") },
    },
    {
      name: "proposals do not commit the envelope",
      files: {
        "p.yaml": projects(project("P1", "{ forecast: 9000000 }"), project("P2", "{ forecast: 5000000 }", "proposal")),
      },
    },
    {
      name: "closed and cancelled projects are not counted",
      files: {
        "p.yaml": projects(
          project("P1", "{ forecast: 9000000 }"),
          project("P2", "{ forecast: 5000000 }", "closed"),
          project("P3", "{ approved: 5000000 }", "cancelled"),
        ),
      },
    },
    {
      name: "portfolio without an envelope",
      files: {
        "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n",
        "p.yaml": project("P1", "{ forecast: 90000000 }"),
      },
    },
    {
      name: "projects without money",
      files: { "p.yaml": projects(project("P1", "{ actual: 20000000 }"), project("P2", "{ currency: USD }")) },
    },
    {
      name: "sub-portfolio within its own envelope and the parent's",
      files: {
        "pg.yaml": programme("budget: { envelope: 3000000 }\n"),
        "p.yaml": projects(
          project("P1", "{ forecast: 6000000 }"),
          project("P2", "{ forecast: 3000000 }", "delivery", "PG-B"),
        ),
      },
    },
  ],
  invalid: [
    {
      name: "over the envelope, approved where no forecast",
      files: {
        "p.yaml": projects(
          project("P1", "{ approved: 2000000, forecast: 2400000 }"),
          project("P2", "{ approved: 1500000 }"),
          project("P3", "{ forecast: 1900000 }", "initiation"),
          project("P4", "{ forecast: 1800000 }", "planning"),
          project("P5", "{ forecast: 1700000 }", "closure"),
          project("P6", "{ currency: EUR, forecast: 1600000 }"),
        ),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 13,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 10.9M",
            projects: "6 projects",
            scope: "",
            over: "9%",
            envelope: "EUR 10M",
            portfolio: "PF-A",
            notCounted: "",
          },
        },
      ],
    },
    {
      name: "projects with no money are named as not counted",
      files: { "p.yaml": projects(project("P1", "{ forecast: 11000000 }"), project("P2", "{ actual: 100 }")) },
      errors: [
        {
          file: "portfolio.yaml",
          line: 13,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 11M",
            projects: "1 project",
            scope: "",
            over: "10%",
            envelope: "EUR 10M",
            portfolio: "PF-A",
            notCounted: "; not counted: 1 project with no forecast or approved budget",
          },
        },
      ],
    },
    {
      name: "another currency is reported, never added",
      files: {
        "p.yaml": projects(
          project("P1", "{ forecast: 9000000 }"),
          project("P2", "{ currency: USD, forecast: 2000000 }"),
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 15,
          column: 21,
          pointer: "/budget/currency",
          messageId: "notComparable",
          data: { currency: "USD", envelopeCurrency: "EUR", envelopes: "envelope of portfolio PF-A" },
        },
      ],
    },
    {
      name: "over in the envelope currency, with another currency left out",
      files: {
        "p.yaml": projects(
          project("P1", "{ forecast: 12000000 }"),
          project("P2", "{ currency: USD, forecast: 2000000 }"),
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 15,
          column: 21,
          pointer: "/budget/currency",
          messageId: "notComparable",
          data: { currency: "USD", envelopeCurrency: "EUR", envelopes: "envelope of portfolio PF-A" },
        },
        {
          file: "portfolio.yaml",
          line: 13,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 12M",
            projects: "1 project",
            scope: "",
            over: "20%",
            envelope: "EUR 10M",
            portfolio: "PF-A",
            notCounted: "; not counted: 1 project in USD",
          },
        },
      ],
    },
    {
      name: "a project without a currency is in the engagement's currency",
      files: {
        "portfolio.yaml":
          "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\nbudget: { currency: GBP, envelope: 5000000 }\n",
        "p.yaml": project("P1", "{ forecast: 9000000 }"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 9,
          pointer: "/budget/currency",
          messageId: "notComparable",
          data: { currency: "EUR", envelopeCurrency: "GBP", envelopes: "envelope of portfolio PF-A" },
        },
      ],
    },
    {
      name: "sub-portfolio projects count against the parent's envelope",
      files: {
        "pg.yaml": programme(),
        "p.yaml": projects(
          project("P1", "{ forecast: 6000000 }"),
          project("P2", "{ forecast: 5000000 }", "delivery", "PG-B"),
        ),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 13,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 11M",
            projects: "2 projects",
            scope: " (sub-portfolio PG-B included)",
            over: "10%",
            envelope: "EUR 10M",
            portfolio: "PF-A",
            notCounted: "",
          },
        },
      ],
    },
    {
      name: "a sub-portfolio over its own envelope, the parent within",
      files: {
        "pg.yaml": programme("budget: { currency: EUR, envelope: 2000000 }\n"),
        "p.yaml": projects(
          project("P1", "{ forecast: 6000000 }"),
          project("P2", "{ forecast: 2500000 }", "delivery", "PG-B"),
        ),
      },
      errors: [
        {
          file: "pg.yaml",
          line: 7,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 2.5M",
            projects: "1 project",
            scope: "",
            over: "25%",
            envelope: "EUR 2M",
            portfolio: "PG-B",
            notCounted: "",
          },
        },
      ],
    },
    {
      name: "a foreign project in a sub-portfolio is reported once for both envelopes",
      files: {
        "pg.yaml": programme("budget: { envelope: 2000000 }\n"),
        "p.yaml": project("P1", "{ currency: USD, forecast: 1000000 }", "delivery", "PG-B"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 21,
          pointer: "/budget/currency",
          messageId: "notComparable",
          data: { currency: "USD", envelopeCurrency: "EUR", envelopes: "envelopes of portfolios PF-A and PG-B" },
        },
      ],
    },
    {
      name: "a zero envelope",
      files: {
        "portfolio.yaml":
          "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\nbudget: { envelope: 0 }\n",
        "p.yaml": project("P1", "{ forecast: 250000 }"),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 21,
          pointer: "/budget/envelope",
          messageId: "overEnvelope",
          data: {
            total: "EUR 250k",
            projects: "1 project",
            scope: "",
            over: "EUR 250k",
            envelope: "EUR 0",
            portfolio: "PF-A",
            notCounted: "",
          },
        },
      ],
    },
  ],
});
