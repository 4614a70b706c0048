import type { Project } from "../../../model/entities.js";
import {
  isMeasured,
  projectEvmAgainst,
  sharedProjectEvm,
  type EvmFigures,
  type ProjectEvm,
} from "../../analytics/evm/index.js";
import { formatMoney } from "../../money.js";
import { quadrant, trendLines } from "../charts/index.js";
import { chartView, type ChartView, type ReportContext } from "../context.js";

/** One figure of the cost and schedule performance panel: its value in words, and what it means. */
export interface PerformanceRow {
  name: string;
  value: string;
  meaning: string;
}

/** A project's cost and schedule performance (earned value), for its page. */
export interface PerformanceView {
  rows: PerformanceRow[];
  /** TCPI against the budget, judged in plain words. */
  tcpi: string;
  /** What is unknown and why (never shown as 0). */
  unknown: string[];
  /** PV, EV and AC over time. */
  sCurve: ChartView | null;
  /** CPI and SPI over the project's git history, when there is one. */
  trend: ChartView | null;
}

/** Earned value by baseline plan (or none), project, date and currency. */
const measured = new WeakMap<object, WeakMap<Project, Map<string, ProjectEvm | undefined>>>();
const NO_BASELINE = {};

/**
 * The earned value of a project at the report's date, the same figures `pmo evm` prints (with
 * `--baseline`, those of `pmo evm --baseline`: the same merge and measurement); computed once
 * per project, though the dashboard and the project's page both read it.
 */
export function evmOf(ctx: ReportContext, project: Project): ProjectEvm | undefined {
  const plan = ctx.baselinePlan ?? NO_BASELINE;
  let byProject = measured.get(plan);
  if (!byProject) {
    byProject = new WeakMap();
    measured.set(plan, byProject);
  }
  let known = byProject.get(project);
  if (!known) {
    known = new Map();
    byProject.set(project, known);
  }
  const key = `${ctx.asOf} ${ctx.settings.currency}`;
  if (known.has(key)) return known.get(key);
  const options = { asOf: ctx.asOf, defaultCurrency: ctx.settings.currency };
  const evm = !isMeasured(project)
    ? undefined
    : ctx.baselinePlan
      ? projectEvmAgainst(project, ctx.baselinePlan, options)
      : sharedProjectEvm(project, options);
  known.set(key, evm);
  return evm;
}

const ratio = (f: EvmFigures["cpi"]) => (f.value === undefined ? "unknown" : f.value.toFixed(2));

/** Cost and schedule performance for a project page; null for a project `pmo evm` does not measure. */
export function buildPerformance(ctx: ReportContext, project: Project, fileName: string): PerformanceView | null {
  const evm = evmOf(ctx, project);
  if (!evm) return null;
  const f = evm.figures;
  const money = (v: number | undefined) => (v === undefined ? "unknown" : formatMoney(v, evm.currency));
  const eac = f.eacUsed ? f.eac[f.eacUsed] : f.eac.cpi;
  const vac = f.eacUsed ? f.vac[f.eacUsed] : f.vac.cpi;
  const rows: PerformanceRow[] = [
    {
      name: "CPI",
      value: ratio(f.cpi),
      meaning: f.cpi.value === undefined ? "" : `${Math.round(f.cpi.value * 100)} of value earned per 100 spent`,
    },
    {
      name: "SPI",
      value: ratio(f.spi),
      meaning:
        f.spi.value === undefined ? "" : `${Math.round(f.spi.value * 100)}% of the value planned by now is earned`,
    },
    {
      name: "SPI(t)",
      value: ratio(f.spit),
      meaning:
        f.svt.value === undefined
          ? ""
          : `${Math.abs(Math.round(f.svt.value))} days ${f.svt.value < 0 ? "behind" : "ahead of"} the plan (earned schedule${f.esLabel ? ` reaches ${f.esLabel}` : ""})`,
    },
    {
      name: "EAC vs BAC",
      value: `${money(eac.value)} vs ${money(f.bac.value)}`,
      meaning:
        vac.value === undefined
          ? ""
          : `${vac.value < 0 ? "over" : "under"} budget at completion by ${formatMoney(Math.abs(vac.value), evm.currency)} (${f.eacUsed === "bottomUp" ? "the project forecast" : "BAC / CPI"})`,
    },
  ];
  const unknown = [f.bac, f.pv, f.ev, f.ac].flatMap((x) => ("missing" in x ? [x.missing] : []));
  const series = [
    { label: "Planned value (PV)", points: evm.series.planned },
    { label: "Earned value (EV)", points: f.ev.value === undefined ? [] : [{ date: ctx.asOf, value: f.ev.value }] },
    {
      label: "Actual cost (AC)",
      points: [
        ...evm.series.actual,
        ...(f.ac.value === undefined || evm.series.actual.some((p) => p.date === ctx.asOf)
          ? []
          : [{ date: ctx.asOf, value: f.ac.value }]),
      ],
    },
  ];
  const hasCurve = evm.series.planned.length > 0 || evm.series.actual.length > 0;
  const sCurve = hasCurve
    ? chartView(
        trendLines({
          title: `${project.id} planned value, earned value and actual cost`,
          yLabel: evm.currency,
          series,
        }),
        `evm-${fileName}.svg`,
        ctx.links,
      )
    : null;
  return { rows, tcpi: tcpiInWords(f), unknown, sCurve, trend: indexTrend(ctx, project, fileName) };
}

/** CPI and SPI over the git history (pmo evm --history), when the report has the history and the project two points or more. */
function indexTrend(ctx: ReportContext, project: Project, fileName: string): ChartView | null {
  const points = ctx.history.kind === "git" ? ctx.history.evm?.get(project.id) : undefined;
  if (!points || points.length < 2) return null;
  const series = [
    { label: "CPI", points: points.flatMap((p) => (p.cpi === null ? [] : [{ date: p.date, value: p.cpi }])) },
    { label: "SPI", points: points.flatMap((p) => (p.spi === null ? [] : [{ date: p.date, value: p.spi }])) },
  ];
  return chartView(
    trendLines({ title: `${project.id} CPI and SPI over time`, yLabel: "index", series, includeZero: false }),
    `evm-trend-${fileName}.svg`,
    ctx.links,
  );
}

/** TCPI against the budget, in the words a board reads. */
export function tcpiInWords(f: EvmFigures): string {
  const t = f.tcpiBac;
  if (t.value === undefined) {
    if (f.notes.includes("ac-exceeds-bac") || f.notes.includes("bac-equals-ac"))
      return "The budget is already spent: the project cannot finish within it; it needs a new forecast and a budget decision.";
    return `TCPI is unknown: ${t.missing}.`;
  }
  const pct = Math.round(Math.abs(t.value - 1) * 100);
  const cpi = f.cpi.value;
  if (t.value <= 1)
    return `TCPI ${t.value.toFixed(2)}: the remaining work can cost ${pct}% more than budgeted and still finish within the budget; achievable.`;
  if (t.value <= 1.1) {
    const vsCpi =
      cpi !== undefined && t.value > cpi + 0.05
        ? `, well above today's CPI of ${cpi.toFixed(2)}: achievable only with a real improvement`
        : ": achievable with care";
    return `TCPI ${t.value.toFixed(2)}: the remaining work must be done ${pct}% more efficiently than budgeted${vsCpi}.`;
  }
  return `TCPI ${t.value.toFixed(2)}: the remaining work must be done ${pct}% more efficiently than budgeted, more than projects credibly achieve (1.10); the budget will not hold without a new forecast.`;
}

/** The portfolio quadrant: every measured project by SPI and CPI. */
export function buildQuadrant(ctx: ReportContext, projects: readonly Project[]): ChartView | null {
  const measured = projects
    .map((p) => ({ p, evm: evmOf(ctx, p) }))
    .filter((x): x is { p: Project; evm: ProjectEvm } => x.evm !== undefined);
  if (measured.length === 0) return null;
  const points = measured.flatMap(({ p, evm }) =>
    evm.figures.spi.value !== undefined && evm.figures.cpi.value !== undefined
      ? [{ id: p.id, label: `${p.id} ${p.name}`, spi: evm.figures.spi.value, cpi: evm.figures.cpi.value }]
      : [],
  );
  const leftOut = measured
    .filter(({ evm }) => evm.figures.spi.value === undefined || evm.figures.cpi.value === undefined)
    .map(({ p }) => p.id);
  return chartView(
    quadrant({ title: "Cost and schedule performance (SPI vs CPI)", points, leftOut }),
    "evm-quadrant.svg",
    ctx.links,
  );
}
