import { describe, expect, it } from "vitest";
import {
  type PertActivity,
  expNonPositive,
  normalCdf,
  pertAnalysis,
} from "../../../../src/core/analytics/schedule/index.js";
import { PUBLISHED_NETWORKS, RELIABLE_ESTIMATES } from "./published-networks.js";
import { network } from "./textbook.js";

/** Rows of [id, optimistic, most likely, pessimistic, predecessors]. */
function pert(rows: [string, number, number, number, string][]): {
  activities: PertActivity[];
  links: ReturnType<typeof network>["links"];
} {
  const { links } = network(rows.map(([id, , , , preds]) => [id, 0, preds]));
  const activities = rows.map(([key, optimistic, mostLikely, pessimistic]) => ({
    key,
    estimate: { optimistic, mostLikely, pessimistic },
    startNoEarlierThan: 0,
  }));
  return { activities, links };
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

describe("PERT, published examples", () => {
  it("Hillier and Lieberman: Reliable Construction Co., P(T <= 47 weeks) = 0.8413", () => {
    // Frederick S. Hillier and Gerald J. Lieberman, Introduction to Operations Research,
    // 9th ed. (2010), Section 22.4 (Chapter 10 in earlier editions), "Dealing with uncertain
    // activity durations": Table of o, m, p for the Reliable Construction Co. project; the
    // mean critical path A-B-C-E-F-J-L-N has mean 44 weeks and variance 9, so
    // P(T <= 47) = P(Z <= 1) = 0.8413.
    // The estimates and the network (the Reliable predecessors) are in published-networks.ts.
    const predecessors = new Map(PUBLISHED_NETWORKS.find((n) => n.id === "HILLIER")!.rows!.map(([id, , p]) => [id, p]));
    const { activities, links } = pert(RELIABLE_ESTIMATES.map(([id, o, m, p]) => [id, o, m, p, predecessors.get(id)!]));
    const result = pertAnalysis(activities, links, [47]);
    expect(Object.fromEntries(result.mean)).toEqual({
      A: 2,
      B: 4,
      C: 10,
      D: 6,
      E: 4,
      F: 5,
      G: 7,
      H: 9,
      I: 7,
      J: 8,
      K: 4,
      L: 5,
      M: 2,
      N: 6,
    });
    expect(round(result.variance.get("C")!, 4)).toBe(4);
    expect(round(result.variance.get("E")!, 4)).toBe(0.4444);
    expect(result.criticalPath).toEqual(["A", "B", "C", "E", "F", "J", "L", "N"]);
    expect(result.finishMean).toBe(44);
    expect(round(result.finishVariance, 4)).toBe(9);
    const p = result.probabilities[0]!.result;
    expect(round(p.z!, 4)).toBe(1);
    expect(round(p.probability, 4)).toBe(0.8413);
  });

  it("Heizer and Render: Milwaukee Paper Manufacturing, P(T <= 16 weeks) = 0.7157", () => {
    // Jay Heizer and Barry Render, Operations Management, Chapter 3 "Project Management",
    // Examples 9-11 (Milwaukee Paper Manufacturing's pollution control project): expected
    // times A 2, B 3, C 2, D 4, E 4, F 3, G 5, H 2; critical path A-C-E-G-H, 15 weeks; project
    // variance 3.11 (sigma 1.76); P(T <= 16) with z = (16 - 15)/1.76 = .57 from the normal
    // table is .7157. The book rounds z to two places before the table look-up; the exact
    // z is 0.5669, whose probability is 0.7146.
    const { activities, links } = pert([
      ["A", 1, 2, 3, ""],
      ["B", 2, 3, 4, ""],
      ["C", 1, 2, 3, "A"],
      ["D", 2, 4, 6, "B"],
      ["E", 1, 4, 7, "C"],
      ["F", 1, 2, 9, "C"],
      ["G", 3, 4, 11, "D, E"],
      ["H", 1, 2, 3, "F, G"],
    ]);
    const result = pertAnalysis(activities, links, [16]);
    expect(Object.fromEntries(result.mean)).toEqual({ A: 2, B: 3, C: 2, D: 4, E: 4, F: 3, G: 5, H: 2 });
    expect(result.criticalPath).toEqual(["A", "C", "E", "G", "H"]);
    expect(result.finishMean).toBe(15);
    expect(round(result.finishVariance, 2)).toBe(3.11);
    // To 4 decimals: (4 + 4 + 36 + 64 + 4) / 36 = 112/36 along A-C-E-G-H.
    expect(round(result.finishVariance, 4)).toBe(3.1111);
    expect(round(result.variance.get("G")!, 4)).toBe(1.7778);
    const p = result.probabilities[0]!.result;
    expect(round(p.standardDeviation, 2)).toBe(1.76);
    expect(round(p.z!, 2)).toBe(0.57);
    expect(round(normalCdf(0.57), 4)).toBe(0.7157);
    expect(round(p.probability, 4)).toBe(0.7146);
  });
});

describe("the normal distribution without Math.exp", () => {
  it.each([
    // Standard normal table values (e.g. Hillier and Lieberman, Appendix 5).
    [0, 0.5],
    [1, 0.8413],
    [-1, 0.1587],
    [1.96, 0.975],
    [2.33, 0.9901],
    [-2.5, 0.0062],
    [3, 0.9987],
  ])("Φ(%s) = %s", (z, p) => {
    expect(round(normalCdf(z), 4)).toBe(p);
  });

  it("e^x agrees with Math.exp to 1e-14 relative", () => {
    for (const x of [0, -1e-9, -0.1, -0.5, -1, -2.5, -10, -50, -300]) {
      expect(Math.abs(expNonPositive(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-14);
    }
    expect(expNonPositive(-800)).toBe(0);
  });
});
