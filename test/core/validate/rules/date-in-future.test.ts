import { rule } from "../../../../src/core/validate/rules/date-in-future.js";
import { doc, pointerOf, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const future = (field: string) => ({ field, date: "2026-12-01", asOf: "2026-11-30" });

/** One row per past-date field of the rule's table, each one day after the as-of date 2026-11-30. */
const FIELDS: [kind: string, body: string, line: number, column: number, field: string][] = [
  ["Project", "schedule:\n  actualStart: 2026-12-01\n", 5, 16, "schedule.actualStart"],
  ["Project", "schedule:\n  actualFinish: 2026-12-01\n", 5, 17, "schedule.actualFinish"],
  [
    "Project",
    "milestones:\n  - id: M1\n    actual: 2026-11-30\n  - id: M2\n    actual: 2026-12-01\n",
    8,
    13,
    "milestones[1].actual",
  ],
  ["Project", "status:\n  asOf: 2026-12-01\n", 5, 9, "status.asOf"],
  ["Project", "benefits:\n  - name: B\n    realisedDate: 2026-12-01\n", 6, 19, "benefits[0].realisedDate"],
  ["Project", "closure:\n  date: 2026-12-01\n", 5, 9, "closure.date"],
  ["Project", "gates:\n  - stage: delivery\n    date: 2026-12-01\n", 6, 11, "gates[0].date"],
  ["Risk", "raised: 2026-12-01\n", 4, 9, "raised"],
  ["Risk", "lastReviewed: 2026-12-01\n", 4, 15, "lastReviewed"],
  ["Risk", "closed: 2026-12-01\n", 4, 9, "closed"],
  ["Issue", "raised: 2026-12-01\n", 4, 9, "raised"],
  ["Issue", "resolved: 2026-12-01\n", 4, 11, "resolved"],
  ["Engagement", "phase:\n  since: 2026-12-01\n", 5, 10, "phase.since"],
  ["Engagement", "reviews:\n  last: 2026-12-01\n", 5, 9, "reviews.last"],
  ["Engagement", "message:\n  asOf: 2026-12-01\n", 5, 9, "message.asOf"],
  ["Portfolio", "message:\n  asOf: 2026-12-01\n", 5, 9, "message.asOf"],
];

const file = (kind: string): string => (kind === "Engagement" ? "engagement.yaml" : "x.yaml");

testValidationRule(rule, {
  valid: [
    {
      name: "actual dates on the as-of date",
      files: { "p.yaml": doc("Project", "schedule:\n  actualStart: 2026-11-30\nstatus:\n  asOf: 2026-11-30\n") },
    },
    {
      name: "planned dates may be in the future",
      files: {
        "p.yaml": doc(
          "Project",
          "schedule:\n  forecastFinish: 2027-12-01\nmilestones:\n  - { id: M1, forecast: 2027-01-01 }\n",
        ),
      },
    },
    { name: "a later --as-of", asOf: "2026-12-01", files: { "r.yaml": doc("Risk", "raised: 2026-12-01\n") } },
    {
      name: "a proposed decision may carry a date ahead",
      files: { "d.yaml": doc("Decision", "status: proposed\ndate: 2027-01-01\n") },
    },
    {
      name: "a decision taken on the as-of date",
      files: { "d.yaml": doc("Decision", "status: approved\ndate: 2026-11-30\n") },
    },
    {
      name: "values that are not dates",
      files: {
        "r.yaml": doc("Risk", "raised: tomorrow\n"),
        "d.yaml": doc("Decision", "status: approved\ndate: 2027\n", "D1"),
      },
    },
    {
      name: "a future date on a document that is not a decision is no decision date",
      files: { "i.yaml": doc("Issue", "status: open\ndate: 2026-12-01\n") },
    },
    {
      name: "the same fields of kinds they do not belong to",
      files: { "pf.yaml": doc("Portfolio", "raised: 2026-12-01\nclosed: 2026-12-01\nstatus:\n  asOf: 2026-12-01\n") },
    },
  ],
  invalid: [
    ...FIELDS.map(([kind, body, line, column, field]) => ({
      name: `${kind} ${field}`,
      files: { [file(kind)]: doc(kind, body, kind === "Engagement" ? "ENG" : "X1") },
      errors: [
        { file: file(kind), line, column, pointer: pointerOf(field), messageId: "inFuture", data: future(field) },
      ],
    })),
    {
      name: "a decision dated after the as-of date",
      files: { "d.yaml": doc("Decision", "status: approved\ndate: 2026-12-01\n") },
      errors: [
        {
          file: "d.yaml",
          line: 5,
          column: 7,
          pointer: "/date",
          messageId: "decisionInFuture",
          data: { date: "2026-12-01", asOf: "2026-11-30" },
        },
      ],
    },
    {
      name: "a decision with no status yet dated ahead",
      files: { "d.yaml": doc("Decision", "date: 2026-12-01\n") },
      errors: [
        {
          file: "d.yaml",
          line: 4,
          column: 7,
          pointer: "/date",
          messageId: "decisionInFuture",
          data: { date: "2026-12-01", asOf: "2026-11-30" },
        },
      ],
    },
  ],
});
