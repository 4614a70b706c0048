/**
 * Schedule analytics: the critical path method over milestones and activities, within and
 * across projects, PERT, and (build.ts) the network a repository describes.
 */
export type { CalendarOptions, Weekday, WorkCalendar } from "./calendar.js";
export { WEEKDAYS, dateOfDayNumber, dayNumber, makeCalendar } from "./calendar.js";
export type { LinkType, NetworkActivity, NetworkLink, OwnDriver, ScheduleResult, ScheduledActivity } from "./network.js";
export { NetworkCycleError, scheduleNetwork } from "./network.js";
export type { PathList } from "./paths.js";
export { MAX_PATHS, criticalPaths, drivingChains } from "./paths.js";
export type { PertProbability, ThreePoint } from "./pert.js";
export { expNonPositive, normalCdf, pertMean, pertProbability, pertVariance } from "./pert.js";
export type { PertActivity, PertAnalysis } from "./pert-network.js";
export { pertAnalysis } from "./pert-network.js";
