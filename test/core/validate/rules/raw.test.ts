import { describe, expect, it } from "vitest";
import { everyAt, select } from "../../../../src/core/validate/rules/raw.js";

/**
 * everyAt answers, without building paths, whether every value select yields for a pattern
 * passes a test: the integrity rules ask it first and call select only for a document with
 * something to report, so the two must agree on every shape of value.
 */
describe("everyAt", () => {
  const values: unknown[] = [
    undefined,
    null,
    "PRJ-1",
    7,
    [],
    {},
    { gates: [] },
    { gates: "x" },
    { gates: [{ decision: "DEC-1" }, { decision: 3 }, {}, null, "s", [{ decision: "DEC-9" }]] },
    { gates: [{ decision: "DEC-1" }, { decision: "DEC-2" }] },
    // An undefined item yields nothing.
    { gates: [undefined, { decision: "DEC-3" }] },
    { a: { b: [{ c: ["x", "y", 1] }, { c: [] }, { c: "z" }] } },
    { a: [{ b: [{ c: ["x"] }] }] },
  ];
  const patterns = [["gates", "*", "decision"], ["a", "b", "*", "c", "*"], ["a", "*"], ["*"], ["gates"], []];
  const tests: [string, (v: unknown) => boolean][] = [
    ["strings", (v) => typeof v === "string"],
    ["not DEC-1", (v) => v !== "DEC-1"],
    ["anything", () => true],
    ["nothing", () => false],
  ];

  it("is true exactly when every value select yields passes the test", () => {
    for (const value of values)
      for (const pattern of patterns)
        for (const [name, ok] of tests)
          expect(everyAt(value, pattern, ok), `${JSON.stringify(value)} ${pattern.join(".")} ${name}`).toBe(
            select(value, pattern).every(([, v]) => ok(v)),
          );
  });
});
