import { defineRule } from "./rule.js";
import { isAchieved, isTerminalStage, unapprovedSlip } from "../domain/index.js";

/**
 * A schedule reported green must be green by the dates: no milestone still to come, and not
 * the project's finish, forecast beyond the schedule tolerance of its baseline, unless an
 * approved re-baseline decision covers that slip (baselines keep their original dates, so the
 * approval is what makes the new forecast the plan). Judged on the schedule dimension when it
 * is reported, otherwise on the overall status. One finding per project, at the status,
 * naming the largest slip.
 */
/** Slip of one milestone or of the finish, with what its message needs. */
interface Slip {
  days: number;
  messageId: "milestoneSlip" | "finishSlip";
  data: Record<string, string | number>;
}

export const rule = defineRule({
  meta: {
    id: "schedule-rag-consistent",
    description:
      "A project whose milestones or finish slip beyond the schedule tolerance is not reported green on schedule",
    group: "project-support",
    severity: "warn",
    presets: ["recommended", "tactical", "project"],
    messages: {
      milestoneSlip:
        "schedule reported {{status}}, but milestone {{milestone}} '{{name}}' is forecast {{days}} days after its baseline {{baseline}}; tolerance {{tolerance}}{{more}}",
      finishSlip:
        "schedule reported {{status}}, but the project is forecast to finish {{days}} days after its baseline finish {{baseline}}; tolerance {{tolerance}}{{more}}",
    },
  },
  check({ catalog, settings, facts, report }) {
    if (settings.statusScale.values.length < 2) return;
    for (const { doc, value: project } of catalog.projects) {
      const status = project.status;
      if (!status || isTerminalStage(project.stage)) continue;
      const dimension = status.schedule !== undefined ? "schedule" : "overall";
      const reported = status[dimension];
      if (!settings.isGreen(reported)) continue;

      const tolerance = facts.scheduleTolerance(project);
      const approved = facts.rebaselines(project.id);
      const slips: Slip[] = [];
      for (const m of project.milestones ?? []) {
        if (isAchieved(m)) continue;
        const slip = unapprovedSlip(m.id, m.forecast, m.baseline, tolerance.days, approved);
        if (slip)
          slips.push({
            days: slip.days,
            messageId: "milestoneSlip",
            data: { milestone: m.id, name: m.name, baseline: slip.against },
          });
      }
      const s = project.schedule;
      const finish =
        s?.actualFinish === undefined
          ? unapprovedSlip("finish", s?.forecastFinish, s?.baselineFinish, tolerance.days, approved)
          : undefined;
      if (finish) slips.push({ days: finish.days, messageId: "finishSlip", data: { baseline: finish.against } });
      if (slips.length === 0) continue;
      // The largest slip speaks for the project; ties go to the first in the document.
      const worst = slips.reduce((a, b) => (b.days > a.days ? b : a));
      const others = slips
        .filter((s) => s !== worst)
        .map((s) => (s.messageId === "finishSlip" ? "the finish" : String(s.data["milestone"])));
      report({
        doc,
        path: ["status", dimension],
        messageId: worst.messageId,
        data: {
          ...worst.data,
          status: reported ?? "",
          days: worst.days,
          tolerance: tolerance.text,
          more: others.length === 0 ? "" : `; also beyond tolerance: ${others.join(", ")}`,
        },
      });
    }
  },
});
