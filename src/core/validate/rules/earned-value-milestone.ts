import { milestoneIds, obj } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/**
 * `earnedValue.milestones` gives milestones their planned and earned value by milestone id: a
 * key that is not a milestone of the project values nothing, so the planned value (and, for
 * the milestone methods, the earned value) silently loses that amount or becomes unknown.
 */
export const rule = defineValidationRule({
  meta: {
    id: "earned-value-milestone",
    description: "Each key of a project's earnedValue.milestones is one of its milestone ids",
    layer: "integrity",
    finds: "an `earnedValue.milestones` key that is not a milestone id of the project",
    fix: "use the id of one of the project's milestones, or add the milestone",
    messages: {
      notAMilestone: "earnedValue.milestones names {{key}}, which is not a milestone of {{project}}",
      noMilestones: "earnedValue.milestones names {{key}}, but {{project}} has no milestones",
    },
    hints: {
      notAMilestone: "use one of the project's milestone ids ({{ids}}), or add {{key}} to its milestones",
      noMilestones: "add the milestone to the project's milestones, or remove {{key}} from earnedValue.milestones",
    },
  },
  check({ ofKind, report }) {
    for (const doc of ofKind("Project")) {
      const values = obj(obj(doc.value["earnedValue"])?.["milestones"]);
      if (!values) continue;
      const ids = milestoneIds(doc);
      const known = new Set(ids);
      const project = typeof doc.id === "string" ? doc.id : "the project";
      for (const key of Object.keys(values)) {
        if (known.has(key)) continue;
        report({
          doc,
          path: ["earnedValue", "milestones", key],
          key: true,
          messageId: ids.length === 0 ? "noMilestones" : "notAMilestone",
          data: ids.length === 0 ? { key, project } : { key, project, ids: ids.join(", ") },
        });
      }
    }
  },
});
