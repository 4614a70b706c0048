import { addDaysIso } from "../dates.js";

export const PERIOD_KINDS = ["week", "month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period: ISO weeks start on Monday; months, quarters and years are calendar ones. */
export interface Period {
  /** `2026-11` for a month, `2026-Q4` for a quarter, `2026` for a year, the Monday `2026-11-23` for a week. */
  key: string;
  start: string;
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodOf(date: string, kind: PeriodKind): Period {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = String(y).padStart(4, "0");
  if (kind === "month")
    return { key: `${year}-${pad(m)}`, start: `${year}-${pad(m)}-01`, end: `${year}-${pad(m)}-${pad(lastDay(y, m))}` };
  if (kind === "quarter") {
    const q = Math.floor((m - 1) / 3) + 1;
    const first = (q - 1) * 3 + 1;
    return {
      key: `${year}-Q${q}`,
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`,
    };
  }
  if (kind === "year") return { key: year, start: `${year}-01-01`, end: `${year}-12-31` };
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  const start = addDaysIso(date, -weekday);
  return { key: start, start, end: addDaysIso(start, 6) };
}

/** The period after `period`. */
export function nextPeriod(period: Period, kind: PeriodKind): Period {
  return periodOf(addDaysIso(period.end, 1), kind);
}

/** How many periods of `kind` run from the one holding `from` to the one holding `to`, both included. */
export function countPeriods(from: string, to: string, kind: PeriodKind): number {
  if (to < from) return 0;
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  if (kind === "year") return ty - fy + 1;
  if (kind === "quarter") return ty * 4 + Math.floor((tm - 1) / 3) - (fy * 4 + Math.floor((fm - 1) / 3)) + 1;
  if (kind === "month") return ty * 12 + tm - (fy * 12 + fm) + 1;
  const a = periodOf(from, "week").start;
  const b = periodOf(to, "week").start;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
}

/**
 * The finest period, no finer than `preferred`, that cuts `from`..`to` into at most `max`
 * periods: a trend over ten years of annual data reads by year, a trend over one quarter of
 * weekly updates by week.
 */
export function periodFitting(from: string, to: string, preferred: PeriodKind, max: number): PeriodKind {
  const kinds = PERIOD_KINDS.slice(PERIOD_KINDS.indexOf(preferred));
  return kinds.find((k) => countPeriods(from, to, k) <= max) ?? "year";
}
