import { formatMoney, formatPercent } from "../money.js";
import { defineRule } from "./rule.js";

/**
 * A budget reported green must be green by the numbers: forecast at completion within the
 * engagement's budget tolerance of the approved budget. Judged on the budget dimension when
 * it is reported, otherwise on the overall status.
 */
export const rule = defineRule({
  meta: {
    id: "budget-rag-consistent",
    description: "A project whose forecast exceeds its approved budget beyond tolerance is not reported green",
    group: "project-support",
    severity: "warn",
    presets: ["recommended", "tactical", "project"],
    // Its finding says what cost-variance-beyond-tolerance would (the same forecast against
    // the same approved budget) and that the status contradicts it: one finding, not two.
    supersedes: ["cost-variance-beyond-tolerance"],
    messages: {
      overBudget:
        "budget reported {{status}}, but forecast {{forecast}} is {{over}} over approved {{approved}}; tolerance {{tolerance}}",
    },
  },
  check({ catalog, settings, report }) {
    for (const { doc, value: project } of catalog.projects) {
      const status = project.status;
      const budget = project.budget;
      if (!status || !budget || budget.approved === undefined || budget.forecast === undefined || budget.approved <= 0)
        continue;
      if (project.stage === "closed" || project.stage === "cancelled") continue;
      const dimension = status.budget !== undefined ? "budget" : "overall";
      const reported = status[dimension];
      if (!settings.isGreen(reported)) continue;
      const overPercent = ((budget.forecast - budget.approved) / budget.approved) * 100;
      if (overPercent <= settings.budgetTolerancePercent) continue;
      const currency = budget.currency ?? settings.currency;
      report({
        doc,
        path: ["status", dimension],
        messageId: "overBudget",
        data: {
          status: reported ?? "",
          forecast: formatMoney(budget.forecast, currency),
          approved: formatMoney(budget.approved, currency),
          over: formatPercent(overPercent),
          tolerance: formatPercent(settings.budgetTolerancePercent),
        },
      });
    }
  },
});
