import { rule } from "../../../src/core/rules/engagement-review-due.js";
import { testRule } from "../../helpers/rule-tester.js";

/** The engagement, with `reviews` on line 10 (absent when undefined). */
const engagement = (phase: string, reviews: string | undefined): string => `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [operational]
phase: { current: ${phase}, since: 2026-01-05 }
scope: { services: [governance] }
${reviews === undefined ? "reporting: { cadence: monthly }" : `reviews: ${reviews}`}
statusScale: dca5
currency: EUR
`;

testRule(rule, {
  valid: [
    { name: "the base engagement: next review in December", files: {} },
    {
      name: "the next review is today",
      files: { "engagement.yaml": engagement("monitoring", "{ last: 2026-06-01, next: 2026-11-30 }") },
    },
    { name: "no review dates outside monitoring", files: { "engagement.yaml": engagement("deployment", undefined) } },
    {
      name: "only a last review outside monitoring",
      files: { "engagement.yaml": engagement("design", "{ last: 2026-06-01 }") },
    },
    {
      name: "monitoring with a review scheduled",
      files: { "engagement.yaml": engagement("monitoring", "{ next: 2027-01-21 }") },
    },
  ],
  invalid: [
    {
      name: "the next review has passed",
      files: { "engagement.yaml": engagement("deployment", "{ last: 2026-06-01, next: 2026-10-15 }") },
      errors: [
        {
          file: "engagement.yaml",
          line: 10,
          column: 36,
          pointer: "/reviews/next",
          messageId: "overdue",
          data: { next: "2026-10-15", age: "46 days", asOf: "2026-11-30" },
        },
      ],
    },
    {
      name: "held, but not rescheduled",
      files: { "engagement.yaml": engagement("monitoring", "{ last: 2026-11-02, next: 2026-10-30 }") },
      errors: [
        {
          file: "engagement.yaml",
          line: 10,
          column: 36,
          pointer: "/reviews/next",
          messageId: "notRescheduled",
          data: { last: "2026-11-02", next: "2026-10-30" },
        },
      ],
    },
    {
      name: "monitoring with no review dates",
      files: { "engagement.yaml": engagement("monitoring", undefined) },
      errors: [{ file: "engagement.yaml", line: 3, column: 1, pointer: "/reviews/next", messageId: "unscheduled" }],
    },
    {
      name: "monitoring with only a last review",
      files: { "engagement.yaml": engagement("monitoring", "{ last: 2026-06-01 }") },
      errors: [{ file: "engagement.yaml", line: 10, column: 10, pointer: "/reviews/next", messageId: "unscheduled" }],
    },
    {
      name: "a later as-of date makes the base engagement's review overdue",
      asOf: "2027-01-04",
      files: {},
      errors: [
        {
          file: "engagement.yaml",
          line: 16,
          column: 36,
          pointer: "/reviews/next",
          messageId: "overdue",
          data: { next: "2026-12-31", age: "4 days", asOf: "2027-01-04" },
        },
      ],
    },
  ],
});
