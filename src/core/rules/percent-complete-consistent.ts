import { formatPercent } from "../money.js";
import { defineRule } from "./rule.js";
import { isAchieved, isTerminalStage } from "../domain/index.js";

export interface PercentCompleteOptions extends Record<string, unknown> {
  /** How many percentage points percentComplete may lie below the share of achieved milestones. */
  tolerance: number;
}

/**
 * Percent complete is a judgement of work done; milestones are the facts it should agree
 * with. Milestones are not evenly spaced in effort, so percent complete may run ahead of the
 * share of milestones achieved (work between milestones counts) and a little behind it; far
 * behind, or 100% with milestones still open, or 0% with milestones achieved, means one of
 * the two has not been updated.
 */
export const rule = defineRule<PercentCompleteOptions>({
  meta: {
    id: "percent-complete-consistent",
    description: "A project's percent complete agrees with its achieved milestones",
    group: "delivery",
    severity: "info",
    presets: ["project"],
    optionsSchema: {
      type: "object",
      properties: {
        tolerance: {
          type: "number",
          minimum: 0,
          maximum: 100,
          description:
            "How many percentage points percentComplete may lie below the share of milestones achieved before it is reported (25: 3 of 4 milestones achieved, 75%, allows 50% complete or more).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { tolerance: 25 },
    messages: {
      completeWithOpen: "percentComplete is 100, but {{open}} of {{total}} milestones have no actual date ({{ids}})",
      zeroWithAchieved: "percentComplete is 0, but {{achieved}} of {{total}} milestones are achieved ({{ids}})",
      behindMilestones:
        "percentComplete is {{percent}}, but {{achieved}} of {{total}} milestones are achieved ({{share}}); it may lag the milestones by at most {{tolerance}} points",
    },
  },
  check({ catalog, options, report }) {
    for (const { doc, value: project } of catalog.projects) {
      const percent = project.percentComplete;
      const milestones = project.milestones ?? [];
      if (percent === undefined || milestones.length === 0 || isTerminalStage(project.stage)) continue;
      const achieved = milestones.filter(isAchieved);
      const total = milestones.length;
      const share = (achieved.length / total) * 100;
      if (percent >= 100 && achieved.length < total) {
        const open = milestones.filter((m) => !isAchieved(m));
        report({
          doc,
          path: ["percentComplete"],
          messageId: "completeWithOpen",
          data: { open: open.length, total, ids: open.map((m) => m.id).join(", ") },
        });
      } else if (percent <= 0 && achieved.length > 0) {
        report({
          doc,
          path: ["percentComplete"],
          messageId: "zeroWithAchieved",
          data: { achieved: achieved.length, total, ids: achieved.map((m) => m.id).join(", ") },
        });
      } else if (share - percent > options.tolerance) {
        report({
          doc,
          path: ["percentComplete"],
          messageId: "behindMilestones",
          data: {
            percent: formatPercent(percent),
            achieved: achieved.length,
            total,
            share: formatPercent(share),
            tolerance: options.tolerance,
          },
        });
      }
    }
  },
});
