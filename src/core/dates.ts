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

/** Today's date in the local time zone, as YYYY-MM-DD: the default --as-of. */
export function localToday(now: Date): string {
  return format(now, "yyyy-MM-dd");
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later), for YYYY-MM-DD dates.
 * Calendar days, so the answer does not depend on the time zone or daylight saving.
 */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** The date `days` calendar days after `date` (before, when negative), as YYYY-MM-DD. */
export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), "yyyy-MM-dd");
}
