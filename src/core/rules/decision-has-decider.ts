import type { DecisionStatus } from "../../model/entities.js";
import { defineRule } from "./rule.js";

/** Statuses that say a decision was taken (to approve, reject, defer, or later replace it). */
const DECIDED: ReadonlySet<DecisionStatus> = new Set<DecisionStatus>([
  "approved",
  "rejected",
  "deferred",
  "superseded",
]);

/**
 * A decision log entry without who decided and when is not evidence of anything. The schema
 * leaves both optional so that a proposed decision can be logged before it is taken; once the
 * status says it was taken, both belong in the record.
 */
export const rule = defineRule({
  meta: {
    id: "decision-has-decider",
    description: "A decision that was taken (approved, rejected, deferred or superseded) records who decided and when",
    group: "governance",
    severity: "error",
    presets: ["recommended", "operational"],
    messages: {
      noDecidedBy: "decision is {{status}} but does not record who decided (decidedBy)",
      noDate: "decision is {{status}} but does not record when it was decided (date)",
    },
  },
  check({ catalog, report }) {
    for (const { doc, value: decision } of catalog.decisions) {
      if (!DECIDED.has(decision.status)) continue;
      const data = { status: decision.status };
      if (decision.decidedBy === undefined || decision.decidedBy.trim() === "")
        report({ doc, path: ["decidedBy"], messageId: "noDecidedBy", data });
      if (decision.date === undefined) report({ doc, path: ["date"], messageId: "noDate", data });
    }
  },
});
