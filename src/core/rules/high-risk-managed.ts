import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { belongsToFinishedProject, isHighOpenThreat, reviewState } from "../domain/index.js";
import { describeScore } from "./support/risks.js";

/**
 * A high or critical open threat is managed: someone owns it, at least one response action
 * is still to do and has a date, and it has been looked at within the review period. Each
 * missing element is its own finding, so the fix list reads like the risk review agenda.
 * This rule owns the review check for high threats; risk-review-overdue skips them.
 */
export const rule = defineRule({
  meta: {
    id: "high-risk-managed",
    description:
      "An open high or critical threat has an owner, a dated mitigation that is not done, and a review within the review period",
    group: "risk",
    severity: "error",
    presets: ["recommended", "project", "tactical", "operational"],
    messages: {
      noOwner: "risk scored {{score}} has no owner",
      noMitigation: "risk scored {{score}} has no mitigation with a due date",
      noOpenMitigation:
        "risk scored {{score}} has no mitigation with a due date that is not done ({{count}} listed, each done or undated)",
      reviewOverdue:
        "risk scored {{score}} was last reviewed {{date}}, {{age}} before {{asOf}}; high risks are reviewed at least every {{reviewDays}}",
      notReviewedSinceRaised:
        "risk scored {{score}} has not been reviewed since it was raised on {{date}}, {{age}} before {{asOf}}; high risks are reviewed at least every {{reviewDays}}",
      neverReviewed: "risk scored {{score}} has no lastReviewed date (nor a raised date to count from)",
    },
  },
  check({ catalog, settings, asOf, report }) {
    const reviewDays = settings.risk.reviewDays;
    for (const { doc, value: risk } of catalog.risks) {
      if (!isHighOpenThreat(risk, settings) || belongsToFinishedProject(risk, catalog)) continue;
      const score = describeScore(risk, settings);
      if (risk.owner === undefined || risk.owner.trim() === "")
        report({ doc, path: ["owner"], messageId: "noOwner", data: { score } });

      const mitigations = risk.mitigations ?? [];
      if (!mitigations.some((m) => m.status !== "done" && m.due !== undefined)) {
        if (mitigations.length === 0)
          report({ doc, path: ["mitigations"], messageId: "noMitigation", data: { score } });
        else
          report({
            doc,
            path: ["mitigations"],
            key: true,
            messageId: "noOpenMitigation",
            data: { score, count: mitigations.length },
          });
      }

      const review = reviewState(risk, asOf, reviewDays);
      if (review.kind === "never") report({ doc, path: ["lastReviewed"], messageId: "neverReviewed", data: { score } });
      else if (review.kind === "overdue")
        report({
          doc,
          path: [review.field],
          messageId: review.field === "lastReviewed" ? "reviewOverdue" : "notReviewedSinceRaised",
          data: { score, date: review.date, age: formatDays(review.age), asOf, reviewDays: formatDays(reviewDays) },
        });
    }
  },
});
