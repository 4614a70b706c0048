import { defineRule } from "./rule.js";
import { isTerminalStage } from "../domain/index.js";

/**
 * Strategic alignment: every project the portfolio still spends on, or is asked to fund,
 * says which objective it serves. Proposals are included on purpose: intake is where a
 * project without a strategic case should be stopped. Objectives of ancestor portfolios
 * count, because a programme's projects serve the parent portfolio's strategy too.
 */
export const rule = defineRule({
  meta: {
    id: "project-contributes-to-objective",
    description:
      "Every active project contributes to at least one objective of its portfolio or of an ancestor portfolio",
    group: "portfolio",
    severity: "warn",
    presets: ["recommended", "strategic"],
    messages: {
      noContribution:
        "project in {{stage}} contributes to no objective of portfolio {{portfolio}}; add a contribution to one of: {{objectives}}",
    },
  },
  check({ catalog, facts, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (isTerminalStage(project.stage)) continue;
      const chain = facts.portfolioChain(project.portfolio);
      const objectives = new Set<string>();
      for (const { value: p } of chain) for (const o of p.objectives ?? []) objectives.add(o.id);
      // Nothing to contribute to: a gap in the portfolio, not in the project.
      if (objectives.size === 0) continue;
      const contributions = project.contributions ?? [];
      if (contributions.some((c) => objectives.has(c.objective))) continue;
      report({
        doc,
        path: ["contributions"],
        key: project.contributions === undefined,
        messageId: "noContribution",
        data: { stage: project.stage, portfolio: chain[0]!.value.id, objectives: [...objectives].join(", ") },
      });
    }
  },
});
