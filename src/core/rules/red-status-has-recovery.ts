import { defineRule } from "./rule.js";
import { isTerminalStage } from "../domain/index.js";

/**
 * Reporting red is a request for help, not a resting state: it comes with a plan to recover
 * and a named person it has been escalated to. Red is the worst value of the engagement's
 * scale (red on rag and dca5, the last value of a custom scale).
 */
export const rule = defineRule({
  meta: {
    id: "red-status-has-recovery",
    description: "A project reporting the worst overall status has a recovery plan and an escalation",
    group: "project-support",
    severity: "error",
    presets: ["recommended", "tactical", "project"],
    messages: {
      noRecoveryPlan:
        "overall status is {{status}} but the status report has no recovery plan: say how and by when the project returns within tolerance",
      noEscalation:
        "overall status is {{status}} but the status report records no escalation: name who it was escalated to, and when",
    },
  },
  check({ catalog, settings, report }) {
    // On a one-value scale the only value is both best and worst: nothing is red.
    if (settings.statusScale.values.length < 2) return;
    for (const { doc, value: project } of catalog.projects) {
      const status = project.status;
      if (!status || isTerminalStage(project.stage) || !settings.isRed(status.overall)) continue;
      if (status.recoveryPlan === undefined || status.recoveryPlan.trim() === "") {
        report({
          doc,
          path: ["status", "recoveryPlan"],
          key: true,
          messageId: "noRecoveryPlan",
          data: { status: status.overall },
        });
      }
      if (status.escalation === undefined) {
        report({
          doc,
          path: ["status", "escalation"],
          key: true,
          messageId: "noEscalation",
          data: { status: status.overall },
        });
      }
    }
  },
});
