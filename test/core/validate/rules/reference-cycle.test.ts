import { rule } from "../../../../src/core/validate/rules/reference-cycle.js";
import { doc, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const dependsOn = (id: string, ...on: string[]): string =>
  doc("Project", `dependencies:\n${on.map((p) => `  - project: ${p}\n`).join("")}`, id);
const milestones = (id: string, ...entries: string[]): string => doc("Project", `milestones:\n${entries.join("")}`, id);
const portfolio = (id: string, parent: string): string => doc("Portfolio", `parent: ${parent}\n`, id);

testValidationRule(rule, {
  valid: [
    {
      name: "a chain of dependencies",
      files: { "a.yaml": dependsOn("P1", "P2"), "b.yaml": dependsOn("P2", "P3"), "c.yaml": doc("Project", "", "P3") },
    },
    {
      name: "a diamond is not a cycle",
      files: {
        "a.yaml": dependsOn("P1", "P2", "P3"),
        "b.yaml": dependsOn("P2", "P4"),
        "c.yaml": dependsOn("P3", "P4"),
        "d.yaml": doc("Project", "", "P4"),
      },
    },
    {
      name: "links to documents of another kind, or to nothing, are not edges",
      files: { "a.yaml": dependsOn("P1", "PF"), "pf.yaml": portfolio("PF", "P1"), "c.yaml": portfolio("PF2", "NONE") },
    },
    {
      name: "a duplicated id is judged by its first document",
      files: { "a.yaml": dependsOn("P1", "P2"), "b.yaml": dependsOn("P2"), "c.yaml": dependsOn("P2", "P1") },
    },
    {
      name: "milestone dependencies that resolve without looping",
      files: {
        "a.yaml": milestones("P1", "  - id: M1\n  - id: M2\n    dependsOn: [M1, P2/M1, 7, NOPE]\n"),
        "b.yaml": milestones("P2", "  - id: M1\n  - name: no id\n    dependsOn: [P1/M2]\n"),
      },
    },
    {
      // Ids with a `/` break the schema, but the graph is still one node per key: A's B/C and
      // A/B's C are both A/B/C, and the links of the last written (b.yaml's, none) count.
      name: "two milestones with the same key are one node",
      files: {
        "a.yaml": milestones("A", "  - id: B/C\n    dependsOn: [M]\n  - id: M\n    dependsOn: [A/B/C]\n"),
        "b.yaml": milestones("A/B", "  - id: C\n"),
      },
    },
    {
      // duplicate-id's business; here the milestone is one node, and its last entry's links count.
      name: "a milestone listed twice is one node, with its last entry's links",
      files: {
        "a.yaml": milestones("P1", "  - id: M1\n    dependsOn: [M2]\n  - id: M2\n    dependsOn: [M1]\n  - id: M1\n"),
      },
    },
  ],
  invalid: [
    {
      name: "project dependencies, spelled out from the smallest id whatever the file order",
      files: { "c.yaml": dependsOn("P3", "P1"), "a.yaml": dependsOn("P1", "P2"), "b.yaml": dependsOn("P2", "P3") },
      errors: [
        {
          file: "a.yaml",
          line: 5,
          column: 14,
          pointer: "/dependencies/0/project",
          messageId: "projectCycle",
          data: { cycle: "P1 -> P2 -> P3 -> P1" },
        },
      ],
    },
    {
      name: "a project depending on itself",
      files: { "a.yaml": dependsOn("P1", "P0", "P1"), "z.yaml": doc("Project", "", "P0") },
      errors: [
        {
          file: "a.yaml",
          line: 6,
          column: 14,
          pointer: "/dependencies/1/project",
          messageId: "projectCycle",
          data: { cycle: "P1 -> P1" },
        },
      ],
    },
    {
      name: "two cycles through one project, each reported once",
      files: {
        "a.yaml": dependsOn("P1", "P2", "P3"),
        "b.yaml": dependsOn("P2", "P1"),
        "c.yaml": dependsOn("P3", "P1"),
      },
      errors: [
        {
          file: "a.yaml",
          line: 5,
          column: 14,
          pointer: "/dependencies/0/project",
          messageId: "projectCycle",
          data: { cycle: "P1 -> P2 -> P1" },
        },
        {
          file: "a.yaml",
          line: 6,
          column: 14,
          pointer: "/dependencies/1/project",
          messageId: "projectCycle",
          data: { cycle: "P1 -> P3 -> P1" },
        },
      ],
    },
    {
      name: "a cycle reached from outside it is blamed on its smallest node's link",
      files: { "a.yaml": dependsOn("A0", "P2"), "b.yaml": dependsOn("P2", "P3"), "c.yaml": dependsOn("P3", "P2") },
      errors: [
        {
          file: "b.yaml",
          line: 5,
          column: 14,
          pointer: "/dependencies/0/project",
          messageId: "projectCycle",
          data: { cycle: "P2 -> P3 -> P2" },
        },
      ],
    },
    {
      name: "portfolio parents",
      files: { "pf.yaml": `${portfolio("B", "A")}---\n${portfolio("A", "B")}` },
      errors: [
        {
          file: "pf.yaml",
          line: 9,
          column: 9,
          pointer: "/parent",
          messageId: "portfolioCycle",
          data: { cycle: "A -> B -> A" },
        },
      ],
    },
    {
      name: "milestone dependencies across projects",
      files: {
        "a.yaml": milestones("P1", "  - id: M1\n    dependsOn: [P2/M1]\n"),
        "b.yaml": milestones("P2", "  - id: M1\n    dependsOn: [P1/M1]\n"),
      },
      errors: [
        {
          file: "a.yaml",
          line: 6,
          column: 17,
          pointer: "/milestones/0/dependsOn/0",
          messageId: "milestoneCycle",
          data: { cycle: "P1/M1 -> P2/M1 -> P1/M1" },
        },
      ],
    },
    {
      name: "typed links between milestones",
      files: {
        "a.yaml": milestones(
          "P1",
          "  - id: M1\n    dependsOn: [{ milestone: M2, type: SS }]\n  - id: M2\n    dependsOn: [{ milestone: M1, lag: 2 }]\n",
        ),
      },
      errors: [
        {
          file: "a.yaml",
          line: 6,
          column: 30,
          pointer: "/milestones/0/dependsOn/0/milestone",
          messageId: "milestoneCycle",
          data: { cycle: "P1/M1 -> P1/M2 -> P1/M1" },
        },
      ],
    },
    {
      name: "milestone dependencies within a project",
      files: { "a.yaml": milestones("P1", "  - id: M2\n    dependsOn: [M1]\n  - id: M1\n    dependsOn: [M2]\n") },
      errors: [
        {
          file: "a.yaml",
          line: 8,
          column: 17,
          pointer: "/milestones/1/dependsOn/0",
          messageId: "milestoneCycle",
          data: { cycle: "P1/M1 -> P1/M2 -> P1/M1" },
        },
      ],
    },
  ],
});
