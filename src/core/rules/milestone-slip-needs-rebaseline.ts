import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { isAchieved, isTerminalStage, milestoneSlipDays, type Rebaselines, unapprovedSlip } from "../domain/index.js";

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
    description:
      "A milestone forecast to slip beyond the schedule tolerance is covered by an approved re-baseline decision",
    group: "delivery",
    severity: "error",
    presets: ["recommended", "project", "tactical"],
    messages: {
      unapprovedSlip:
        "milestone {{milestone}} forecast {{forecast}} is {{slip}} behind baseline {{baseline}}, beyond the schedule tolerance of {{tolerance}}; no approved rebaseline decision for {{project}} covers it",
      beyondRebaseline:
        "milestone {{milestone}} forecast {{forecast}} is {{slip}} behind its re-baselined date {{baseline}} (approved in {{decision}}), beyond the schedule tolerance of {{tolerance}}; the slip needs a new rebaseline decision",
    },
  },
  check({ catalog, facts, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (isTerminalStage(project.stage) || !project.milestones) continue;
      const tolerance = facts.scheduleTolerance(project);
      let rebaselines: Rebaselines | undefined;
      const hasRebaselineDecisions = catalog
        .decisionsOf(project.id)
        .some((d) => d.value.approves?.type === "rebaseline");
      project.milestones.forEach((m, index) => {
        if (isAchieved(m) || m.forecast === undefined) return;
        // Without re-baseline decisions only the original baseline counts, and most milestones
        // are within tolerance of it: the decisions are read only when they can matter.
        const original = milestoneSlipDays(m);
        if (!hasRebaselineDecisions && (original === undefined || original <= tolerance.days)) return;
        rebaselines ??= facts.rebaselines(project.id);
        const slip = unapprovedSlip(m.id, m.forecast, m.baseline, tolerance.days, rebaselines);
        if (!slip) return;
        report({
          doc,
          path: ["milestones", index, "forecast"],
          messageId: slip.decision ? "beyondRebaseline" : "unapprovedSlip",
          data: {
            milestone: m.id,
            forecast: m.forecast,
            baseline: slip.against,
            slip: formatDays(slip.days),
            tolerance: tolerance.text,
            project: project.id,
            decision: slip.decision ?? "",
          },
        });
      });
    }
  },
});
