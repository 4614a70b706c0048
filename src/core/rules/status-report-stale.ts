import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";

/**
 * The portfolio view is only as current as its oldest status report. A report stays valid for
 * the status validity period (the engagement's statusValidityDays, else its reporting cadence),
 * after which the project has missed a reporting cycle. Which stages report, and when a
 * report is stale, is the domain's statusReportState: the dashboard counts the same.
 */
export const rule = defineRule({
  meta: {
    id: "status-report-stale",
    description:
      "A project in initiation, planning, delivery or closure has a status report within the status validity period",
    group: "governance",
    severity: "warn",
    presets: ["recommended", "operational", "tactical"],
    messages: {
      missing: "project in {{stage}} has no status report; add status with asOf and overall",
      stale: "status report as of {{date}} is {{age}} old on {{asOf}}; a status report is valid for {{validity}}",
    },
  },
  check({ catalog, facts, asOf, report }) {
    for (const { doc, value: project } of catalog.projects) {
      const state = facts.statusReport(project);
      if (state.kind === "missing")
        report({ doc, path: ["status"], messageId: "missing", data: { stage: project.stage } });
      if (state.kind !== "stale") continue;
      report({
        doc,
        path: ["status", "asOf"],
        messageId: "stale",
        data: {
          date: project.status!.asOf,
          age: formatDays(state.age),
          asOf,
          validity: formatDays(state.validityDays),
        },
      });
    }
  },
});
