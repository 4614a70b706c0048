import { defineRule } from "./rule.js";

/**
 * A baseline is the plan performance is judged against; moving it is a governance act. A
 * baseline tag must therefore name a decision that exists and is approved (and, when that
 * decision names the baseline it creates, this one). The tags come from git, read by
 * `pmo check`; a finding about a missing decision is reported on the engagement document,
 * the record of the governance the repository follows.
 */
export const rule = defineRule({
  meta: {
    id: "baseline-without-decision",
    description: "Every baseline tag (pmo-baseline/NAME) names a decision that exists and is approved",
    group: "governance",
    severity: "error",
    presets: ["recommended", "tactical"],
    messages: {
      noDecision: "baseline {{name}} (tag pmo-baseline/{{name}}) records no decision: {{why}}",
      unknownDecision:
        "baseline {{name}} (tag pmo-baseline/{{name}}) names decision {{decision}}, which does not exist",
      notApproved:
        "decision {{decision}} approves baseline {{name}} (tag pmo-baseline/{{name}}) but is {{status}}, not approved",
      otherBaseline:
        "decision {{decision}} approves the baseline {{named}}, but the tag pmo-baseline/{{name}} names it",
    },
  },
  check({ catalog, baselines, report }) {
    const engagement = catalog.engagement;
    for (const baseline of baselines) {
      const { name } = baseline;
      if (!baseline.annotated || baseline.decision === undefined) {
        if (engagement)
          report({
            doc: engagement.doc,
            path: [],
            messageId: "noDecision",
            data: { name, why: baseline.annotated ? "its message has no Decision: line" : "it is a lightweight tag" },
          });
        continue;
      }
      const entry = catalog.decision(baseline.decision);
      if (!entry) {
        if (engagement)
          report({
            doc: engagement.doc,
            path: [],
            messageId: "unknownDecision",
            data: { name, decision: baseline.decision },
          });
        continue;
      }
      const decision = entry.value;
      if (decision.status !== "approved")
        report({
          doc: entry.doc,
          path: ["status"],
          messageId: "notApproved",
          data: { name, decision: decision.id, status: decision.status },
        });
      const named = decision.approves?.baselineName;
      if (named !== undefined && named !== name)
        report({
          doc: entry.doc,
          path: ["approves", "baselineName"],
          messageId: "otherBaseline",
          data: { name, decision: decision.id, named },
        });
    }
  },
});
