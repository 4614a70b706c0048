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
      for (const { parent, earlier, later } of PAIRS[doc.kind] ?? []) {
        // Both dates are fields of the same parent: the same milestone, the same plan entry.
        for (const [path, holder] of select(doc.value, parent)) {
          if (typeof holder !== "object" || holder === null || Array.isArray(holder)) continue;
          const start = Object.hasOwn(holder, earlier) ? (holder as Record<string, unknown>)[earlier] : undefined;
          const end = Object.hasOwn(holder, later) ? (holder as Record<string, unknown>)[later] : undefined;
          if (!isDate(start) || !isDate(end) || start <= end) continue;
          const laterPath = [...path, later];
          report({
            doc,
            path: laterPath,
            messageId: "outOfOrder",
            data: { later: label(laterPath), end, earlier: label([...path, earlier]), start },
          });
        }
      }
    }
  },
});

/** DATE_ORDER's pairs as the parent path both dates share and the two field names. */
const PAIRS: Readonly<Record<string, readonly { parent: readonly string[]; earlier: string; later: string }[]>> =
  Object.fromEntries(
    Object.entries(DATE_ORDER).map(([kind, pairs]) => [
      kind,
      pairs.map(([earlier, later]) => {
        const parent = earlier.slice(0, -1);
        if (parent.join("/") !== later.slice(0, -1).join("/"))
          throw new Error(`date-order: ${earlier.join(".")} and ${later.join(".")} must be fields of one object`);
        return { parent, earlier: earlier[earlier.length - 1]!, later: later[later.length - 1]! };
      }),
    ]),
  );
