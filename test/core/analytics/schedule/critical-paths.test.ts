import { describe, expect, it } from "vitest";
import { criticalPaths, drivingChains, scheduleNetwork } from "../../../../src/core/analytics/schedule/index.js";
import { network } from "./textbook.js";

// Constructed networks (not from a publication): every critical path is listed, not just the
// first, including paths that share activities and paths through start-to-start links.
describe("every critical path", () => {
  it("lists the four paths of two tied diamonds in input order", () => {
    const { activities, links } = network([
      ["A", 2, ""],
      ["B", 3, "A"],
      ["C", 3, "A"],
      ["D", 1, "B, C"],
      ["E", 4, "D"],
      ["F", 4, "D"],
      ["G", 2, "E, F"],
      ["H", 1, "A"],
    ]);
    const result = scheduleNetwork(activities, links);
    expect(result.finish).toBe(12);
    expect(criticalPaths(result).paths).toEqual([
      ["A", "B", "D", "E", "G"],
      ["A", "B", "D", "F", "G"],
      ["A", "C", "D", "E", "G"],
      ["A", "C", "D", "F", "G"],
    ]);
    expect(result.byKey.get("H")!.totalFloat).toBe(9);
    expect(drivingChains(result, "G").paths).toHaveLength(4);
  });

  it("follows a start-to-start link only where it drives, and two independent start activities", () => {
    const { activities, links } = network([
      ["A", 5, ""],
      ["X", 5, ""],
      ["B", 6, "A(SS2)"],
      ["C", 3, "A, X"],
    ]);
    const result = scheduleNetwork(activities, links);
    // B: 2..8; C: 5..8. Both end the project at 8.
    expect(criticalPaths(result).paths).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["X", "C"],
    ]);
  });
});
