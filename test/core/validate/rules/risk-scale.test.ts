import { rule } from "../../../../src/core/validate/rules/risk-scale.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const above = (axis: string, value: number, max: number) => ({ axis, value, max });
const risk = (probability: number | string, impact: number | string): string =>
  doc("Risk", `probability: ${probability}\nimpact: ${impact}\n`, "R1");
const engagement = (scale: string): string => doc("Engagement", scale, "ENG");

/** The base engagement's scale is 4 (probability) by 5 (impact). */
testValidationRule(rule, {
  valid: [
    { name: "at the scale's maximum", files: { "r.yaml": risk(4, 5) } },
    { name: "the default 5 by 5 scale", files: { "engagement.yaml": engagement(""), "r.yaml": risk(5, 5) } },
    { name: "values that are not numbers are left to the schema", files: { "r.yaml": risk('"9"', "high") } },
    { name: "the same fields of another kind", files: { "p.yaml": doc("Project", "probability: 9\nimpact: 9\n") } },
  ],
  invalid: [
    {
      name: "probability above the scale",
      files: { "r.yaml": risk(5, 5) },
      errors: [
        {
          file: "r.yaml",
          line: 4,
          column: 14,
          pointer: "/probability",
          messageId: "aboveScale",
          data: above("probability", 5, 4),
        },
      ],
    },
    {
      name: "impact above the scale",
      files: { "r.yaml": risk(1, 6) },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 9,
          pointer: "/impact",
          messageId: "aboveScale",
          data: above("impact", 6, 5),
        },
      ],
    },
    {
      name: "both above the default scale",
      files: { "engagement.yaml": engagement(""), "r.yaml": risk(6, 7) },
      errors: [
        {
          file: "r.yaml",
          line: 4,
          column: 14,
          pointer: "/probability",
          messageId: "aboveScale",
          data: above("probability", 6, 5),
        },
        {
          file: "r.yaml",
          line: 5,
          column: 9,
          pointer: "/impact",
          messageId: "aboveScale",
          data: above("impact", 7, 5),
        },
      ],
    },
    {
      name: "a 3 by 3 scale, and a scale value that is not a number falls back to 5",
      files: {
        "engagement.yaml": engagement("governance:\n  risk:\n    scale: { probability: 3, impact: three }\n"),
        "r.yaml": risk(4, 6),
      },
      errors: [
        {
          file: "r.yaml",
          line: 4,
          column: 14,
          pointer: "/probability",
          messageId: "aboveScale",
          data: above("probability", 4, 3),
        },
        {
          file: "r.yaml",
          line: 5,
          column: 9,
          pointer: "/impact",
          messageId: "aboveScale",
          data: above("impact", 6, 5),
        },
      ],
    },
  ],
});
