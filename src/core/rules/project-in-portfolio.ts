import { defineRule } from "./rule.js";
import { isTerminalStage } from "../domain/index.js";

/**
 * A project outside every portfolio escapes prioritisation, envelope control and strategic
 * alignment. Only meaningful where the repository has portfolios: a repository without any is
 * a project-level PMO with no portfolio governance to be outside of.
 */
export const rule = defineRule({
  meta: {
    id: "project-in-portfolio",
    description: "Every active project belongs to a portfolio",
    group: "portfolio",
    severity: "warn",
    presets: ["recommended", "strategic", "operational"],
    messages: {
      noPortfolio:
        "project {{project}} names no portfolio, so it is outside portfolio governance; set portfolio to one of: {{portfolios}}",
    },
  },
  check({ catalog, report }) {
    if (catalog.portfolios.length === 0) return;
    const ids = catalog.portfolios.map((p) => p.value.id).sort();
    const portfolios = ids.length > 5 ? `${ids.slice(0, 5).join(", ")}, ...` : ids.join(", ");
    for (const { doc, value: project } of catalog.projects) {
      if (project.portfolio !== undefined || isTerminalStage(project.stage)) continue;
      report({
        doc,
        path: ["portfolio"],
        key: true,
        messageId: "noPortfolio",
        data: { project: project.id, portfolios },
      });
    }
  },
});
