import { rule } from "../../../../src/core/validate/rules/status-scale.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const RAG = { scale: "rag", values: "green, amber, red, not-assessed" };
const DCA5 = { scale: "dca5", values: "green, amber-green, amber, amber-red, red, not-assessed" };
const project = (status: string): string => doc("Project", `status:\n${status}`, "P1");
const engagement = (scale: string): string => doc("Engagement", scale, "ENG");

testValidationRule(rule, {
  valid: [
    {
      name: "every dimension on the default rag scale",
      files: {
        "p.yaml": project(
          "  overall: green\n  schedule: amber\n  budget: red\n  scope: green\n  resources: green\n  quality: green\n",
        ),
      },
    },
    {
      name: "dca5 values on a dca5 engagement",
      files: {
        "engagement.yaml": engagement("statusScale: dca5\n"),
        "p.yaml": project("  overall: amber-green\n  budget: amber-red\n"),
      },
    },
    {
      name: "a custom scale's values",
      files: {
        "engagement.yaml": engagement("statusScale:\n  - { value: on-track }\n  - { value: off-track }\n"),
        "p.yaml": project("  overall: off-track\n"),
      },
    },
    {
      name: "not-assessed on a built-in scale",
      files: {
        "engagement.yaml": engagement("statusScale: dca5\n"),
        "p.yaml": project("  overall: not-assessed\n  budget: not-assessed\n"),
      },
    },
    {
      name: "a custom scale's own value for no rating, and not-assessed beside it",
      files: {
        "engagement.yaml": engagement(
          "statusScale:\n  - { value: on-track }\n  - { value: withheld, assessed: false }\n",
        ),
        "p.yaml": project("  overall: withheld\n  schedule: not-assessed\n"),
      },
    },
    {
      name: "fields that are not dimensions, and values that are not strings",
      files: { "p.yaml": project("  asOf: 2026-11-01\n  summary: purple\n  overall: 3\n") },
    },
    { name: "a status on another kind", files: { "r.yaml": doc("Risk", "status:\n  overall: purple\n") } },
  ],
  invalid: [
    ...["overall", "schedule", "budget", "scope", "resources", "quality"].map((dimension) => ({
      name: `${dimension} off the rag scale`,
      files: { "p.yaml": project(`  ${dimension}: amber-green\n`) },
      errors: [
        {
          file: "p.yaml",
          line: 5,
          column: dimension.length + 5,
          pointer: `/status/${dimension}`,
          messageId: "offScale",
          data: { dimension, value: "amber-green", ...RAG },
        },
      ],
    })),
    {
      name: "an unknown scale name is read as rag",
      files: {
        "engagement.yaml": engagement("statusScale: traffic-lights\n"),
        "p.yaml": project("  overall: amber-red\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 5,
          column: 12,
          pointer: "/status/overall",
          messageId: "offScale",
          data: { dimension: "overall", value: "amber-red", ...RAG },
        },
      ],
    },
    {
      name: "a rag value on a dca5 scale is fine, a custom one is not",
      files: {
        "engagement.yaml": engagement("statusScale: dca5\n"),
        "p.yaml": project("  overall: red\n  budget: blue\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 11,
          pointer: "/status/budget",
          messageId: "offScale",
          data: { dimension: "budget", value: "blue", ...DCA5 },
        },
      ],
    },
    {
      name: "off a custom scale (levels without a value are skipped)",
      files: {
        "engagement.yaml": engagement(
          "statusScale:\n  - { value: on-track }\n  - { label: none }\n  - { value: off-track }\n",
        ),
        "p.yaml": project("  overall: green\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 5,
          column: 12,
          pointer: "/status/overall",
          messageId: "offScale",
          data: { dimension: "overall", value: "green", scale: "custom", values: "on-track, off-track, not-assessed" },
        },
      ],
    },
  ],
});
