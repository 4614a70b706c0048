import { describe, expect, it } from "vitest";
import { describePropagation, slipPropagation } from "../../../src/core/diff/index.js";
import type { PmoDocument } from "../../../src/model/document.js";

const project = (id: string, milestones: unknown[]): PmoDocument =>
  ({
    kind: "Project",
    id,
    file: `${id}.yaml`,
    value: { apiVersion: "pmo/v1", kind: "Project", id, name: id, stage: "delivery", milestones },
  }) as unknown as PmoDocument;

const side = (m3: string): PmoDocument[] => [
  project("PRJ-002", [
    { id: "M3", name: "Section 2", baseline: "2027-01-15", forecast: m3 },
    { id: "M4", name: "Section 3", forecast: "2027-06-30", dependsOn: ["M3"] },
  ]),
  project("PRJ-007", [
    { id: "M1", name: "Meters", forecast: "2027-01-20", dependsOn: ["PRJ-002/M3"] },
    { id: "M2", name: "Bills", forecast: "2027-02-10", dependsOn: ["M1"] },
  ]),
];

describe("slip propagation in pmo diff", () => {
  it("says what a slip pushes downstream, across projects, and the float that absorbed the rest", () => {
    const result = slipPropagation(side("2027-01-15"), side("2027-01-29"), "2026-11-30");
    expect(result).toEqual([
      {
        key: "PRJ-002/M3",
        days: 14,
        // PRJ-007/M1 moves from 01-20 to 01-29; PRJ-007/M2 (02-10) still has room.
        pushes: [{ key: "PRJ-007/M1", days: 9, float: 5 }],
      },
    ]);
    expect(describePropagation(result[0]!)).toBe("PRJ-002/M3 +14 days → pushes PRJ-007/M1 +9 days (float 5)");
  });

  it("a slip inside the float pushes nothing", () => {
    const result = slipPropagation(side("2027-01-15"), side("2027-01-18"), "2026-11-30");
    expect(result.map(describePropagation)).toEqual([
      "PRJ-002/M3 +3 days → absorbed by float (nothing downstream moves)",
    ]);
  });

  it("a pull-in is not a slip", () => {
    expect(slipPropagation(side("2027-01-15"), side("2027-01-10"), "2026-11-30")).toEqual([]);
  });
});
