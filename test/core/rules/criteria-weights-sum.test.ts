import { rule } from "../../../src/core/rules/criteria-weights-sum.js";
import { testRule } from "../../helpers/rule-tester.js";

const portfolio = (criteria: string, id = "PF-A", extra = ""): string => `apiVersion: pmo/v1
kind: Portfolio
id: ${id}
name: Portfolio ${id}
owner: ann
${extra}prioritisation:
  criteria:
${criteria}`;

testRule(rule, {
  valid: [
    { name: "the base portfolio (70 + 30)", files: {} },
    {
      name: "decimal weights that sum to 100",
      files: {
        "portfolio.yaml": portfolio("    - { id: a, name: A, weight: 12.5 }\n    - { id: b, name: B, weight: 87.5 }\n"),
      },
    },
    {
      name: "no prioritisation",
      files: { "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n" },
    },
    {
      name: "a single criterion at 100",
      files: { "portfolio.yaml": portfolio("    - { id: value, name: Value, weight: 100 }\n") },
    },
  ],
  invalid: [
    {
      name: "weights under 100",
      files: {
        "portfolio.yaml": portfolio(
          "    - { id: value, name: Value, weight: 70 }\n    - { id: urgency, name: Urgency, weight: 20 }\n",
        ),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 7,
          column: 3,
          pointer: "/prioritisation/criteria",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "90", weights: "value 70, urgency 20" },
        },
      ],
    },
    {
      name: "weights over 100",
      files: {
        "portfolio.yaml": portfolio(
          "    - { id: value, name: Value, weight: 70 }\n    - { id: urgency, name: Urgency, weight: 70 }\n",
        ),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 7,
          column: 3,
          pointer: "/prioritisation/criteria",
          messageId: "notHundred",
          data: { portfolio: "PF-A", sum: "140", weights: "value 70, urgency 70" },
        },
      ],
    },
    {
      name: "a sub-portfolio is checked on its own",
      files: { "sub.yaml": portfolio("    - { id: value, name: Value, weight: 50 }\n", "PG-B", "parent: PF-A\n") },
      errors: [
        {
          file: "sub.yaml",
          line: 8,
          column: 3,
          pointer: "/prioritisation/criteria",
          messageId: "notHundred",
          data: { portfolio: "PG-B", sum: "50", weights: "value 50" },
        },
      ],
    },
  ],
});
