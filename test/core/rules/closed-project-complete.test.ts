import { rule } from "../../../src/core/rules/closed-project-complete.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A project document; `extra` lines start at line 7. */
const project = (extra: string, stage = "closed"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: UV disinfection
portfolio: PF-A
stage: ${stage}
${extra}
`;

const schedule =
  "schedule: { baselineStart: 2025-01-06, baselineFinish: 2026-05-29, actualStart: 2025-01-06, actualFinish: 2026-06-26 }";
const closure =
  "closure:\n  date: 2026-07-22\n  lessonsLearned:\n    - Order long-lead UV reactors before detailed design is frozen";

testRule(rule, {
  valid: [
    { name: "finished and lessons recorded", files: { "p.yaml": project(`${schedule}\n${closure}`) } },
    { name: "a project in closure has not closed yet", files: { "p.yaml": project("percentComplete: 96", "closure") } },
    {
      name: "a cancelled project stops on a decision",
      files: { "p.yaml": project("percentComplete: 40", "cancelled") },
    },
    { name: "a project in delivery", files: { "p.yaml": project("percentComplete: 40", "delivery") } },
  ],
  invalid: [
    {
      name: "nothing recorded",
      files: { "p.yaml": project("percentComplete: 100") },
      errors: [
        { file: "p.yaml", line: 3, column: 1, pointer: "/schedule/actualFinish", messageId: "noActualFinish" },
        { file: "p.yaml", line: 3, column: 1, pointer: "/closure/lessonsLearned", messageId: "noLessons" },
      ],
    },
    {
      name: "a schedule without actualFinish, a closure without lessons",
      files: {
        "p.yaml": project(
          "schedule: { baselineStart: 2025-01-06, baselineFinish: 2026-05-29 }\nclosure:\n  date: 2026-07-22\n  report: docs/closure/PRJ-1.pdf",
        ),
      },
      errors: [
        { file: "p.yaml", line: 7, column: 11, pointer: "/schedule/actualFinish", messageId: "noActualFinish" },
        { file: "p.yaml", line: 9, column: 3, pointer: "/closure/lessonsLearned", messageId: "noLessons" },
      ],
    },
    {
      name: "an empty list of lessons",
      files: { "p.yaml": project(`${schedule}\nclosure: { lessonsLearned: [] }`) },
      errors: [{ file: "p.yaml", line: 8, column: 28, pointer: "/closure/lessonsLearned", messageId: "noLessons" }],
    },
    {
      name: "only blank lessons",
      files: { "p.yaml": project(`${schedule}\nclosure: { lessonsLearned: [" "] }`) },
      errors: [{ file: "p.yaml", line: 8, column: 28, pointer: "/closure/lessonsLearned", messageId: "noLessons" }],
    },
  ],
});
