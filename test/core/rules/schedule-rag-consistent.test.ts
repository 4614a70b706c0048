import { BASE_FILES } from "../../helpers/rule-tester.js";
import { rule } from "../../../src/core/rules/schedule-rag-consistent.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (opts: {
  status?: string;
  schedule?: string;
  milestones?: string;
  stage?: string;
}): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Trunk main renewal
portfolio: PF-A
stage: ${opts.stage ?? "delivery"}
schedule: ${opts.schedule ?? "{ baselineStart: 2025-09-01, baselineFinish: 2027-09-30, forecastFinish: 2027-10-15 }"}
status:
  asOf: 2026-11-24
${opts.status ?? "  overall: green\n  schedule: green\n"}${opts.milestones === undefined ? "" : `milestones:\n${opts.milestones}`}`;

const m3 = "  - { id: M3, name: Section 2 commissioned, baseline: 2026-09-30, forecast: 2027-01-29 }\n";
const m1Done =
  "  - { id: M1, name: Section 1 commissioned, baseline: 2026-03-31, forecast: 2026-06-30, actual: 2026-06-30 }\n";
const rebaseline = (status: string, milestones = "[M3]"): string => `apiVersion: pmo/v1
kind: Decision
id: DEC-1
title: Re-baseline Section 2
project: PRJ-1
status: ${status}
decidedBy: ann
date: 2026-11-10
forum: steerco
approves: { type: rebaseline, milestones: ${milestones} }
`;
const engagementWith = (extra: string): Record<string, string> => ({
  "engagement.yaml": BASE_FILES["engagement.yaml"]!.replace(
    "  tolerances: { budgetPercent: 10, scheduleDays: 30 }\n",
    extra,
  ),
});

/** The finding that M3 (of `m3`) slips 121 days while the schedule (line 11) is reported green. */
const m3Slip = (more = "") => ({
  file: "p.yaml",
  line: 11,
  column: 13,
  pointer: "/status/schedule",
  messageId: "milestoneSlip",
  data: {
    milestone: "M3",
    name: "Section 2 commissioned",
    baseline: "2026-09-30",
    status: "green",
    days: 121,
    tolerance: "30 days",
    more,
  },
});

testRule(rule, {
  valid: [
    {
      name: "on baseline",
      files: {
        "p.yaml": project({ milestones: "  - { id: M3, name: S2, baseline: 2026-09-30, forecast: 2026-10-15 }\n" }),
      },
    },
    {
      name: "slip exactly at tolerance",
      files: {
        "p.yaml": project({ milestones: "  - { id: M3, name: S2, baseline: 2026-12-01, forecast: 2026-12-31 }\n" }),
      },
    },
    { name: "an achieved milestone's slip is history", files: { "p.yaml": project({ milestones: m1Done }) } },
    {
      name: "schedule reported amber",
      files: { "p.yaml": project({ status: "  overall: green\n  schedule: amber\n", milestones: m3 }) },
    },
    {
      name: "no schedule dimension, overall amber",
      files: { "p.yaml": project({ status: "  overall: amber\n", milestones: m3 }) },
    },
    { name: "closed project", files: { "p.yaml": project({ stage: "closed", milestones: m3 }) } },
    {
      name: "no forecast",
      files: { "p.yaml": project({ milestones: "  - { id: M3, name: S2, baseline: 2026-12-30 }\n" }) },
    },
    {
      name: "ahead of baseline",
      files: {
        "p.yaml": project({ milestones: "  - { id: M3, name: S2, baseline: 2027-06-30, forecast: 2027-01-29 }\n" }),
      },
    },
    {
      name: "an approved re-baseline covers the milestone and the finish",
      files: {
        "d.yaml": rebaseline("approved"),
        "p.yaml": project({ schedule: "{ baselineFinish: 2027-09-30, forecastFinish: 2027-12-31 }", milestones: m3 }),
      },
    },
    {
      name: "an approved re-baseline without a milestone list covers the project",
      files: { "d.yaml": rebaseline("approved", "[]"), "p.yaml": project({ milestones: m3 }) },
    },
    {
      name: "a finished project's finish is history",
      files: {
        "p.yaml": project({
          schedule:
            "{ baselineStart: 2025-09-01, baselineFinish: 2026-09-30, forecastFinish: 2026-11-20, actualStart: 2025-09-01, actualFinish: 2026-11-20 }",
          stage: "closure",
        }),
      },
    },
    {
      name: "a wider tolerance from the config when the engagement is silent",
      files: { ...engagementWith(""), "p.yaml": project({ milestones: m3 }) },
      thresholds: { scheduleToleranceDays: 130 },
    },
    {
      name: "a one-value status scale has no better or worse to be consistent with",
      files: {
        "engagement.yaml": `${BASE_FILES["engagement.yaml"]}statusScale:\n  - { value: reported, label: Reported }\n`,
        "p.yaml": project({ status: "  overall: reported\n  schedule: reported\n", milestones: m3 }),
      },
    },
  ],
  invalid: [
    {
      name: "two equal slips: the first in the document speaks",
      files: {
        "p.yaml": project({
          milestones: `${m3}  - { id: M4, name: Section 3 commissioned, baseline: 2026-10-30, forecast: 2027-02-28 }\n`,
        }),
      },
      errors: [m3Slip("; also beyond tolerance: M4")],
    },
    {
      name: "schedule green while a milestone slips 121 days",
      files: { "p.yaml": project({ milestones: m3 }) },
      errors: [m3Slip()],
    },
    {
      name: "overall green with no schedule dimension",
      files: { "p.yaml": project({ status: "  overall: green\n", milestones: m3 }) },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 12,
          pointer: "/status/overall",
          messageId: "milestoneSlip",
          data: {
            milestone: "M3",
            name: "Section 2 commissioned",
            baseline: "2026-09-30",
            status: "green",
            days: 121,
            tolerance: "30 days",
            more: "",
          },
        },
      ],
    },
    {
      name: "the project's forecast finish slips",
      files: {
        "p.yaml": project({
          schedule: "{ baselineStart: 2025-09-01, baselineFinish: 2027-09-30, forecastFinish: 2027-11-30 }",
        }),
      },
      errors: [
        {
          file: "p.yaml",
          line: 11,
          column: 13,
          pointer: "/status/schedule",
          messageId: "finishSlip",
          data: { baseline: "2027-09-30", status: "green", days: 61, tolerance: "30 days", more: "" },
        },
      ],
    },
    {
      name: "one finding per project: the largest slip, the others listed",
      files: {
        "p.yaml": project({
          schedule: "{ baselineStart: 2025-09-01, baselineFinish: 2027-09-30, forecastFinish: 2027-11-30 }",
          milestones: `${m3}  - { id: M4, name: Section 3 commissioned, baseline: 2027-06-30, forecast: 2027-08-30 }\n`,
        }),
      },
      errors: [m3Slip("; also beyond tolerance: M4, the finish")],
    },
    {
      name: "a percentage tolerance tighter than the days",
      files: {
        ...engagementWith("  tolerances: { scheduleDays: 30, schedulePercent: 10 }\n"),
        "p.yaml": project({
          schedule: "{ baselineStart: 2026-01-01, baselineFinish: 2026-07-20 }",
          milestones: "  - { id: M2, name: Go-live, baseline: 2026-07-01, forecast: 2026-07-25 }\n",
        }),
      },
      errors: [
        {
          file: "p.yaml",
          line: 11,
          column: 13,
          pointer: "/status/schedule",
          messageId: "milestoneSlip",
          data: {
            milestone: "M2",
            name: "Go-live",
            baseline: "2026-07-01",
            status: "green",
            days: 24,
            tolerance: "20 days (10% of the 200-day baseline)",
            more: "",
          },
        },
      ],
    },
    {
      name: "a percentage looser than the days: the days apply",
      files: {
        ...engagementWith("  tolerances: { scheduleDays: 30, schedulePercent: 10 }\n"),
        "p.yaml": project({ milestones: m3 }),
      },
      errors: [m3Slip()],
    },
    {
      name: "a proposed re-baseline does not cover the slip",
      files: {
        "d.yaml": rebaseline("proposed").replace("decidedBy: ann\ndate: 2026-11-10\n", ""),
        "p.yaml": project({ milestones: m3 }),
      },
      errors: [m3Slip()],
    },
    {
      name: "a re-baseline of another milestone does not cover this one",
      files: { "d.yaml": rebaseline("approved", "[M1]"), "p.yaml": project({ milestones: `${m1Done}${m3}` }) },
      errors: [m3Slip()],
    },
    {
      name: "dca5: green is still the best value",
      files: {
        "engagement.yaml": `${BASE_FILES["engagement.yaml"]}statusScale: dca5\n`,
        "p.yaml": project({ status: "  overall: amber-green\n  schedule: green\n", milestones: m3 }),
      },
      errors: [m3Slip()],
    },
  ],
});
