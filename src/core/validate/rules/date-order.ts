import { isDate, label, select } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/** Date fields that must be in order, per kind: [earlier, later]. */
export const DATE_ORDER: Readonly<Record<string, readonly (readonly [readonly string[], readonly string[]])[]>> = {
  Project: [
    [
      ["schedule", "baselineStart"],
      ["schedule", "baselineFinish"],
    ],
    [
      ["schedule", "forecastStart"],
      ["schedule", "forecastFinish"],
    ],
    [
      ["schedule", "actualStart"],
      ["schedule", "actualFinish"],
    ],
    [
      ["milestones", "*", "estimate", "optimistic"],
      ["milestones", "*", "estimate", "mostLikely"],
    ],
    [
      ["milestones", "*", "estimate", "mostLikely"],
      ["milestones", "*", "estimate", "pessimistic"],
    ],
  ],
  Portfolio: [
    [
      ["budget", "period", "start"],
      ["budget", "period", "end"],
    ],
  ],
  Engagement: [
    [
      ["phase", "plan", "*", "start"],
      ["phase", "plan", "*", "end"],
    ],
  ],
  Risk: [[["raised"], ["closed"]]],
  Issue: [[["raised"], ["resolved"]]],
};

/** A finish before its start is a typing slip that makes every duration and slip computed from it wrong. */
export const rule = defineValidationRule({
  meta: {
    id: "date-order",
    description: "Finishes are not before their starts",
    layer: "integrity",
    finds:
      "a finish before its start (baseline, forecast, actual), estimates out of order, a resolution before it was raised",
    fix: "correct one of the dates",
    messages: { outOfOrder: "{{later}} {{end}} is before {{earlier}} {{start}}" },
    hints: { outOfOrder: "correct one of the two dates" },
  },
  check({ documents, report }) {
    for (const doc of documents) {
      for (const [earlier, later] of DATE_ORDER[doc.kind] ?? []) {
        // Pairs are matched by their parent path: the same milestone, the same plan entry.
        const parentKey = (path: readonly (string | number)[]): string => path.slice(0, -1).join("/");
        const ends = new Map(select(doc.value, later).map(([p, v]) => [parentKey(p), v]));
        for (const [path, start] of select(doc.value, earlier)) {
          const end = ends.get(parentKey(path));
          if (!isDate(start) || !isDate(end) || start <= end) continue;
          const laterPath = [...path.slice(0, -1), later[later.length - 1]!];
          report({
            doc,
            path: laterPath,
            messageId: "outOfOrder",
            data: { later: label(laterPath), end, earlier: label(path), start },
          });
        }
      }
    }
  },
});
