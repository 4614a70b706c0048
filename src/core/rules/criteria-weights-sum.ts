import { defineRule } from "./rule.js";
import { formatWeight, sumsToHundred, weightSum } from "./support/weights.js";

/**
 * A weighted score is a sum of criterion score times weight; with weights that do not sum to
 * 100 the scale of the scores shifts and rankings across portfolios stop meaning the same thing.
 */
export const rule = defineRule({
  meta: {
    id: "criteria-weights-sum",
    description: "The weights of a portfolio's prioritisation criteria sum to 100",
    group: "portfolio",
    severity: "warn",
    presets: ["strategic"],
    messages: {
      notHundred: "prioritisation criteria weights of portfolio {{portfolio}} sum to {{sum}}, not 100 ({{weights}})",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: portfolio } of catalog.portfolios) {
      const criteria = portfolio.prioritisation?.criteria ?? [];
      if (criteria.length === 0) continue;
      const sum = weightSum(criteria);
      if (sumsToHundred(sum)) continue;
      report({
        doc,
        path: ["prioritisation", "criteria"],
        key: true,
        messageId: "notHundred",
        data: {
          portfolio: portfolio.id,
          sum: formatWeight(sum),
          weights: criteria.map((c) => `${c.id} ${c.weight}`).join(", "),
        },
      });
    }
  },
});
