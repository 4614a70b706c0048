import { rule } from "../../../src/core/rules/milestone-slip-needs-rebaseline.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project with a 2026-01-05 to 2027-06-30 baseline; milestone entries start at line 10. */
const project = (
  milestones: string,
  stage = "delivery",
  id = "PRJ-1",
  schedule = "{ baselineStart: 2026-01-05, baselineFinish: 2027-06-30 }",
): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Trunk main renewal
portfolio: PF-A
stage: ${stage}
schedule: ${schedule}
milestones:
  - { id: M1, name: Design, baseline: 2026-03-31, forecast: 2026-04-17, actual: 2026-04-17 }
${milestones}
`;

/** M2: baseline 2026-09-30, forecast 2027-01-29: 121 days late. */
const slipped = "  - { id: M2, name: Section 2 commissioned, baseline: 2026-09-30, forecast: 2027-01-29 }";

const decision = (approves: string, status = "approved", project = "PRJ-1", id = "DEC-1"): string => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Re-plan section 2
project: ${project}
status: ${status}
${status === "proposed" ? "" : "decidedBy: ann\ndate: 2026-10-21\n"}approves: ${approves}
`;

const engagement = (tolerances: string): string => `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [project]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [governance] }
governance: ${tolerances}
statusScale: dca5
currency: EUR
`;

/** Two approved re-baselines of M2, each with its own id, date and re-baselined date. */
const two = (first: [string, string, string], second: [string, string, string]): string =>
  [first, second]
    .map(([id, date, m2]) =>
      decision(`{ type: rebaseline, baselines: { M2: ${m2} } }`, "approved", "PRJ-1", id).replace(
        "date: 2026-10-21",
        `date: ${date}`,
      ),
    )
    .join("---\n");

/** M2 reported against a re-baselined date set by a decision. */
const beyond = (baseline: string, slip: string, decisionId: string) => ({
  file: "p.yaml",
  line: 10,
  column: 77,
  pointer: "/milestones/1/forecast",
  messageId: "beyondRebaseline",
  data: {
    milestone: "M2",
    forecast: "2027-01-29",
    baseline,
    slip,
    tolerance: "30 days",
    project: "PRJ-1",
    decision: decisionId,
  },
});

/**
 * M2 reported against its original baseline, no decision covering the slip: by default M2 of
 * `slipped`, whose forecast is at column 77 (column 60 for a milestone named "Build").
 */
const unapproved = ({
  forecast = "2027-01-29",
  baseline = "2026-09-30",
  slip = "121 days",
  tolerance = "30 days",
  column = 77,
}: {
  forecast?: string;
  baseline?: string;
  slip?: string;
  tolerance?: string;
  column?: number;
} = {}) => ({
  file: "p.yaml",
  line: 10,
  column,
  pointer: "/milestones/1/forecast",
  messageId: "unapprovedSlip",
  data: { milestone: "M2", forecast, baseline, slip, tolerance, project: "PRJ-1", decision: "" },
});

testRule(rule, {
  valid: [
    {
      name: "a slip within tolerance of the re-baselined date",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision("{ type: rebaseline, milestones: [M2], baselines: { M2: 2027-01-15 } }"),
      },
    },
    {
      name: "the latest of two re-baselines holds",
      files: {
        "p.yaml": project(slipped),
        "d.yaml":
          decision("{ type: rebaseline, baselines: { M2: 2026-11-30 } }") +
          "---\n" +
          decision("{ type: rebaseline, baselines: { M2: 2027-01-20 } }")
            .replace("id: DEC-1", "id: DEC-2")
            .replace("date: 2026-10-21", "date: 2026-11-18"),
      },
    },
    {
      name: "the latest re-baseline holds whatever the file order",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": two(["DEC-2", "2026-11-18", "2027-01-20"], ["DEC-1", "2026-10-21", "2026-11-30"]),
      },
    },
    {
      name: "a proposed re-baseline's dates do not move the yardstick",
      files: {
        "p.yaml": project(slipped),
        "d.yaml":
          decision("{ type: rebaseline, baselines: { M2: 2027-01-20 } }") +
          "---\n" +
          decision("{ type: rebaseline, baselines: { M2: 2026-11-30 } }", "proposed", "PRJ-1", "DEC-2"),
      },
    },
    {
      name: "a re-baseline of the finish alone re-plans the whole project",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision("{ type: rebaseline, baselines: { finish: 2027-09-30 } }"),
      },
    },
    {
      name: "within tolerance (exactly 30 days)",
      files: { "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-09-30, forecast: 2026-10-30 }") },
    },
    {
      name: "ahead of baseline",
      files: { "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-09-30, forecast: 2026-08-30 }") },
    },
    {
      name: "covered by an approved decision listing the milestone",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline, milestones: [M1, M2] }") },
    },
    {
      name: "covered by an approved decision that re-plans the whole project",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline }") },
    },
    {
      name: "covered by a second decision when the first lists other milestones",
      files: {
        "p.yaml": project(slipped),
        "d.yaml":
          decision("{ type: rebaseline, milestones: [M1] }") +
          "---\n" +
          decision("{ type: rebaseline, milestones: [M2] }", "approved", "PRJ-1", "DEC-2"),
      },
    },
    {
      name: "achieved late: the slip is history",
      files: {
        "p.yaml": project(
          "  - { id: M2, name: Build, baseline: 2026-06-30, forecast: 2026-10-30, actual: 2026-10-30 }",
        ),
      },
    },
    {
      name: "no baseline to slip against",
      files: { "p.yaml": project("  - { id: M2, name: Build, forecast: 2027-01-29 }") },
    },
    { name: "no forecast", files: { "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-12-30 }") } },
    {
      name: "a closed project",
      files: {
        "p.yaml": project(
          "  - { id: M2, name: Build, baseline: 2026-06-30, forecast: 2026-10-30, actual: 2026-10-30 }",
          "closed",
        ),
      },
    },
    { name: "a cancelled project", files: { "p.yaml": project(slipped, "cancelled") } },
    {
      name: "a wider tolerance in the engagement",
      files: { "engagement.yaml": engagement("{ tolerances: { scheduleDays: 130 } }"), "p.yaml": project(slipped) },
    },
    {
      name: "a percentage tolerance looser than the days tolerance does not widen it",
      files: {
        "engagement.yaml": engagement("{ tolerances: { scheduleDays: 30, schedulePercent: 50 } }"),
        "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-09-30, forecast: 2026-10-30 }"),
      },
    },
    {
      name: "an extension key among the re-baselined dates is not a milestone",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision('{ type: rebaseline, baselines: { x-minutes: "board 21 Oct" } }'),
      },
    },
  ],
  invalid: [
    {
      name: "a milestone with no original baseline is judged against the date a decision set",
      files: {
        "p.yaml": project("  - { id: M2, name: Section 2 commissioned, forecast: 2027-01-29 }"),
        "d.yaml": decision("{ type: rebaseline, baselines: { M2: 2026-12-15 } }"),
      },
      errors: [{ ...beyond("2026-12-15", "45 days", "DEC-1"), column: 55 }],
    },
    {
      name: "the later of two re-baselines wins even when it is the tighter one",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": two(["DEC-1", "2026-11-18", "2026-11-30"], ["DEC-2", "2026-10-21", "2027-01-20"]),
      },
      errors: [beyond("2026-11-30", "60 days", "DEC-1")],
    },
    {
      name: "two re-baselines on one day: the greater id wins",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": two(["DEC-2", "2026-10-21", "2026-11-30"], ["DEC-1", "2026-10-21", "2027-01-20"]),
      },
      errors: [beyond("2026-11-30", "60 days", "DEC-2")],
    },
    {
      name: "a re-baseline listing only other milestones still sets M2's date when it records one",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision("{ type: rebaseline, milestones: [M1], baselines: { M2: 2026-12-15 } }"),
      },
      errors: [beyond("2026-12-15", "45 days", "DEC-1")],
    },
    {
      name: "a further slip beyond tolerance of the re-baselined date",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision("{ type: rebaseline, milestones: [M2], baselines: { M2: 2026-12-15 } }"),
      },
      errors: [beyond("2026-12-15", "45 days", "DEC-1")],
    },
    {
      name: "121 days late with no decision",
      files: { "p.yaml": project(slipped) },
      errors: [unapproved()],
    },
    {
      name: "31 days late",
      files: { "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-09-30, forecast: 2026-10-31 }") },
      errors: [unapproved({ column: 60, forecast: "2026-10-31", baseline: "2026-09-30", slip: "31 days" })],
    },
    {
      name: "the decision is only proposed",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline, milestones: [M2] }", "proposed") },
      errors: [unapproved()],
    },
    {
      name: "the decision was rejected",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline }", "rejected") },
      errors: [unapproved()],
    },
    {
      name: "the decision was superseded",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline }", "superseded") },
      errors: [unapproved()],
    },
    {
      name: "the approved decision is a budget change",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: budget-change }") },
      errors: [unapproved()],
    },
    {
      name: "the decision lists other milestones",
      files: { "p.yaml": project(slipped), "d.yaml": decision("{ type: rebaseline, milestones: [M1] }") },
      errors: [unapproved()],
    },
    {
      name: "the decision re-plans another project",
      files: {
        "p.yaml": project(slipped) + "---\n" + project("", "delivery", "PRJ-2"),
        "d.yaml": decision("{ type: rebaseline }", "approved", "PRJ-2"),
      },
      errors: [unapproved()],
    },
    {
      name: "a portfolio decision does not re-baseline a project",
      files: {
        "p.yaml": project(slipped),
        "d.yaml": decision("{ type: rebaseline }").replace("project: PRJ-1", "portfolio: PF-A"),
      },
      errors: [unapproved()],
    },
    {
      name: "the percentage is the tighter limit (dca5 engagement, 200-day baseline, 10%)",
      files: {
        "engagement.yaml": engagement("{ tolerances: { scheduleDays: 30, schedulePercent: 10 } }"),
        "p.yaml": project(
          "  - { id: M2, name: Build, baseline: 2026-06-30, forecast: 2026-07-25 }",
          "delivery",
          "PRJ-1",
          "{ baselineStart: 2026-01-05, baselineFinish: 2026-07-24 }",
        ),
      },
      errors: [
        unapproved({
          column: 60,
          forecast: "2026-07-25",
          baseline: "2026-06-30",
          slip: "25 days",
          tolerance: "20 days (10% of the 200-day baseline)",
        }),
      ],
    },
    {
      name: "the config's tolerance when the engagement is silent",
      files: {
        "engagement.yaml": engagement("{ risk: { reviewDays: 30 } }"),
        "p.yaml": project("  - { id: M2, name: Build, baseline: 2026-09-30, forecast: 2026-10-20 }", "planning"),
      },
      thresholds: { scheduleToleranceDays: 10 },
      errors: [
        unapproved({
          column: 60,
          forecast: "2026-10-20",
          baseline: "2026-09-30",
          slip: "20 days",
          tolerance: "10 days",
        }),
      ],
    },
  ],
});
