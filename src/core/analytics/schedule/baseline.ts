import { daysBetween } from "../../dates.js";
import type { ProjectSchedule, ScheduleItem } from "./build.js";

/** One item of the schedule against the baseline's date for it. */
export interface BaselineVarianceItem {
  key: string;
  name: string;
  /** The item's date in the baseline (its `baseline` there); undefined when the baseline has none. */
  baseline: string | undefined;
  /** The actual date once complete, else the early finish the network gives today. */
  finish: string | undefined;
  /** Calendar days from the baseline date to `finish` (positive: later than the baseline). */
  varianceDays: number | undefined;
  complete: boolean;
}

/** A project's finish today against the baseline's planned finish. */
export interface BaselineVarianceProject {
  id: string;
  baselineFinish: string | undefined;
  /** The actual finish, else the forecast finish, else the latest early finish of its items. */
  finish: string | undefined;
  finishFrom: "actual" | "forecast" | "network" | undefined;
  varianceDays: number | undefined;
}

/** A project's finish dates as its document gives them (its baseline finish the baseline's). */
export interface ProjectFinishDates {
  baselineFinish: string | undefined;
  forecastFinish: string | undefined;
  actualFinish: string | undefined;
}

/** `pmo schedule --baseline NAME`: today's network measured against the baseline's dates. */
export interface BaselineVariance {
  name: string;
  items: BaselineVarianceItem[];
  projects: BaselineVarianceProject[];
  /** Projects that are not in the baseline: they have no baseline dates there. */
  notInBaseline: string[];
}

/**
 * The variance of each item (and each project's finish) against the baseline, in calendar days
 * like every slip pmo reports. The items must come from a schedule built on projects whose
 * baseline dates are the baseline's (analytics/evm `withBaselineDates`); `finishes` gives each
 * project's baseline finish (the baseline's) and its own actual and forecast finish.
 */
export function baselineVariance(
  name: string,
  items: readonly ScheduleItem[],
  projects: readonly ProjectSchedule[],
  finishes: ReadonlyMap<string, ProjectFinishDates>,
  notInBaseline: readonly string[],
): BaselineVariance {
  const variance = (from: string | undefined, to: string | undefined) =>
    from !== undefined && to !== undefined && to !== "" ? daysBetween(from, to) : undefined;
  const shown = new Set(items.map((it) => it.project));
  return {
    name,
    items: items.map((it) => {
      const finish = it.actual ?? (it.earlyFinish === "" ? undefined : it.earlyFinish);
      return {
        key: it.key,
        name: it.name,
        baseline: it.baseline,
        finish,
        varianceDays: variance(it.baseline, finish),
        complete: it.complete,
      };
    }),
    projects: projects
      .filter((p) => shown.has(p.id))
      .map((p) => {
        const dates = finishes.get(p.id);
        const [finish, finishFrom] =
          dates?.actualFinish !== undefined
            ? [dates.actualFinish, "actual" as const]
            : dates?.forecastFinish !== undefined
              ? [dates.forecastFinish, "forecast" as const]
              : p.finish !== undefined
                ? [p.finish, "network" as const]
                : [undefined, undefined];
        return {
          id: p.id,
          baselineFinish: dates?.baselineFinish,
          finish,
          finishFrom,
          varianceDays: variance(dates?.baselineFinish, finish),
        };
      }),
    notInBaseline: [...notInBaseline],
  };
}

const signed = (days: number | undefined): string =>
  days === undefined ? "unknown" : days > 0 ? `+${days}` : String(days);

type Renderer = (headers: string[], rows: string[][], align: ("left" | "right")[]) => string;

const HEADERS = ["item", "name", "baseline", "finish", "variance (days)"];
const ALIGN: ("left" | "right")[] = ["left", "left", "left", "left", "right"];

function rows(v: BaselineVariance): string[][] {
  return [
    ...v.items.map((it) => [
      it.key,
      it.name,
      it.baseline ?? "none",
      `${it.finish ?? "unknown"}${it.complete ? " (actual)" : ""}`,
      signed(it.varianceDays),
    ]),
    ...v.projects.map((p) => [
      `${p.id} finish`,
      "project finish",
      p.baselineFinish ?? "none",
      `${p.finish ?? "unknown"}${p.finishFrom === undefined ? "" : ` (${p.finishFrom})`}`,
      signed(p.varianceDays),
    ]),
  ];
}

function notes(v: BaselineVariance): string[] {
  const out = [
    `Finish: an item's actual date once complete, else today's early finish; a project's actual finish, else its forecast finish, else its last item's early finish (network). Variance in calendar days, + later than baseline ${v.name}; "none": the baseline gives no date.`,
  ];
  if (v.notInBaseline.length > 0)
    out.push(`Not in baseline ${v.name} (no baseline dates): ${v.notInBaseline.join(", ")}`);
  return out;
}

export function formatBaselineVarianceTable(
  v: BaselineVariance,
  render: Renderer,
  bold: (t: string) => string,
): string {
  return [
    bold(`Against baseline ${v.name}`),
    render(HEADERS, rows(v), ALIGN).replace(/\n*$/, ""),
    ...notes(v),
    "",
  ].join("\n");
}

export function formatBaselineVarianceMarkdown(v: BaselineVariance): string {
  const cell = (t: string) => t.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `## Against baseline ${cell(v.name)}`,
    "",
    `| ${HEADERS.join(" | ")} |`,
    `| ${ALIGN.map((a) => (a === "right" ? "---:" : "---")).join(" | ")} |`,
    ...rows(v).map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
    ...notes(v).map(cell),
    "",
  ].join("\n");
}

export function baselineVarianceJson(v: BaselineVariance): Record<string, unknown> {
  return {
    name: v.name,
    items: v.items.map((it) => ({
      key: it.key,
      baseline: it.baseline ?? null,
      finish: it.finish ?? null,
      varianceDays: it.varianceDays ?? null,
      complete: it.complete,
    })),
    projects: v.projects.map((p) => ({
      id: p.id,
      baselineFinish: p.baselineFinish ?? null,
      finish: p.finish ?? null,
      finishFrom: p.finishFrom ?? null,
      varianceDays: p.varianceDays ?? null,
    })),
    notInBaseline: v.notInBaseline,
  };
}
