import type { Stage } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";

/** Stages in which a project reports; proposals have not started, closed and cancelled ones have stopped. */
const REPORTING_STAGES: ReadonlySet<Stage> = new Set<Stage>(["initiation", "planning", "delivery", "closure"]);

/**
 * The portfolio view is only as current as its oldest status report. A report stays valid for
 * the status validity period (the engagement's statusValidityDays, else its reporting cadence),
 * after which the project has missed a reporting cycle.
 */
export const rule = defineRule({
  meta: {
    id: "status-report-stale",
    description: "A project in initiation, planning, delivery or closure has a status report within the status validity period",
    group: "governance",
    severity: "warn",
    presets: ["recommended", "operational", "tactical"],
    messages: {
      missing: "project in {{stage}} has no status report; add status with asOf and overall",
      stale: "status report as of {{date}} is {{age}} old on {{asOf}}; a status report is valid for {{validity}}",
    },
  },
  check({ catalog, settings, asOf, report }) {
    const validity = settings.statusValidityDays;
    for (const { doc, value: project } of catalog.projects) {
      if (!REPORTING_STAGES.has(project.stage)) continue;
      const status = project.status;
      if (!status) {
        report({ doc, path: ["status"], messageId: "missing", data: { stage: project.stage } });
        continue;
      }
      const age = daysBetween(status.asOf, asOf);
      if (age <= validity) continue;
      report({
        doc,
        path: ["status", "asOf"],
        messageId: "stale",
        data: { date: status.asOf, age: formatDays(age), asOf, validity: formatDays(validity) },
      });
    }
  },
});
