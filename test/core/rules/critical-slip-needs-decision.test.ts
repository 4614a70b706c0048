import { rule } from "../../../src/core/rules/critical-slip-needs-decision.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project whose milestone entries start at line 9. */
const project = (
  milestones: string,
  id = "PRJ-1",
  stage = "delivery",
  schedule = "{ baselineStart: 2026-06-01 }",
): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Trunk main renewal
portfolio: PF-A
stage: ${stage}
schedule: ${schedule}
milestones:
${milestones}
`;

/** M1 is forecast on 2027-03-01; M2 (baseline 2027-01-15) must follow it: pushed 45 days past its baseline. */
const pushed =
  "  - { id: M1, name: Design, forecast: 2027-03-01 }\n  - { id: M2, name: Build, baseline: 2027-01-15, forecast: 2027-01-20, dependsOn: [M1] }";

const decision = (approves: string, status = "approved"): string => `apiVersion: pmo/v1
kind: Decision
id: DEC-1
title: Accept the later build date
project: PRJ-1
status: ${status}
${status === "proposed" ? "" : "decidedBy: ann\ndate: 2026-11-21\n"}approves: ${approves}
`;

testRule(rule, {
  valid: [
    {
      name: "pushed, but within tolerance",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Design, forecast: 2027-02-10 }\n  - { id: M2, name: Build, baseline: 2027-01-15, forecast: 2027-01-20, dependsOn: [M1] }",
        ),
      },
    },
    {
      name: "covered by an approved decision naming the milestone (any type)",
      files: { "p.yaml": project(pushed), "d.yaml": decision("{ type: scope-change, milestones: [M2] }") },
    },
    {
      name: "covered by an approved rebaseline of the whole project",
      files: { "p.yaml": project(pushed), "d.yaml": decision("{ type: rebaseline }") },
    },
    {
      name: "the forecast already shows the slip (milestone-slip-needs-rebaseline judges it)",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Design, forecast: 2027-03-01 }\n  - { id: M2, name: Build, baseline: 2027-01-15, forecast: 2027-03-10, dependsOn: [M1] }",
        ),
      },
    },
    {
      name: "not critical: the project finishes later through another milestone with float to spare",
      files: { "p.yaml": project(`${pushed}\n  - { id: M3, name: Handover, forecast: 2027-09-30 }`) },
    },
    {
      name: "a closed project",
      files: {
        "p.yaml": project("  - { id: M1, name: Design, forecast: 2027-03-01, actual: 2026-11-01 }", "PRJ-1", "closed"),
      },
    },
  ],
  invalid: [
    {
      name: "a critical milestone its predecessor pushes 45 days past baseline",
      files: { "p.yaml": project(pushed) },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 60,
          pointer: "/milestones/1/forecast",
          messageId: "pushed",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-03-01",
            after: "PRJ-1/M1",
            slip: "45 days",
            against: "baseline",
            baseline: "2027-01-15",
            tolerance: "30 days",
            forecastNote: " (its forecast 2027-01-20 does not show it)",
            project: "PRJ-1",
          },
        },
      ],
    },
    {
      name: "the decision is only proposed",
      files: { "p.yaml": project(pushed), "d.yaml": decision("{ type: scope-change, milestones: [M2] }", "proposed") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 60,
          pointer: "/milestones/1/forecast",
          messageId: "pushed",
          data: {
            milestone: "PRJ-1/M2",
            date: "2027-03-01",
            after: "PRJ-1/M1",
            slip: "45 days",
            against: "baseline",
            baseline: "2027-01-15",
            tolerance: "30 days",
            forecastNote: " (its forecast 2027-01-20 does not show it)",
            project: "PRJ-1",
          },
        },
      ],
    },
    {
      name: "an activity the network dates late, with no forecast",
      files: {
        "p.yaml": project(
          "  - { id: A, name: Design, duration: 200 }\n  - { id: B, name: Build, duration: 30, baseline: 2026-12-01, dependsOn: [A] }",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 51,
          pointer: "/milestones/1/baseline",
          messageId: "pushed",
          data: {
            milestone: "PRJ-1/B",
            date: "2027-01-16",
            after: "PRJ-1/A",
            slip: "46 days",
            against: "baseline",
            baseline: "2026-12-01",
            tolerance: "30 days",
            forecastNote: "",
            project: "PRJ-1",
          },
        },
      ],
    },
    {
      name: "the slip pushed in from another project",
      files: {
        "p.yaml": project("  - { id: M1, name: Integration ready, forecast: 2027-04-30 }", "PRJ-1"),
        "q.yaml": project(
          "  - { id: M1, name: Go-live, baseline: 2027-03-01, forecast: 2027-03-01, dependsOn: [PRJ-1/M1] }",
          "PRJ-2",
        ),
      },
      errors: [
        {
          file: "q.yaml",
          line: 9,
          column: 62,
          pointer: "/milestones/0/forecast",
          messageId: "pushed",
          data: {
            milestone: "PRJ-2/M1",
            date: "2027-04-30",
            after: "PRJ-1/M1",
            slip: "60 days",
            against: "baseline",
            baseline: "2027-03-01",
            tolerance: "30 days",
            forecastNote: " (its forecast 2027-03-01 does not show it)",
            project: "PRJ-2",
          },
        },
      ],
    },
  ],
});
