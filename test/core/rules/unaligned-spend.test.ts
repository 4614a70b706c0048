import { rule } from "../../../src/core/rules/unaligned-spend.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (
  id: string,
  o: { stage?: string; approved?: number; contributes?: boolean; currency?: string } = {},
) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
portfolio: PF-A
sponsor: ann
manager: bob
stage: ${o.stage ?? "delivery"}
${o.approved === undefined ? "" : `budget: { ${o.currency ? `currency: ${o.currency}, ` : ""}approved: ${o.approved} }\n`}${o.contributes === false ? "" : "contributions: [{ objective: o1, strength: high }]\n"}`;

testRule(rule, {
  valid: [
    {
      name: "every project aligned",
      files: { "p1.yaml": project("P1", { approved: 8_000_000 }), "p2.yaml": project("P2", { approved: 2_000_000 }) },
    },
    {
      name: "unaligned share at the limit (10%)",
      files: {
        "p1.yaml": project("P1", { approved: 9_000_000 }),
        "p2.yaml": project("P2", { approved: 1_000_000, contributes: false }),
      },
    },
    {
      name: "a higher limit",
      options: { maxSharePercent: 25 },
      files: {
        "p1.yaml": project("P1", { approved: 8_000_000 }),
        "p2.yaml": project("P2", { approved: 2_000_000, contributes: false }),
      },
    },
    {
      name: "proposals spend nothing yet",
      files: {
        "p1.yaml": project("P1", { approved: 8_000_000 }),
        "p2.yaml": project("P2", { approved: 2_000_000, contributes: false, stage: "proposal" }),
      },
    },
    {
      name: "an unaligned project without money is not counted as spend",
      files: { "p1.yaml": project("P1", { approved: 8_000_000 }), "p2.yaml": project("P2", { contributes: false }) },
    },
  ],
  invalid: [
    {
      name: "20% of the spend is unaligned",
      files: {
        "p1.yaml": project("P1", { approved: 8_000_000 }),
        "p2.yaml": project("P2", { approved: 2_000_000, contributes: false }),
        "p3.yaml": project("P3", { contributes: false }),
      },
      errors: [
        {
          file: "portfolio.yaml",
          line: 6,
          column: 1,
          pointer: "/objectives",
          messageId: "overShare",
          data: {
            share: "20%",
            portfolio: "PF-A",
            unaligned: "EUR 2M",
            total: "EUR 10M",
            projects: "P2",
            max: "10%",
            notCounted: "; not counted: 1 committed project with no approved budget or forecast in EUR",
          },
        },
      ],
    },
  ],
});
