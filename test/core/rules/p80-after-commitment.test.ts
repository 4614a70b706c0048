import { rule } from "../../../src/core/rules/p80-after-commitment.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project whose milestone entries start at line 9. */
const project = (milestones: string, finish = "2027-12-31", stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Trunk main renewal
portfolio: PF-A
stage: ${stage}
schedule: { baselineStart: 2026-06-01, baselineFinish: ${finish} }
milestones:
${milestones}
`;

/** Most likely on the baseline, but the tail runs four months later. */
const skewed =
  "  - { id: M1, name: Build, baseline: 2027-03-01, forecast: 2027-03-01, estimate: { optimistic: 2027-02-20, mostLikely: 2027-03-01, pessimistic: 2027-06-30 } }";

testRule(rule, {
  valid: [
    {
      name: "P80 before the commitment",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Build, baseline: 2027-03-31, forecast: 2027-03-01, estimate: { optimistic: 2027-02-20, mostLikely: 2027-03-01, pessimistic: 2027-03-20 } }",
        ),
      },
    },
    {
      name: "no three-point estimate: nothing to simulate",
      files: { "p.yaml": project("  - { id: M1, name: Build, baseline: 2027-03-01, forecast: 2027-05-01 }") },
    },
    {
      name: "no commitment",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Build, forecast: 2027-03-01, estimate: { optimistic: 2027-02-20, mostLikely: 2027-03-01, pessimistic: 2027-06-30 } }",
        ),
      },
    },
    { name: "a closed project", files: { "p.yaml": project(skewed, "2027-12-31", "closed") } },
    {
      name: "the forecast is already past the commitment (milestone-slip-needs-rebaseline's finding)",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Build, baseline: 2027-03-01, forecast: 2027-03-20, estimate: { optimistic: 2027-03-10, mostLikely: 2027-03-20, pessimistic: 2027-06-30 } }",
        ),
      },
    },
  ],
  invalid: [
    {
      name: "a long tail past the baseline",
      files: { "p.yaml": project(skewed) },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/0/baseline",
          messageId: "milestone",
          data: {
            milestone: "PRJ-1/M1",
            p80: "2027-04-06",
            committed: "2027-03-01",
            chance: "17.3%",
            iterations: 2000,
            seed: 20260101,
          },
        },
      ],
    },
    {
      name: "the project finish too",
      files: { "p.yaml": project(skewed, "2027-03-01") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 56,
          pointer: "/schedule/baselineFinish",
          messageId: "finish",
          data: {
            project: "PRJ-1",
            p80: "2027-04-06",
            committed: "2027-03-01",
            chance: "17.3%",
            iterations: 2000,
            seed: 20260101,
          },
        },
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/0/baseline",
          messageId: "milestone",
          data: {
            milestone: "PRJ-1/M1",
            p80: "2027-04-06",
            committed: "2027-03-01",
            chance: "17.3%",
            iterations: 2000,
            seed: 20260101,
          },
        },
      ],
    },
  ],
});
