import { rule } from "../../../src/core/rules/percent-complete-consistent.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project document with percentComplete on line 7 and milestones from line 9. */
const project = (percent: number | undefined, milestones: string[], stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Smart metering
portfolio: PF-A
stage: ${stage}
${percent === undefined ? "tags: [metering]" : `percentComplete: ${percent}`}
milestones:
${milestones.length === 0 ? "  []" : milestones.join("\n")}
`;

const done = (id: string): string => `  - { id: ${id}, name: Step ${id}, forecast: 2026-03-31, actual: 2026-03-31 }`;
const open = (id: string): string => `  - { id: ${id}, name: Step ${id}, forecast: 2027-03-31 }`;

testRule(rule, {
  valid: [
    {
      name: "ahead of the milestones is fine",
      files: { "p.yaml": project(64, [done("M1"), done("M2"), open("M3"), open("M4"), open("M5")]) },
    },
    {
      name: "a little behind the milestones",
      files: { "p.yaml": project(33, [done("M1"), done("M2"), open("M3"), open("M4"), open("M5")]) },
    },
    {
      name: "exactly the tolerance behind",
      files: { "p.yaml": project(50, [done("M1"), done("M2"), done("M3"), open("M4")]) },
    },
    { name: "100% with every milestone achieved", files: { "p.yaml": project(100, [done("M1"), done("M2")]) } },
    { name: "0% with nothing achieved", files: { "p.yaml": project(0, [open("M1"), open("M2")]) } },
    { name: "no percentComplete", files: { "p.yaml": project(undefined, [done("M1"), done("M2")]) } },
    { name: "no milestones", files: { "p.yaml": project(100, []) } },
    {
      name: "a cancelled project stopped part-way",
      files: { "p.yaml": project(40, [done("M1"), done("M2")], "cancelled") },
    },
    { name: "a closed project", files: { "p.yaml": project(100, [done("M1"), open("M2")], "closed") } },
    {
      name: "a wider tolerance",
      files: { "p.yaml": project(20, [done("M1"), done("M2"), done("M3"), open("M4")]) },
      options: { tolerance: 60 },
    },
  ],
  invalid: [
    {
      name: "100% with milestones open",
      files: { "p.yaml": project(100, [done("M1"), open("M2"), open("M3")]) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 18,
          pointer: "/percentComplete",
          messageId: "completeWithOpen",
          data: { open: 2, total: 3, ids: "M2, M3" },
        },
      ],
    },
    {
      name: "0% with a milestone achieved",
      files: { "p.yaml": project(0, [done("M1"), open("M2"), open("M3"), open("M4"), open("M5"), open("M6")]) },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 18,
          pointer: "/percentComplete",
          messageId: "zeroWithAchieved",
          data: { achieved: 1, total: 6, ids: "M1" },
        },
      ],
    },
    {
      name: "far behind the milestones",
      files: { "p.yaml": project(40, [done("M1"), done("M2"), done("M3"), open("M4")], "closure") },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 18,
          pointer: "/percentComplete",
          messageId: "behindMilestones",
          data: { percent: "40%", achieved: 3, total: 4, share: "75%", tolerance: 25 },
        },
      ],
    },
    {
      name: "a tighter tolerance",
      files: { "p.yaml": project(30, [done("M1"), done("M2"), open("M3"), open("M4")]) },
      options: { tolerance: 10 },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 18,
          pointer: "/percentComplete",
          messageId: "behindMilestones",
          data: { percent: "30%", achieved: 2, total: 4, share: "50%", tolerance: 10 },
        },
      ],
    },
  ],
});
