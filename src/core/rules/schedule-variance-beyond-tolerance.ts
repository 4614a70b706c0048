import { isCommitted } from "../domain/index.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { daysBetween } from "../dates.js";

/**
 * A derived finding: the dates alone say the project will finish late beyond the schedule
 * tolerance, whatever status it reports and whether or not it reports one. The forecast
 * finish is compared with the baseline in force: the finish date an approved re-baseline
 * decision records (`approves.baselines.finish`, the latest such decision), else the baseline
 * finish. Milestones are judged by milestone-slip-needs-rebaseline; a project that has
 * finished (`actualFinish`) has no forecast left to judge; proposals have no approved plan.
 */
export const rule = defineRule({
  meta: {
    id: "schedule-variance-beyond-tolerance",
    description: "A project's forecast finish is within the schedule tolerance of its baseline finish",
    group: "delivery",
    severity: "warn",
    // Strategic too: a project beyond its tolerance is an exception for the portfolio board to
    // decide on (management by exception), whether or not the project reports a status.
    presets: ["recommended", "tactical", "project", "strategic"],
    messages: {
      late: "forecast finish {{forecast}} is {{slip}} after the {{against}} {{baseline}}, beyond the schedule tolerance of {{tolerance}}{{status}}",
    },
  },
  check({ catalog, facts, report }) {
    for (const { doc, value: project } of catalog.projects) {
      const s = project.schedule;
      if (!isCommitted(project) || s?.forecastFinish === undefined || s.actualFinish !== undefined) continue;
      const hasDecisions = catalog.decisionsOf(project.id).some((d) => d.value.approves?.type === "rebaseline");
      const rebaselined = hasDecisions ? facts.rebaselines(project.id).baseline("finish") : undefined;
      const baseline = rebaselined?.date ?? s.baselineFinish;
      if (baseline === undefined) continue;
      const days = daysBetween(baseline, s.forecastFinish);
      const tolerance = facts.scheduleTolerance(project);
      if (days <= tolerance.days) continue;
      report({
        doc,
        path: ["schedule", "forecastFinish"],
        messageId: "late",
        data: {
          forecast: s.forecastFinish,
          slip: formatDays(days),
          against: rebaselined ? `finish re-baselined in ${rebaselined.decision}` : "baseline finish",
          baseline,
          tolerance: tolerance.text,
          status: project.status === undefined ? "; no status is reported" : "",
        },
      });
    }
  },
});
