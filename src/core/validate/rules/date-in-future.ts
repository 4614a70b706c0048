import { everyAt, isDate, label, select, valueAt } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/** Date fields that record what has happened, so cannot be after the as-of date. */
export const PAST_DATES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Project: [
    ["schedule", "actualStart"],
    ["schedule", "actualFinish"],
    ["milestones", "*", "actual"],
    ["status", "asOf"],
    ["benefits", "*", "realisedDate"],
    ["closure", "date"],
    ["gates", "*", "date"],
  ],
  Risk: [["raised"], ["lastReviewed"], ["closed"]],
  Issue: [["raised"], ["resolved"]],
  Portfolio: [["message", "asOf"]],
  Engagement: [
    ["phase", "since"],
    ["reviews", "last"],
    ["message", "asOf"],
  ],
};

/** The patterns of PAST_DATES with a `*` (any list item). */
const WILDCARD: ReadonlySet<readonly string[]> = new Set(
  Object.values(PAST_DATES)
    .flat()
    .filter((spec) => spec.includes("*")),
);

/**
 * An actual date records what has happened; one after the as-of date is a forecast typed in
 * the wrong field (or a wrong --as-of), and makes the project look further on than it is.
 */
export const rule = defineValidationRule({
  meta: {
    id: "date-in-future",
    description: "Actual dates are not after the as-of date",
    layer: "integrity",
    finds: "an actual date, status date, review, resolution or decision date after `--as-of`",
    fix: "use a forecast date, or check `--as-of`",
    messages: {
      inFuture: "{{field}} {{date}} is after the as-of date {{asOf}}: it records something that has not happened yet",
      decisionInFuture: "decision date {{date}} is after the as-of date {{asOf}}",
    },
    hints: {
      inFuture: "use a forecast date for what is planned, or check --as-of",
      decisionInFuture: "a decision is dated when it is taken; leave the date out while it is proposed",
    },
  },
  check({ documents, asOf, report }) {
    for (const doc of documents) {
      for (const spec of PAST_DATES[doc.kind] ?? []) {
        // Paths are built only for a finding: a plain field's is the pattern, a list's come from select.
        if (!WILDCARD.has(spec)) {
          const date = valueAt(doc.value, spec);
          if (!isDate(date) || date <= asOf) continue;
        } else if (everyAt(doc.value, spec, (date) => !isDate(date) || date <= asOf)) continue;
        for (const [path, date] of select(doc.value, spec)) {
          if (!isDate(date) || date <= asOf) continue;
          report({ doc, path, messageId: "inFuture", data: { field: label(path), date, asOf } });
        }
      }
      const date = doc.value["date"];
      if (doc.kind === "Decision" && isDate(date) && doc.value["status"] !== "proposed" && date > asOf) {
        report({ doc, path: ["date"], messageId: "decisionInFuture", data: { date, asOf } });
      }
    }
  },
});
