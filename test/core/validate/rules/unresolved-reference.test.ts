import { rule } from "../../../../src/core/validate/rules/unresolved-reference.js";
import { doc, pointerOf, testValidationRule } from "../../../helpers/validation-rule-tester.js";

const PEOPLE = doc("Person", "name: Ann\n", "ann");
const PORTFOLIOS = `apiVersion: pmo/v1
kind: Portfolio
id: PF-TOP
objectives:
  - { id: grow, name: Grow }
prioritisation:
  criteria:
    - { id: value, name: Value }
---
apiVersion: pmo/v1
kind: Portfolio
id: PG-SUB
parent: PF-TOP
objectives:
  - { id: save, name: Save }
`;

const missing = (field: string, value: string, targets: string, suggestion = "") => ({
  field,
  value,
  targets,
  suggestion,
});

/** One row per whole-repository reference of the rule's table: kind, body, position, field, target kind. */
const WHOLE: [kind: string, body: string, line: number, column: number, field: string, targets: string][] = [
  ["Portfolio", "parent: NOPE\n", 4, 9, "parent", "Portfolio"],
  ["Project", "portfolio: NOPE\n", 4, 12, "portfolio", "Portfolio"],
  ["Project", "dependencies:\n  - project: NOPE\n", 5, 14, "dependencies[0].project", "Project"],
  ["Project", "gates:\n  - decision: NOPE\n", 5, 15, "gates[0].decision", "Decision"],
  ["Risk", "project: NOPE\n", 4, 10, "project", "Project"],
  ["Issue", "project: NOPE\n", 4, 10, "project", "Project"],
  ["Decision", "project: NOPE\n", 4, 10, "project", "Project"],
  ["Risk", "portfolio: NOPE\n", 4, 12, "portfolio", "Portfolio"],
  ["Issue", "portfolio: NOPE\n", 4, 12, "portfolio", "Portfolio"],
  ["Decision", "portfolio: NOPE\n", 4, 12, "portfolio", "Portfolio"],
  ["Issue", "risk: NOPE\n", 4, 7, "risk", "Risk"],
  ["Decision", "supersedes: NOPE\n", 4, 13, "supersedes", "Decision"],
];

/** One row per reference to a person, checked once the repository keeps a roster. */
const PERSON: [kind: string, body: string, line: number, column: number, field: string][] = [
  ["Portfolio", "owner: zed\n", 4, 8, "owner"],
  ["Project", "sponsor: zed\n", 4, 10, "sponsor"],
  ["Project", "manager: zed\n", 4, 10, "manager"],
  ["Project", "benefits:\n  - owner: ann\n  - owner: zed\n", 6, 12, "benefits[1].owner"],
  ["Risk", "owner: zed\n", 4, 8, "owner"],
  ["Issue", "owner: zed\n", 4, 8, "owner"],
  ["Risk", "mitigations:\n  - owner: zed\n", 5, 12, "mitigations[0].owner"],
  ["Decision", "decidedBy: zed\n", 4, 12, "decidedBy"],
  ["Decision", "recommendation:\n  by: zed\n", 5, 7, "recommendation.by"],
  ["Portfolio", "owner: ann\nmessage:\n  author: zed\n", 6, 11, "message.author"],
  ["Engagement", "message:\n  author: zed\n", 5, 11, "message.author"],
  ["Engagement", "contacts:\n  - person: zed\n", 5, 13, "contacts[0].person"],
  ["Engagement", "governance:\n  forums:\n    - id: steerco\n      chair: zed\n", 7, 14, "governance.forums[0].chair"],
  [
    "Engagement",
    "governance:\n  forums:\n    - id: steerco\n      members: [ann, zed]\n",
    7,
    22,
    "governance.forums[0].members[1]",
  ],
];

const fileOf = (kind: string): string => (kind === "Engagement" ? "engagement.yaml" : "x.yaml");
const idOf = (kind: string): string => (kind === "Engagement" ? "ENG" : "X1");

const decision = (approves: string): string => doc("Decision", `project: P1\napproves:\n${approves}`, "D1");
const withMilestones = doc("Project", "milestones:\n  - id: M2\n  - id: M1\n", "P1");

testValidationRule(rule, {
  valid: [
    {
      name: "references that resolve, within the portfolio chain",
      files: {
        "pf.yaml": PORTFOLIOS,
        "p.yaml": doc(
          "Project",
          "portfolio: PG-SUB\ncontributions:\n  - objective: save\n  - objective: grow\nscores:\n  value: 3\n  x-note: 1\nmilestones:\n  - id: M1\n  - id: M2\n    dependsOn: [M1, P2/M1]\n",
          "P1",
        ),
        "q.yaml": doc("Project", "milestones:\n  - id: M1\n", "P2"),
        "d.yaml": doc(
          "Decision",
          "forum: steerco\nproject: P1\napproves:\n  milestones: [M1, P1/M2]\n  baselines: { M1: 2027-01-01, finish: 2027-02-01, x-why: late }\n",
          "D1",
        ),
      },
    },
    {
      name: "a recommendation of one of the decision's options",
      files: {
        "d.yaml": doc(
          "Decision",
          "options:\n  - { id: A, title: Stop }\n  - { id: B, title: Go }\nrecommendation:\n  option: B\n  by: Jane Doe\n",
          "D1",
        ),
      },
    },
    {
      name: "people are not checked without a roster",
      files: { "p.yaml": doc("Project", "sponsor: Jane Doe\nmanager: zed\n") },
    },
    {
      name: "values that are not strings are left to the schema",
      files: {
        "p.yaml": doc(
          "Project",
          "portfolio: 3\ndependencies: [{ project: 2 }]\nmilestones:\n  - id: M1\n    dependsOn: [4]\n",
        ),
      },
    },
    {
      name: "a rebaseline decision of an unknown project is left to its project reference",
      files: { "d.yaml": doc("Decision", "approves:\n  milestones: [M9]\n") },
    },
  ],
  invalid: [
    ...WHOLE.map(([kind, body, line, column, field, targets]) => ({
      name: `${kind} ${field} names nothing`,
      files: { [fileOf(kind)]: doc(kind, body, idOf(kind)) },
      errors: [
        {
          file: fileOf(kind),
          line,
          column,
          pointer: pointerOf(field),
          messageId: "missing",
          data: missing(field, "NOPE", targets),
        },
      ],
    })),
    ...PERSON.map(([kind, body, line, column, field]) => ({
      name: `${kind} ${field} names no one on the roster`,
      files: { "people.yaml": PEOPLE, [fileOf(kind)]: doc(kind, body, idOf(kind)) },
      errors: [
        {
          file: fileOf(kind),
          line,
          column,
          pointer: pointerOf(field),
          messageId: "missingPerson",
          data: missing(field, "zed", "Person"),
        },
      ],
    })),
    {
      name: "a reference to the wrong kind",
      files: { "p.yaml": doc("Project", "portfolio: ENG\n") },
      errors: [
        {
          file: "p.yaml",
          line: 4,
          column: 12,
          pointer: "/portfolio",
          messageId: "wrongKind",
          data: { field: "portfolio", value: "ENG", kind: "Engagement", file: "engagement.yaml", targets: "Portfolio" },
        },
      ],
    },
    {
      name: "an id differing only in case is suggested, from documents of the right kind only",
      files: {
        "pf.yaml": PORTFOLIOS,
        "p.yaml": doc("Project", "portfolio: pf-top\n", "P1"),
        "q.yaml": doc("Project", "portfolio: p1\n", "P2"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 4,
          column: 12,
          pointer: "/portfolio",
          messageId: "missing",
          data: missing("portfolio", "pf-top", "Portfolio", ' (did you mean "PF-TOP"?)'),
        },
        {
          file: "q.yaml",
          line: 4,
          column: 12,
          pointer: "/portfolio",
          messageId: "missing",
          data: missing("portfolio", "p1", "Portfolio"),
        },
      ],
    },
    {
      name: "no suggestion for a value that is not an id",
      files: { "people.yaml": PEOPLE, "p.yaml": doc("Project", "sponsor: Ann Able\n") },
      errors: [
        {
          file: "p.yaml",
          line: 4,
          column: 10,
          pointer: "/sponsor",
          messageId: "missingPerson",
          data: missing("sponsor", "Ann Able", "Person"),
        },
      ],
    },
    {
      name: "a forum the engagement does not have",
      files: { "d.yaml": doc("Decision", "forum: board\n") },
      errors: [
        {
          file: "d.yaml",
          line: 4,
          column: 8,
          pointer: "/forum",
          messageId: "unknownForum",
          data: { forum: "board", known: " (steerco)" },
        },
      ],
    },
    {
      name: "a forum when the engagement has none",
      files: { "engagement.yaml": doc("Engagement", "", "ENG"), "d.yaml": doc("Decision", "forum: board\n") },
      errors: [
        {
          file: "d.yaml",
          line: 4,
          column: 8,
          pointer: "/forum",
          messageId: "unknownForum",
          data: { forum: "board", known: "" },
        },
      ],
    },
    {
      name: "a risk, an issue and a decision naming both a project and a portfolio",
      files: {
        "pf.yaml": PORTFOLIOS,
        "p.yaml": doc("Project", "", "P1"),
        "r.yaml": doc("Risk", "project: P1\nportfolio: PF-TOP\n", "R1"),
        "i.yaml": doc("Issue", "project: P1\nportfolio: PF-TOP\n", "I1"),
        "d.yaml": doc("Decision", "project: P1\nportfolio: PF-TOP\n", "D1"),
        "q.yaml": doc("Project", "portfolio: PF-TOP\nproject: P1\n", "P2"),
      },
      errors: [
        {
          file: "d.yaml",
          line: 5,
          column: 12,
          pointer: "/portfolio",
          messageId: "bothOwners",
          data: { kind: "decision" },
        },
        {
          file: "i.yaml",
          line: 5,
          column: 12,
          pointer: "/portfolio",
          messageId: "bothOwners",
          data: { kind: "issue" },
        },
        { file: "r.yaml", line: 5, column: 12, pointer: "/portfolio", messageId: "bothOwners", data: { kind: "risk" } },
      ],
    },
    {
      name: "an objective outside the portfolio chain",
      files: {
        "pf.yaml": PORTFOLIOS,
        "p.yaml": doc("Project", "portfolio: PF-TOP\ncontributions:\n  - objective: grow\n  - objective: save\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 16,
          pointer: "/contributions/1/objective",
          messageId: "unknownObjective",
          data: { objective: "save", portfolio: "PF-TOP", known: " (known: grow)" },
        },
      ],
    },
    {
      name: "an objective of a portfolio with none",
      files: {
        "pf.yaml": doc("Portfolio", "", "PF-EMPTY"),
        "p.yaml": doc("Project", "portfolio: PF-EMPTY\ncontributions:\n  - objective: grow\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 16,
          pointer: "/contributions/0/objective",
          messageId: "unknownObjective",
          data: { objective: "grow", portfolio: "PF-EMPTY", known: "" },
        },
      ],
    },
    {
      name: "a score for a criterion the portfolio chain lacks, at its key",
      files: {
        "pf.yaml": PORTFOLIOS,
        "p.yaml": doc("Project", "portfolio: PG-SUB\nscores:\n  value: 3\n  valeu: 3\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 7,
          column: 3,
          pointer: "/scores/valeu",
          messageId: "unknownCriterion",
          data: { criterion: "valeu", portfolio: "PG-SUB", known: " (known: value)" },
        },
      ],
    },
    {
      name: "a score when the portfolio has no criteria",
      files: {
        "pf.yaml": doc("Portfolio", "", "PF-EMPTY"),
        "p.yaml": doc("Project", "portfolio: PF-EMPTY\nscores:\n  value: 3\n"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 3,
          pointer: "/scores/value",
          messageId: "unknownCriterion",
          data: { criterion: "value", portfolio: "PF-EMPTY", known: "" },
        },
      ],
    },
    {
      name: "contributions without a portfolio",
      files: { "p.yaml": doc("Project", "contributions:\n  - objective: grow\n") },
      errors: [
        { file: "p.yaml", line: 5, column: 3, pointer: "/contributions", messageId: "contributionsWithoutPortfolio" },
      ],
    },
    {
      name: "a milestone dependency on a project that does not exist",
      files: { "p.yaml": doc("Project", "milestones:\n  - id: M1\n    dependsOn: [M1, P9/M1]\n", "P1") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 21,
          pointer: "/milestones/0/dependsOn/1",
          messageId: "missingDependencyProject",
          data: { ref: "P9/M1", project: "P9" },
        },
      ],
    },
    {
      name: "a milestone dependency on a milestone the project does not have, here or in another project",
      files: {
        "p.yaml": doc("Project", "milestones:\n  - id: M1\n    dependsOn: [M7, P2/M8]\n", "P1"),
        "q.yaml": doc("Project", "milestones:\n  - id: M1\n", "P2"),
      },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 17,
          pointer: "/milestones/0/dependsOn/0",
          messageId: "missingDependencyMilestone",
          data: { ref: "M7", project: "P1", milestone: "M7" },
        },
        {
          file: "p.yaml",
          line: 6,
          column: 21,
          pointer: "/milestones/0/dependsOn/1",
          messageId: "missingDependencyMilestone",
          data: { ref: "P2/M8", project: "P2", milestone: "M8" },
        },
      ],
    },
    {
      name: "a typed link to a milestone the project lacks, at its milestone",
      files: {
        "p.yaml": doc(
          "Project",
          "milestones:\n  - id: M1\n    dependsOn: [{ milestone: M7, type: SS }, { type: FF }]\n",
          "P1",
        ),
      },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 30,
          pointer: "/milestones/0/dependsOn/0/milestone",
          messageId: "missingDependencyMilestone",
          data: { ref: "M7", project: "P1", milestone: "M7" },
        },
      ],
    },
    {
      name: "a milestone dependency on a document that is not a project",
      files: { "p.yaml": doc("Project", "milestones:\n  - id: M1\n    dependsOn: [ENG/M1]\n", "P1") },
      errors: [
        {
          file: "p.yaml",
          line: 6,
          column: 17,
          pointer: "/milestones/0/dependsOn/0",
          messageId: "missingDependencyProject",
          data: { ref: "ENG/M1", project: "ENG" },
        },
      ],
    },
    {
      name: "a rebaseline naming a milestone its project lacks",
      files: { "p.yaml": withMilestones, "d.yaml": decision("  milestones: [M1, M9]\n") },
      errors: [
        {
          file: "d.yaml",
          line: 6,
          column: 20,
          pointer: "/approves/milestones/1",
          messageId: "unknownRebaselineMilestone",
          data: { ref: "M9", project: "P1", known: " (known: M1, M2)" },
        },
      ],
    },
    {
      name: "a re-baselined date keyed by a milestone its project lacks, at its key",
      files: { "p.yaml": withMilestones, "d.yaml": decision("  baselines:\n    M1: 2027-01-01\n    M7: 2027-01-15\n") },
      errors: [
        {
          file: "d.yaml",
          line: 8,
          column: 5,
          pointer: "/approves/baselines/M7",
          messageId: "unknownRebaselineKey",
          data: { key: "M7", project: "P1", known: " (known: M1, M2)" },
        },
      ],
    },
    {
      name: "a recommendation of an option the decision does not list",
      files: {
        "d.yaml": doc(
          "Decision",
          "options:\n  - { id: A, title: Stop }\n  - { id: B, title: Go }\nrecommendation:\n  option: C\n",
          "D1",
        ),
      },
      errors: [
        {
          file: "d.yaml",
          line: 8,
          column: 11,
          pointer: "/recommendation/option",
          messageId: "unknownOption",
          data: { option: "C", known: " (known: A, B)" },
        },
      ],
    },
    {
      name: "a recommendation of an option on a decision without options",
      files: { "d.yaml": doc("Decision", "recommendation:\n  option: A\n", "D1") },
      errors: [
        {
          file: "d.yaml",
          line: 5,
          column: 11,
          pointer: "/recommendation/option",
          messageId: "unknownOption",
          data: { option: "A", known: "" },
        },
      ],
    },
    {
      name: "a rebaseline of a project with no milestones",
      files: {
        "p.yaml": doc("Project", "", "P1"),
        "d.yaml": decision("  milestones: [M1]\n  baselines: { M1: 2027-01-01 }\n"),
      },
      errors: [
        {
          file: "d.yaml",
          line: 6,
          column: 16,
          pointer: "/approves/milestones/0",
          messageId: "unknownRebaselineMilestone",
          data: { ref: "M1", project: "P1", known: "" },
        },
        {
          file: "d.yaml",
          line: 7,
          column: 16,
          pointer: "/approves/baselines/M1",
          messageId: "unknownRebaselineKey",
          data: { key: "M1", project: "P1", known: "" },
        },
      ],
    },
  ],
});
