import { describe, expect, it } from "vitest";
import { everyAt, isDate, select } from "../../../../src/core/validate/rules/raw.js";

/** everyAt answers for select's matches, in select's order, without building their paths. */
describe("everyAt", () => {
  const value = {
    schedule: { actualStart: "2026-01-05", x: null },
    milestones: [
      { id: "M1", actual: "2026-02-01" },
      "not a milestone",
      { id: "M2", actual: "2027-03-01", estimate: { optimistic: "2027-01-01" } },
      { id: "M3" },
      [{ actual: "2030-01-01" }],
    ],
    benefits: { notAList: { realisedDate: "2030-01-01" } },
  };
  const patterns = [
    ["schedule", "actualStart"],
    ["schedule", "x"],
    ["schedule", "missing"],
    ["milestones", "*", "actual"],
    ["milestones", "*", "estimate", "optimistic"],
    ["milestones", "*"],
    ["benefits", "*", "realisedDate"],
    ["milestones", "0", "actual"],
    [],
  ];
  const tests = [
    (v: unknown) => !isDate(v) || v <= "2026-11-30",
    (v: unknown) => v !== null,
    (v: unknown) => typeof v !== "string",
    () => true,
  ];

  it.each(patterns.map((p) => [p.join(".") || "(the value)", p] as const))(
    "agrees with select on %s",
    (_label, pattern) => {
      for (const ok of tests) {
        const seen: unknown[] = [];
        const answer = everyAt(value, pattern, (v) => {
          seen.push(v);
          return ok(v);
        });
        const matches = select(value, pattern).map(([, v]) => v);
        expect(answer).toBe(matches.every(ok));
        // The values asked about are select's, in its order, up to the first that fails.
        const firstFailing = matches.findIndex((v) => !ok(v));
        expect(seen).toEqual(firstFailing === -1 ? matches : matches.slice(0, firstFailing + 1));
      }
    },
  );
});
