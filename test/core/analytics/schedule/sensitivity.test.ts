import { describe, expect, it } from "vitest";
import { type SimActivity, simulate } from "../../../../src/core/analytics/schedule/index.js";

const fs = (from: string, to: string) => ({ from, to, type: "FS" as const, lag: 0 });

describe("what drives a finish (the tornado's correlations)", () => {
  it("two independent durations in series: corr(X, X + Y) = σx / √(σx² + σy²)", () => {
    // Triangular(a, c, b) variance (a² + b² + c² - ab - ac - bc) / 18: X on (0, 5, 10) has 25/6,
    // Y on (0, 10, 20) has 100/6, so corr(X, finish) = √(25 / 125) = 0.4472 and corr(Y, finish) = 0.8944.
    const activities: SimActivity[] = [
      { key: "X", duration: 5, durationRange: { min: 0, mode: 5, max: 10 }, startNoEarlierThan: 0, group: "P" },
      { key: "Y", duration: 10, durationRange: { min: 0, mode: 10, max: 20 }, group: "P" },
    ];
    const result = simulate(activities, [fs("X", "Y")], [], {
      iterations: 100_000,
      seed: 11,
      distribution: "triangular",
      sensitivity: true,
    });
    const drivers = result.groups.get("P")!.drivers;
    expect(drivers.map((d) => [d.kind, d.key])).toEqual([
      ["duration", "Y"],
      ["duration", "X"],
    ]);
    expect(drivers[0]!.correlation).toBeCloseTo(Math.sqrt(100 / 125), 2);
    expect(drivers[1]!.correlation).toBeCloseTo(Math.sqrt(25 / 125), 2);
  });

  it("a risk event and another project's predecessor, each the only source of variation", () => {
    const activities: SimActivity[] = [
      { key: "P/A", duration: 10, startNoEarlierThan: 0, group: "P" },
      { key: "Q/B", duration: 5, startNoEarlierThan: 0, group: "Q" },
    ];
    const risk = { id: "R1", probability: 0.4, impact: { min: 2, mode: 5, max: 9 }, targets: ["P/A"] };
    const result = simulate(activities, [fs("P/A", "Q/B")], [risk], {
      iterations: 5_000,
      seed: 5,
      distribution: "pert",
      sensitivity: true,
    });
    // P's finish is 10 plus the risk's days: a perfect correlation (to rounding).
    const [r] = result.groups.get("P")!.drivers;
    expect(r).toMatchObject({ kind: "risk", key: "R1" });
    expect(r!.correlation).toBeCloseTo(1, 12);
    // Q waits on P/A: the predecessor's finish drives Q's.
    const [q] = result.groups.get("Q")!.drivers;
    expect(q).toMatchObject({ kind: "predecessor", key: "P/A" });
    expect(q!.correlation).toBeCloseTo(1, 12);
  });

  it("an input that cannot move the finish (float absorbs it) has no correlation; without sensitivity none is measured", () => {
    const activities: SimActivity[] = [
      { key: "long", duration: 30, startNoEarlierThan: 0, group: "P" },
      { key: "short", duration: 3, durationRange: { min: 2, mode: 3, max: 5 }, startNoEarlierThan: 0, group: "P" },
    ];
    const options = { iterations: 2_000, seed: 1, distribution: "triangular" as const };
    const measured = simulate(activities, [], [], { ...options, sensitivity: true });
    // The finish never varies: nothing to correlate with.
    expect(measured.groups.get("P")!.drivers).toEqual([]);
    expect(simulate(activities, [], [], options).groups.get("P")!.drivers).toEqual([]);
    // Sensitivity changes no other figure.
    expect(measured.groups.get("P")!.curve()).toEqual(simulate(activities, [], [], options).groups.get("P")!.curve());
  });

  it("the S-curve is the cumulative distribution: rising to 1, equal to probabilityBy at each point", () => {
    const activities: SimActivity[] = [
      { key: "X", duration: 5, durationRange: { min: 2, mode: 5, max: 12 }, startNoEarlierThan: 0, group: "P" },
    ];
    const g = simulate(activities, [], [], { iterations: 10_000, seed: 2, distribution: "pert" }).groups.get("P")!;
    const curve = g.curve();
    expect(curve.length).toBeGreaterThan(5);
    expect(curve.at(-1)!.probability).toBe(1);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.point).toBeGreaterThan(curve[i - 1]!.point);
      expect(curve[i]!.probability).toBeGreaterThan(curve[i - 1]!.probability);
    }
    for (const c of curve) expect(g.probabilityBy(c.point)).toBe(c.probability);
    expect(g.percentile(0.5)).toBe(curve.find((c) => c.probability >= 0.5)!.point);
  });
});
