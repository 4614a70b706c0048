import { defineRule } from "./rule.js";

/**
 * A finished project cannot manage a risk. Whatever is still open when it closes is either
 * gone (close it) or now someone else's (transfer it to the portfolio or the engagement), and
 * a register that keeps it open under a closed project overstates the exposure of live work.
 */
export const rule = defineRule({
  meta: {
    id: "closed-project-open-risks",
    description: "A closed or cancelled project has no open risks",
    group: "risk",
    severity: "warn",
    presets: ["recommended", "project"],
    messages: {
      openOnFinished:
        "{{type}} is open, but project {{project}} is {{stage}}; close it, or transfer it to the portfolio or the engagement",
    },
  },
  check({ catalog, report }) {
    for (const { value: project } of catalog.projects) {
      if (project.stage !== "closed" && project.stage !== "cancelled") continue;
      for (const { doc, value: risk } of catalog.risksOf(project.id)) {
        if (risk.project !== project.id || risk.status !== "open") continue;
        report({
          doc,
          path: ["status"],
          messageId: "openOnFinished",
          data: { type: risk.type ?? "threat", project: project.id, stage: project.stage },
        });
      }
    }
  },
});
