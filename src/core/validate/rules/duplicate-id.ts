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
  check({ documents, byId, ofKind, report }) {
    // byId holds the first document of each id: any other document with an id is a duplicate.
    const repeated = new Set<string>();
    for (const doc of documents) if (doc.id && byId.get(doc.id) !== doc) repeated.add(doc.id);
    const sharing = new Map<string, PmoDocument[]>();
    if (repeated.size > 0)
      for (const doc of documents) {
        if (!doc.id || !repeated.has(doc.id)) continue;
        const same = sharing.get(doc.id);
        if (same) same.push(doc);
        else sharing.set(doc.id, [doc]);
      }
    for (const [id, docs] of sharing) {
      for (const doc of docs) {
        const others = docs
          .filter((d) => d !== doc)
          .map(where)
          .join(", ");
        report({ doc, path: ["id"], messageId: "duplicateId", data: { id, others } });
      }
    }
    const nestedIds = [
      { kind: "Project", field: "milestones", messageId: "duplicateMilestone" as const, owner: "project" },
      { kind: "Decision", field: "options", messageId: "duplicateOption" as const, owner: "decision" },
    ];
    for (const nested of nestedIds)
      for (const doc of ofKind(nested.kind)) {
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
