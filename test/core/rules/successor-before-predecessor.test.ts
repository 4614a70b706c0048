import { rule } from "../../../src/core/rules/successor-before-predecessor.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project whose milestone entries start at line 8. */
const project = (milestones: string, id = "PRJ-1", stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Trunk main renewal
portfolio: PF-A
stage: ${stage}
milestones:
${milestones}
`;

const m1 = "  - { id: M1, name: Design, forecast: 2027-03-01 }";

testRule(rule, {
  valid: [
    {
      name: "a successor after its predecessor",
      files: { "p.yaml": project(`${m1}\n  - { id: M2, name: Build, forecast: 2027-03-20, dependsOn: [M1] }`) },
    },
    {
      name: "a successor on the same day (finish-to-start, no lag)",
      files: { "p.yaml": project(`${m1}\n  - { id: M2, name: Build, forecast: 2027-03-01, dependsOn: [M1] }`) },
    },
    {
      name: "a start-to-start link lets the successor come before the predecessor's date is not a thing for milestones: same date",
      files: {
        "p.yaml": project(
          `${m1}\n  - { id: M2, name: Build, forecast: 2027-03-01, dependsOn: [{ milestone: M1, type: start-to-start }] }`,
        ),
      },
    },
    {
      name: "a lead lets the successor come earlier",
      files: {
        "p.yaml": project(
          `${m1}\n  - { id: M2, name: Build, forecast: 2027-02-25, dependsOn: [{ milestone: M1, lag: -4 }] }`,
        ),
      },
    },
    {
      name: "a predecessor already achieved earlier than the successor",
      files: {
        "p.yaml": project(
          `  - { id: M1, name: Design, baseline: 2026-06-01, actual: 2026-06-10 }\n  - { id: M2, name: Build, forecast: 2027-02-25, dependsOn: [M1] }`,
        ),
      },
    },
    {
      name: "a cancelled project",
      files: {
        "p.yaml": project(
          `${m1}\n  - { id: M2, name: Build, forecast: 2027-02-20, dependsOn: [M1] }`,
          "PRJ-1",
          "cancelled",
        ),
      },
    },
    {
      name: "across projects, in order",
      files: {
        "p.yaml": project(m1),
        "q.yaml": project("  - { id: M1, name: Integrate, forecast: 2027-04-01, dependsOn: [PRJ-1/M1] }", "PRJ-2"),
      },
    },
  ],
  invalid: [
    {
      name: "a successor forecast before its predecessor",
      files: { "p.yaml": project(`${m1}\n  - { id: M2, name: Build, forecast: 2027-02-20, dependsOn: [M1] }`) },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/1/forecast",
          messageId: "tooEarly",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-02-20",
            days: "9 days",
            earliest: "2027-03-01",
            after: "PRJ-1/M1",
          },
        },
      ],
    },
    {
      name: "a lag the forecast does not leave room for",
      files: {
        "p.yaml": project(
          `${m1}\n  - { id: M2, name: Build, forecast: 2027-03-05, dependsOn: [{ milestone: M1, lag: 7 }] }`,
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/1/forecast",
          messageId: "tooEarly",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-03-05",
            days: "3 days",
            earliest: "2027-03-08",
            after: "PRJ-1/M1 (FS+7)",
          },
        },
      ],
    },
    {
      name: "across projects: the slip another project pushes in",
      files: {
        "p.yaml": project(m1),
        "q.yaml": project("  - { id: M1, name: Integrate, forecast: 2027-02-01, dependsOn: [PRJ-1/M1] }", "PRJ-2"),
      },
      errors: [
        {
          file: "q.yaml",
          line: 8,
          column: 42,
          pointer: "/milestones/0/forecast",
          messageId: "tooEarly",
          data: {
            milestone: "PRJ-2/M1",
            date: "2027-02-01",
            days: "28 days",
            earliest: "2027-03-01",
            after: "PRJ-1/M1",
          },
        },
      ],
    },
    {
      name: "a milestone with only a baseline is judged on it",
      files: { "p.yaml": project(`${m1}\n  - { id: M2, name: Build, baseline: 2027-02-26, dependsOn: [M1] }`) },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/1/baseline",
          messageId: "tooEarly",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-02-26",
            days: "3 days",
            earliest: "2027-03-01",
            after: "PRJ-1/M1",
          },
        },
      ],
    },
    {
      name: "only the first of a chain is inconsistent; the rest inherit the push but keep to their own dates",
      files: {
        "p.yaml": project(
          `${m1}\n  - { id: M2, name: Build, forecast: 2027-02-20, dependsOn: [M1] }\n  - { id: M3, name: Test, forecast: 2027-05-01, dependsOn: [M2] }`,
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/1/forecast",
          messageId: "tooEarly",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-02-20",
            days: "9 days",
            earliest: "2027-03-01",
            after: "PRJ-1/M1",
          },
        },
      ],
    },
  ],
});
