import { list, milestoneIds, str } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/**
 * A risk's `milestones` name the items its schedule impact would push in the Monte Carlo
 * forecast. A name that matches no milestone would silently drop the risk event from the
 * simulation (the forecast only says "left out"), so it is an error where it is written.
 */
export const rule = defineValidationRule({
  meta: {
    id: "risk-milestones",
    description: "A risk's milestones are milestones of its project, or of the project they name",
    layer: "integrity",
    finds:
      "a risk's `milestones` entry naming no milestone: an unknown id, an unknown project, or a bare id on a risk with no project",
    fix: "name a milestone id of the risk's project, or PRJ-ID/M-ID",
    messages: {
      unknownMilestone: 'milestone "{{ref}}" is not a milestone of project {{project}}{{known}}',
      unknownProject: 'milestone "{{ref}}" names project {{project}}, which is not a project of the repository',
      noProject: 'milestone "{{ref}}" names no project: the risk belongs to no project',
    },
    hints: {
      unknownMilestone: "use one of the project's milestone ids, or PRJ-ID/M-ID for another project's milestone",
      unknownProject: "use the id of an existing project before the slash",
      noProject: "write the milestone as PRJ-ID/{{ref}}, or give the risk a project",
    },
  },
  check({ ofKind, byId, report }) {
    for (const doc of ofKind("Risk")) {
      const own = str(doc.value["project"]);
      list(doc.value["milestones"]).forEach((entry, i) => {
        const ref = str(entry);
        if (ref === undefined) return;
        const slash = ref.indexOf("/");
        const projectId = slash >= 0 ? ref.slice(0, slash) : own;
        const milestone = slash >= 0 ? ref.slice(slash + 1) : ref;
        const path = ["milestones", i];
        if (projectId === undefined) {
          report({ doc, path, messageId: "noProject", data: { ref } });
          return;
        }
        const project = byId.get(projectId);
        if (project?.kind !== "Project") {
          // A risk's own project that does not exist is unresolved-reference's finding.
          if (slash >= 0) report({ doc, path, messageId: "unknownProject", data: { ref, project: projectId } });
          return;
        }
        const ids = milestoneIds(project);
        if (ids.includes(milestone)) return;
        const known = ids.length > 0 ? ` (known: ${[...ids].sort().join(", ")})` : " (it has no milestones)";
        report({ doc, path, messageId: "unknownMilestone", data: { ref, project: projectId, known } });
      });
    }
  },
});
