/**
 * The report's charts: pure functions from plain numbers, labels and dates to a complete,
 * accessible, byte-stable SVG (no clock, no locale, no fonts fetched, no inline styles).
 */
export type { Chart } from "./svg.js";
export { heatMap, type HeatMapInput } from "./heat-map.js";
export { timeline, type TimelineInput, type TimelineRow, type TimelineMilestone } from "./timeline.js";
export { statusBars, type StatusBarsInput } from "./status-bars.js";
export { budgetBars, type BudgetBarsInput } from "./budget-bars.js";
export { trendLines, type TrendLinesInput } from "./trend-lines.js";
export { statusHistory, type StatusHistoryInput } from "./status-history.js";
export { STATUS_COLORS, BAND_COLORS } from "./palette.js";
export { quadrant, type QuadrantInput } from "./quadrant.js";
export { frontierChart, type FrontierChartInput } from "./frontier.js";
export { roadmap, type RoadmapInput, type RoadmapGroup, type RoadmapRow, type RoadmapMilestone } from "./roadmap.js";
export { probabilityCurve, type ProbabilityCurveInput } from "./probability-curve.js";
export { tornado, type TornadoInput } from "./tornado.js";
