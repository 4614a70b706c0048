import { addDaysIso } from "../dates.js";

export type PeriodKind = "week" | "month";

/** A reporting period: ISO weeks start on Monday; months are calendar months. */
export interface Period {
  /** `2026-11` for a month, the Monday `2026-11-23` for a week. */
  key: string;
  start: string;
  end: string;
}

export function periodOf(date: string, kind: PeriodKind): Period {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (kind === "month") {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, "0");
    return { key: `${y}-${mm}`, start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, "0")}` };
  }
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  const start = addDaysIso(date, -weekday);
  return { key: start, start, end: addDaysIso(start, 6) };
}

/** The period after `period`. */
export function nextPeriod(period: Period, kind: PeriodKind): Period {
  return periodOf(addDaysIso(period.end, 1), kind);
}
