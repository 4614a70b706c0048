import { rule } from "../../../src/core/rules/stage-gate-approved.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project document; gate entries start at line 8. */
const project = (stage: string, gates: string[]): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Trunk main renewal
portfolio: PF-A
stage: ${stage}
gates:
${gates.length === 0 ? "  []" : gates.join("\n")}
`;

const decision = (status: string, id = "DEC-1"): string => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Approval to proceed to delivery
project: PRJ-1
status: ${status}
${status === "proposed" ? "" : "decidedBy: ann\ndate: 2026-08-13\n"}approves: { type: stage-gate, stage: delivery }
`;

const gate = (stage: string, rest = "outcome: approved", date = "2026-08-13"): string =>
  `  - { stage: ${stage}, date: ${date}, ${rest} }`;

testRule(rule, {
  valid: [
    {
      name: "an approved gate with an approved decision",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("approved"),
      },
    },
    {
      name: "an approved gate with no decision named",
      files: { "p.yaml": project("closure", [gate("delivery"), gate("closure")]) },
    },
    {
      name: "deferred first, approved later",
      files: { "p.yaml": project("delivery", [gate("delivery", "outcome: deferred", "2026-07-01"), gate("delivery")]) },
    },
    {
      name: "one of two approved gates cites the right decision",
      files: {
        "p.yaml": project("delivery", [
          gate("delivery", "decision: DEC-2, outcome: approved", "2026-07-01"),
          gate("delivery", "decision: DEC-1, outcome: approved"),
        ]),
        "d.yaml":
          decision("approved") +
          "---\n" +
          decision("approved", "DEC-2").replace("type: stage-gate", "type: budget-change"),
      },
    },
    {
      name: "a cited decision that names no project and says nothing of what it approves",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("approved")
          .replace("project: PRJ-1\n", "")
          .replace("approves: { type: stage-gate, stage: delivery }\n", ""),
      },
    },
    { name: "a proposal needs no gate", files: { "p.yaml": project("proposal", []) } },
    { name: "initiation is not gated by default", files: { "p.yaml": project("initiation", []) } },
    { name: "cancelled is not gated by default", files: { "p.yaml": project("cancelled", []) } },
    {
      name: "only the gate into the current stage is required",
      files: { "p.yaml": project("closed", [gate("closed")]) },
    },
    {
      name: "a configuration that gates only delivery",
      files: { "p.yaml": project("planning", []) },
      options: { stages: ["delivery"] },
    },
  ],
  invalid: [
    {
      name: "both approved gates cite decisions about something else: the last one listed is reported",
      files: {
        "p.yaml": project("delivery", [
          gate("delivery", "decision: DEC-1, outcome: approved"),
          gate("delivery", "decision: DEC-2, outcome: approved", "2026-07-01"),
        ]),
        "d.yaml":
          decision("approved").replace("stage: delivery", "stage: planning") +
          "---\n" +
          decision("approved", "DEC-2").replace("type: stage-gate", "type: budget-change"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 52,
          pointer: "/gates/1/decision",
          messageId: "decisionElsewhere",
          data: { stage: "delivery", decision: "DEC-2", why: "approves a budget-change, not a stage gate" },
        },
      ],
    },
    {
      name: "the cited decision approves something else than a stage gate",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("approved").replace("type: stage-gate", "type: budget-change"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 52,
          pointer: "/gates/0/decision",
          messageId: "decisionElsewhere",
          data: { stage: "delivery", decision: "DEC-1", why: "approves a budget-change, not a stage gate" },
        },
      ],
    },
    {
      name: "the cited decision approves the gate into another stage",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("approved").replace("stage: delivery", "stage: planning"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 52,
          pointer: "/gates/0/decision",
          messageId: "decisionElsewhere",
          data: { stage: "delivery", decision: "DEC-1", why: "approves the gate into planning" },
        },
      ],
    },
    {
      name: "the cited decision is about another project",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "q.yaml": project("proposal", []).replace("id: PRJ-1", "id: PRJ-2"),
        "d.yaml": decision("approved").replace("project: PRJ-1", "project: PRJ-2"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 52,
          pointer: "/gates/0/decision",
          messageId: "decisionElsewhere",
          data: { stage: "delivery", decision: "DEC-1", why: "is about project PRJ-2" },
        },
      ],
    },
    {
      name: "no gates at all",
      files: { "p.yaml": project("delivery", []).replace("gates:\n  []\n", "") },
      errors: [
        { file: "p.yaml", line: 6, column: 8, pointer: "/stage", messageId: "noGate", data: { stage: "delivery" } },
      ],
    },
    {
      name: "gates into earlier stages only",
      files: { "p.yaml": project("planning", [gate("initiation")]) },
      errors: [
        { file: "p.yaml", line: 6, column: 8, pointer: "/stage", messageId: "noGate", data: { stage: "planning" } },
      ],
    },
    {
      name: "the gate was rejected",
      files: { "p.yaml": project("delivery", [gate("delivery", "outcome: rejected")]) },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 51,
          pointer: "/gates/0/outcome",
          messageId: "notApproved",
          data: { stage: "delivery", date: "2026-08-13", outcome: "rejected" },
        },
      ],
    },
    {
      name: "the gate records no outcome",
      files: { "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1")]), "d.yaml": decision("approved") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 5,
          pointer: "/gates/0",
          messageId: "noOutcome",
          data: { stage: "delivery", date: "2026-08-13" },
        },
      ],
    },
    {
      name: "the gate's decision is only proposed",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("proposed"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 52,
          pointer: "/gates/0/decision",
          messageId: "decisionNotApproved",
          data: { stage: "delivery", decision: "DEC-1", status: "proposed" },
        },
      ],
    },
    {
      name: "the gate's decision was rejected",
      files: {
        "p.yaml": project("delivery", [gate("delivery", "decision: DEC-1, outcome: approved")]),
        "d.yaml": decision("rejected"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 52,
          pointer: "/gates/0/decision",
          messageId: "decisionNotApproved",
          data: { stage: "delivery", decision: "DEC-1", status: "rejected" },
        },
      ],
    },
    {
      name: "approved first, then deferred: no gate passes, the latest is reported",
      files: {
        "p.yaml": project("delivery", [
          gate("delivery", "decision: DEC-1, outcome: approved", "2026-07-01"),
          gate("delivery", "outcome: deferred", "2026-08-13"),
        ]),
        "d.yaml": decision("superseded"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 51,
          pointer: "/gates/1/outcome",
          messageId: "notApproved",
          data: { stage: "delivery", date: "2026-08-13", outcome: "deferred" },
        },
      ],
    },
    {
      name: "a configuration that also gates initiation and cancellation",
      files: { "p.yaml": project("cancelled", [gate("delivery")]) },
      options: { stages: ["initiation", "planning", "delivery", "closure", "closed", "cancelled"] },
      errors: [
        { file: "p.yaml", line: 6, column: 8, pointer: "/stage", messageId: "noGate", data: { stage: "cancelled" } },
      ],
    },
  ],
});
