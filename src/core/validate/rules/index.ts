import type { ValidationRule } from "./rule.js";
import { rule as dateInFuture } from "./date-in-future.js";
import { rule as dateOrder } from "./date-order.js";
import { rule as duplicateId } from "./duplicate-id.js";
import { rule as earnedValueMilestone } from "./earned-value-milestone.js";
import { rule as engagementCount } from "./engagement-count.js";
import { rule as referenceCycle } from "./reference-cycle.js";
import { rule as riskMilestones } from "./risk-milestones.js";
import { rule as riskScale } from "./risk-scale.js";
import { rule as statusScale } from "./status-scale.js";
import { rule as unresolvedReference } from "./unresolved-reference.js";

export {
  defineValidationRule,
  VALIDATION_LAYERS,
  type ValidationCheckMeta,
  type ValidationContext,
  type ValidationLayer,
  type ValidationRule,
  type ValidationRuleMeta,
} from "./rule.js";
export { DATE_ORDER } from "./date-order.js";
export { PAST_DATES } from "./date-in-future.js";
export { PERSON_REFS, WHOLE_REPO_REFS, type RefSpec } from "./unresolved-reference.js";

/**
 * Every integrity rule, in id order. One rule per file; the file name, the rule id, the test
 * file and the doc page share a name (test/core/validate/rules/meta.test.ts checks it).
 */
export const INTEGRITY_RULES: readonly ValidationRule[] = [
  dateInFuture,
  dateOrder,
  duplicateId,
  earnedValueMilestone,
  engagementCount,
  referenceCycle,
  riskMilestones,
  riskScale,
  statusScale,
  unresolvedReference,
];
