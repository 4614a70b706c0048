import { daysUntilDue } from "../domain/index.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";

/**
 * A decision's `due` date is when the work waiting on it needs it. Once the date has passed
 * with the decision still proposed, the project is either already paying for the delay or
 * the date was never real; either way the forum that owns the decision should know. The
 * count is the domain's daysUntilDue, which the decision log shows as overdue too.
 */
export const rule = defineRule({
  meta: {
    id: "decision-overdue",
    description: "A proposed decision is taken by its due date",
    group: "governance",
    severity: "warn",
    presets: ["recommended", "operational", "tactical"],
    messages: {
      overdue:
        "decision {{decision}} is still proposed {{late}} after it was due on {{due}}; take it (status, decidedBy, date) or agree a new due date",
    },
  },
  check({ catalog, asOf, report }) {
    for (const { doc, value: decision } of catalog.decisions) {
      const days = daysUntilDue(decision, asOf);
      if (days === undefined || days >= 0) continue;
      report({
        doc,
        path: ["due"],
        messageId: "overdue",
        data: { decision: decision.id, late: formatDays(-days), due: decision.due! },
      });
    }
  },
});
