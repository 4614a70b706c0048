import { rule } from "../../../src/core/rules/objective-weights-sum.js";
import { testRule } from "../../helpers/rule-tester.js";

const portfolio = (objectives: string, id = "PF-A", extra = ""): string => `apiVersion: pmo/v1
kind: Portfolio
id: ${id}
name: Portfolio ${id}
owner: ann
${extra}objectives:
${objectives}`;

testRule(rule, {
  valid: [
    { name: "the base portfolio (60 + 40)", files: {} },
    {
      name: "decimal weights that sum to 100",
      files: {
        "portfolio.yaml": portfolio(
          "  - { id: a, name: A, weight: 33.3 }\n  - { id: b, name: B, weight: 33.3 }\n  - { id: c, name: C, weight: 33.4 }\n",
        ),
      },
    },
    {
      name: "a single objective at 100",
      files: { "portfolio.yaml": portfolio("  - { id: a, name: A, weight: 100 }\n") },
    },
    {
      name: "no objectives",
      files: { "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n" },
    },
    {
      name: "an empty list",
      files: {
        "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\nobjectives: []\n",
      },
    },
    {
      name: "a sub-portfolio weighs its own objectives separately",
      files: {
        "sub.yaml": portfolio(
          "  - { id: s1, name: S1, weight: 70 }\n  - { id: s2, name: S2, weight: 30 }\n",
          "PG-B",
          "parent: PF-A\n",
        ),
      },
    },
  ],
  invalid: [
    {
      name: "weights under 100",
      files: {
        "portfolio.yaml": portfolio("  - { id: a, name: A, weight: 50 }\n  - { id: b, name: B, weight: 40 }\n"),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 1,
          pointer: "/objectives",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "90", weights: "a 50, b 40" },
        },
      ],
    },
    {
      name: "weights over 100",
      files: {
        "portfolio.yaml": portfolio("  - { id: a, name: A, weight: 60 }\n  - { id: b, name: B, weight: 60 }\n"),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 1,
          pointer: "/objectives",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "120", weights: "a 60, b 60" },
        },
      ],
    },
    {
      name: "decimals that miss",
      files: {
        "portfolio.yaml": portfolio(
          "  - { id: a, name: A, weight: 33.3 }\n  - { id: b, name: B, weight: 33.3 }\n  - { id: c, name: C, weight: 33.3 }\n",
        ),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 1,
          pointer: "/objectives",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "99.9", weights: "a 33.3, b 33.3, c 33.3" },
        },
      ],
    },
    {
      name: "all zero",
      files: { "portfolio.yaml": portfolio("  - { id: a, name: A, weight: 0 }\n") },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 1,
          pointer: "/objectives",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "0", weights: "a 0" },
        },
      ],
    },
    {
      name: "a sub-portfolio is checked on its own",
      files: { "sub.yaml": portfolio("  - { id: s1, name: S1, weight: 70 }\n", "PG-B", "parent: PF-A\n") },
      errors: [
        {
          file: "sub.yaml",
          line: 7,
          column: 1,
          pointer: "/objectives",
          messageId: "notHundred",
          data: { portfolio: "PG-B", sum: "70", weights: "s1 70" },
        },
      ],
    },
  ],
});
