/**
 * Time for the schedule network: dates become numbered time points and back.
 *
 * The pass works on numbers. A point n is the boundary at the start of working day n (day n
 * being the n-th working day after an epoch; calendar days count every day). An activity that
 * starts at point s and lasts d days occupies days s .. s+d-1 and finishes at point s+d; its
 * finish date is the date of day s+d-1. A zero-duration milestone reached at point t is dated
 * by the day that ends there (day t-1): a milestone after a task that finishes on Friday is
 * dated Friday, and its Monday successor starts at the same point.
 */

import { utcDayNumber } from "../../dates.js";

const MS_PER_DAY = 86_400_000;
/** 1970-01-05, a Monday: day 0 of the working-day count. */
const EPOCH_MONDAY = 4;

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface CalendarOptions {
  /** `calendar`: every day counts (the default); `working`: only working days count. */
  days: "calendar" | "working";
  /** For `working`: the working weekdays (default Monday to Friday). */
  workingWeekdays?: readonly Weekday[];
  /** For `working`: dates (YYYY-MM-DD) that are not worked, such as public holidays. */
  nonWorkingDates?: readonly string[];
}

export interface WorkCalendar {
  readonly days: "calendar" | "working";
  /** The point at which work starting on `date` starts (the next working day when it is not one). */
  startPoint(date: string): number;
  /** The point at which work finishing on `date` has finished (the previous working day when it is not one). */
  finishPoint(date: string): number;
  /** The date of day `day` (a whole number). */
  dateOfDay(day: number): string;
  /** True when `date` is a working day. */
  isWorkingDate(date: string): boolean;
}

// A portfolio's dates repeat (tens of thousands of milestones share a few thousand dates), and
// converting through Date objects was a tenth of building the 10,000-project network: a date is
// counted by arithmetic (core/dates), and day numbers' dates are remembered. The map is bounded
// so that a long-lived process cannot grow it without limit.
const MEMO_LIMIT = 100_000;
const dates = new Map<number, string>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, so no time zone enters; core/dates utcDayNumber). */
export function dayNumber(date: string): number {
  return utcDayNumber(date);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDayNumber(n: number): string {
  let date = dates.get(n);
  if (date === undefined) {
    date = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
    if (dates.size >= MEMO_LIMIT) dates.clear();
    dates.set(n, date);
  }
  return date;
}

export function makeCalendar(options: CalendarOptions): WorkCalendar {
  if (options.days === "calendar") {
    return {
      days: "calendar",
      startPoint: dayNumber,
      finishPoint: (date) => dayNumber(date) + 1,
      dateOfDay: dateOfDayNumber,
      isWorkingDate: () => true,
    };
  }
  const weekdays = options.workingWeekdays ?? WEEKDAYS.slice(0, 5);
  const working = WEEKDAYS.map((d) => weekdays.includes(d));
  const perWeek = working.filter(Boolean).length;
  if (perWeek === 0) throw new RangeError("a working-day calendar needs at least one working weekday");
  /** before[r]: working weekdays among the first r days of a week (Monday first). */
  const before = [0];
  for (let r = 0; r < 7; r++) before.push(before[r]! + (working[r] ? 1 : 0));
  const weekdayIndex = (n: number): number => (((n - EPOCH_MONDAY) % 7) + 7) % 7;
  const isWorkingWeekday = (n: number): boolean => working[weekdayIndex(n)]!;
  // Holidays that fall on working weekdays, as sorted unique day numbers.
  const holidays = [...new Set((options.nonWorkingDates ?? []).map(dayNumber))]
    .filter(isWorkingWeekday)
    .sort((a, b) => a - b);
  const holidaySet = new Set(holidays);
  /** Holidays strictly before day n. */
  const holidaysBefore = (n: number): number => {
    let lo = 0;
    let hi = holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (holidays[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Working weekdays strictly before day n, ignoring holidays. */
  const weekdaysBefore = (n: number): number => {
    const s = n - EPOCH_MONDAY;
    const weeks = Math.floor(s / 7);
    return weeks * perWeek + before[s - weeks * 7]!;
  };
  /** The k-th working weekday (0-based), ignoring holidays. */
  const plainDay = (k: number): number => {
    const weeks = Math.floor(k / perWeek);
    let rest = k - weeks * perWeek;
    let r = 0;
    while (!working[r] || rest > 0) {
      if (working[r]) rest--;
      r++;
    }
    return EPOCH_MONDAY + weeks * 7 + r;
  };
  const count = (n: number): number => weekdaysBefore(n) - holidaysBefore(n);
  const isWorkingDay = (n: number): boolean => isWorkingWeekday(n) && !holidaySet.has(n);
  return {
    days: "working",
    startPoint: (date) => count(dayNumber(date)),
    finishPoint: (date) => {
      const n = dayNumber(date);
      return count(n) + (isWorkingDay(n) ? 1 : 0);
    },
    dateOfDay: (day) => {
      let h = holidaysBefore(plainDay(day));
      for (;;) {
        const n = plainDay(day + h);
        const h2 = holidaysBefore(n);
        if (h2 !== h) {
          h = h2;
          continue;
        }
        if (!holidaySet.has(n)) return dateOfDayNumber(n);
        h++;
      }
    },
    isWorkingDate: (date) => isWorkingDay(dayNumber(date)),
  };
}
