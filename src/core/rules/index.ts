import type { Rule } from "./rule.js";
import { rule as baselineWithoutDecision } from "./baseline-without-decision.js";
import { rule as budgetRagConsistent } from "./budget-rag-consistent.js";
import { rule as closedProjectComplete } from "./closed-project-complete.js";
import { rule as closedProjectOpenRisks } from "./closed-project-open-risks.js";
import { rule as costPerformanceVsStatus } from "./cost-performance-vs-status.js";
import { rule as costVarianceBeyondTolerance } from "./cost-variance-beyond-tolerance.js";
import { rule as criteriaWeightsSum } from "./criteria-weights-sum.js";
import { rule as criticalSlipNeedsDecision } from "./critical-slip-needs-decision.js";
import { rule as decisionHasDecider } from "./decision-has-decider.js";
import { rule as decisionOverdue } from "./decision-overdue.js";
import { rule as deliveryHasSponsorAndManager } from "./delivery-has-sponsor-and-manager.js";
import { rule as engagementReviewDue } from "./engagement-review-due.js";
import { rule as fundedBelowCutLine } from "./funded-below-cut-line.js";
import { rule as highRiskManaged } from "./high-risk-managed.js";
import { rule as milestoneForecastStale } from "./milestone-forecast-stale.js";
import { rule as milestoneSlipNeedsRebaseline } from "./milestone-slip-needs-rebaseline.js";
import { rule as objectiveWeightsSum } from "./objective-weights-sum.js";
import { rule as occurredRiskHasIssue } from "./occurred-risk-has-issue.js";
import { rule as p80AfterCommitment } from "./p80-after-commitment.js";
import { rule as percentCompleteConsistent } from "./percent-complete-consistent.js";
import { rule as portfolioMessageStale } from "./portfolio-message-stale.js";
import { rule as portfolioWithinEnvelope } from "./portfolio-within-envelope.js";
import { rule as projectContributesToObjective } from "./project-contributes-to-objective.js";
import { rule as projectInPortfolio } from "./project-in-portfolio.js";
import { rule as projectScored } from "./project-scored.js";
import { rule as redStatusHasRecovery } from "./red-status-has-recovery.js";
import { rule as riskReviewOverdue } from "./risk-review-overdue.js";
import { rule as scheduleRagConsistent } from "./schedule-rag-consistent.js";
import { rule as scheduleVarianceBeyondTolerance } from "./schedule-variance-beyond-tolerance.js";
import { rule as stageGateApproved } from "./stage-gate-approved.js";
import { rule as statusDimensionsConsistent } from "./status-dimensions-consistent.js";
import { rule as statusReportStale } from "./status-report-stale.js";
import { rule as subPortfolioEnvelopesWithinParent } from "./sub-portfolio-envelopes-within-parent.js";
import { rule as successorBeforePredecessor } from "./successor-before-predecessor.js";
import { rule as tcpiUnrealistic } from "./tcpi-unrealistic.js";
import { rule as unalignedSpend } from "./unaligned-spend.js";

export {
  defineRule,
  interpolate,
  renderMessage,
  reportedDiagnostic,
  RULE_GROUPS,
  GROUP_TITLES,
  PRESET_NAMES,
  type BaselineTag,
  type Rule,
  type RuleMeta,
  type RuleContext,
  type RuleGroup,
  type PresetName,
  type PresetMembership,
  type ReportArgs,
  type ReportingMeta,
} from "./rule.js";
export {
  resolveSettings,
  DEFAULTS,
  RISK_BANDS,
  type Settings,
  type Thresholds,
  type RiskMatrix,
  type RiskBand,
} from "../domain/index.js";

/**
 * Every governance rule, in id order. One rule per file; the file name, the rule id, the test
 * file and the doc page share a name (test/core/rules/meta.test.ts checks it, and the order).
 */
export const RULES: readonly Rule[] = [
  baselineWithoutDecision,
  budgetRagConsistent,
  closedProjectComplete,
  closedProjectOpenRisks,
  costPerformanceVsStatus,
  costVarianceBeyondTolerance,
  criteriaWeightsSum,
  criticalSlipNeedsDecision,
  decisionHasDecider,
  decisionOverdue,
  deliveryHasSponsorAndManager,
  engagementReviewDue,
  fundedBelowCutLine,
  highRiskManaged,
  milestoneForecastStale,
  milestoneSlipNeedsRebaseline,
  objectiveWeightsSum,
  occurredRiskHasIssue,
  p80AfterCommitment,
  percentCompleteConsistent,
  portfolioMessageStale,
  portfolioWithinEnvelope,
  projectContributesToObjective,
  projectInPortfolio,
  projectScored,
  redStatusHasRecovery,
  riskReviewOverdue,
  scheduleRagConsistent,
  scheduleVarianceBeyondTolerance,
  stageGateApproved,
  statusDimensionsConsistent,
  statusReportStale,
  subPortfolioEnvelopesWithinParent,
  successorBeforePredecessor,
  tcpiUnrealistic,
  unalignedSpend,
] as Rule[];
