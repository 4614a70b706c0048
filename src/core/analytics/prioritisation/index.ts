/**
 * Portfolio prioritisation: scoring (weighted sum of criteria, objective alignment, WSJF),
 * ranking with a funding cut line, and exact selection within a budget. Pure: fed by the
 * catalog, consumed by commands, the report, the diff and rules.
 */
export * from "./types.js";
export { scoreCandidate, alignmentScore, formatScore, cleanNumber } from "./score.js";
export { rankPortfolio, compareRanked, type RankInput } from "./rank.js";
export { solveSelection, type SelectionItem, type SelectionProblem, type SelectionResult } from "./solve.js";
export { rankPortfolioOf, rankAll, methodOf, candidateOf, isCommitted, isRankable } from "./catalog.js";
export { selectPortfolio, frontier, type Selection, type SelectOptions, type FrontierPoint } from "./select.js";
export {
  formatRankingTable,
  formatRankingMarkdown,
  formatRankingCsv,
  formatRankingJson,
  formatSelectionTable,
  formatSelectionMarkdown,
  formatSelectionCsv,
  formatSelectionJson,
  rankingData,
  rankingNotes,
  selectionNotes,
  describeMethod,
  describeEnvelope,
  inFundingOrder,
  type TextStyle,
} from "./format.js";
export {
  compareScenarios,
  formatComparisonTable,
  formatComparisonMarkdown,
  formatComparisonJson,
  comparisonSummaryRows,
  comparisonCellText,
  type ScenarioState,
  type ScenarioComparison,
  type PortfolioColumn,
  type ProjectRow,
} from "./compare.js";
