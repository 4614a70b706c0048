import { rule } from "../../../src/core/rules/milestone-forecast-stale.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project document; milestone entries start at line 8. */
const project = (milestones: string, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Pump station
portfolio: PF-A
stage: ${stage}
milestones:
${milestones}
`;

testRule(rule, {
  valid: [
    {
      name: "forecast in the future",
      files: { "p.yaml": project("  - { id: M1, name: Design, baseline: 2026-11-13, forecast: 2026-12-04 }") },
    },
    {
      name: "forecast on the as-of date is not yet passed",
      files: { "p.yaml": project("  - { id: M1, name: Design, forecast: 2026-11-30 }") },
    },
    {
      name: "achieved",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Design, baseline: 2026-10-01, forecast: 2026-11-13, actual: 2026-11-13 }",
        ),
      },
    },
    { name: "no dates at all", files: { "p.yaml": project("  - { id: M1, name: Design }") } },
    {
      name: "a future forecast wins over a past baseline",
      files: { "p.yaml": project("  - { id: M1, name: Design, baseline: 2026-06-30, forecast: 2027-01-29 }") },
    },
    {
      name: "a closed project",
      files: { "p.yaml": project("  - { id: M1, name: Design, forecast: 2026-06-01 }", "closed") },
    },
    {
      name: "a cancelled project",
      files: { "p.yaml": project("  - { id: M1, name: Design, forecast: 2026-06-01 }", "cancelled") },
    },
    { name: "a project without milestones", files: { "p.yaml": project("  []") } },
  ],
  invalid: [
    {
      name: "forecast passed without an actual date",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Design, forecast: 2026-10-30, actual: 2026-10-30 }\n  - id: M2\n    name: Dam crest works\n    baseline: 2026-11-13\n    forecast: 2026-11-13",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 12,
          column: 15,
          pointer: "/milestones/1/forecast",
          messageId: "forecastPassed",
          data: { milestone: "M2", date: "2026-11-13", days: "17 days", asOf: "2026-11-30" },
        },
      ],
    },
    {
      name: "no forecast and the baseline passed",
      files: { "p.yaml": project("  - { id: M1, name: Design, baseline: 2026-11-29 }") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 39,
          pointer: "/milestones/0/baseline",
          messageId: "baselinePassed",
          data: { milestone: "M1", date: "2026-11-29", days: "1 day", asOf: "2026-11-30" },
        },
      ],
    },
    {
      name: "every stale milestone of a project in closure",
      files: {
        "p.yaml": project(
          "  - { id: M1, name: Design, forecast: 2026-01-05 }\n  - { id: M2, name: Build, forecast: 2026-11-01 }",
          "closure",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 39,
          pointer: "/milestones/0/forecast",
          messageId: "forecastPassed",
          data: { milestone: "M1", date: "2026-01-05", days: "329 days", asOf: "2026-11-30" },
        },
        {
          file: "p.yaml",
          line: 9,
          column: 38,
          pointer: "/milestones/1/forecast",
          messageId: "forecastPassed",
          data: { milestone: "M2", date: "2026-11-01", days: "29 days", asOf: "2026-11-30" },
        },
      ],
    },
    {
      name: "a later as-of date",
      asOf: "2027-01-04",
      files: { "p.yaml": project("  - { id: M1, name: Design, forecast: 2026-12-04 }", "planning") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 39,
          pointer: "/milestones/0/forecast",
          messageId: "forecastPassed",
          data: { milestone: "M1", date: "2026-12-04", days: "31 days", asOf: "2027-01-04" },
        },
      ],
    },
  ],
});
