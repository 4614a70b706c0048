import type { Risk } from "../../../model/entities.js";
import { riskBand, riskScore, type Settings } from "../../domain/index.js";

export {
  belongsToFinishedProject,
  isHighBand,
  isHighOpenThreat,
  reviewState,
  type ReviewState,
} from "../../domain/index.js";

/** "16 (4x4, high)": the score as people read it in a risk register. */
export function describeScore(risk: Risk, settings: Settings): string {
  return `${riskScore(risk)} (${risk.probability}x${risk.impact}, ${riskBand(risk, settings)})`;
}
