import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { isTerminalStage } from "./support/lifecycle.js";
import { approvedRebaselines, milestoneSlipDays, scheduleTolerance, type Rebaselines } from "./support/milestones.js";

/**
 * Tolerances are delegated authority: within them the project manager re-plans alone; beyond
 * them the change needs the sponsor's or the forum's approval, recorded as an approved
 * re-baseline decision. Only milestones still ahead are judged: once a milestone is achieved
 * there is no plan left to approve, and its variance stays visible in reports because the
 * baseline is kept. Closed and cancelled projects are skipped for the same reason.
 */
export const rule = defineRule({
  meta: {
    id: "milestone-slip-needs-rebaseline",
    description: "A milestone forecast to slip beyond the schedule tolerance is covered by an approved re-baseline decision",
    group: "delivery",
    severity: "error",
    presets: ["recommended", "project", "tactical"],
    messages: {
      unapprovedSlip:
        "milestone {{milestone}} forecast {{forecast}} is {{slip}} behind baseline {{baseline}}, beyond the schedule tolerance of {{tolerance}}; no approved rebaseline decision for {{project}} covers it",
    },
  },
  check({ catalog, settings, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (isTerminalStage(project.stage) || !project.milestones) continue;
      const tolerance = scheduleTolerance(project, settings);
      let rebaselines: Rebaselines | undefined;
      project.milestones.forEach((m, index) => {
        const slip = milestoneSlipDays(m);
        if (slip === undefined || slip <= tolerance.days) return;
        rebaselines ??= approvedRebaselines(catalog, project.id);
        if (rebaselines.milestone(m.id)) return;
        report({
          doc,
          path: ["milestones", index, "forecast"],
          messageId: "unapprovedSlip",
          data: {
            milestone: m.id,
            forecast: m.forecast ?? "",
            baseline: m.baseline ?? "",
            slip: formatDays(slip),
            tolerance: tolerance.text,
            project: project.id,
          },
        });
      });
    }
  },
});
