import { describeDriver } from "../analytics/schedule/index.js";
import { daysBetween } from "../dates.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { isTerminalStage } from "./support/lifecycle.js";
import { approvedRebaselines, scheduleTolerance } from "./support/milestones.js";
import { scheduleOf } from "./support/schedule.js";

/**
 * A slip on the critical path moves the project's finish, and through cross-project links
 * other projects' dates: beyond tolerance, somebody with the authority must decide what to do
 * about it. milestone-slip-needs-rebaseline judges the forecast people wrote; this rule judges
 * the date the schedule network gives a critical item, which also carries the slip its
 * predecessors push into it (often from another project) and dates activities that have no
 * forecast at all. It reports only where that date is later than the forecast, so one slip is
 * not reported twice.
 */
export const rule = defineRule({
  meta: {
    id: "critical-slip-needs-decision",
    description:
      "A critical milestone that its predecessors push beyond the schedule tolerance is covered by an approved decision",
    group: "delivery",
    severity: "warn",
    presets: ["recommended", "tactical", "project", "strategic"],
    messages: {
      pushed:
        "critical milestone {{milestone}} is now due {{date}} after {{after}}, {{slip}} behind {{against}} {{baseline}} and beyond the schedule tolerance of {{tolerance}}{{forecastNote}}; no approved decision for {{project}} covers it",
    },
  },
  check({ catalog, settings, asOf, report }) {
    const schedule = scheduleOf(catalog, asOf);
    if (!schedule) return;
    for (const item of schedule.items) {
      if (!item.critical || item.complete || item.drivers.length === 0) continue;
      if (item.forecast !== undefined && item.earlyFinish <= item.forecast) continue;
      const entry = catalog.project(item.project);
      if (!entry || isTerminalStage(entry.value.stage)) continue;
      const rebaselines = approvedRebaselines(catalog, item.project);
      const rebaselined = rebaselines.baseline(item.id);
      const against = rebaselined?.date ?? item.baseline;
      if (against === undefined) continue;
      const slip = daysBetween(against, item.earlyFinish);
      const tolerance = scheduleTolerance(entry.value, settings);
      if (slip <= tolerance.days) continue;
      if (!rebaselined && rebaselines.milestone(item.id)) continue;
      if (decidedElsewhere(catalog, item.project, item.id)) continue;
      report({
        doc: item.doc,
        path: ["milestones", item.index, item.forecast !== undefined ? "forecast" : "baseline"],
        messageId: "pushed",
        data: {
          milestone: item.key,
          date: item.earlyFinish,
          after: item.drivers.map(describeDriver).join(", "),
          slip: formatDays(slip),
          against: rebaselined ? "its re-baselined date" : "baseline",
          baseline: against,
          tolerance: tolerance.text,
          forecastNote: item.forecast !== undefined ? ` (its forecast ${item.forecast} does not show it)` : "",
          project: item.project,
        },
      });
    }
  },
});

/** An approved decision of any type that names the milestone (a recovery plan, a scope change). */
function decidedElsewhere(catalog: Parameters<typeof approvedRebaselines>[0], projectId: string, id: string): boolean {
  const names = new Set([id, `${projectId}/${id}`]);
  return catalog
    .decisionsOf(projectId)
    .some(({ value: d }) => d.status === "approved" && (d.approves?.milestones ?? []).some((m) => names.has(m)));
}
