import { rule } from "../../../src/core/rules/high-risk-managed.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A risk document; `extra` lines start at line 8. */
const risk = (extra: string, probability = 4, impact = 4, id = "RSK-1"): string => `apiVersion: pmo/v1
kind: Risk
id: ${id}
title: Key supplier fails
probability: ${probability}
impact: ${impact}
status: open
${extra}
`;

const managed = `owner: bob
raised: 2026-06-01
lastReviewed: 2026-11-20
mitigations:
  - { action: Second-source the pumps, owner: bob, due: 2027-01-15, status: in-progress }`;

const project = (stage: string): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Pump station
portfolio: PF-A
stage: ${stage}
`;

/** The base engagement with another risk policy (and the five-point status scale). */
const engagement = (risk: string): string => `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [tactical]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [governance] }
governance:
  risk: ${risk}
statusScale: dca5
currency: EUR
`;

testRule(rule, {
  valid: [
    { name: "owned, mitigated and reviewed", files: { "r.yaml": risk(managed) } },
    { name: "a medium threat needs none of it", files: { "r.yaml": risk("raised: 2020-01-01", 3, 3) } },
    {
      name: "an opportunity is not a threat to manage",
      files: { "r.yaml": risk("type: opportunity\nraised: 2020-01-01") },
    },
    {
      name: "a closed threat",
      files: { "r.yaml": risk("raised: 2020-01-01\nclosed: 2026-01-01").replace("status: open", "status: closed") },
    },
    {
      name: "an occurred threat is an issue now",
      files: { "r.yaml": risk("raised: 2020-01-01").replace("status: open", "status: occurred") },
    },
    {
      name: "reviewed exactly at the end of the review period",
      files: { "r.yaml": risk(managed.replace("lastReviewed: 2026-11-20", "lastReviewed: 2026-10-31")) },
    },
    {
      name: "never reviewed, but raised within the review period",
      files: {
        "r.yaml": risk(
          managed.replace("lastReviewed: 2026-11-20\n", "").replace("raised: 2026-06-01", "raised: 2026-11-16"),
        ),
      },
    },
    {
      name: "one done mitigation and one dated open one",
      files: {
        "r.yaml": risk(`owner: bob
lastReviewed: 2026-11-20
mitigations:
  - { action: Survey, status: done }
  - { action: Second-source, due: 2027-01-15 }`),
      },
    },
    {
      name: "a risk of a cancelled project is left to closed-project-open-risks",
      files: { "p.yaml": project("cancelled"), "r.yaml": risk("project: PRJ-1\nraised: 2020-01-01") },
    },
    {
      name: "a higher threshold in the engagement: 4x4 is medium",
      files: {
        "engagement.yaml": engagement("{ highThreshold: 18, criticalThreshold: 24 }"),
        "r.yaml": risk("raised: 2020-01-01"),
      },
    },
    {
      name: "a config matrix that rates 4x4 medium",
      files: { "r.yaml": risk("raised: 2020-01-01") },
      matrix: { cells: [[], [], [], ["low", "low", "medium", "medium", "high"]] },
    },
    {
      name: "a longer review period in the config when the engagement is silent",
      files: {
        "engagement.yaml": engagement("{ highThreshold: 12 }"),
        "r.yaml": risk(managed.replace("2026-11-20", "2026-09-30")),
      },
      thresholds: { riskReviewDays: 90 },
    },
  ],
  invalid: [
    {
      name: "nothing in place: one finding per missing element",
      files: { "r.yaml": risk("raised: 2026-06-01\nlastReviewed: 2026-09-01") },
      errors: [
        {
          file: "r.yaml",
          line: 3,
          column: 1,
          pointer: "/owner",
          messageId: "noOwner",
          data: { score: "16 (4x4, high)" },
        },
        {
          file: "r.yaml",
          line: 3,
          column: 1,
          pointer: "/mitigations",
          messageId: "noMitigation",
          data: { score: "16 (4x4, high)" },
        },
        {
          file: "r.yaml",
          line: 9,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "reviewOverdue",
          data: {
            score: "16 (4x4, high)",
            date: "2026-09-01",
            age: "90 days",
            asOf: "2026-11-30",
            reviewDays: "30 days",
          },
        },
      ],
    },
    {
      name: "every mitigation done or undated",
      files: {
        "r.yaml": risk(`owner: bob
lastReviewed: 2026-11-20
mitigations:
  - { action: Survey, due: 2026-10-01, status: done }
  - { action: Second-source, status: planned }`),
      },
      errors: [
        {
          file: "r.yaml",
          line: 10,
          column: 1,
          pointer: "/mitigations",
          messageId: "noOpenMitigation",
          data: { score: "16 (4x4, high)", count: 2 },
        },
      ],
    },
    {
      name: "an empty mitigation list",
      files: { "r.yaml": risk("owner: bob\nlastReviewed: 2026-11-20\nmitigations: []") },
      errors: [
        {
          file: "r.yaml",
          line: 10,
          column: 14,
          pointer: "/mitigations",
          messageId: "noMitigation",
          data: { score: "16 (4x4, high)" },
        },
      ],
    },
    {
      name: "a critical threat on a portfolio, never reviewed since it was raised",
      files: { "r.yaml": risk(managed.replace("lastReviewed: 2026-11-20\n", "") + "\nportfolio: PF-A", 5, 4) },
      errors: [
        {
          file: "r.yaml",
          line: 9,
          column: 9,
          pointer: "/raised",
          messageId: "notReviewedSinceRaised",
          data: {
            score: "20 (5x4, critical)",
            date: "2026-06-01",
            age: "182 days",
            asOf: "2026-11-30",
            reviewDays: "30 days",
          },
        },
      ],
    },
    {
      name: "an engagement-level threat with no dates at all",
      files: { "r.yaml": risk("owner: bob\nmitigations:\n  - { action: Insure, due: 2027-01-01 }") },
      errors: [
        {
          file: "r.yaml",
          line: 3,
          column: 1,
          pointer: "/lastReviewed",
          messageId: "neverReviewed",
          data: { score: "16 (4x4, high)" },
        },
      ],
    },
    {
      name: "a threat without an explicit type is a threat, on an open project",
      files: { "p.yaml": project("delivery"), "r.yaml": risk("project: PRJ-1\nowner: bob\nlastReviewed: 2026-11-20") },
      errors: [
        {
          file: "r.yaml",
          line: 3,
          column: 1,
          pointer: "/mitigations",
          messageId: "noMitigation",
          data: { score: "16 (4x4, high)" },
        },
      ],
    },
    {
      name: "a 4x4 scale with the engagement's own thresholds (dca5 engagement)",
      files: {
        "engagement.yaml": engagement(
          "{ scale: { probability: 4, impact: 4 }, highThreshold: 9, criticalThreshold: 16, reviewDays: 14 }",
        ),
        "r.yaml": risk(managed.replace("2026-11-20", "2026-11-10"), 3, 3),
      },
      errors: [
        {
          file: "r.yaml",
          line: 10,
          column: 15,
          pointer: "/lastReviewed",
          messageId: "reviewOverdue",
          data: {
            score: "9 (3x3, high)",
            date: "2026-11-10",
            age: "20 days",
            asOf: "2026-11-30",
            reviewDays: "14 days",
          },
        },
      ],
    },
    {
      name: "a config matrix that rates 3x3 high",
      files: { "r.yaml": risk("owner: bob\nlastReviewed: 2026-11-20", 3, 3) },
      matrix: { cells: [[], [], ["low", "medium", "high", "high", "critical"]] },
      errors: [
        {
          file: "r.yaml",
          line: 3,
          column: 1,
          pointer: "/mitigations",
          messageId: "noMitigation",
          data: { score: "9 (3x3, high)" },
        },
      ],
    },
  ],
});
