import type { Stage } from "../../../model/entities.js";

/** Closed and cancelled projects are history: most governance rules leave them alone. */
export function isTerminalStage(stage: Stage): boolean {
  return stage === "closed" || stage === "cancelled";
}
