import { daysBetween } from "../dates.js";
import { defineRule } from "./rule.js";
import { isAchieved, isTerminalStage } from "../domain/index.js";
import { formatDays } from "./support/days.js";

/**
 * A forecast in the past is not a forecast: either the milestone was achieved and the actual
 * date is missing, or it was not and nobody has said when it will be. Either way the plan the
 * portfolio reads is wrong. A milestone with no forecast is judged on its baseline (the plan
 * has not changed). Closed and cancelled projects no longer maintain their plans.
 */
export const rule = defineRule({
  meta: {
    id: "milestone-forecast-stale",
    description: "A milestone whose forecast date has passed has an actual date or a new forecast",
    group: "delivery",
    severity: "warn",
    presets: ["recommended", "project", "tactical"],
    messages: {
      forecastPassed:
        "milestone {{milestone}} forecast {{date}} has passed ({{days}} before {{asOf}}) with no actual date; record the actual date or re-forecast",
      baselinePassed:
        "milestone {{milestone}} has no forecast and its baseline {{date}} has passed ({{days}} before {{asOf}}) with no actual date; record the actual date or forecast it",
    },
  },
  check({ catalog, asOf, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (isTerminalStage(project.stage)) continue;
      (project.milestones ?? []).forEach((m, index) => {
        if (isAchieved(m)) return;
        const field = m.forecast !== undefined ? "forecast" : m.baseline !== undefined ? "baseline" : undefined;
        if (field === undefined) return;
        const date = m[field] as string;
        const days = daysBetween(date, asOf);
        if (days <= 0) return;
        report({
          doc,
          path: ["milestones", index, field],
          messageId: field === "forecast" ? "forecastPassed" : "baselinePassed",
          data: { milestone: m.id, date, days: formatDays(days), asOf },
        });
      });
    }
  },
});
