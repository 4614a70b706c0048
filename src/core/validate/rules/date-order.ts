import { everyAt, isDate, label, select } from "./raw.js";
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
      for (const { parent, earlier, later, inOrder } of PAIRS[doc.kind] ?? []) {
        // Both dates are fields of the same parent: the same milestone, the same plan entry.
        // Paths are built only for a document with a finding.
        if (everyAt(doc.value, parent, inOrder)) continue;
        for (const [path, holder] of select(doc.value, parent)) {
          if (inOrder(holder)) continue;
          // inOrder found both to be dates.
          const start = (holder as Record<string, unknown>)[earlier] as string;
          const end = (holder as Record<string, unknown>)[later] as string;
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
interface Pair {
  parent: readonly string[];
  earlier: string;
  later: string;
  /** False for a parent whose two fields are dates out of order. */
  inOrder: (holder: unknown) => boolean;
}

const PAIRS: Readonly<Record<string, readonly Pair[]>> = Object.fromEntries(
  Object.entries(DATE_ORDER).map(([kind, pairs]) => [
    kind,
    pairs.map(([earlierPath, laterPath]): Pair => {
      const parent = earlierPath.slice(0, -1);
      if (parent.join("/") !== laterPath.slice(0, -1).join("/"))
        throw new Error(`date-order: ${earlierPath.join(".")} and ${laterPath.join(".")} must be fields of one object`);
      const earlier = earlierPath[earlierPath.length - 1]!;
      const later = laterPath[laterPath.length - 1]!;
      const inOrder = (holder: unknown): boolean => {
        if (typeof holder !== "object" || holder === null || Array.isArray(holder)) return true;
        const start = Object.hasOwn(holder, earlier) ? (holder as Record<string, unknown>)[earlier] : undefined;
        const end = Object.hasOwn(holder, later) ? (holder as Record<string, unknown>)[later] : undefined;
        return !isDate(start) || !isDate(end) || start <= end;
      };
      return { parent, earlier, later, inOrder };
    }),
  ]),
);
