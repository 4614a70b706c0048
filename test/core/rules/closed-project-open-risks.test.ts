import { rule } from "../../../src/core/rules/closed-project-open-risks.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (stage: string, id = "PRJ-1"): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Pump station
portfolio: PF-A
stage: ${stage}
`;

/** A risk document; `extra` lines start at line 9. */
const risk = (owner: string, status = "open", extra = "", id = "RSK-1"): string => `apiVersion: pmo/v1
kind: Risk
id: ${id}
title: Permit delayed
${owner}
probability: 3
impact: 3
status: ${status}
${extra}
`;

testRule(rule, {
  valid: [
    {
      name: "an open risk of a project in delivery",
      files: { "p.yaml": project("delivery"), "r.yaml": risk("project: PRJ-1") },
    },
    {
      name: "a closed risk of a closed project",
      files: { "p.yaml": project("closed"), "r.yaml": risk("project: PRJ-1", "closed", "closed: 2026-06-01") },
    },
    {
      name: "an occurred risk of a cancelled project",
      files: { "p.yaml": project("cancelled"), "r.yaml": risk("project: PRJ-1", "occurred") },
    },
    {
      name: "a project in closure may still hold open risks",
      files: { "p.yaml": project("closure"), "r.yaml": risk("project: PRJ-1") },
    },
    { name: "a portfolio risk", files: { "p.yaml": project("closed"), "r.yaml": risk("portfolio: PF-A") } },
    { name: "an engagement risk", files: { "p.yaml": project("closed"), "r.yaml": risk("owner: ann") } },
  ],
  invalid: [
    {
      name: "an open threat of a closed project",
      files: { "p.yaml": project("closed"), "r.yaml": risk("project: PRJ-1") },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 9,
          pointer: "/status",
          messageId: "openOnFinished",
          data: { type: "threat", project: "PRJ-1", stage: "closed" },
        },
      ],
    },
    {
      name: "an open opportunity of a cancelled project, among other risks",
      files: {
        "p.yaml": project("cancelled") + "---\n" + project("delivery", "PRJ-2"),
        "r.yaml": [
          risk("project: PRJ-1", "open", "type: opportunity"),
          risk("project: PRJ-1", "closed", "closed: 2026-05-01", "RSK-2"),
          risk("project: PRJ-2", "open", "", "RSK-3"),
        ].join("---\n"),
      },
      errors: [
        {
          file: "r.yaml",
          line: 8,
          column: 9,
          pointer: "/status",
          messageId: "openOnFinished",
          data: { type: "opportunity", project: "PRJ-1", stage: "cancelled" },
        },
      ],
    },
  ],
});
