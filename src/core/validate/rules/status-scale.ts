import type { PmoDocument } from "../../../model/document.js";
import { NOT_ASSESSED } from "../../../model/entities.js";
import { isString, obj, str } from "./raw.js";
import { defineValidationRule } from "./rule.js";

const STATUS_DIMENSIONS = ["overall", "schedule", "budget", "scope", "resources", "quality"] as const;
const BUILTIN_SCALES: Record<string, readonly string[]> = {
  rag: ["green", "amber", "red"],
  dca5: ["green", "amber-green", "amber", "amber-red", "red"],
};

/**
 * The engagement's status scale: a built-in one by name (rag when unset or unknown), or its own
 * list; `values` are every value a status field may hold, `not-assessed` and a custom scale's
 * `assessed: false` values included.
 */
export function statusScaleOf(engagement: PmoDocument | undefined): { name: string; values: readonly string[] } {
  const declared = engagement?.value["statusScale"];
  if (Array.isArray(declared)) {
    const values = declared.map((l) => str(obj(l)?.["value"])).filter(isString);
    return { name: "custom", values: values.includes(NOT_ASSESSED) ? values : [...values, NOT_ASSESSED] };
  }
  const name = typeof declared === "string" && BUILTIN_SCALES[declared] ? declared : "rag";
  return { name, values: [...BUILTIN_SCALES[name]!, NOT_ASSESSED] };
}

/** A status is read against one scale, the engagement's (rag, dca5 or its own levels). */
export const rule = defineValidationRule({
  meta: {
    id: "status-scale",
    description: "Status values are on the engagement's status scale",
    layer: "integrity",
    finds: "a status value not on the engagement's scale (`rag`, `dca5` or custom)",
    fix: "use a value of the scale",
    messages: {
      offScale: 'status {{dimension}} "{{value}}" is not on the engagement\'s {{scale}} status scale ({{values}})',
    },
    hints: { offScale: "use one of the scale's values, or change statusScale in the engagement" },
  },
  check({ ofKind, engagement, report }) {
    const scale = statusScaleOf(engagement);
    for (const doc of ofKind("Project")) {
      const status = obj(doc.value["status"]);
      for (const dimension of STATUS_DIMENSIONS) {
        const value = status?.[dimension];
        if (typeof value !== "string" || scale.values.includes(value)) continue;
        report({
          doc,
          path: ["status", dimension],
          messageId: "offScale",
          data: { dimension, value, scale: scale.name, values: scale.values.join(", ") },
        });
      }
    }
  },
});
