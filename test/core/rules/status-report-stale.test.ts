import { rule } from "../../../src/core/rules/status-report-stale.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project document; its status asOf is on line 8. */
const project = (asOf: string | undefined, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Telephony migration
portfolio: PF-A
stage: ${stage}
${asOf === undefined ? "tags: [telephony]" : `status:\n  asOf: ${asOf}\n  overall: ${stage === "closed" ? "green" : "amber"}`}
`;

const engagement = (reporting: string): string => `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [operational]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [reporting] }
${reporting}
statusScale: dca5
currency: EUR
`;

testRule(rule, {
  valid: [
    { name: "reported this week", files: { "p.yaml": project("2026-11-27") } },
    { name: "exactly one weekly cycle old", files: { "p.yaml": project("2026-11-23") } },
    { name: "a closed project keeps its final report", files: { "p.yaml": project("2026-04-24", "closed") } },
    { name: "a cancelled project", files: { "p.yaml": project(undefined, "cancelled") } },
    { name: "a proposal need not report", files: { "p.yaml": project(undefined, "proposal") } },
    {
      name: "a 21-day validity from the engagement (dca5, fortnightly)",
      files: {
        "engagement.yaml": engagement("reporting: { cadence: fortnightly, statusValidityDays: 21 }"),
        "p.yaml": project("2026-11-09"),
      },
    },
    {
      name: "monthly reporting: 31 days",
      files: {
        "engagement.yaml": engagement("reporting: { cadence: monthly }"),
        "p.yaml": project("2026-10-30", "planning"),
      },
    },
    {
      name: "no cadence anywhere: the 14-day default",
      files: { "engagement.yaml": engagement(""), "p.yaml": project("2026-11-16") },
    },
  ],
  invalid: [
    {
      name: "missed a weekly cycle",
      files: { "p.yaml": project("2026-11-22") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 9,
          pointer: "/status/asOf",
          messageId: "stale",
          data: { date: "2026-11-22", age: "8 days", asOf: "2026-11-30", validity: "7 days" },
        },
      ],
    },
    {
      name: "no status report",
      files: { "p.yaml": project(undefined, "initiation") },
      errors: [
        { file: "p.yaml", line: 3, column: 1, pointer: "/status", messageId: "missing", data: { stage: "initiation" } },
      ],
    },
    {
      name: "66 days old with a 21-day validity (dca5, fortnightly)",
      files: {
        "engagement.yaml": engagement("reporting: { cadence: fortnightly, statusValidityDays: 21 }"),
        "p.yaml": project("2026-09-25"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 9,
          pointer: "/status/asOf",
          messageId: "stale",
          data: { date: "2026-09-25", age: "66 days", asOf: "2026-11-30", validity: "21 days" },
        },
      ],
    },
    {
      name: "a project in closure still reports",
      files: { "p.yaml": project("2026-10-01", "closure") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 9,
          pointer: "/status/asOf",
          messageId: "stale",
          data: { date: "2026-10-01", age: "60 days", asOf: "2026-11-30", validity: "7 days" },
        },
      ],
    },
    {
      name: "the config's validity when the engagement is silent",
      files: { "engagement.yaml": engagement(""), "p.yaml": project("2026-11-25", "planning") },
      thresholds: { statusValidityDays: 3 },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 9,
          pointer: "/status/asOf",
          messageId: "stale",
          data: { date: "2026-11-25", age: "5 days", asOf: "2026-11-30", validity: "3 days" },
        },
      ],
    },
  ],
});
