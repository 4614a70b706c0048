import type { PrioritisationCriterion } from "../../model/entities.js";
import { defineRule } from "./rule.js";

/**
 * Prioritisation needs inputs before the decision it informs: a proposal or a project in
 * initiation is scored on every criterion before it goes to the portfolio board. The criteria
 * are those of the nearest portfolio that defines any (a programme's own criteria replace its
 * parent's). Later stages have already been prioritised.
 */
export const rule = defineRule({
  meta: {
    id: "project-scored",
    description: "A project in proposal or initiation has a score for every prioritisation criterion of its portfolio",
    group: "portfolio",
    severity: "info",
    presets: ["strategic"],
    messages: {
      missingScores: "project in {{stage}} has no score for {{count}} of the {{total}} prioritisation criteria of portfolio {{portfolio}}: {{missing}}",
    },
  },
  check({ catalog, facts, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (project.stage !== "proposal" && project.stage !== "initiation") continue;
      let criteria: PrioritisationCriterion[] = [];
      let owner = "";
      for (const { value: p } of facts.portfolioChain(project.portfolio)) {
        if (p.prioritisation && p.prioritisation.criteria.length > 0) {
          criteria = p.prioritisation.criteria;
          owner = p.id;
          break;
        }
      }
      if (criteria.length === 0) continue;
      const scores = project.scores ?? {};
      const missing = criteria.filter((c) => typeof scores[c.id] !== "number").map((c) => c.id);
      if (missing.length === 0) continue;
      report({
        doc,
        path: ["scores"],
        key: true,
        messageId: "missingScores",
        data: { stage: project.stage, count: missing.length, total: criteria.length, portfolio: owner, missing: missing.join(", ") },
      });
    }
  },
});
