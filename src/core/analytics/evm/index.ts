/**
 * Earned value and earned schedule: pure arithmetic on planned value, earned value and actual
 * cost (figures.ts), the planned-value curve (curve.ts), a project's plan and progress turned
 * into those inputs (project.ts) and roll-ups within one currency (rollup.ts).
 */
export { endOf, segmentAt, timeOf, valueAt, type CurvePoint } from "./curve.js";
export {
  amount,
  computeFigures,
  duration,
  EAC_METHODS,
  EVM_NOTES,
  index,
  known,
  plannedValueAt,
  unknown,
  withoutExplanations,
  type EacMethod,
  type EvmFigures,
  type EvmInputs,
  type EvmNote,
  type Figure,
  type KnownFigure,
  type ScheduleBasis,
  type UnknownFigure,
} from "./figures.js";
export {
  dayNumber,
  isMeasured,
  isoOfDay,
  projectEvm,
  type DatedValue,
  type ProjectEvm,
  type ProjectEvmOptions,
} from "./project.js";
export { rollUp, rollupTotals, type EvmRollup, type RollupScope, type RollupTotals } from "./rollup.js";
export { sharedProjectEvm } from "./shared.js";
export {
  againstBaseline,
  baselinePlan,
  entriesAgainstBaseline,
  projectEvmAgainst,
  withBaselinePlan,
  type BaselinePlan,
} from "./baseline.js";
export {
  buildEvmReport,
  measureEvm,
  type EvmReport,
  type EvmReportOptions,
  type EvmReportStream,
} from "./report.js";
export {
  formatEvmCsv,
  formatEvmHistory,
  formatEvmJson,
  formatEvmJsonPieces,
  formatEvmMarkdown,
  formatEvmTable,
  NOTE_TEXT,
} from "./format.js";
export { buildEvmHistory, type EvmHistoryCommit, type EvmHistoryInput, type EvmHistoryPoint } from "./history.js";
