import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../../src/core/validate/suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["sponser", "sponsor", 1],
    ["kitten", "sitting", 3],
    ["rgb", "rag", 2],
  ] as const)("%s -> %s = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closestMatch", () => {
  const fields = ["sponsor", "stage", "status", "schedule", "scope"];
  it.each([
    ["sponser", "sponsor"],
    ["Stage", "stage"],
    ["statuss", "status"],
    ["xyz", undefined],
    ["stage", undefined],
  ] as const)("%s -> %s", (word, expected) => {
    expect(closestMatch(word, fields)).toBe(expected);
  });

  it("prefers the earlier candidate on a tie", () => {
    expect(closestMatch("ab", ["aa", "bb"])).toBe("aa");
  });
});
