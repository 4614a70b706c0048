import { BASE_FILES } from "../../helpers/rule-tester.js";
import { rule } from "../../../src/core/rules/red-status-has-recovery.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (status: string, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: PF-A
stage: ${stage}
status:
  asOf: 2026-11-27
${status}`;

const withScale = (scale: string): Record<string, string> => ({
  "engagement.yaml": `${BASE_FILES["engagement.yaml"]}statusScale: ${scale}\n`,
});
const escalation = "  escalation: { to: ann, date: 2026-11-20 }\n";
const plan =
  "  recoveryPlan: Second supplier onboarded by 15 January; re-plan to the steering committee on 3 December.\n";

testRule(rule, {
  valid: [
    {
      name: "red with a recovery plan and an escalation",
      files: { "p.yaml": project(`  overall: red\n${plan}${escalation}`) },
    },
    { name: "amber needs neither", files: { "p.yaml": project("  overall: amber\n") } },
    {
      name: "a red dimension with an amber overall",
      files: { "p.yaml": project("  overall: amber\n  schedule: red\n") },
    },
    { name: "closed project with a final red report", files: { "p.yaml": project("  overall: red\n", "closed") } },
    { name: "cancelled project", files: { "p.yaml": project("  overall: red\n", "cancelled") } },
    {
      name: "no status report",
      files: { "p.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: P\nportfolio: PF-A\nstage: delivery\n" },
    },
    {
      name: "dca5: amber-red is not the worst value",
      files: { ...withScale("dca5"), "p.yaml": project("  overall: amber-red\n") },
    },
    {
      name: "custom scale: only the last value is red",
      files: {
        ...withScale(
          "[{ value: on-track, label: On track }, { value: at-risk, label: At risk }, { value: off-track, label: Off track }]",
        ),
        "p.yaml": project("  overall: at-risk\n"),
      },
    },
    {
      name: "a one-value scale has no red",
      files: { ...withScale("[{ value: reported, label: Reported }]"), "p.yaml": project("  overall: reported\n") },
    },
  ],
  invalid: [
    {
      name: "red with neither: one finding per missing item",
      files: { "p.yaml": project("  overall: red\n  schedule: red\n") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 3,
          pointer: "/status/recoveryPlan",
          messageId: "noRecoveryPlan",
          data: { status: "red" },
        },
        {
          file: "p.yaml",
          line: 8,
          column: 3,
          pointer: "/status/escalation",
          messageId: "noEscalation",
          data: { status: "red" },
        },
      ],
    },
    {
      name: "red with a plan but no escalation",
      files: { "p.yaml": project(`  overall: red\n${plan}`) },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 3,
          pointer: "/status/escalation",
          messageId: "noEscalation",
          data: { status: "red" },
        },
      ],
    },
    {
      name: "red with an escalation but a blank plan",
      files: { "p.yaml": project(`  overall: red\n  recoveryPlan: " "\n${escalation}`) },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 3,
          pointer: "/status/recoveryPlan",
          messageId: "noRecoveryPlan",
          data: { status: "red" },
        },
      ],
    },
    {
      name: "dca5 red",
      files: { ...withScale("dca5"), "p.yaml": project(`  overall: red\n${escalation}`, "planning") },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 3,
          pointer: "/status/recoveryPlan",
          messageId: "noRecoveryPlan",
          data: { status: "red" },
        },
      ],
    },
    {
      name: "custom scale: the last value",
      files: {
        ...withScale("[{ value: on-track, label: On track }, { value: off-track, label: Off track }]"),
        "p.yaml": project(`  overall: off-track\n${plan}`),
      },
      errors: [
        {
          file: "p.yaml",
          line: 8,
          column: 3,
          pointer: "/status/escalation",
          messageId: "noEscalation",
          data: { status: "off-track" },
        },
      ],
    },
  ],
});
