import { rule } from "../../../src/core/rules/portfolio-message-stale.js";
import { BASE_FILES, testRule } from "../../helpers/rule-tester.js";

/**
 * Portfolio PF-A (replacing the base one) with a status message whose asOf is on line 7. The
 * base engagement reports weekly: a message is valid for 7 days; the as-of date is 2026-11-30.
 */
const portfolio = (asOf: string | undefined, id = "PF-A"): string => `apiVersion: pmo/v1
kind: Portfolio
id: ${id}
name: Portfolio ${id}
owner: ann
${asOf === undefined ? "" : `message:\n  asOf: ${asOf}\n  text: Two projects are red on schedule; the board is asked to approve DEC-012.\n`}`;

/** The base engagement with a message (its asOf on line 19), and another reporting line. */
const engagement = (asOf: string, reporting = "reporting: { cadence: weekly }"): string =>
  `${BASE_FILES["engagement.yaml"]!.replace("reporting: { cadence: weekly }", reporting)}message:\n  asOf: ${asOf}\n  text: Billing and CRM is forecast over budget.\n`;

const stale = (file: string, line: number, owner: string, date: string, age: string, validity = "7 days") => ({
  file,
  line,
  column: 9,
  pointer: "/message/asOf",
  messageId: "stale",
  data: { owner, date, age, asOf: "2026-11-30", validity },
});

testRule(rule, {
  valid: [
    { name: "written this week", files: { "portfolio.yaml": portfolio("2026-11-27") } },
    { name: "exactly one weekly period old", files: { "portfolio.yaml": portfolio("2026-11-23") } },
    { name: "no message: not judged", files: { "portfolio.yaml": portfolio(undefined) } },
    {
      name: "monthly reporting: 31 days",
      files: {
        "engagement.yaml": engagement("2026-10-30", "reporting: { cadence: monthly }"),
        "portfolio.yaml": portfolio("2026-10-30"),
      },
    },
    {
      name: "the engagement's own validity period",
      files: {
        "engagement.yaml": engagement("2026-11-10", "reporting: { cadence: weekly, statusValidityDays: 21 }"),
      },
    },
  ],
  invalid: [
    {
      name: "a portfolio message one period and a day old",
      files: { "portfolio.yaml": portfolio("2026-11-22") },
      errors: [stale("portfolio.yaml", 7, "portfolio PF-A", "2026-11-22", "8 days")],
    },
    {
      name: "the engagement's message",
      files: { "engagement.yaml": engagement("2026-10-30") },
      errors: [stale("engagement.yaml", 19, "the engagement", "2026-10-30", "31 days")],
    },
    {
      name: "the engagement's and a sub-portfolio's, the fresh one left alone",
      files: {
        "engagement.yaml": engagement("2026-10-29", "reporting: { cadence: monthly }"),
        "portfolio.yaml": portfolio("2026-11-28"),
        "sub.yaml": portfolio("2026-09-30", "PF-B").replace("owner: ann", "owner: ann\nparent: PF-A"),
      },
      errors: [
        stale("engagement.yaml", 19, "the engagement", "2026-10-29", "32 days", "31 days"),
        stale("sub.yaml", 8, "portfolio PF-B", "2026-09-30", "61 days", "31 days"),
      ],
    },
    {
      name: "the config's validity before one period of the engagement's cadence",
      files: { "portfolio.yaml": portfolio("2026-11-26") },
      thresholds: { statusValidityDays: 3 },
      errors: [stale("portfolio.yaml", 7, "portfolio PF-A", "2026-11-26", "4 days", "3 days")],
    },
  ],
});
