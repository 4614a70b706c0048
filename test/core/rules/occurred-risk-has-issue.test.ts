import { rule } from "../../../src/core/rules/occurred-risk-has-issue.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A risk document; `extra` lines start at line 8. */
const risk = (status: string, extra = "", id = "RSK-1"): string => `apiVersion: pmo/v1
kind: Risk
id: ${id}
title: Permit delayed
probability: 3
impact: 3
status: ${status}
${extra}
`;

const issue = (riskId: string, status = "open"): string => `apiVersion: pmo/v1
kind: Issue
id: ISS-1
title: Permit refused
raised: 2026-11-02
status: ${status}
risk: ${riskId}
`;

const project = `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Pump station
portfolio: PF-A
stage: delivery
`;

testRule(rule, {
  valid: [
    { name: "an occurred risk with an open issue", files: { "r.yaml": risk("occurred"), "i.yaml": issue("RSK-1") } },
    {
      name: "an occurred risk whose issue is resolved",
      files: { "r.yaml": risk("occurred"), "i.yaml": issue("RSK-1", "closed") },
    },
    { name: "an open risk needs no issue", files: { "r.yaml": risk("open") } },
    { name: "a risk that occurred and was closed", files: { "r.yaml": risk("closed", "closed: 2026-10-01") } },
    { name: "an occurred opportunity is no issue", files: { "r.yaml": risk("occurred", "type: opportunity") } },
  ],
  invalid: [
    {
      name: "an occurred threat with no issue",
      files: { "r.yaml": risk("occurred") },
      errors: [
        { file: "r.yaml", line: 7, column: 9, pointer: "/status", messageId: "noIssue", data: { risk: "RSK-1" } },
      ],
    },
    {
      name: "the issue names another risk",
      files: {
        "p.yaml": project,
        "r.yaml": risk("occurred", "project: PRJ-1") + "---\n" + risk("occurred", "portfolio: PF-A", "RSK-2"),
        "i.yaml": issue("RSK-2"),
      },
      errors: [
        { file: "r.yaml", line: 7, column: 9, pointer: "/status", messageId: "noIssue", data: { risk: "RSK-1" } },
      ],
    },
  ],
});
