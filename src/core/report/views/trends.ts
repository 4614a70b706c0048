import type { Project } from "../../../model/entities.js";
import { statusBars, statusHistory, trendLines } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";
import { historyNote, periodLabel } from "../history.js";
import { compareIds } from "../links.js";

/** A project's trends: its overall status over time and its forecast at completion over time. */
export interface ProjectTrendsView {
  /** Why there are no trend charts (no git history, or the project is not in it yet). */
  note: string | null;
  status: ChartView | null;
  /** One chart per currency the forecast was given in. */
  forecast: ChartView[];
}

/** The portfolio's trends: the status distribution per reporting period and the forecast drift. */
export interface PortfolioTrendsView {
  note: string | null;
  /** "week", "month", "quarter" or "year": the reporting period the history is cut into. */
  period: string | null;
  periods: number;
  /** The first and last period shown ("Jan 2025", "Q3 2026", "2023"); null without history. */
  from: string | null;
  to: string | null;
  /** Changes of the status scale within the trend, in words: statuses across one are not compared. */
  scaleChanges: string[];
  statusByPeriod: ChartView | null;
  /** One chart per currency: the total forecast at completion at the end of each period. */
  forecast: ChartView[];
}

/**
 * The project's trend charts, from the committed history plus the repository as the report
 * reads it (the working tree, which may hold changes not committed yet), at the as-of date.
 */
export function buildProjectTrends(ctx: ReportContext, project: Project, fileName: string): ProjectTrendsView {
  const note = historyNote(ctx.history);
  if (note !== null) return { note, status: null, forecast: [] };
  const entries = (ctx.projectHistory(project.id)?.entries ?? []).filter((e) => e.date <= ctx.asOf);
  if (entries.length === 0)
    return {
      note: "No trend yet: this project is not in the git history up to the as-of date (it has not been committed).",
      status: null,
      forecast: [],
    };

  const statusPoints: { date: string; value: string | undefined }[] = entries.map((e) => ({
    date: e.date,
    value: e.change === "removed" ? undefined : e.overall,
  }));
  const lastStatus = statusPoints[statusPoints.length - 1]!.value;
  const assessed = project.status?.asOf;
  if (lastStatus !== project.status?.overall) {
    const lastDate = statusPoints[statusPoints.length - 1]!.date;
    statusPoints.push({
      date: assessed !== undefined && assessed > lastDate && assessed <= ctx.asOf ? assessed : ctx.asOf,
      value: project.status?.overall,
    });
  } else if (assessed !== undefined) {
    // The current status holds from the date it was assessed, not from the commit that recorded it.
    let run = statusPoints.length - 1;
    while (run > 0 && statusPoints[run - 1]!.value === lastStatus) run--;
    const before = run > 0 ? statusPoints[run - 1]!.date : undefined;
    if (assessed < statusPoints[run]!.date && (before === undefined || before < assessed))
      statusPoints[run] = { ...statusPoints[run]!, date: assessed };
  }
  const status = statusHistory({
    title: `${project.id} ${project.name}: overall status over time`,
    scale: ctx.scale.map((s) => ({ value: s.value, label: s.label, color: s.color })),
    points: statusPoints,
    until: ctx.asOf,
  });

  const byCurrency = new Map<string, { date: string; value: number }[]>();
  const add = (currency: string, date: string, value: number): void => {
    const points = byCurrency.get(currency) ?? [];
    byCurrency.set(currency, points);
    if (points[points.length - 1]?.value !== value) points.push({ date, value });
  };
  for (const e of entries)
    if (e.forecastCost !== undefined) add(e.currency ?? ctx.settings.currency, e.date, e.forecastCost);
  const current = project.budget?.forecast;
  if (current !== undefined) add(project.budget!.currency ?? ctx.settings.currency, ctx.asOf, current);
  const currencies = [...byCurrency.keys()].sort(compareIds);
  const forecast = currencies.map((currency) => {
    const chart = trendLines({
      title: `${project.id} ${project.name}: forecast at completion over time (${currency})`,
      yLabel: `Forecast (${currency})`,
      series: [{ label: `Forecast at completion (${currency})`, points: byCurrency.get(currency)! }],
      includeZero: false,
    });
    return chartView(
      chart,
      `forecast-history-${fileName}${currencies.length > 1 ? `-${currency}` : ""}.svg`,
      ctx.links,
    );
  });
  return { note: null, status: chartView(status, `status-history-${fileName}.svg`, ctx.links), forecast };
}

/** The dashboard's trend charts, from the history's period snapshots (the last commit of each period). */
export function buildPortfolioTrends(ctx: ReportContext): PortfolioTrendsView {
  const note = historyNote(ctx.history);
  if (ctx.history.kind !== "git")
    return {
      note,
      period: null,
      periods: 0,
      from: null,
      to: null,
      scaleChanges: [],
      statusByPeriod: null,
      forecast: [],
    };
  const { history } = ctx.history;
  // The window follows the data: every period from the first commit (or --since) to the as-of
  // date; the command picks a period long enough that they stay few (see trendPeriod).
  const since = ctx.history.trendSince;
  const periods = history.periods.filter((p) => p.start <= ctx.asOf && (since === undefined || p.end >= since));
  const shown = periods;
  const noReport = "No status report";
  const statusByPeriod = statusBars({
    title: `Projects by overall status, ${history.period} by ${history.period}`,
    rowsAre: "periods",
    scale: ctx.scale.map((s) => ({ value: s.value, label: s.label, color: s.color })),
    rows: shown.map((p) => {
      const counts: Record<string, number> = {};
      for (const [value, count] of Object.entries(p.statuses))
        counts[value === "none" ? noReport : ctx.settings.isNotAssessed(value) ? ctx.status(value)!.label : value] =
          count;
      return { label: periodLabel(history.period, p.start), counts };
    }),
  });

  const byCurrency = new Map<string, { date: string; value: number }[]>();
  for (const p of periods) {
    for (const f of p.forecast) {
      const points = byCurrency.get(f.currency) ?? [];
      byCurrency.set(f.currency, points);
      points.push({ date: p.asOf, value: f.total });
    }
  }
  const currencies = [...byCurrency.keys()].sort(compareIds);
  const forecast = currencies.map((currency) =>
    chartView(
      trendLines({
        title: `Portfolio forecast at completion over time (${currency})`,
        yLabel: `Forecast (${currency})`,
        series: [{ label: `Total forecast, end of each ${history.period}`, points: byCurrency.get(currency)! }],
        includeZero: false,
      }),
      `forecast-by-${history.period}-${currency}.svg`,
      ctx.links,
    ),
  );
  return {
    note: periods.length === 0 ? "No trend yet: the git history has no commit up to the as-of date." : null,
    period: history.period,
    periods: shown.length,
    from: shown.length === 0 ? null : periodLabel(history.period, shown[0]!.start),
    to: shown.length === 0 ? null : periodLabel(history.period, shown[shown.length - 1]!.start),
    scaleChanges: history.scaleChanges
      .filter((c) => c.date <= ctx.asOf)
      .map(
        (c) =>
          `The status scale changed on ${c.date}, from ${c.from.name} (${c.from.values.join(", ")}) to ${c.to.name} (${c.to.values.join(", ")}): statuses before and after are not compared.`,
      ),
    statusByPeriod:
      periods.length === 0 ? null : chartView(statusByPeriod, `status-by-${history.period}.svg`, ctx.links),
    forecast,
  };
}
