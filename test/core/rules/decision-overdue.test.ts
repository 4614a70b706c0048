import { rule } from "../../../src/core/rules/decision-overdue.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A decision document; `due` is on line 7 (its value at column 6). The as-of date is 2026-11-30. */
const decision = (status: string, due: string | undefined, extra = "", id = "DEC-1"): string => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Fund the second installer
status: ${status}
forum: steerco
${due === undefined ? "rationale: To be discussed" : `due: ${due}`}
${extra}`;

const taken = "decidedBy: ann\ndate: 2026-11-20\n";

/** The one finding on DEC-1's due date, `late` days after it. */
const overdue = (due: string, late: string, line = 7, decisionId = "DEC-1") => ({
  file: "d.yaml",
  line,
  column: 6,
  pointer: "/due",
  messageId: "overdue",
  data: { decision: decisionId, late, due },
});

testRule(rule, {
  valid: [
    { name: "due today: not yet overdue", files: { "d.yaml": decision("proposed", "2026-11-30") } },
    { name: "due next month", files: { "d.yaml": decision("proposed", "2026-12-16") } },
    { name: "a proposed decision without a due date", files: { "d.yaml": decision("proposed", undefined) } },
    { name: "taken after its due date", files: { "d.yaml": decision("approved", "2026-11-01", taken) } },
    { name: "rejected", files: { "d.yaml": decision("rejected", "2026-11-01", taken) } },
    { name: "deferred: the forum chose to wait", files: { "d.yaml": decision("deferred", "2026-11-01", taken) } },
    {
      name: "due on the as-of date of the run",
      files: { "d.yaml": decision("proposed", "2026-11-20") },
      asOf: "2026-11-20",
    },
  ],
  invalid: [
    {
      name: "one day late",
      files: { "d.yaml": decision("proposed", "2026-11-29") },
      errors: [overdue("2026-11-29", "1 day")],
    },
    {
      name: "a month late",
      files: { "d.yaml": decision("proposed", "2026-10-31") },
      errors: [overdue("2026-10-31", "30 days")],
    },
    {
      name: "judged on the run's as-of date",
      files: { "d.yaml": decision("proposed", "2026-11-20") },
      asOf: "2026-12-01",
      errors: [overdue("2026-11-20", "11 days")],
    },
    {
      name: "each overdue decision of a file, the taken one left alone",
      files: {
        "d.yaml": `${decision("approved", "2026-09-01", taken)}---\n${decision("proposed", "2026-11-16", "", "DEC-2")}`,
      },
      errors: [overdue("2026-11-16", "14 days", 17, "DEC-2")],
    },
  ],
});
