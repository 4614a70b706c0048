/** Settings are part of the domain model now (src/core/domain); this path keeps older imports working. */
export {
  resolveSettings,
  settingsOf,
  DEFAULTS,
  RISK_BANDS,
  type Settings,
  type Thresholds,
  type RiskMatrix,
  type RiskBand,
} from "../domain/index.js";
