import { approvedSpend, isCommitted, portfolioChain } from "../domain/index.js";
import { formatMoney, formatPercent } from "../money.js";
import { defineRule } from "./rule.js";

/**
 * project-contributes-to-objective names each project without a strategic case; this rule
 * weighs them: the share of a portfolio's committed money going to projects that contribute
 * to no objective of the portfolio or its ancestors. Spend is measured as the dashboard's
 * alignment table measures it (approvedSpend: the approved budget, else the forecast), within
 * the portfolio's currency; projects with neither amount, or in another currency, are left
 * out of both sides and said.
 */
export const rule = defineRule<{ maxSharePercent: number }>({
  meta: {
    id: "unaligned-spend",
    description:
      "At most a configured share of a portfolio's committed spend goes to projects that contribute to none of its objectives",
    group: "portfolio",
    severity: "warn",
    presets: ["strategic"],
    optionsSchema: {
      type: "object",
      properties: {
        maxSharePercent: {
          type: "number",
          minimum: 0,
          maximum: 100,
          description: "The largest share (percent) of committed spend that may go to unaligned projects.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxSharePercent: 10 },
    messages: {
      overShare:
        "{{share}} of the committed spend of portfolio {{portfolio}} ({{unaligned}} of {{total}}) goes to projects that contribute to none of its objectives: {{projects}}; the limit is {{max}}{{notCounted}}",
    },
  },
  check({ catalog, settings, options, report }) {
    const max = options.maxSharePercent;
    for (const { doc, value: portfolio } of catalog.portfolios) {
      const objectives = new Set<string>();
      for (const { value: p } of portfolioChain(catalog, portfolio.id))
        for (const o of p.objectives ?? []) objectives.add(o.id);
      // Without objectives there is nothing to align with: a gap in the portfolio, not in its spend.
      if (objectives.size === 0) continue;
      const currency = portfolio.budget?.currency ?? settings.currency;
      let total = 0;
      let unaligned = 0;
      const unalignedIds: string[] = [];
      let notCounted = 0;
      for (const { value: project } of catalog.projectsOf(portfolio.id)) {
        if (!isCommitted(project)) continue;
        const spend = approvedSpend(project, settings);
        if (!spend || spend.currency !== currency) {
          notCounted += 1;
          continue;
        }
        total += spend.amount;
        if (!(project.contributions ?? []).some((c) => objectives.has(c.objective))) {
          unaligned += spend.amount;
          unalignedIds.push(project.id);
        }
      }
      if (total <= 0 || unaligned === 0) continue;
      const share = (unaligned / total) * 100;
      if (share <= max) continue;
      report({
        doc,
        path: ["objectives"],
        key: true,
        messageId: "overShare",
        data: {
          share: formatPercent(share),
          portfolio: portfolio.id,
          unaligned: formatMoney(unaligned, currency),
          total: formatMoney(total, currency),
          projects: unalignedIds.sort().join(", "),
          max: formatPercent(max),
          notCounted:
            notCounted === 0
              ? ""
              : `; not counted: ${notCounted} committed project${notCounted === 1 ? "" : "s"} with no approved budget or forecast in ${currency}`,
        },
      });
    }
  },
});
