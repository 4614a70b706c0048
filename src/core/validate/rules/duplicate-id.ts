import type { PmoDocument } from "../../../model/document.js";
import { list, obj, str, where } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/**
 * Every reference is an id, so an id used twice makes references ambiguous: both documents are
 * reported, each naming the other. Milestone ids are references too (M2, PRJ-002/M3), unique
 * within their project; a decision's option ids are what its recommendation names, unique
 * within the decision.
 */
export const rule = defineValidationRule({
  meta: {
    id: "duplicate-id",
    description:
      "Ids are unique across the repository, milestone ids within their project, option ids within their decision",
    layer: "integrity",
    finds:
      "an id used by two documents (both are reported), a milestone id twice in one project, or an option id twice in one decision",
    fix: "rename one",
    messages: {
      duplicateId: 'duplicate id "{{id}}": also used by {{others}}',
      duplicateMilestone: 'duplicate milestone id "{{id}}" in project {{project}}',
      duplicateOption: 'duplicate option id "{{id}}" in decision {{decision}}',
    },
    hints: {
      duplicateId: "ids must be unique across the repository (all kinds); rename one of them",
      duplicateMilestone: "milestone ids must be unique within their project",
      duplicateOption: "option ids must be unique within their decision (its recommendation names one): rename one",
    },
  },
  check({ documents, report }) {
    const byId = new Map<string, PmoDocument[]>();
    for (const doc of documents) {
      if (!doc.id) continue;
      const same = byId.get(doc.id);
      if (same) same.push(doc);
      else byId.set(doc.id, [doc]);
    }
    for (const [id, docs] of byId) {
      if (docs.length < 2) continue;
      for (const doc of docs) {
        const others = docs
          .filter((d) => d !== doc)
          .map(where)
          .join(", ");
        report({ doc, path: ["id"], messageId: "duplicateId", data: { id, others } });
      }
    }
    for (const doc of documents) {
      const nested =
        doc.kind === "Project"
          ? { field: "milestones", messageId: "duplicateMilestone" as const, owner: "project" }
          : doc.kind === "Decision"
            ? { field: "options", messageId: "duplicateOption" as const, owner: "decision" }
            : undefined;
      if (nested === undefined) continue;
      const seen = new Set<string>();
      list(doc.value[nested.field]).forEach((m, i) => {
        const id = str(obj(m)?.["id"]);
        if (id === undefined) return;
        if (seen.has(id))
          report({
            doc,
            path: [nested.field, i, "id"],
            messageId: nested.messageId,
            data: { id, [nested.owner]: doc.id ?? "" },
          });
        seen.add(id);
      });
    }
  },
});
