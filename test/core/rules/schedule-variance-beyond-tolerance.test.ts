import { rule } from "../../../src/core/rules/schedule-variance-beyond-tolerance.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (schedule: string, extra = "", stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: PF-A
stage: ${stage}
schedule: ${schedule}
${extra}`;
const GREEN = "status:\n  asOf: 2026-11-27\n  overall: green\n";
const rebaseline = (baselines: string): string => `apiVersion: pmo/v1
kind: Decision
id: DEC-1
title: Re-plan billing
status: approved
date: 2026-10-01
project: PRJ-1
approves: { type: rebaseline${baselines} }
`;

testRule(rule, {
  valid: [
    {
      name: "exactly at the tolerance of 30 days",
      files: { "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-03-31 }") },
    },
    { name: "early", files: { "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-02-01 }") } },
    { name: "no baseline finish", files: { "p.yaml": project("{ forecastFinish: 2027-09-01 }") } },
    { name: "no forecast finish", files: { "p.yaml": project("{ baselineFinish: 2027-03-01 }") } },
    {
      name: "finished: the slip is history",
      files: {
        "p.yaml": project(
          "{ baselineFinish: 2026-03-01, forecastFinish: 2026-09-01, actualFinish: 2026-09-01 }",
          "",
          "closure",
        ),
      },
    },
    {
      name: "a proposal",
      files: { "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-09-01 }", "", "proposal") },
    },
    {
      name: "cancelled",
      files: { "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-09-01 }", "", "cancelled") },
    },
    {
      name: "within tolerance of the finish an approved re-baseline records",
      files: {
        "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-09-10 }"),
        "d.yaml": rebaseline(", baselines: { finish: 2027-09-01 }"),
      },
    },
  ],
  invalid: [
    {
      name: "late beyond tolerance, no status reported",
      files: { "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-04-01 }") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 57,
          pointer: "/schedule/forecastFinish",
          messageId: "late",
          data: {
            forecast: "2027-04-01",
            slip: "31 days",
            against: "baseline finish",
            baseline: "2027-03-01",
            tolerance: "30 days",
            status: "; no status is reported",
          },
        },
      ],
    },
    {
      name: "late beyond tolerance while reported green",
      files: { "p.yaml": project("\n  baselineFinish: 2027-03-01\n  forecastFinish: 2027-06-01", GREEN) },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 19,
          pointer: "/schedule/forecastFinish",
          messageId: "late",
          data: {
            forecast: "2027-06-01",
            slip: "92 days",
            against: "baseline finish",
            baseline: "2027-03-01",
            tolerance: "30 days",
            status: "",
          },
        },
      ],
    },
    {
      name: "beyond the re-baselined finish",
      files: {
        "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-12-01 }"),
        "d.yaml": rebaseline(", baselines: { finish: 2027-09-01 }"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 57,
          pointer: "/schedule/forecastFinish",
          messageId: "late",
          data: {
            forecast: "2027-12-01",
            slip: "91 days",
            against: "finish re-baselined in DEC-1",
            baseline: "2027-09-01",
            tolerance: "30 days",
            status: "; no status is reported",
          },
        },
      ],
    },
    {
      name: "a re-baseline that records no date leaves the original baseline as the yardstick",
      files: {
        "p.yaml": project("{ baselineFinish: 2027-03-01, forecastFinish: 2027-05-01 }"),
        "d.yaml": rebaseline(""),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 57,
          pointer: "/schedule/forecastFinish",
          messageId: "late",
          data: {
            forecast: "2027-05-01",
            slip: "61 days",
            against: "baseline finish",
            baseline: "2027-03-01",
            tolerance: "30 days",
            status: "; no status is reported",
          },
        },
      ],
    },
  ],
});
