import { rule } from "../../../src/core/rules/funded-below-cut-line.js";
import { testRule } from "../../helpers/rule-tester.js";

const portfolio = (order: string) => `apiVersion: pmo/v1
kind: Portfolio
id: PF-A
name: Portfolio A
owner: ann
objectives:
  - { id: o1, name: Grow, weight: 100 }
prioritisation:
  fundingOrder: ${order}
  criteria:
    - { id: value, name: Value, weight: 70 }
    - { id: urgency, name: Urgency, weight: 30 }
budget: { currency: EUR, envelope: 10000000 }
`;
const project = (id: string, stage: string, score: number, cost: number) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
portfolio: PF-A
sponsor: ann
manager: bob
stage: ${stage}
budget: { approved: ${cost}, forecast: ${cost} }
contributions: [{ objective: o1, strength: high }]
scores: { value: ${score}, urgency: ${score} }
`;

testRule(rule, {
  valid: [
    {
      name: "committed work funded first fits the envelope",
      files: {
        "portfolio.yaml": portfolio("committed-first"),
        "p1.yaml": project("P1", "proposal", 5, 8_000_000),
        "p2.yaml": project("P2", "delivery", 1, 5_000_000),
      },
    },
    {
      name: "by rank, only a proposal falls below the line",
      files: {
        "portfolio.yaml": portfolio("rank"),
        "p1.yaml": project("P1", "delivery", 5, 8_000_000),
        "p2.yaml": project("P2", "proposal", 1, 5_000_000),
      },
    },
    {
      name: "no envelope, no line",
      files: {
        "portfolio.yaml": portfolio("rank").replace("budget: { currency: EUR, envelope: 10000000 }\n", ""),
        "p2.yaml": project("P2", "delivery", 1, 50_000_000),
      },
    },
  ],
  invalid: [
    {
      name: "by rank, a project in delivery falls below the line",
      files: {
        "portfolio.yaml": portfolio("rank"),
        "p1.yaml": project("P1", "proposal", 5, 8_000_000),
        "p2.yaml": project("P2", "delivery", 1, 5_000_000),
      },
      errors: [
        {
          file: "p2.yaml",
          line: 8,
          column: 8,
          pointer: "/stage",
          messageId: "belowLine",
          data: {
            stage: "delivery",
            rank: 2,
            count: 2,
            portfolio: "PF-A",
            order: "by rank",
            used: "EUR 8M",
            available: "EUR 10M",
          },
        },
      ],
    },
    {
      name: "committed work alone overruns the envelope",
      files: {
        "portfolio.yaml": portfolio("committed-first"),
        "p1.yaml": project("P1", "planning", 5, 8_000_000),
        "p2.yaml": project("P2", "delivery", 1, 5_000_000),
      },
      errors: [
        {
          file: "p2.yaml",
          line: 8,
          column: 8,
          pointer: "/stage",
          messageId: "belowLine",
          data: {
            stage: "delivery",
            rank: 2,
            count: 2,
            portfolio: "PF-A",
            order: "committed work first",
            used: "EUR 8M",
            available: "EUR 10M",
          },
        },
      ],
    },
  ],
});
