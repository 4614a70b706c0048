import { rule } from "../../../src/core/rules/risk-review-overdue.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A risk document; `extra` lines start at line 8. */
const risk = (extra: string, probability = 3, impact = 3, status = "open"): string => `apiVersion: pmo/v1
kind: Risk
id: RSK-1
title: Permit delayed
probability: ${probability}
impact: ${impact}
status: ${status}
${extra}
`;

const project = (stage: string): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Pump station
portfolio: PF-A
stage: ${stage}
`;

const engagement = (risk: string): string => `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [operational]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [governance] }
governance:
  risk: ${risk}
statusScale: dca5
currency: EUR
`;

testRule(rule, {
  valid: [
    { name: "reviewed last week", files: { "r.yaml": risk("lastReviewed: 2026-11-23") } },
    { name: "reviewed exactly 30 days ago", files: { "r.yaml": risk("lastReviewed: 2026-10-31") } },
    { name: "never reviewed, raised this month", files: { "r.yaml": risk("raised: 2026-11-10") } },
    {
      name: "a recent review wins over an old raised date",
      files: { "r.yaml": risk("raised: 2024-01-01\nlastReviewed: 2026-11-23") },
    },
    {
      name: "a closed risk",
      files: { "r.yaml": risk("lastReviewed: 2025-01-01\nclosed: 2025-01-01", 3, 3, "closed") },
    },
    { name: "an occurred risk", files: { "r.yaml": risk("lastReviewed: 2025-01-01", 3, 3, "occurred") } },
    { name: "a high threat is left to high-risk-managed", files: { "r.yaml": risk("lastReviewed: 2026-01-01", 4, 4) } },
    {
      name: "a risk of a closed project is left to closed-project-open-risks",
      files: { "p.yaml": project("closed"), "r.yaml": risk("project: PRJ-1\nlastReviewed: 2025-01-01") },
    },
    {
      name: "a quarterly review period in the engagement",
      files: { "engagement.yaml": engagement("{ reviewDays: 92 }"), "r.yaml": risk("lastReviewed: 2026-09-01") },
    },
  ],
  invalid: [
    {
      name: "reviewed 31 days ago",
      files: { "r.yaml": risk("lastReviewed: 2026-10-30") },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "threat", date: "2026-10-30", age: "31 days", asOf: "2026-11-30", reviewDays: "30 days" },
        },
      ],
    },
    {
      name: "never reviewed since it was raised",
      files: { "r.yaml": risk("raised: 2026-08-03\nportfolio: PF-A") },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 9,
          pointer: "/raised",
          messageId: "notReviewedSinceRaised",
          data: { type: "threat", date: "2026-08-03", age: "119 days", asOf: "2026-11-30", reviewDays: "30 days" },
        },
      ],
    },
    {
      name: "no dates at all",
      files: { "r.yaml": risk("owner: ann") },
      errors: [
        { file: "r.yaml", line: 3, column: 1, pointer: "/lastReviewed", messageId: "never", data: { type: "threat" } },
      ],
    },
    {
      name: "a high opportunity is checked here (high-risk-managed covers threats only)",
      files: { "r.yaml": risk("type: opportunity\nlastReviewed: 2026-06-30", 4, 4) },
      errors: [
        {
          file: "r.yaml",
          line: 9,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "opportunity", date: "2026-06-30", age: "153 days", asOf: "2026-11-30", reviewDays: "30 days" },
        },
      ],
    },
    {
      name: "a risk of a project in delivery",
      files: { "p.yaml": project("delivery"), "r.yaml": risk("project: PRJ-1\nlastReviewed: 2026-10-01", 2, 2) },
      errors: [
        {
          file: "r.yaml",
          line: 9,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "threat", date: "2026-10-01", age: "60 days", asOf: "2026-11-30", reviewDays: "30 days" },
        },
      ],
    },
    {
      name: "a shorter review period in the engagement (dca5 engagement)",
      files: { "engagement.yaml": engagement("{ reviewDays: 14 }"), "r.yaml": risk("lastReviewed: 2026-11-15") },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "threat", date: "2026-11-15", age: "15 days", asOf: "2026-11-30", reviewDays: "14 days" },
        },
      ],
    },
    {
      name: "the config's review period when the engagement is silent",
      files: { "engagement.yaml": engagement("{ appetite: low }"), "r.yaml": risk("lastReviewed: 2026-11-15") },
      thresholds: { riskReviewDays: 7 },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "threat", date: "2026-11-15", age: "15 days", asOf: "2026-11-30", reviewDays: "7 days" },
        },
      ],
    },
    {
      name: "a threat that a matrix rates medium is checked here",
      files: { "r.yaml": risk("lastReviewed: 2026-01-01", 4, 4) },
      matrix: { cells: [[], [], [], ["low", "low", "medium", "medium", "high"]] },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "overdue",
          data: { type: "threat", date: "2026-01-01", age: "333 days", asOf: "2026-11-30", reviewDays: "30 days" },
        },
      ],
    },
  ],
});
