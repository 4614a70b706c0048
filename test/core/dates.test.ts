import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { parseISO } from "date-fns/parseISO";
import { describe, expect, it } from "vitest";
import { addDaysIso, daysBetween, isIsoDate, utcDayNumber } from "../../src/core/dates.js";

describe("dates", () => {
  it.each([
    ["2026-11-30", "2026-11-30", 0],
    ["2026-09-30", "2027-01-29", 121],
    ["2027-01-29", "2026-09-30", -121],
    ["2024-02-28", "2024-03-01", 2], // leap year
    ["2026-03-28", "2026-03-30", 2], // daylight saving starts in Europe
    ["2026-04-04", "2026-04-06", 2], // and ends in New Zealand (tests run with TZ=Pacific/Auckland)
    ["1999-12-31", "2000-01-01", 1],
  ])("daysBetween(%s, %s) is %i, as date-fns counts calendar days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(daysBetween(from, to)).toBe(differenceInCalendarDays(parseISO(to), parseISO(from)));
  });

  it("adds days and recognises real calendar dates only", () => {
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("26-02-28")).toBe(false);
  });
});

// The reading of record: what the schedule and earned value counted before utcDayNumber.
const byDateUtc = (date: string): number =>
  Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

describe("utcDayNumber", () => {
  it("counts every day of 1600-2400 as Date.UTC does, days 00 and 32 of each month too", () => {
    let checked = 0;
    for (let year = 1600; year <= 2400; year++)
      for (let month = 1; month <= 12; month++)
        for (let day = 0; day <= 32; day++) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (utcDayNumber(date) !== byDateUtc(date))
            expect.fail(`${date}: ${utcDayNumber(date)} != ${byDateUtc(date)}`);
          checked++;
        }
    expect(checked).toBe(801 * 12 * 33);
    expect(utcDayNumber("1970-01-01")).toBe(0);
    expect(utcDayNumber("2026-11-30")).toBe(20_787);
  });

  it.each([
    "0099-12-31", // Date.UTC reads years 0-99 as 1900-1999
    "0100-03-01",
    "0400-02-29",
    "9999-12-31",
    "2026-00-10", // month 0 and 13 roll over, as Date.UTC rolls them
    "2026-13-01",
    "2026-1-01x",
    "2026/11/30",
    "20261130",
    "",
    "2026-11-3a",
    "+02026-11-30",
  ])("gives Date.UTC's answer for %j", (date) => {
    expect(utcDayNumber(date)).toStrictEqual(byDateUtc(date));
  });
});
