import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";
import { belongsToFinishedProject, isHighOpenThreat, reviewState } from "../domain/index.js";

/**
 * Every open risk is looked at within the review period. High and critical open threats are
 * left to high-risk-managed, which reports their review at error; reporting them here too
 * would list one overdue review twice.
 */
export const rule = defineRule({
  meta: {
    id: "risk-review-overdue",
    description: "An open risk has been reviewed within the review period",
    group: "risk",
    severity: "warn",
    presets: ["recommended", "project", "operational"],
    messages: {
      overdue:
        "{{type}} last reviewed {{date}}, {{age}} before {{asOf}}; open risks are reviewed at least every {{reviewDays}}",
      notReviewedSinceRaised:
        "{{type}} not reviewed since it was raised on {{date}}, {{age}} before {{asOf}}; open risks are reviewed at least every {{reviewDays}}",
      never: "{{type}} has no lastReviewed date (nor a raised date to count from)",
    },
  },
  check({ catalog, settings, asOf, report }) {
    const reviewDays = settings.risk.reviewDays;
    for (const { doc, value: risk } of catalog.risks) {
      if (risk.status !== "open" || isHighOpenThreat(risk, settings) || belongsToFinishedProject(risk, catalog))
        continue;
      const type = risk.type ?? "threat";
      const review = reviewState(risk, asOf, reviewDays);
      if (review.kind === "never") report({ doc, path: ["lastReviewed"], messageId: "never", data: { type } });
      else if (review.kind === "overdue")
        report({
          doc,
          path: [review.field],
          messageId: review.field === "lastReviewed" ? "overdue" : "notReviewedSinceRaised",
          data: { type, date: review.date, age: formatDays(review.age), asOf, reviewDays: formatDays(reviewDays) },
        });
    }
  },
});
