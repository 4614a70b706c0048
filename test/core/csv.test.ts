import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { formatCsv, neutraliseFormula, stringifyCsv } from "../../src/core/csv.js";
import { unneutralise } from "../../src/core/import/values.js";

// d3-dsv implements RFC 4180 (https://github.com/d3/d3-dsv#dsv_parse): a reader other than the
// csv-parse pmo itself imports with, so the two cannot share a mistake.
const BOM = "\ufeff";
const read = (csv: string): string[][] => csvParseRows(csv.startsWith(BOM) ? csv.slice(1) : csv);

describe("formatCsv", () => {
  it.each([
    ["a carriage return", "\r=cmd|' /C calc'!A0"],
    ["a line feed", "first\nsecond"],
    ["CRLF", "first\r\nsecond"],
    ["a quote", 'the "big" one'],
    ["a comma", "£1.2m, café"],
    ["a lone CR inside", "a\rb"],
  ])("quotes a field holding %s, and an RFC 4180 reader reads the row back whole", (_what, value) => {
    const csv = formatCsv(["id", "text", "after"], [["R1", value, "end"]]);
    const rows = read(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(["R1", neutraliseFormula(value), "end"]);
    expect(unneutralise(rows[1]![1]!)).toBe(value);
  });

  it.each([
    "=SUM(A1)",
    "+1",
    "-2+3",
    "@x",
    " =cmd",
    "\t=cmd",
    "\r=cmd",
    "\n=cmd",
    "\u00a0=cmd",
    "\u200b+1",
    "\u0001@x",
  ])("guards the formula %j, also after whitespace and control characters", (value) => {
    const [, row] = read(formatCsv(["text"], [[value]]));
    expect(row![0]).toBe(`'${value}`);
    expect(unneutralise(row![0]!)).toBe(value);
  });

  it.each(["plain", "a = b", "e-mail", "'quoted"])("leaves %j as it is", (value) => {
    expect(read(formatCsv(["text"], [[value]]))[1]![0]).toBe(value);
    expect(unneutralise(value)).toBe(value);
  });

  it("leaves numbers as numbers: a negative amount is no formula", () => {
    expect(formatCsv(["amount"], [[-1200]], { bom: false })).toBe("amount\n-1200\n");
  });

  it("starts with a UTF-8 byte order mark unless told not to", () => {
    const withBom = Buffer.from(formatCsv(["text"], [["£1.2m café"]]), "utf8");
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(formatCsv(["text"], [["£1.2m café"]], { bom: false })).toBe("text\n£1.2m café\n");
  });
});

describe("formatCsv against csv-stringify", () => {
  it("writes what csv-stringify writes with the same options, for every kind of cell and row", () => {
    // A seeded generator (mulberry32), so that a failure names an input that can be run again.
    let a = 11;
    const next = (): number => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ["a", "Zoë", " ", ",", '"', "\r", "\n", "=", "+", "-", "@", "\t", "'", "£1.2m", "\u00a0", "0", ""];
    const text = (): string =>
      Array.from({ length: Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
    const cells: (() => unknown)[] = [
      text,
      () => Math.round((next() - 0.5) * 1e6) / 100,
      () => -0,
      () => Number.NaN,
      () => Infinity,
      () => next() > 0.5,
      () => null,
      () => undefined,
      () => "",
      () => BigInt(Math.round(next() * 1e9)),
    ];
    const cell = (): unknown => cells[Math.floor(next() * cells.length)]!();
    for (let table = 0; table < 300; table++) {
      const columns = Array.from({ length: 1 + Math.floor(next() * 5) }, text);
      // Rows shorter and longer than the header, and none at all.
      const records = Array.from({ length: Math.floor(next() * 6) }, () =>
        Array.from({ length: Math.floor(next() * (columns.length + 2)) }, cell),
      );
      for (const bom of [true, false])
        expect(formatCsv(columns, records, { bom }), JSON.stringify({ columns, records: String(records) })).toBe(
          stringifyCsv(columns, records, bom),
        );
    }
  });

  it("leaves a table with other cells (objects, dates) to csv-stringify", () => {
    const records = [["R1", { a: 1 }, new Date(Date.UTC(2026, 10, 30))]];
    expect(formatCsv(["id", "object", "date"], records)).toBe(stringifyCsv(["id", "object", "date"], records, true));
    expect(formatCsv(["id", "object", "date"], records)).toContain(`"{""a"":1}",${Date.UTC(2026, 10, 30)}\n`);
  });
});
