import { describe, expect, it } from "vitest";
import { type SimActivity, simulate } from "../../../../src/core/analytics/schedule/index.js";

// Two activities in series, X then Y, each triangular(0, 5, 10): variance 25/6 each. The finish
// X + Y has mean 10 whatever their correlation; its variance is 25/6 + 25/6 + 2·cov(X, Y).
const activities: SimActivity[] = [
  { key: "X", duration: 5, durationRange: { min: 0, mode: 5, max: 10 }, startNoEarlierThan: 0, group: "P" },
  { key: "Y", duration: 5, durationRange: { min: 0, mode: 5, max: 10 }, group: "P" },
];
const links = [{ from: "X", to: "Y", type: "FS" as const, lag: 0 }];
const run = (coefficient?: number) =>
  simulate(activities, links, [], {
    iterations: 100_000,
    seed: 9,
    distribution: "triangular",
    sensitivity: true,
    ...(coefficient !== undefined && { correlations: [{ keys: ["X", "Y"], coefficient }] }),
  });

/** Standard deviation of the finish from its S-curve (whole-day finishes). */
function sdOf(result: ReturnType<typeof run>): number {
  const curve = result.groups.get("P")!.curve();
  let previous = 0;
  let m = 0;
  let m2 = 0;
  for (const c of curve) {
    const p = c.probability - previous;
    previous = c.probability;
    m += p * c.point;
    m2 += p * c.point * c.point;
  }
  return Math.sqrt(m2 - m * m);
}

describe("rank correlation between estimates (Gaussian copula)", () => {
  const independent = run();
  const together = run(1);
  const half = run(0.5);

  it("does not move the mean (closed form 10, within 1% at 100,000 iterations)", () => {
    for (const r of [independent, together, half]) {
      const mean = r.groups.get("P")!.meanFinish;
      expect(Math.abs(mean - 10) / 10).toBeLessThan(0.01);
    }
  });

  it("widens the spread as the coefficient grows: √(2σ²) independent, 2σ at 1", () => {
    // σ² = 25/6; rounding finishes to whole days adds 1/12 to the variance.
    const sigma2 = 25 / 6;
    expect(Math.abs(sdOf(independent) - Math.sqrt(2 * sigma2 + 1 / 12)) / Math.sqrt(2 * sigma2)).toBeLessThan(0.01);
    expect(Math.abs(sdOf(together) - Math.sqrt(4 * sigma2 + 1 / 12)) / Math.sqrt(4 * sigma2)).toBeLessThan(0.01);
    expect(sdOf(half)).toBeGreaterThan(sdOf(independent) * 1.1);
    expect(sdOf(half)).toBeLessThan(sdOf(together) * 0.97);
  });

  it("moves X and Y together: each correlates with the finish as the coefficient says", () => {
    // corr(X, X + Y) = √((1 + ρ)/2) for equal variances and Pearson correlation ρ between X and Y.
    const drivers = (r: ReturnType<typeof run>) => r.groups.get("P")!.drivers.map((d) => d.correlation);
    for (const c of drivers(independent)) expect(c).toBeCloseTo(Math.sqrt(0.5), 2);
    for (const c of drivers(together)) expect(c).toBeCloseTo(1, 6);
  });

  it("changes nothing when no group applies, and is reproducible", () => {
    const none = simulate(activities, links, [], { iterations: 20_000, seed: 4, distribution: "pert" });
    const empty = simulate(activities, links, [], {
      iterations: 20_000,
      seed: 4,
      distribution: "pert",
      correlations: [{ keys: ["X", "unknown"], coefficient: 0.8 }],
    });
    expect(empty.groups.get("P")!.curve()).toEqual(none.groups.get("P")!.curve());
    expect(run(0.5).groups.get("P")!.curve()).toEqual(half.groups.get("P")!.curve());
  });
});
