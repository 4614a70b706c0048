import { describe, expect, it } from "vitest";
import { matchKey } from "../../../src/core/import/values.js";

describe("matchKey: a sync import's key values, compared ignoring case, accents and punctuation", () => {
  it.each([
    // GMPP: one project published under both spellings, which split it into two documents.
    ["100,000 Genomes Project", "100000 Genomes Project"],
    ["16/17 New Property Model Programme ", "1617 New Property Model Programme"],
    ["Crossrail", "CROSSRAIL"],
    ["Zoë & Co.", "zoe and co"],
    ["HS2 Phase 2a", "HS2 phase-2a"],
  ])("%j is %j", (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  it("keeps words apart", () => {
    expect(matchKey("Phase 2: delivery")).toBe("phase 2 delivery");
    expect(matchKey("A-1 road")).not.toBe(matchKey("A1 road"));
  });
});
