import type { Stage } from "../../model/entities.js";
import { defineRule } from "./rule.js";

/**
 * From planning on, someone must own the business case (sponsor) and someone must run the
 * work (manager). Proposals and initiation may still be finding them; closed and cancelled
 * projects no longer need them.
 */
const STAGES_NEEDING_ROLES: ReadonlySet<Stage> = new Set(["planning", "delivery", "closure"]);

export const rule = defineRule({
  meta: {
    id: "delivery-has-sponsor-and-manager",
    description: "A project in planning, delivery or closure has a sponsor and a project manager",
    group: "project-support",
    severity: "error",
    presets: ["recommended", "tactical", "project"],
    messages: {
      noSponsor:
        "project in {{stage}} has no sponsor: name who owns the business case and decides on tolerance breaches",
      noManager: "project in {{stage}} has no manager: name who runs the project day to day",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (!STAGES_NEEDING_ROLES.has(project.stage)) continue;
      if (project.sponsor === undefined)
        report({ doc, path: ["sponsor"], key: true, messageId: "noSponsor", data: { stage: project.stage } });
      if (project.manager === undefined)
        report({ doc, path: ["manager"], key: true, messageId: "noManager", data: { stage: project.stage } });
    }
  },
});
