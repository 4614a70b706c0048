import { obj } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/** The engagement's risk scale (governance.risk.scale, 5 by 5 by default) bounds every score. */
export const rule = defineValidationRule({
  meta: {
    id: "risk-scale",
    description: "Probability and impact are within the engagement's risk scale",
    layer: "integrity",
    finds: "a probability or impact above the engagement's risk scale",
    fix: "use a value within the scale",
    messages: { aboveScale: "{{axis}} {{value}} is above the engagement's risk scale maximum of {{max}}" },
    hints: { aboveScale: "use a value from 1 to {{max}}, or change governance.risk.scale in the engagement" },
  },
  check({ ofKind, engagement, report }) {
    const scale = obj(obj(obj(engagement?.value["governance"])?.["risk"])?.["scale"]);
    for (const doc of ofKind("Risk")) {
      for (const axis of ["probability", "impact"] as const) {
        const declared = scale?.[axis];
        const max = typeof declared === "number" ? declared : 5;
        const value = doc.value[axis];
        if (typeof value !== "number" || value <= max) continue;
        report({ doc, path: [axis], messageId: "aboveScale", data: { axis, value, max } });
      }
    }
  },
});
