import { format } from "date-fns/format";
import { parse } from "date-fns/parse";
import { describe, expect, it } from "vitest";
import { parseDate, parseNumber, slugify } from "../../../src/core/import/index.js";

describe("parseNumber", () => {
  it.each([
    ["450.37", {}, 450.37],
    ["450.37", { scale: 1e6 }, 450370000],
    ["£1.90m", { scale: 1e6 }, 1900000],
    ["£12,131.50", {}, 12131.5],
    ["12,131.50", { scale: 1e6 }, 12131500000],
    ["$ 2.5bn", {}, 2500000000],
    ["£250k", { scale: 1000 }, 250000],
    ["98339 ($m)", {}, 98339000000],
    ["(1,200)", {}, -1200],
    ["-3", {}, -3],
    ["45%", { scale: 1e6 }, 45],
    ["0.00%", {}, 0],
    ["2.0E-6", { scale: 1e6 }, 2],
    ["1.234,5", { decimalSeparator: "," }, 1234.5],
    ["12 131,50", { decimalSeparator: "," }, 12131.5],
    ["GBP 300", {}, 300],
  ] as const)("%s with %o is %d", (text, options, expected) => {
    expect(parseNumber(text, options)).toBe(expected);
  });

  it.each(["abc", "1,2", "12..5", "Exempt under Section 43", "1.2.3"])("rejects %s", (text) => {
    expect(() => parseNumber(text)).toThrow(/is not a number/);
  });
});

describe("parseDate", () => {
  const formats = ["iso", "DD/MM/YYYY", "DD/MM/YY"];
  it.each([
    ["2026-11-30", "2026-11-30"],
    ["2009-01-01T00:00:00Z", "2009-01-01"],
    ["31/05/2010", "2010-05-31"],
    ["1/9/2015", "2015-09-01"],
    ["01/09/15", "2015-09-01"],
    ["01/09/49", "2049-09-01"],
    ["01/09/50", "1950-09-01"],
  ])("%s is %s", (text, expected) => {
    expect(parseDate(text, formats)).toBe(expected);
  });

  it.each(["31/02/2024", "2012-30-09", "1/012/2014", "TBD", "09/30/2012"])("rejects %s", (text) => {
    expect(() => parseDate(text, formats)).toThrow(/is not a date in any of the formats iso, DD\/MM\/YYYY, DD\/MM\/YY/);
  });

  it("reads an ISO date as date-fns does, day by day, leap years and impossible days included", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    for (const year of [1000, 1582, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const date = parse(text, "yyyy-MM-dd", new Date(2000, 0, 1));
          const expected = Number.isNaN(date.getTime()) ? "rejected" : format(date, "yyyy-MM-dd");
          let got: string;
          try {
            got = parseDate(text, ["iso"]);
          } catch {
            got = "rejected";
          }
          expect(got, text).toBe(expected);
        }
  });

  it("tries the formats in the order given", () => {
    expect(parseDate("03/04/2025", ["MM/dd/yyyy", "dd/MM/yyyy"])).toBe("2025-03-04");
    expect(parseDate("03/04/2025", ["dd/MM/yyyy", "MM/dd/yyyy"])).toBe("2025-04-03");
  });
});

describe("slugify", () => {
  it.each([
    ["Department of Homeland Security", "Department-of-Homeland-Security"],
    ["Café / Zoë", "Cafe-Zoe"],
    ["--PRJ 001--", "PRJ-001"],
  ])("%s -> %s", (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });
});
