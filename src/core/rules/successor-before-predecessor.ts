import { describeDriver } from "../analytics/schedule/index.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { isTerminalStage } from "./support/lifecycle.js";
import { scheduleOf } from "./support/schedule.js";

/**
 * A milestone plan is only as good as its logic: a milestone forecast before the milestones it
 * depends on can be reached is a date nobody can meet, and it hides the slip it inherits from
 * upstream (often from another project). The schedule network finds these: a dated milestone
 * whose predecessors, through their links and lags, push it past its own forecast.
 */
export const rule = defineRule({
  meta: {
    id: "successor-before-predecessor",
    description: "A milestone's forecast is not earlier than its predecessors allow (through their links and lags)",
    group: "delivery",
    severity: "warn",
    presets: ["recommended", "tactical", "project"],
    messages: {
      tooEarly:
        "milestone {{milestone}} is forecast {{date}}, {{days}} earlier than its predecessors allow ({{earliest}}, after {{after}}); move the forecast or revisit the dependency",
    },
  },
  check({ catalog, asOf, report }) {
    const schedule = scheduleOf(catalog, asOf);
    if (!schedule) return;
    for (const item of schedule.items) {
      if (item.inconsistentByDays === undefined) continue;
      const project = catalog.project(item.project);
      if (!project || isTerminalStage(project.value.stage)) continue;
      const field = item.forecast !== undefined ? "forecast" : "baseline";
      report({
        doc: item.doc,
        path: ["milestones", item.index, field],
        messageId: "tooEarly",
        data: {
          milestone: item.key,
          date: (item.forecast ?? item.baseline)!,
          days: formatDays(Math.ceil(item.inconsistentByDays)),
          earliest: item.earlyFinish,
          after: item.drivers.map(describeDriver).join(", "),
        },
      });
    }
  },
});
