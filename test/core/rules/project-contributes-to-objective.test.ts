import { rule } from "../../../src/core/rules/project-contributes-to-objective.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (extra: string, stage = "delivery", portfolio = "PF-A"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: ${portfolio}
stage: ${stage}
${extra}`;

const programme = (
  objectives = "objectives:\n  - { id: p1, name: Programme aim, weight: 100 }\n",
): string => `apiVersion: pmo/v1
kind: Portfolio
id: PG-B
name: Programme B
owner: bob
parent: PF-A
${objectives}`;

const noObjectives = "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n";

testRule(rule, {
  valid: [
    {
      name: "contributes to an objective",
      files: { "p.yaml": project("contributions:\n  - { objective: o1, strength: high }\n") },
    },
    {
      name: "a proposal that states its contribution",
      files: { "p.yaml": project("contributions:\n  - { objective: o2 }\n", "proposal") },
    },
    { name: "closed project without contributions", files: { "p.yaml": project("", "closed") } },
    { name: "cancelled project without contributions", files: { "p.yaml": project("", "cancelled") } },
    {
      name: "project with no portfolio (project-in-portfolio's concern)",
      files: { "p.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: P\nstage: delivery\n" },
    },
    {
      name: "portfolio with no objectives to contribute to",
      files: { "portfolio.yaml": noObjectives, "p.yaml": project("") },
    },
    {
      name: "programme project contributing to its programme's objective",
      files: {
        "pg.yaml": programme(),
        "p.yaml": project("contributions:\n  - { objective: p1 }\n", "delivery", "PG-B"),
      },
    },
    {
      name: "programme project contributing to the parent's objective",
      files: {
        "pg.yaml": programme(),
        "p.yaml": project("contributions:\n  - { objective: o1 }\n", "delivery", "PG-B"),
      },
    },
  ],
  invalid: [
    {
      name: "delivery project with no contributions",
      files: { "p.yaml": project("") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "delivery", portfolio: "PF-A", objectives: "o1, o2" },
        },
      ],
    },
    {
      name: "an empty list points at the list",
      files: { "p.yaml": project("contributions: []\n") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 16,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "delivery", portfolio: "PF-A", objectives: "o1, o2" },
        },
      ],
    },
    {
      name: "a proposal without a strategic case",
      files: { "p.yaml": project("", "proposal") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "proposal", portfolio: "PF-A", objectives: "o1, o2" },
        },
      ],
    },
    {
      name: "closure is still active",
      files: { "p.yaml": project("", "closure") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "closure", portfolio: "PF-A", objectives: "o1, o2" },
        },
      ],
    },
    {
      name: "programme project: objectives of the programme and of its parent are offered",
      files: { "pg.yaml": programme(), "p.yaml": project("", "initiation", "PG-B") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "initiation", portfolio: "PG-B", objectives: "p1, o1, o2" },
        },
      ],
    },
    {
      name: "programme without objectives of its own: the parent's objectives apply",
      files: { "pg.yaml": programme(""), "p.yaml": project("", "planning", "PG-B") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/contributions",
          messageId: "noContribution",
          data: { stage: "planning", portfolio: "PG-B", objectives: "o1, o2" },
        },
      ],
    },
  ],
});
