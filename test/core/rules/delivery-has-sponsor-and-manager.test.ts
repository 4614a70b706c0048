import { rule } from "../../../src/core/rules/delivery-has-sponsor-and-manager.js";
import { testRule } from "../../helpers/rule-tester.js";

const project = (roles: string, stage = "delivery"): string => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
portfolio: PF-A
stage: ${stage}
${roles}`;

const noRoster = {
  "people.yaml": `apiVersion: pmo/v1
kind: Risk
id: RSK-1
title: Placeholder
probability: 1
impact: 1
status: closed
`,
};

testRule(rule, {
  valid: [
    { name: "both roles in delivery", files: { "p.yaml": project("sponsor: ann\nmanager: bob\n") } },
    { name: "both roles in closure", files: { "p.yaml": project("sponsor: ann\nmanager: bob\n", "closure") } },
    { name: "a proposal may not have them yet", files: { "p.yaml": project("", "proposal") } },
    { name: "initiation may still be appointing", files: { "p.yaml": project("sponsor: ann\n", "initiation") } },
    { name: "closed project", files: { "p.yaml": project("", "closed") } },
    { name: "cancelled project", files: { "p.yaml": project("", "cancelled") } },
    {
      name: "free-text names without a roster",
      files: {
        ...noRoster,
        "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: Ann Able\n",
        "p.yaml": project("sponsor: Ann Able\nmanager: Bob Baker\n"),
      },
    },
  ],
  invalid: [
    {
      name: "no sponsor in delivery",
      files: { "p.yaml": project("manager: bob\n") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/sponsor",
          messageId: "noSponsor",
          data: { stage: "delivery" },
        },
      ],
    },
    {
      name: "no manager in planning",
      files: { "p.yaml": project("sponsor: ann\n", "planning") },
      errors: [
        {
          file: "p.yaml",
          line: 3,
          column: 1,
          pointer: "/manager",
          messageId: "noManager",
          data: { stage: "planning" },
        },
      ],
    },
    {
      name: "neither in closure: one finding per missing role",
      files: { "p.yaml": project("", "closure") },
      errors: [
        { file: "p.yaml", line: 3, column: 1, pointer: "/sponsor", messageId: "noSponsor", data: { stage: "closure" } },
        { file: "p.yaml", line: 3, column: 1, pointer: "/manager", messageId: "noManager", data: { stage: "closure" } },
      ],
    },
  ],
});
