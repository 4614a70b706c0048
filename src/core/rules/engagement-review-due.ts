import { daysBetween } from "../dates.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";

/**
 * The PMO reviews its own service with the client: objectives, KPIs, what to change. A review
 * date that has passed means continuous improvement has stopped, and once the engagement is
 * in its monitoring phase the review cycle is the service's main control, so it must be
 * scheduled.
 */
export const rule = defineRule({
  meta: {
    id: "engagement-review-due",
    description:
      "The engagement's next service review has not passed, and an engagement in monitoring has one scheduled",
    group: "governance",
    severity: "warn",
    presets: ["recommended", "operational"],
    messages: {
      overdue:
        "the next service review was due on {{next}}, {{age}} before {{asOf}}; hold it and record reviews.last and a new reviews.next",
      notRescheduled:
        "the service review was held on {{last}}, but the next one is not scheduled (reviews.next {{next}} has passed)",
      unscheduled: "the engagement is in its monitoring phase with no next service review scheduled (reviews.next)",
    },
  },
  check({ catalog, asOf, report }) {
    const entry = catalog.engagement;
    if (!entry) return;
    const { doc, value: engagement } = entry;
    const next = engagement.reviews?.next;
    const last = engagement.reviews?.last;
    if (next === undefined) {
      if (engagement.phase.current === "monitoring")
        report({ doc, path: ["reviews", "next"], messageId: "unscheduled" });
      return;
    }
    const age = daysBetween(next, asOf);
    if (age <= 0) return;
    if (last !== undefined && last >= next)
      report({ doc, path: ["reviews", "next"], messageId: "notRescheduled", data: { last, next } });
    else report({ doc, path: ["reviews", "next"], messageId: "overdue", data: { next, age: formatDays(age), asOf } });
  },
});
