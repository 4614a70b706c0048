import { rule } from "../../../src/core/rules/project-in-portfolio.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (extra: string, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
stage: ${stage}
${extra}`;

/** Portfolios with these ids (in this file order), replacing the base one. */
const portfolios = (...ids: string[]) => ({
  "portfolio.yaml": ids
    .map((id) => `apiVersion: pmo/v1\nkind: Portfolio\nid: ${id}\nname: Portfolio ${id}\nowner: ann\n`)
    .join("---\n"),
});

/** The finding on PRJ-1 in p.yaml, naming these portfolios. */
const outside = (portfolios: string) => ({
  file: "p.yaml",
  line: 3,
  column: 1,
  pointer: "/portfolio",
  messageId: "noPortfolio",
  data: { project: "PRJ-1", portfolios },
});

const noPortfolios = {
  "portfolio.yaml": `apiVersion: pmo/v1
kind: Person
id: dan
name: Dan Dale
`,
};

testRule(rule, {
  valid: [
    { name: "project in a portfolio", files: { "p.yaml": project("portfolio: PF-A\n") } },
    { name: "closed project outside any portfolio", files: { "p.yaml": project("", "closed") } },
    { name: "cancelled project outside any portfolio", files: { "p.yaml": project("", "cancelled") } },
    { name: "a repository with no portfolios at all", files: { ...noPortfolios, "p.yaml": project("") } },
  ],
  invalid: [
    {
      name: "delivery project with no portfolio",
      files: { "p.yaml": project("") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/portfolio",
          messageId: "noPortfolio",
          data: { project: "PRJ-1", portfolios: "PF-A" },
        },
      ],
    },
    {
      name: "a proposal is governed too",
      files: { "p.yaml": project("manager: bob\n", "proposal") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/portfolio",
          messageId: "noPortfolio",
          data: { project: "PRJ-1", portfolios: "PF-A" },
        },
      ],
    },
    {
      name: "the portfolios to choose from, sorted by id",
      files: { ...portfolios("PF-C", "PF-A", "PF-B"), "p.yaml": project("") },
      errors: [outside("PF-A, PF-B, PF-C")],
    },
    {
      name: "five portfolios are all named",
      files: { ...portfolios("PF-E", "PF-D", "PF-C", "PF-B", "PF-A"), "p.yaml": project("") },
      errors: [outside("PF-A, PF-B, PF-C, PF-D, PF-E")],
    },
    {
      name: "beyond five, the first five and an ellipsis",
      files: { ...portfolios("PF-F", "PF-E", "PF-D", "PF-C", "PF-B", "PF-A"), "p.yaml": project("") },
      errors: [outside("PF-A, PF-B, PF-C, PF-D, PF-E, ...")],
    },
    {
      name: "second document of a file",
      files: {
        "p.yaml": `apiVersion: pmo/v1\nkind: Project\nid: PRJ-0\nname: In\nportfolio: PF-A\nstage: delivery\n---\n${project("")}`,
      },
      errors: [
        {
          file: "p.yaml",
          line: 10,
          column: 1,
          pointer: "/portfolio",
          messageId: "noPortfolio",
          data: { project: "PRJ-1", portfolios: "PF-A" },
        },
      ],
    },
  ],
});
