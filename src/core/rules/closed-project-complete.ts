import { defineRule } from "./rule.js";

/**
 * Closing a project is a record as much as an event: when delivery actually finished (the
 * baseline-to-actual variance every later estimate learns from) and what the team learned.
 * Cancelled projects are not held to it: they stop on a decision, not on a finish, and the
 * decision log records why.
 */
export const rule = defineRule({
  meta: {
    id: "closed-project-complete",
    description: "A closed project records its actual finish date and its lessons learned",
    group: "delivery",
    severity: "warn",
    presets: ["recommended", "project", "operational"],
    messages: {
      noActualFinish: "closed project has no actual finish date (schedule.actualFinish)",
      noLessons: "closed project records no lessons learned (closure.lessonsLearned)",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (project.stage !== "closed") continue;
      if (project.schedule?.actualFinish === undefined)
        report({ doc, path: ["schedule", "actualFinish"], messageId: "noActualFinish" });
      const lessons = project.closure?.lessonsLearned ?? [];
      if (!lessons.some((l) => l.trim() !== ""))
        report({ doc, path: ["closure", "lessonsLearned"], messageId: "noLessons" });
    }
  },
});
