import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/core/errors.js";
import { compileBlankPattern, parseImportMapping } from "../../../src/core/import/index.js";

describe("blank patterns run on a linear-time engine", () => {
  it("answers a pattern that backtracking would take longer than the age of the universe to answer", () => {
    // With JavaScript's RegExp this is 2^5000 steps; RE2 reads the cell once.
    const pattern = compileBlankPattern("^(a+)+$");
    if (typeof pattern === "string") throw new Error(pattern);
    expect(pattern.test(`${"a".repeat(5000)}!`)).toBe(false);
    expect(pattern.test("aaaa")).toBe(true);
  });

  it.each([
    ["^exempt under", "Exempt under section 43", true],
    ["^(n/?a|tbc)$", "N/A", true],
    ["^(n/?a|tbc)$", "TBCX", false],
    ["é", "É", true],
  ])("%s on %j is %s, ignoring case", (source, cell, expected) => {
    const pattern = compileBlankPattern(source);
    expect(typeof pattern === "string" ? pattern : pattern.test(cell)).toBe(expected);
  });

  it("reports a pattern RE2 cannot run with its position in the mapping", () => {
    const text = "kind: Project\nblankPatterns:\n  - ^ok$\n  - (a)\\1\nfields:\n  name: Name\n";
    let error: unknown;
    try {
      parseImportMapping(text, "map.yaml", undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const diagnostics = (error as UsageError).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(diagnostics).toEqual([
      "map.yaml:4:5 not a regular expression pmo can run safely: invalid escape sequence: `\\1`",
    ]);
  });
});
