import { rule } from "../../../../src/core/validate/rules/earned-value-milestone.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const MILESTONES = "milestones:\n  - { id: M1, name: Design }\n  - { id: M2, name: Build }\n";
const project = (values: string, milestones = MILESTONES, id = "PRJ-1"): string =>
  doc("Project", `${milestones}earnedValue:\n  plannedValue: milestones\n  milestones: ${values}\n`, id);

testValidationRule(rule, {
  valid: [
    { name: "every key is a milestone id", files: { "p.yaml": project("{ M1: 400, M2: 600 }") } },
    { name: "some milestones carry no value", files: { "p.yaml": project("{ M2: 1000 }") } },
    {
      name: "no earnedValue.milestones",
      files: { "p.yaml": doc("Project", `${MILESTONES}earnedValue: { plannedValue: linear }\n`) },
    },
    {
      name: "not a mapping: left to the schema",
      files: { "p.yaml": project("[M1, M9]") },
    },
    {
      name: "a milestone id of another project does not count, nor does another kind",
      files: {
        "d.yaml": doc("Decision", "earnedValue:\n  milestones: { M9: 1 }\n", "DEC-1"),
      },
    },
  ],
  invalid: [
    {
      name: "a key that is not a milestone of the project, pointing at the key",
      files: { "p.yaml": project("{ M1: 400, M3: 600 }") },
      errors: [
        {
          file: "p.yaml",
          line: 9,
          column: 26,
          pointer: "/earnedValue/milestones/M3",
          messageId: "notAMilestone",
          data: { key: "M3", project: "PRJ-1", ids: "M1, M2" },
        },
      ],
    },
    {
      name: "keys written in block style, each unknown one reported",
      files: { "p.yaml": project("\n    m1: 400\n    M2: 100\n    M4: 500") },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 5,
          pointer: "/earnedValue/milestones/m1",
          messageId: "notAMilestone",
          data: { key: "m1", project: "PRJ-1", ids: "M1, M2" },
        },
        {
          file: "p.yaml",
          line: 12,
          column: 5,
          pointer: "/earnedValue/milestones/M4",
          messageId: "notAMilestone",
          data: { key: "M4", project: "PRJ-1", ids: "M1, M2" },
        },
      ],
    },
    {
      name: "a project without milestones",
      files: { "p.yaml": project("{ M1: 1000 }", "", "PRJ-2") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 17,
          pointer: "/earnedValue/milestones/M1",
          messageId: "noMilestones",
          data: { key: "M1", project: "PRJ-2" },
        },
      ],
    },
  ],
});
