import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && isValid(parseISO(value));
}

/**
 * Whether year-month-day names a day of the (proleptic Gregorian) calendar, for years 1000 to
 * 9999; undefined for other years, which the caller leaves to date-fns.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean | undefined {
  if (year < 1000 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Today's date in the local time zone, as YYYY-MM-DD: the default --as-of. */
export function localToday(now: Date): string {
  return format(now, "yyyy-MM-dd");
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later), for YYYY-MM-DD dates.
 * Calendar days, so the answer does not depend on the time zone or daylight saving. Rules and
 * views call this hundreds of thousands of times on large repositories, so a well-formed
 * date is counted as UTC days directly; anything else goes through date-fns.
 */
export function daysBetween(from: string, to: string): number {
  const a = utcDay(from);
  const b = utcDay(to);
  if (a !== undefined && b !== undefined) return b - a;
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

function utcDay(date: string): number | undefined {
  return date.length === 10 && ISO_DATE.test(date) ? utcDayNumber(date) : undefined;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date: `Math.round(Date.UTC(y, m - 1, d) / 86_400_000)`,
 * the time axis of the schedule network and of earned value curves. A well-formed date of a
 * year from 100 on is counted by arithmetic (days from the civil date, H. Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms"), which a portfolio asks hundreds of thousands
 * of times; a day past the end of its month runs into the next month, as Date.UTC lets it.
 * Anything else (years 0-99, which Date.UTC reads as 19xx; a month out of range; not digits)
 * goes through Date.UTC itself.
 */
export function utcDayNumber(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= 100 && month >= 1 && month <= 12 && day >= 0) {
      const y = month <= 2 ? year - 1 : year;
      const era = Math.floor(y / 400);
      const yearOfEra = y - era * 400;
      const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
      const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
      return era * 146_097 + dayOfEra - 719_468;
    }
  }
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

/** The decimal number written by the ASCII digits from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The date `days` calendar days after `date` (before, when negative), as YYYY-MM-DD. */
export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), "yyyy-MM-dd");
}
