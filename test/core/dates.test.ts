import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { parseISO } from "date-fns/parseISO";
import { describe, expect, it } from "vitest";
import { addDaysIso, daysBetween, isIsoDate } from "../../src/core/dates.js";

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
