import { isCommitted } from "../domain/index.js";
import { formatMoney, formatPercent } from "../money.js";
import { defineRule } from "./rule.js";

/**
 * A derived finding: the numbers alone say the project is over budget beyond the tolerance
 * the engagement agreed, whatever status it reports and whether or not it reports one (most
 * imported portfolios, the US IT Dashboard for one, publish costs but no RAG). The forecast at
 * completion is compared with the approved budget, or the baseline where none is approved;
 * a missing amount is no finding (an unknown variance is not a variance). Proposals are not
 * approved work; closed and cancelled projects no longer forecast.
 */
export const rule = defineRule({
  meta: {
    id: "cost-variance-beyond-tolerance",
    description:
      "A project's forecast at completion is within the budget tolerance of its approved (or baseline) budget",
    group: "delivery",
    severity: "warn",
    // Strategic too: a project beyond its tolerance is an exception for the portfolio board to
    // decide on (management by exception), whether or not the project reports a status.
    presets: ["recommended", "tactical", "project", "strategic"],
    messages: {
      overrun:
        "forecast {{forecast}} is {{over}} ({{amount}}) over the {{against}} budget {{reference}}, beyond the budget tolerance of {{tolerance}}{{status}}",
    },
  },
  check({ catalog, settings, facts, report }) {
    const tolerance = settings.budgetTolerancePercent;
    for (const { doc, value: project } of catalog.projects) {
      if (!isCommitted(project)) continue;
      const variance = facts.costVariance(project);
      if (!variance || variance.percent === undefined || variance.percent <= tolerance) continue;
      const reported = project.status?.budget ?? project.status?.overall;
      report({
        doc,
        path: ["budget", "forecast"],
        messageId: "overrun",
        data: {
          forecast: formatMoney(variance.forecast, variance.currency),
          over: formatPercent(variance.percent),
          amount: formatMoney(variance.amount, variance.currency),
          against: variance.against,
          reference: formatMoney(variance.reference, variance.currency),
          tolerance: formatPercent(tolerance),
          status: reported === undefined ? "; no status is reported" : "",
        },
      });
    }
  },
});
