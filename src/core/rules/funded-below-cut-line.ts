import { rankAll } from "../analytics/prioritisation/index.js";
import { formatMoney } from "../money.js";
import { defineRule } from "./rule.js";

/**
 * The portfolio's own ranking says the envelope runs out before this project, yet it is
 * approved and spending: either the ranking is stale, the envelope is, or the project should
 * be stopped. Ranked as `pmo rank` ranks (the portfolio's method and funding order); with
 * committed work funded first, this only happens when committed work alone overruns the
 * envelope, so the finding is most useful with `fundingOrder: rank`.
 */
export const rule = defineRule({
  meta: {
    id: "funded-below-cut-line",
    description: "An approved project (initiation to closure) ranks above its portfolio's funding cut line",
    group: "portfolio",
    severity: "warn",
    presets: ["strategic"],
    messages: {
      belowLine:
        "project in {{stage}} ranks {{rank}} of {{count}} in portfolio {{portfolio}} and falls below the funding cut line: the projects before it in funding order ({{order}}) already use {{used}} of the {{available}} available; re-prioritise, stop it, or raise the envelope",
    },
  },
  check({ catalog, settings, report }) {
    for (const ranking of rankAll(catalog, settings)) {
      if (ranking.available === undefined) continue;
      for (const row of ranking.rows) {
        if (row.funding !== "below-line" || !row.candidate.committed) continue;
        const entry = catalog.project(row.candidate.id);
        if (!entry) continue;
        const before = (row.cumulative ?? 0) - (row.candidate.cost ?? 0);
        report({
          doc: entry.doc,
          path: ["stage"],
          messageId: "belowLine",
          data: {
            stage: row.candidate.stage,
            rank: row.rank,
            count: ranking.rows.length,
            portfolio: ranking.portfolio.id,
            order: ranking.method.fundingOrder === "rank" ? "by rank" : "committed work first",
            used: formatMoney(before, ranking.currency),
            available: formatMoney(ranking.available, ranking.currency),
          },
        });
      }
    }
  },
});
