import { where } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/**
 * A pmo repository describes one engagement: its governance (forums, tolerances, scales) is
 * what every other document is judged by, so none or two leaves the judgement undefined.
 */
export const rule = defineValidationRule({
  meta: {
    id: "engagement-count",
    description: "A repository describes exactly one engagement",
    layer: "integrity",
    finds: "no engagement, or more than one",
    fix: "keep exactly one `Engagement`",
    messages: {
      none: "no Engagement document found: a pmo repository describes exactly one engagement",
      another: "more than one Engagement: the first is {{first}}",
    },
    hints: {
      none: "add an engagement.yaml (see examples/meridian-water/engagement.yaml)",
      another: "a repository describes exactly one engagement; remove this one or move it to its own repository",
    },
  },
  check({ documents, ofKind, report, reportFile }) {
    const engagements = ofKind("Engagement");
    const first = engagements[0];
    if (first === undefined) {
      if (documents.length > 0) reportFile({ file: documents[0]!.file, messageId: "none" });
      return;
    }
    for (const doc of engagements.slice(1))
      report({ doc, path: ["kind"], messageId: "another", data: { first: where(first) } });
  },
});
