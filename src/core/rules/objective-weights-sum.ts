import { defineRule } from "./rule.js";
import { formatWeight, sumsToHundred, weightSum } from "./support/weights.js";

/**
 * Objective weights are shares of the portfolio's strategic intent; alignment scores built on
 * them are only comparable between portfolios when each set sums to 100.
 */
export const rule = defineRule({
  meta: {
    id: "objective-weights-sum",
    description: "The weights of a portfolio's strategic objectives sum to 100",
    group: "portfolio",
    severity: "error",
    presets: ["recommended", "strategic"],
    messages: {
      notHundred: "objective weights of portfolio {{portfolio}} sum to {{sum}}, not 100 ({{weights}})",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: portfolio } of catalog.portfolios) {
      const objectives = portfolio.objectives ?? [];
      if (objectives.length === 0) continue;
      const sum = weightSum(objectives);
      if (sumsToHundred(sum)) continue;
      report({
        doc,
        path: ["objectives"],
        key: true,
        messageId: "notHundred",
        data: {
          portfolio: portfolio.id,
          sum: formatWeight(sum),
          weights: objectives.map((o) => `${o.id} ${o.weight}`).join(", "),
        },
      });
    }
  },
});
