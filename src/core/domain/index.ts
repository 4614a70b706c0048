/**
 * The domain model: the repository as typed entities with resolved relations (catalog.ts), one
 * resolved Settings (settings.ts: engagement, then config, then defaults), and every derived
 * fact in one place (facts.ts memoises the functions of the other files). Only this folder
 * reads document values into meaning; rules, report views, ls/show, diff and history read
 * it. Pure: no file system, no clock.
 */
export { buildCatalog, type Catalog, type Entry } from "./catalog.js";
export { KIND_INFO, type KindInfo, type KindTypes } from "./kinds.js";
export { buildModel, documentsThatValidate, modelOf, type Model } from "./model.js";
export { deriveFacts, type Facts } from "./facts.js";
export {
  resolveSettings,
  settingsOf,
  DEFAULTS,
  RISK_BANDS,
  type Settings,
  type Thresholds,
  type RiskMatrix,
  type RiskBand,
} from "./settings.js";
export { isCommitted, isTerminalStage, reportsStatus } from "./lifecycle.js";
export { portfolioChain, portfolioPath, projectsWithin } from "./portfolios.js";
export {
  belongsToFinishedProject,
  isHighBand,
  isHighOpenThreat,
  reviewState,
  riskBand,
  riskScore,
  type ReviewState,
  type Scored,
} from "./risks.js";
export {
  approvedRebaselines,
  baselineDurationDays,
  finishVariance,
  isAchieved,
  milestoneSlipDays,
  milestoneVariance,
  scheduleTolerance,
  slipDays,
  unapprovedSlip,
  type Rebaselines,
  type ScheduleTolerance,
} from "./schedule.js";
export {
  statusMessageState,
  statusReportState,
  type StatusMessageState,
  type StatusReportState,
} from "./status.js";
export { daysUntilDue } from "./decisions.js";
export {
  approvedSpend,
  budgetAmounts,
  committedCost,
  costVariance,
  decisionAmount,
  decisionCurrency,
  sumCommitted,
  sumKnown,
  type BudgetAmounts,
  type CommittedSum,
  type CostVariance,
  type Money,
  type PartialSum,
} from "./money.js";
