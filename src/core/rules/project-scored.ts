import type { Portfolio } from "../../model/entities.js";
import { defineRule } from "./rule.js";

const WSJF_INPUTS = ["businessValue", "timeCriticality", "riskReduction", "jobSize"] as const;

/** A portfolio's prioritisation counts when it ranks by WSJF or lists criteria. */
function declaresPrioritisation(p: Portfolio): boolean {
  return p.prioritisation?.method === "wsjf" || (p.prioritisation?.criteria?.length ?? 0) > 0;
}

/**
 * Prioritisation needs inputs before the decision it informs: a proposal or a project in
 * initiation is scored on every criterion before it goes to the portfolio board. The criteria
 * are those of the nearest portfolio that defines any (a programme's own criteria replace its
 * parent's). Later stages have already been prioritised. An `alignment` criterion is computed
 * from the project's contributions, so it needs no score; a WSJF portfolio needs the four WSJF
 * estimates instead of scores.
 */
export const rule = defineRule({
  meta: {
    id: "project-scored",
    description: "A project in proposal or initiation has a score for every prioritisation criterion of its portfolio",
    group: "portfolio",
    severity: "info",
    presets: ["strategic"],
    messages: {
      missingScores:
        "project in {{stage}} has no score for {{count}} of the {{total}} prioritisation criteria of portfolio {{portfolio}}: {{missing}}",
      missingWsjf: "project in {{stage}} has no {{missing}} for the WSJF ranking of portfolio {{portfolio}}",
    },
  },
  check({ catalog, facts, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (project.stage !== "proposal" && project.stage !== "initiation") continue;
      const owner = facts.portfolioChain(project.portfolio).find((e) => declaresPrioritisation(e.value))?.value;
      if (!owner) continue;
      if (owner.prioritisation!.method === "wsjf") {
        const missing = WSJF_INPUTS.filter((k) => typeof project.wsjf?.[k] !== "number").map((k) => `wsjf.${k}`);
        if (missing.length === 0) continue;
        report({
          doc,
          path: ["wsjf"],
          key: true,
          messageId: "missingWsjf",
          data: { stage: project.stage, missing: missing.join(", "), portfolio: owner.id },
        });
        continue;
      }
      const criteria = owner.prioritisation!.criteria ?? [];
      const scored = criteria.filter((c) => c.source !== "alignment");
      const scores = project.scores ?? {};
      const missing = scored.filter((c) => typeof scores[c.id] !== "number").map((c) => c.id);
      if (missing.length === 0) continue;
      report({
        doc,
        path: ["scores"],
        key: true,
        messageId: "missingScores",
        data: {
          stage: project.stage,
          count: missing.length,
          total: scored.length,
          portfolio: owner.id,
          missing: missing.join(", "),
        },
      });
    }
  },
});
