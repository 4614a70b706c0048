/**
 * Calendar arithmetic for the time axes, in whole UTC days so no chart depends on the time zone
 * or the locale of the machine: month names are spelled here, not looked up.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

/**
 * Each text's day number, once: a report reads the same few thousand dates again on every
 * chart (a 2,500-project site draws 10,000 charts), and a date's text is not short to check.
 */
const days = new Map<string, number | undefined>();

/** Days since 1970-01-01 for a real YYYY-MM-DD date; undefined for anything else. */
export function dayOf(value: string | undefined): number | undefined {
  if (typeof value !== "string") return undefined;
  if (days.has(value)) return days.get(value);
  const day = parseDay(value);
  days.set(value, day);
  return day;
}

function parseDay(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** YYYY-MM-DD for a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Each day's long text, once: tooltips name the same days on chart after chart. */
const longDates = new Map<number, string>();

/** "30 Nov 2026". */
export function longDate(day: number): string {
  let text = longDates.get(day);
  if (text === undefined) {
    const d = new Date(day * DAY_MS);
    text = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    longDates.set(day, text);
  }
  return text;
}

/** "Nov 2026". */
export function monthYear(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The first day of the month `day` falls in, moved by `months` months. */
export function monthStart(day: number, months = 0): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
}

export interface MonthTick {
  day: number;
  /** "Jan", with the year on the first tick and on each January: "Jan 2027". */
  label: string;
  month: string;
  year: string | undefined;
}

/**
 * Month boundaries from `from` (a month start) to `to`, thinned to every 2nd, 3rd, 6th or 12th
 * month so that at most `maxTicks` are labelled; the steps stay aligned to quarters and years.
 */
export function monthTicks(from: number, to: number, maxTicks: number): readonly MonthTick[] {
  // Charts of one report share a few dozen time spans: each span's ticks are made once.
  const key = `${from} ${to} ${maxTicks}`;
  let ticks = tickCache.get(key);
  if (ticks === undefined) {
    ticks = Object.freeze(makeMonthTicks(from, to, maxTicks));
    tickCache.set(key, ticks);
  }
  return ticks;
}

const tickCache = new Map<string, readonly MonthTick[]>();

function makeMonthTicks(from: number, to: number, maxTicks: number): MonthTick[] {
  const all: number[] = [];
  for (let day = monthStart(from); day <= to; day = monthStart(day, 1)) all.push(day);
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => Math.ceil(all.length / s) <= Math.max(1, maxTicks)) ?? 120;
  const ticks = all.filter((day) => {
    const d = new Date(day * DAY_MS);
    const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
    return index % step === 0;
  });
  return ticks.map((day, i) => {
    const d = new Date(day * DAY_MS);
    const month = MONTHS[d.getUTCMonth()]!;
    const year = i === 0 || d.getUTCMonth() === 0 || step >= 12 ? String(d.getUTCFullYear()) : undefined;
    return { day, month, year, label: year ? `${month} ${year}` : month };
  });
}
