import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { formatCsv, neutraliseFormula } from "../../src/core/csv.js";
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
