/**
 * Portfolio prioritisation: scoring (weighted sum of criteria, objective alignment, WSJF),
 * ranking with a funding cut line, and exact selection within a budget. Pure: fed by the
 * catalog, consumed by commands, the report, the diff and rules.
 */
export * from "./types.js";
export { scoreCandidate, alignmentScore, formatScore, cleanNumber } from "./score.js";
export { rankPortfolio, compareRanked, type RankInput } from "./rank.js";
export { solveSelection, type SelectionItem, type SelectionProblem, type SelectionResult } from "./solve.js";
