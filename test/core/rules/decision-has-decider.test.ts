import { rule } from "../../../src/core/rules/decision-has-decider.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A decision document; `extra` lines start at line 7. */
const decision = (status: string, extra: string, id = "DEC-1"): string => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Adopt the five-point delivery confidence scale
status: ${status}
forum: steerco
${extra}
`;

testRule(rule, {
  valid: [
    {
      name: "approved, with decider and date",
      files: { "d.yaml": decision("approved", "decidedBy: ann\ndate: 2026-02-18") },
    },
    {
      name: "rejected, with decider and date",
      files: { "d.yaml": decision("rejected", "decidedBy: bob\ndate: 2026-03-18") },
    },
    {
      name: "a proposed decision is not taken yet",
      files: { "d.yaml": decision("proposed", "rationale: To be discussed") },
    },
    {
      name: "a superseded decision and the one that replaced it",
      files: {
        "d.yaml":
          decision("superseded", "decidedBy: ann\ndate: 2025-11-12") +
          "---\n" +
          decision("approved", "decidedBy: ann\ndate: 2026-02-18\nsupersedes: DEC-1", "DEC-2"),
      },
    },
  ],
  invalid: [
    {
      name: "approved with neither",
      files: { "d.yaml": decision("approved", "rationale: Three-point RAG hid the difference") },
      errors: [
        {
          file: "d.yaml",
          line: 3,
          column: 1,
          pointer: "/decidedBy",
          messageId: "noDecidedBy",
          data: { status: "approved" },
        },
        { file: "d.yaml", line: 3, column: 1, pointer: "/date", messageId: "noDate", data: { status: "approved" } },
      ],
    },
    {
      name: "rejected without a date",
      files: { "d.yaml": decision("rejected", "decidedBy: bob") },
      errors: [
        { file: "d.yaml", line: 3, column: 1, pointer: "/date", messageId: "noDate", data: { status: "rejected" } },
      ],
    },
    {
      name: "deferred without a decider",
      files: { "d.yaml": decision("deferred", "date: 2026-10-14") },
      errors: [
        {
          file: "d.yaml",
          line: 3,
          column: 1,
          pointer: "/decidedBy",
          messageId: "noDecidedBy",
          data: { status: "deferred" },
        },
      ],
    },
    {
      name: "superseded without a decider, the second document of a log",
      files: {
        "d.yaml":
          decision("approved", "decidedBy: ann\ndate: 2026-02-18") +
          "---\n" +
          decision("superseded", "date: 2025-11-12", "DEC-2"),
      },
      errors: [
        {
          file: "d.yaml",
          line: 12,
          column: 1,
          pointer: "/decidedBy",
          messageId: "noDecidedBy",
          data: { status: "superseded" },
        },
      ],
    },
  ],
});
