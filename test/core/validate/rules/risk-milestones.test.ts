import { rule } from "../../../../src/core/validate/rules/risk-milestones.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const projects = {
  "p1.yaml": doc("Project", "milestones:\n  - { id: M1 }\n  - { id: M2 }\n", "P1"),
  "p2.yaml": doc("Project", "milestones:\n  - { id: M3 }\n", "P2"),
  "p3.yaml": doc("Project", "name: No milestones\n", "P3"),
};
/** A risk whose `milestones` list starts on line 5. */
const risk = (project: string | undefined, milestones: string): string =>
  doc("Risk", `${project ? `project: ${project}` : "portfolio: PF-A"}\nmilestones: ${milestones}\n`, "R1");

testValidationRule(rule, {
  valid: [
    {
      name: "its own project's milestones and another project's",
      files: { ...projects, "r.yaml": risk("P1", "[M1, P2/M3]") },
    },
    {
      name: "a portfolio risk naming project milestones",
      files: { ...projects, "r.yaml": risk(undefined, "[P1/M2]") },
    },
    { name: "no milestones", files: { ...projects, "r.yaml": doc("Risk", "project: P1\n", "R1") } },
    {
      name: "an own project that does not exist is unresolved-reference's finding",
      files: { ...projects, "r.yaml": risk("P9", "[M1]") },
    },
    {
      name: "values that are not strings are left to the schema",
      files: { ...projects, "r.yaml": risk("P1", "[3, { id: M1 }]") },
    },
    {
      name: "the same field on another kind",
      files: { ...projects, "i.yaml": doc("Issue", "project: P1\nmilestones: [M9]\n") },
    },
  ],
  invalid: [
    {
      name: "an id its project does not have",
      files: { ...projects, "r.yaml": risk("P1", "[M1, M9]") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 18,
          pointer: "/milestones/1",
          messageId: "unknownMilestone",
          data: { ref: "M9", project: "P1", known: " (known: M1, M2)" },
        },
      ],
    },
    {
      name: "another project's milestone that is not there, and a project without milestones",
      files: { ...projects, "r.yaml": risk("P1", "[P2/M1, P3/M1]") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 14,
          pointer: "/milestones/0",
          messageId: "unknownMilestone",
          data: { ref: "P2/M1", project: "P2", known: " (known: M3)" },
        },
        {
          file: "r.yaml",
          line: 5,
          column: 21,
          pointer: "/milestones/1",
          messageId: "unknownMilestone",
          data: { ref: "P3/M1", project: "P3", known: " (it has no milestones)" },
        },
      ],
    },
    {
      name: "a project that does not exist",
      files: { ...projects, "r.yaml": risk("P1", "[P9/M1]") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 14,
          pointer: "/milestones/0",
          messageId: "unknownProject",
          data: { ref: "P9/M1", project: "P9" },
        },
      ],
    },
    {
      name: "a bare id on a risk with no project",
      files: { ...projects, "r.yaml": risk(undefined, "[M1]") },
      errors: [
        { file: "r.yaml", line: 5, column: 14, pointer: "/milestones/0", messageId: "noProject", data: { ref: "M1" } },
      ],
    },
    {
      name: "a document that is not a project under that id",
      files: { ...projects, "r.yaml": risk("P1", "[R1/M1]") },
      errors: [
        {
          file: "r.yaml",
          line: 5,
          column: 14,
          pointer: "/milestones/0",
          messageId: "unknownProject",
          data: { ref: "R1/M1", project: "R1" },
        },
      ],
    },
  ],
});
