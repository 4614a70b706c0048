import { rule } from "../../../src/core/rules/baseline-without-decision.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A decision document: status on line 5, approves on line 8. */
const decision = (status: string, approves = "{ type: rebaseline }", id = "DEC-1"): string => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Re-plan the programme
status: ${status}
decidedBy: ann
date: 2026-03-02
approves: ${approves}
`;
const tag = (name: string, decision?: string, annotated = true) => ({ name, decision, annotated });

testRule(rule, {
  valid: [
    { name: "no baselines", files: { "d.yaml": decision("proposed") } },
    {
      name: "a baseline approved by an approved decision",
      files: { "d.yaml": decision("approved") },
      baselines: [tag("Q1", "DEC-1")],
    },
    {
      name: "the decision names this baseline",
      files: { "d.yaml": decision("approved", "{ type: rebaseline, baselineName: Q1 }") },
      baselines: [tag("Q1", "DEC-1")],
    },
  ],
  invalid: [
    {
      name: "the decision does not exist: reported on the engagement",
      files: { "d.yaml": decision("approved") },
      baselines: [tag("Q1", "DEC-9")],
      errors: [
        {
          file: "engagement.yaml",
          line: 1,
          column: 1,
          pointer: "",
          messageId: "unknownDecision",
          data: { name: "Q1", decision: "DEC-9" },
        },
      ],
    },
    {
      name: "the decision is not approved (superseded since)",
      files: { "d.yaml": decision("superseded") },
      baselines: [tag("Q1", "DEC-1")],
      errors: [
        {
          file: "d.yaml",
          line: 5,
          column: 9,
          pointer: "/status",
          messageId: "notApproved",
          data: { name: "Q1", decision: "DEC-1", status: "superseded" },
        },
      ],
    },
    {
      name: "the decision approves another baseline",
      files: { "d.yaml": decision("approved", "{ type: rebaseline, baselineName: Q2 }") },
      baselines: [tag("Q1", "DEC-1")],
      errors: [
        {
          file: "d.yaml",
          line: 8,
          column: 45,
          pointer: "/approves/baselineName",
          messageId: "otherBaseline",
          data: { name: "Q1", decision: "DEC-1", named: "Q2" },
        },
      ],
    },
    {
      name: "a lightweight tag and a tag without a Decision line",
      files: { "d.yaml": decision("approved") },
      baselines: [tag("light", undefined, false), tag("bare", undefined, true)],
      errors: [
        {
          file: "engagement.yaml",
          line: 1,
          column: 1,
          pointer: "",
          messageId: "noDecision",
          data: { name: "light", why: "it is a lightweight tag" },
        },
        {
          file: "engagement.yaml",
          line: 1,
          column: 1,
          pointer: "",
          messageId: "noDecision",
          data: { name: "bare", why: "its message has no Decision: line" },
        },
      ],
    },
  ],
});
