import type {
  BudgetBarsInput,
  HeatMapInput,
  StatusBarsInput,
  TimelineInput,
  TrendLinesInput,
} from "../../../../src/core/report/charts/index.js";

/** Chart inputs shaped like the bundled example (Meridian Water, GBP, dca5, as of 2026-11-30). */

const BANDS_5x5 = [1, 2, 3, 4, 5].map((p) =>
  [1, 2, 3, 4, 5].map((i) => {
    const score = p * i;
    return score >= 20 ? "critical" : score >= 15 ? "high" : score >= 6 ? "medium" : "low";
  }),
);

export const heatMapInput: HeatMapInput = {
  title: "Open risks by probability and impact",
  probabilityMax: 5,
  impactMax: 5,
  counts: [
    [0, 1, 2, 0, 0],
    [1, 3, 4, 2, 1],
    [0, 2, 5, 4, 2],
    [0, 1, 3, 2, 1],
    [0, 0, 1, 1, 1],
  ],
  bands: BANDS_5x5,
};

export const dca5Scale: StatusBarsInput["scale"] = [
  { value: "green", label: "Green", color: "#1a7f37" },
  { value: "amber-green", label: "Amber/green", color: "#587d0f" },
  { value: "amber", label: "Amber", color: "#9a6700" },
  { value: "amber-red", label: "Amber/red", color: "#bc4c00" },
  { value: "red", label: "Red", color: "#cf222e" },
];

export const statusBarsInput: StatusBarsInput = {
  title: "Project status by portfolio",
  scale: dca5Scale,
  rows: [
    { label: "Asset Renewal and Treatment", counts: { green: 2, "amber-green": 2, amber: 1, "amber-red": 1 } },
    { label: "Digital and Customer", counts: { green: 2, "amber-green": 2, amber: 2 } },
    { label: "Water Network Performance", counts: { "amber-green": 1, red: 1 } },
    { label: "Leakage Reduction Programme", counts: { green: 1, "amber-green": 2, unknown: 1 } },
  ],
};

export const budgetBarsInput: BudgetBarsInput = {
  title: "Budget by portfolio",
  currency: "GBP",
  rows: [
    { label: "Asset Renewal and Treatment", approved: 92_500_000, actual: 51_200_000, forecast: 95_430_000 },
    { label: "Digital and Customer", approved: 22_530_000, actual: 9_870_000, forecast: 23_180_000 },
    { label: "Water Network Performance", approved: 39_900_000, actual: 14_100_000, forecast: 43_450_000 },
    { label: "Leakage Reduction Programme", approved: 14_800_000, actual: 8_020_000, forecast: 13_230_000 },
  ],
};

export const timelineInput: TimelineInput = {
  title: "PRJ-007 Smart metering rollout phase 1: milestones",
  asOf: "2026-11-30",
  rows: [
    {
      label: "Smart metering rollout phase 1",
      baselineStart: "2025-09-01",
      baselineFinish: "2027-09-24",
      forecastStart: "2025-09-01",
      forecastFinish: "2027-12-17",
      milestones: [
        { label: "M1 Contract award", baseline: "2025-11-28", actual: "2025-12-12" },
        { label: "M2 Pilot complete", baseline: "2026-06-30", forecast: "2026-09-30", actual: "2026-10-16" },
        { label: "M3 50k meters", baseline: "2026-12-18", forecast: "2027-03-26" },
        { label: "M4 Full rollout", baseline: "2027-09-24", forecast: "2027-12-17" },
      ],
    },
    {
      label: "Kelder Valley WTW UV disinfection",
      baselineStart: "2025-03-03",
      baselineFinish: "2026-04-30",
      forecastStart: "2025-03-03",
      forecastFinish: "2026-05-29",
      actualFinish: "2026-05-29",
      milestones: [{ label: "Commissioned", baseline: "2026-04-30", actual: "2026-05-29" }],
    },
    {
      label: "Customer portal and app refresh",
      baselineStart: "2026-10-01",
      baselineFinish: "2027-10-29",
      milestones: [{ label: "Design sign-off", baseline: "2027-01-29", forecast: "2027-01-29" }],
    },
  ],
};

export const trendLinesInput: TrendLinesInput = {
  title: "Forecast cost by portfolio",
  yLabel: "GBP forecast",
  series: [
    {
      label: "Asset Renewal and Treatment",
      points: [
        { date: "2026-06-30", value: 93_100_000 },
        { date: "2026-08-31", value: 94_000_000 },
        { date: "2026-10-31", value: 95_430_000 },
      ],
    },
    {
      label: "Water Network Performance",
      points: [
        { date: "2026-06-30", value: 40_200_000 },
        { date: "2026-08-31", value: 42_900_000 },
        { date: "2026-10-31", value: 43_450_000 },
      ],
    },
    { label: "Digital and Customer", points: [{ date: "2026-09-30", value: 23_180_000 }] },
  ],
};

/** More milestones than fit one line each: the compact layout, milestones on their bars. */
export const portfolioTimelineInput: TimelineInput = {
  title: "Water Network Performance: schedules",
  asOf: "2026-11-30",
  rows: [1, 2, 3, 4, 5].map((n) => ({
    label: `PRJ-10${n} Network project ${n}`,
    baselineStart: `2026-0${n}-01`,
    baselineFinish: `2027-0${n}-28`,
    forecastStart: `2026-0${n}-15`,
    forecastFinish: `2027-0${n + 2}-28`,
    milestones: [
      { label: "Design", baseline: `2026-0${n + 2}-10`, actual: `2026-0${n + 2}-20` },
      {
        label: "Build",
        baseline: `2026-${String(n + 6).padStart(2, "0")}-10`,
        forecast: `2026-${String(n + 7).padStart(2, "0")}-05`,
      },
      { label: "Handover", baseline: `2027-0${n}-20`, forecast: `2027-0${n + 2}-20` },
    ],
  })),
};
