/**
 * Schedule analytics: the critical path method over milestones and activities, within and
 * across projects, PERT, and (build.ts) the network a repository describes.
 */
export type { CalendarOptions, Weekday, WorkCalendar } from "./calendar.js";
export { WEEKDAYS, dateOfDayNumber, dayNumber, makeCalendar } from "./calendar.js";
export type {
  LinkType,
  NetworkActivity,
  NetworkLink,
  OwnDriver,
  ScheduleResult,
  ScheduledActivity,
} from "./network.js";
export { NetworkCycleError, linkFloat, scheduleNetwork } from "./network.js";
export type { PathList } from "./paths.js";
export { MAX_PATHS, criticalPaths, drivingChains } from "./paths.js";
export type { PertProbability, ThreePoint } from "./pert.js";
export { expNonPositive, normalCdf, pertMean, pertProbability, pertVariance } from "./pert.js";
export type { PertActivity, PertAnalysis } from "./pert-network.js";
export { pertAnalysis } from "./pert-network.js";
export type { DateReason, PortfolioSchedule, ProjectSchedule, ScheduleItem, ScheduleSource } from "./build.js";
export { buildSchedule, parseDependsOn } from "./build.js";
export { sharedSchedule } from "./shared.js";
export type { ScheduleView, ScheduleViewOptions } from "./format.js";
export { UnknownMilestoneError, describeDriver, describeReason, resolveMilestoneKey, scheduleView } from "./format.js";
export type { SchedulePaint } from "./format-output.js";
export {
  formatScheduleJson,
  formatScheduleJsonPieces,
  formatScheduleMarkdown,
  formatScheduleTable,
} from "./format-output.js";
export type {
  Distribution,
  Driver,
  RankCorrelation,
  RiskEvent,
  SimActivity,
  SimulatedItem,
  SimulationOptions,
  SimulationResult,
  ThreePointDays,
} from "./montecarlo.js";
export { rangeMean, simulate } from "./montecarlo.js";
export {
  Random,
  betaQuantiles,
  gamma,
  logPositive,
  normal,
  pertBeta,
  pertBetaFromTable,
  pertTable,
  triangular,
} from "./random.js";
export type {
  Forecast,
  ForecastDriver,
  ForecastItem,
  ForecastOptions,
  ForecastProject,
  ForecastSource,
} from "./forecast.js";
export { DEFAULT_FORECAST_SEED, buildForecast } from "./forecast.js";
export { formatForecastJson, formatForecastMarkdown, formatForecastTable } from "./format-forecast.js";
export type {
  BaselineVariance,
  BaselineVarianceItem,
  BaselineVarianceProject,
  ProjectFinishDates,
} from "./baseline.js";
export {
  baselineVariance,
  baselineVarianceJson,
  formatBaselineVarianceMarkdown,
  formatBaselineVarianceTable,
} from "./baseline.js";
