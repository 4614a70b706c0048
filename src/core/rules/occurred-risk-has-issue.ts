import { defineRule } from "./rule.js";

/**
 * A threat that has occurred is no longer uncertain: its consequences are an issue, with an
 * owner, a priority and a due date, and the issue names the risk (`risk:`) so that the RAID
 * log keeps the trail from forecast to event. Opportunities are skipped: a realised upside is
 * not a problem to resolve.
 */
export const rule = defineRule({
  meta: {
    id: "occurred-risk-has-issue",
    description: "A threat that has occurred is followed up by an issue that names it",
    group: "risk",
    severity: "warn",
    presets: ["recommended", "project"],
    messages: {
      noIssue: "risk occurred, but no issue names it; raise an issue with `risk: {{risk}}` to manage the consequences",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: risk } of catalog.risks) {
      if (risk.status !== "occurred" || (risk.type ?? "threat") !== "threat") continue;
      if (catalog.issuesForRisk(risk.id).length > 0) continue;
      report({ doc, path: ["status"], messageId: "noIssue", data: { risk: risk.id } });
    }
  },
});
