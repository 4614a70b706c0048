import type { Project, Stage } from "../../model/entities.js";

/** Closed and cancelled projects are history: most governance rules leave them alone. */
export function isTerminalStage(stage: Stage): boolean {
  return stage === "closed" || stage === "cancelled";
}

/** Stages in which a project reports; proposals have not started, closed and cancelled ones have stopped. */
const REPORTING_STAGES: ReadonlySet<Stage> = new Set<Stage>(["initiation", "planning", "delivery", "closure"]);

/** Whether a project in this stage is expected to keep a current status report. */
export function reportsStatus(stage: Stage): boolean {
  return REPORTING_STAGES.has(stage);
}

/**
 * A proposal has not been approved into the portfolio and does not yet commit any of its
 * envelope; closed and cancelled projects no longer forecast anything.
 */
export function isCommitted(project: Project): boolean {
  return project.stage !== "proposal" && !isTerminalStage(project.stage);
}
