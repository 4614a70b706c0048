import { rule } from "../../../../src/core/validate/rules/date-order.js";
import { doc, ENGAGEMENT, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const order = (later: string, end: string, earlier: string, start: string) => ({ later, end, earlier, start });

/** One row per date pair of the rule's table: the later date is reported. */
testValidationRule(rule, {
  valid: [
    {
      name: "every pair in order, or equal",
      files: {
        "p.yaml": doc(
          "Project",
          "schedule:\n  baselineStart: 2026-01-01\n  baselineFinish: 2026-01-01\n  actualStart: 2026-01-01\n  actualFinish: 2026-02-01\n",
        ),
      },
    },
    {
      name: "a pair with one date missing",
      files: { "p.yaml": doc("Project", "schedule:\n  baselineFinish: 2026-01-01\n") },
    },
    {
      name: "values that are not dates are left to the schema",
      files: { "p.yaml": doc("Project", "schedule:\n  baselineStart: soon\n  baselineFinish: 2026-01-01\n") },
    },
    {
      name: "pairs of different milestones are not compared",
      files: {
        "p.yaml": doc(
          "Project",
          "milestones:\n  - estimate: { optimistic: 2026-12-10 }\n  - estimate: { mostLikely: 2026-12-01 }\n",
        ),
      },
    },
    {
      name: "the same fields of kinds they do not belong to",
      files: { "d.yaml": doc("Decision", "raised: 2026-06-01\nclosed: 2026-05-01\nresolved: 2026-05-01\n") },
    },
  ],
  invalid: [
    {
      name: "Project schedule.baselineFinish before schedule.baselineStart",
      files: { "p.yaml": doc("Project", "schedule:\n  baselineStart: 2026-06-01\n  baselineFinish: 2026-05-01\n") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 19,
          pointer: "/schedule/baselineFinish",
          messageId: "outOfOrder",
          data: order("schedule.baselineFinish", "2026-05-01", "schedule.baselineStart", "2026-06-01"),
        },
      ],
    },
    {
      name: "Project schedule.forecastFinish before schedule.forecastStart",
      files: { "p.yaml": doc("Project", "schedule:\n  forecastStart: 2026-06-01\n  forecastFinish: 2026-05-01\n") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 19,
          pointer: "/schedule/forecastFinish",
          messageId: "outOfOrder",
          data: order("schedule.forecastFinish", "2026-05-01", "schedule.forecastStart", "2026-06-01"),
        },
      ],
    },
    {
      name: "Project schedule.actualFinish before schedule.actualStart",
      files: { "p.yaml": doc("Project", "schedule:\n  actualStart: 2026-06-01\n  actualFinish: 2026-05-01\n") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 17,
          pointer: "/schedule/actualFinish",
          messageId: "outOfOrder",
          data: order("schedule.actualFinish", "2026-05-01", "schedule.actualStart", "2026-06-01"),
        },
      ],
    },
    {
      name: "Project milestones[0].estimate.mostLikely before the optimistic estimate",
      files: {
        "p.yaml": doc(
          "Project",
          "milestones:\n  - id: M1\n    estimate:\n      optimistic: 2026-12-10\n      mostLikely: 2026-12-01\n",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 19,
          pointer: "/milestones/0/estimate/mostLikely",
          messageId: "outOfOrder",
          data: order(
            "milestones[0].estimate.mostLikely",
            "2026-12-01",
            "milestones[0].estimate.optimistic",
            "2026-12-10",
          ),
        },
      ],
    },
    {
      name: "Project milestones[1].estimate.pessimistic before the most likely estimate, in the second milestone",
      files: {
        "p.yaml": doc(
          "Project",
          "milestones:\n  - id: M1\n  - id: M2\n    estimate:\n      mostLikely: 2026-12-10\n      pessimistic: 2026-12-01\n",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 20,
          pointer: "/milestones/1/estimate/pessimistic",
          messageId: "outOfOrder",
          data: order(
            "milestones[1].estimate.pessimistic",
            "2026-12-01",
            "milestones[1].estimate.mostLikely",
            "2026-12-10",
          ),
        },
      ],
    },
    {
      name: "Portfolio budget.period.end before budget.period.start",
      files: { "pf.yaml": doc("Portfolio", "budget:\n  period:\n    start: 2027-01-01\n    end: 2026-01-01\n") },
      errors: [
        {
          file: "pf.yaml",
          line: 7,
          column: 10,
          pointer: "/budget/period/end",
          messageId: "outOfOrder",
          data: order("budget.period.end", "2026-01-01", "budget.period.start", "2027-01-01"),
        },
      ],
    },
    {
      name: "Engagement phase.plan[1].end before its start",
      files: {
        "engagement.yaml": doc(
          "Engagement",
          "phase:\n  plan:\n    - start: 2026-01-01\n      end: 2026-02-01\n    - start: 2026-06-01\n      end: 2026-05-01\n",
          "ENG",
        ),
      },
      errors: [
        {
          file: "engagement.yaml",
          line: 9,
          column: 12,
          pointer: "/phase/plan/1/end",
          messageId: "outOfOrder",
          data: order("phase.plan[1].end", "2026-05-01", "phase.plan[1].start", "2026-06-01"),
        },
      ],
    },
    {
      name: "Risk closed before raised",
      files: { "r.yaml": doc("Risk", "raised: 2026-06-01\nclosed: 2026-05-01\n") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 9,
          pointer: "/closed",
          messageId: "outOfOrder",
          data: order("closed", "2026-05-01", "raised", "2026-06-01"),
        },
      ],
    },
    {
      name: "Issue resolved before raised",
      files: { "i.yaml": doc("Issue", "raised: 2026-06-01\nresolved: 2026-05-01\n") },
      errors: [
        {
          file: "i.yaml",
          line: 5,
          column: 11,
          pointer: "/resolved",
          messageId: "outOfOrder",
          data: order("resolved", "2026-05-01", "raised", "2026-06-01"),
        },
      ],
    },
    {
      name: "one day out of order",
      files: { "engagement.yaml": ENGAGEMENT, "r.yaml": doc("Risk", "raised: 2026-06-02\nclosed: 2026-06-01\n") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 9,
          pointer: "/closed",
          messageId: "outOfOrder",
          data: order("closed", "2026-06-01", "raised", "2026-06-02"),
        },
      ],
    },
  ],
});
