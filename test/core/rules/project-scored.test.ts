import { rule } from "../../../src/core/rules/project-scored.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (extra: string, stage = "proposal", portfolio = "PF-A"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: ${portfolio}
stage: ${stage}
${extra}`;

const programme = (criteria: string): string => `apiVersion: pmo/v1
kind: Portfolio
id: PG-B
name: Programme B
owner: bob
parent: PF-A
${criteria}`;

testRule(rule, {
  valid: [
    { name: "proposal scored on every criterion", files: { "p.yaml": project("scores: { value: 4, urgency: 2 }\n") } },
    { name: "zero is a score", files: { "p.yaml": project("scores: { value: 0, urgency: 0 }\n", "initiation") } },
    { name: "delivery project without scores", files: { "p.yaml": project("", "delivery") } },
    { name: "closed project without scores", files: { "p.yaml": project("", "closed") } },
    {
      name: "no portfolio",
      files: { "p.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: P\nstage: proposal\n" },
    },
    {
      name: "portfolio without prioritisation",
      files: {
        "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n",
        "p.yaml": project(""),
      },
    },
    {
      name: "programme criteria replace the parent's",
      files: {
        "pg.yaml": programme("prioritisation:\n  criteria:\n    - { id: reach, name: Reach, weight: 100 }\n"),
        "p.yaml": project("scores: { reach: 3 }\n", "proposal", "PG-B"),
      },
    },
    {
      name: "an alignment criterion needs no score",
      files: {
        "pg.yaml": programme(
          "prioritisation:\n  criteria:\n    - { id: fit, name: Fit, weight: 50, source: alignment }\n    - { id: reach, name: Reach, weight: 50 }\n",
        ),
        "p.yaml": project("scores: { reach: 3 }\n", "proposal", "PG-B"),
      },
    },
    {
      name: "a WSJF programme: the four estimates are there",
      files: {
        "pg.yaml": programme("prioritisation:\n  method: wsjf\n"),
        "p.yaml": project(
          "wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 13, jobSize: 5 }\n",
          "proposal",
          "PG-B",
        ),
      },
    },
  ],
  invalid: [
    {
      name: "no scores at all",
      files: { "p.yaml": project("") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/scores",
          messageId: "missingScores",
          data: { stage: "proposal", count: 2, total: 2, portfolio: "PF-A", missing: "value, urgency" },
        },
      ],
    },
    {
      name: "one criterion missing, in initiation",
      files: { "p.yaml": project("scores:\n  value: 4\n", "initiation") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 1,
          pointer: "/scores",
          messageId: "missingScores",
          data: { stage: "initiation", count: 1, total: 2, portfolio: "PF-A", missing: "urgency" },
        },
      ],
    },
    {
      name: "programme without criteria: the parent's apply",
      files: { "pg.yaml": programme(""), "p.yaml": project("scores: { urgency: 1 }\n", "proposal", "PG-B") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 1,
          pointer: "/scores",
          messageId: "missingScores",
          data: { stage: "proposal", count: 1, total: 2, portfolio: "PF-A", missing: "value" },
        },
      ],
    },
    {
      name: "programme criteria: the parent's scores do not count",
      files: {
        "pg.yaml": programme("prioritisation:\n  criteria:\n    - { id: reach, name: Reach, weight: 100 }\n"),
        "p.yaml": project("scores: { value: 3 }\n", "proposal", "PG-B"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 1,
          pointer: "/scores",
          messageId: "missingScores",
          data: { stage: "proposal", count: 1, total: 1, portfolio: "PG-B", missing: "reach" },
        },
      ],
    },
    {
      name: "alignment criteria are not counted among the scored ones",
      files: {
        "pg.yaml": programme(
          "prioritisation:\n  criteria:\n    - { id: fit, name: Fit, weight: 50, source: alignment }\n    - { id: reach, name: Reach, weight: 50 }\n",
        ),
        "p.yaml": project("scores: {}\n", "proposal", "PG-B"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 1,
          pointer: "/scores",
          messageId: "missingScores",
          data: { stage: "proposal", count: 1, total: 1, portfolio: "PG-B", missing: "reach" },
        },
      ],
    },
    {
      name: "a WSJF programme: missing estimates",
      files: {
        "pg.yaml": programme("prioritisation:\n  method: wsjf\n"),
        "p.yaml": project("wsjf:\n  businessValue: 8\n", "proposal", "PG-B"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 1,
          pointer: "/wsjf",
          messageId: "missingWsjf",
          data: {
            stage: "proposal",
            missing: "wsjf.timeCriticality, wsjf.riskReduction, wsjf.jobSize",
            portfolio: "PG-B",
          },
        },
      ],
    },
  ],
});
