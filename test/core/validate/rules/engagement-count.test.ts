import { rule } from "../../../../src/core/validate/rules/engagement-count.js";
import { doc, ENGAGEMENT, testValidationRule } from "../../../helpers/validation-rule-tester.js";

testValidationRule(rule, {
  valid: [
    { name: "exactly one engagement", files: { "p.yaml": doc("Project") } },
    { name: "no documents at all: nothing to point at", files: { "engagement.yaml": "" } },
  ],
  invalid: [
    {
      name: "a second engagement, reported at its kind",
      files: { "e2.yaml": ENGAGEMENT.replace("id: ENG", "id: ENG2") },
      errors: [
        {
          file: "e2.yaml",
          line: 2,
          column: 7,
          pointer: "/kind",
          messageId: "another",
          data: { first: "Engagement in engagement.yaml:3" },
        },
      ],
    },
    {
      name: "a third engagement too",
      files: {
        "e2.yaml": ENGAGEMENT.replace("id: ENG", "id: ENG2"),
        "e3.yaml": ENGAGEMENT.replace("id: ENG", "id: ENG3"),
      },
      errors: [
        {
          file: "e2.yaml",
          line: 2,
          column: 7,
          pointer: "/kind",
          messageId: "another",
          data: { first: "Engagement in engagement.yaml:3" },
        },
        {
          file: "e3.yaml",
          line: 2,
          column: 7,
          pointer: "/kind",
          messageId: "another",
          data: { first: "Engagement in engagement.yaml:3" },
        },
      ],
    },
    {
      name: "no engagement: the first file's first line",
      files: { "engagement.yaml": doc("Project", "", "P1"), "z.yaml": doc("Risk", "", "R1") },
      errors: [{ file: "engagement.yaml", line: 1, column: 1, pointer: "", messageId: "none" }],
    },
  ],
});
