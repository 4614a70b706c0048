/** Stage facts live in the domain model (src/core/domain/lifecycle.ts). */
export { isTerminalStage } from "../../domain/index.js";
