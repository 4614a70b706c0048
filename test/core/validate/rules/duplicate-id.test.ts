import { rule } from "../../../../src/core/validate/rules/duplicate-id.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

testValidationRule(rule, {
  valid: [
    { name: "ids unique across kinds", files: { "p.yaml": doc("Project", "", "P1"), "r.yaml": doc("Risk", "", "R1") } },
    {
      name: "the same milestone id in two projects",
      files: {
        "p.yaml": doc("Project", "milestones:\n  - id: M1\n", "P1"),
        "q.yaml": doc("Project", "milestones:\n  - id: M1\n", "P2"),
      },
    },
    {
      name: "milestones without ids, or of a document that is not a project",
      files: {
        "p.yaml": doc("Project", "milestones:\n  - name: A\n  - name: B\n  - 3\n", "P1"),
        "r.yaml": doc("Risk", "milestones:\n  - id: M1\n  - id: M1\n", "R1"),
      },
    },
    {
      name: "documents without ids",
      files: {
        "p.yaml": "apiVersion: pmo/v1\nkind: Project\nname: A\n---\napiVersion: pmo/v1\nkind: Project\nname: B\n",
      },
    },
  ],
  invalid: [
    {
      name: "an id used by a project and a risk: both reported, each naming the other",
      files: { "a.yaml": doc("Project", "", "DUP"), "b.yaml": doc("Risk", "", "DUP") },
      errors: [
        {
          file: "a.yaml",
          line: 3,
          column: 5,
          pointer: "/id",
          messageId: "duplicateId",
          data: { id: "DUP", others: "Risk in b.yaml:3" },
        },
        {
          file: "b.yaml",
          line: 3,
          column: 5,
          pointer: "/id",
          messageId: "duplicateId",
          data: { id: "DUP", others: "Project in a.yaml:3" },
        },
      ],
    },
    {
      name: "three documents with one id, two in one file",
      files: {
        "a.yaml": `${doc("Project", "", "DUP")}---\n${doc("Project", "", "DUP")}`,
        "b.yaml": doc("Issue", "", "DUP"),
      },
      errors: [
        {
          file: "a.yaml",
          line: 3,
          column: 5,
          pointer: "/id",
          messageId: "duplicateId",
          data: { id: "DUP", others: "Project in a.yaml:7, Issue in b.yaml:3" },
        },
        {
          file: "a.yaml",
          line: 7,
          column: 5,
          pointer: "/id",
          messageId: "duplicateId",
          data: { id: "DUP", others: "Project in a.yaml:3, Issue in b.yaml:3" },
        },
        {
          file: "b.yaml",
          line: 3,
          column: 5,
          pointer: "/id",
          messageId: "duplicateId",
          data: { id: "DUP", others: "Project in a.yaml:3, Project in a.yaml:7" },
        },
      ],
    },
    {
      name: "a milestone id twice in a project: the second is reported",
      files: { "p.yaml": doc("Project", "milestones:\n  - id: M1\n  - id: M2\n  - id: M1\n", "P1") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 9,
          pointer: "/milestones/2/id",
          messageId: "duplicateMilestone",
          data: { id: "M1", project: "P1" },
        },
      ],
    },
  ],
});
