import { BASE_FILES } from "../../helpers/rule-tester.js";
import { rule } from "../../../src/core/rules/status-dimensions-consistent.js";
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
const dca5 = withScale("dca5");

testRule(rule, {
  valid: [
    { name: "all green", files: { "p.yaml": project("  overall: green\n  schedule: green\n  budget: green\n") } },
    {
      name: "green overall, one amber dimension (one step)",
      files: { "p.yaml": project("  overall: green\n  schedule: amber\n") },
    },
    {
      name: "amber overall, red dimension (one step)",
      files: { "p.yaml": project("  overall: amber\n  resources: red\n") },
    },
    { name: "overall worse than every dimension", files: { "p.yaml": project("  overall: red\n  schedule: green\n") } },
    { name: "no dimensions", files: { "p.yaml": project("  overall: green\n") } },
    { name: "closed project", files: { "p.yaml": project("  overall: green\n  resources: red\n", "closed") } },
    {
      name: "dca5: amber-green overall with amber (one step)",
      files: { ...dca5, "p.yaml": project("  overall: amber-green\n  budget: amber\n") },
    },
    {
      name: "dca5: a wider allowance from the options",
      files: { ...dca5, "p.yaml": project("  overall: amber-green\n  budget: amber-red\n") },
      options: { maxStepsBetter: 2 },
    },
  ],
  invalid: [
    {
      name: "green overall with a red dimension",
      files: { "p.yaml": project("  overall: green\n  schedule: green\n  resources: red\n") },
      errors: [
        {
          file: "p.yaml",
          line: 11,
          column: 14,
          pointer: "/status/resources",
          messageId: "greenWithRed",
          data: { overall: "green", dimension: "resources", value: "red" },
        },
      ],
    },
    {
      name: "one finding per offending dimension",
      files: { "p.yaml": project("  overall: green\n  schedule: red\n  budget: amber\n  quality: red\n") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 13,
          pointer: "/status/schedule",
          messageId: "greenWithRed",
          data: { overall: "green", dimension: "schedule", value: "red" },
        },
        {
          file: "p.yaml",
          line: 12,
          column: 12,
          pointer: "/status/quality",
          messageId: "greenWithRed",
          data: { overall: "green", dimension: "quality", value: "red" },
        },
      ],
    },
    {
      name: "dca5: green overall with red",
      files: { ...dca5, "p.yaml": project("  overall: green\n  resources: red\n") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 14,
          pointer: "/status/resources",
          messageId: "greenWithRed",
          data: { overall: "green", dimension: "resources", value: "red" },
        },
      ],
    },
    {
      name: "dca5: two steps better than the worst dimension",
      files: { ...dca5, "p.yaml": project("  overall: amber-green\n  schedule: amber-red\n") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 13,
          pointer: "/status/schedule",
          messageId: "tooFarBetter",
          data: {
            overall: "amber-green",
            dimension: "schedule",
            value: "amber-red",
            steps: "2 steps",
            scale: "dca5",
            max: "1 step",
          },
        },
      ],
    },
    {
      name: "dca5: green with amber is two steps",
      files: { ...dca5, "p.yaml": project("  overall: green\n  scope: amber\n") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 10,
          pointer: "/status/scope",
          messageId: "tooFarBetter",
          data: {
            overall: "green",
            dimension: "scope",
            value: "amber",
            steps: "2 steps",
            scale: "dca5",
            max: "1 step",
          },
        },
      ],
    },
    {
      name: "a two-value custom scale: green with red is one step, still reported",
      files: {
        ...withScale("[{ value: ok, label: OK }, { value: not-ok, label: Not OK }]"),
        "p.yaml": project("  overall: ok\n  budget: not-ok\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 11,
          pointer: "/status/budget",
          messageId: "greenWithRed",
          data: { overall: "ok", dimension: "budget", value: "not-ok" },
        },
      ],
    },
    {
      name: "strict policy: overall no better than any dimension",
      files: { "p.yaml": project("  overall: green\n  schedule: amber\n") },
      options: { maxStepsBetter: 0 },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 13,
          pointer: "/status/schedule",
          messageId: "tooFarBetter",
          data: {
            overall: "green",
            dimension: "schedule",
            value: "amber",
            steps: "1 step",
            scale: "rag",
            max: "0 steps",
          },
        },
      ],
    },
    {
      name: "green with red is reported even with a wide allowance",
      files: { "p.yaml": project("  overall: green\n  budget: red\n") },
      options: { maxStepsBetter: 3 },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 11,
          pointer: "/status/budget",
          messageId: "greenWithRed",
          data: { overall: "green", dimension: "budget", value: "red" },
        },
      ],
    },
  ],
});
