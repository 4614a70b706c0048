import { describe, expect, it } from "vitest";
import {
  solveSelection,
  type SelectionItem,
  type SelectionProblem,
} from "../../../../src/core/analytics/prioritisation/index.js";

/** Every subset, checked against every constraint: the reference the solver must equal. */
function bruteForce(problem: SelectionProblem): { value: number; cost: number; selected: string[] } | undefined {
  const items = problem.items;
  const n = items.length;
  const index = new Map(items.map((it, i) => [it.id, i]));
  const include = new Set(problem.include ?? []);
  const exclude = new Set(problem.exclude ?? []);
  const V = items.map((it) => Math.round(it.value * 1e6));
  const C = items.map((it) => Math.round(it.cost * 100));
  const budget = Math.round(problem.budget * 100);
  // Bit masks: what each item needs, the members of each group, the forced sets.
  const needs = items.map((it) => it.dependsOn.reduce((m, d) => (index.has(d) ? m | (1 << index.get(d)!) : m), 0));
  const groupMasks = [...new Set(items.map((it) => it.group).filter((g) => g !== undefined))].map((g) =>
    items.reduce((m, it, i) => (it.group === g ? m | (1 << i) : m), 0),
  );
  const mustIn = items.reduce((m, it, i) => (include.has(it.id) ? m | (1 << i) : m), 0);
  const mustOut = items.reduce((m, it, i) => (exclude.has(it.id) ? m | (1 << i) : m), 0);
  const lexBetter = (a: number, b: number): boolean => {
    for (let i = 0; i < n; i++) {
      const x = (a >> i) & 1;
      const y = (b >> i) & 1;
      if (x !== y) return x > y;
    }
    return false;
  };
  let best: { value: number; cost: number; mask: number } | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    if ((mask & mustIn) !== mustIn || (mask & mustOut) !== 0) continue;
    let ok = true;
    let value = 0;
    let cost = 0;
    for (let i = 0; i < n; i++) {
      if (((mask >> i) & 1) === 0) continue;
      if ((mask & needs[i]!) !== needs[i]) {
        ok = false;
        break;
      }
      value += V[i]!;
      cost += C[i]!;
    }
    if (!ok || cost > budget) continue;
    if (
      groupMasks.some((g) => {
        const x = mask & g;
        return (x & (x - 1)) !== 0;
      })
    )
      continue;
    if (
      !best ||
      value > best.value ||
      (value === best.value && (cost < best.cost || (cost === best.cost && lexBetter(mask, best.mask))))
    )
      best = { value, cost, mask };
  }
  if (!best) return undefined;
  const selected = items.filter((_, i) => (best!.mask >> i) & 1).map((it) => it.id);
  return { value: best.value, cost: best.cost, selected };
}

/** Mulberry32: a small seeded generator, so every run draws the same instances. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(seed: number, n: number): SelectionProblem {
  const rnd = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const dependsOn: string[] = [];
    // Dependencies only on earlier items keep the graph acyclic, as validation guarantees.
    if (i > 0 && rnd() < 0.3) dependsOn.push(`P${int(0, i - 1)}`);
    if (i > 1 && rnd() < 0.1) dependsOn.push(`P${int(0, i - 1)}`);
    items.push({
      id: `P${i}`,
      // Few distinct values and costs, so that ties (and the tie-break) are common.
      value: rnd() < 0.5 ? int(1, 5) : int(10, 50) / 10,
      cost: int(1, 20) * 100_000,
      dependsOn,
      ...(rnd() < 0.25 && { group: `G${int(1, 3)}` }),
    });
  }
  const total = items.reduce((s, it) => s + it.cost, 0);
  const include = rnd() < 0.3 ? [`P${int(0, n - 1)}`] : [];
  const exclude = rnd() < 0.3 ? [`P${int(0, n - 1)}`] : [];
  return { items, budget: Math.round(total * (0.2 + rnd() * 0.6)), include, exclude };
}

describe("solveSelection", () => {
  // Rosetta Code, "Knapsack problem/0-1" (https://rosettacode.org/wiki/Knapsack_problem/0-1):
  // 22 items, capacity 400 dag; the published optimum is value 1030 at weight 396.
  it("reproduces the Rosetta Code 0-1 knapsack optimum (value 1030, weight 396)", () => {
    const table: [string, number, number][] = [
      ["map", 9, 150],
      ["compass", 13, 35],
      ["water", 153, 200],
      ["sandwich", 50, 160],
      ["glucose", 15, 60],
      ["tin", 68, 45],
      ["banana", 27, 60],
      ["apple", 39, 40],
      ["cheese", 23, 30],
      ["beer", 52, 10],
      ["suntan cream", 11, 70],
      ["camera", 32, 30],
      ["T-shirt", 24, 15],
      ["trousers", 48, 10],
      ["umbrella", 73, 40],
      ["waterproof trousers", 42, 70],
      ["waterproof overclothes", 43, 75],
      ["note-case", 22, 80],
      ["sunglasses", 7, 20],
      ["towel", 18, 12],
      ["socks", 4, 50],
      ["book", 30, 10],
    ];
    const result = solveSelection({
      items: table.map(([id, cost, value]) => ({ id, cost, value, dependsOn: [] })),
      budget: 400,
    });
    expect(result.status).toBe("optimal");
    expect(result.value).toBe(1030);
    expect(result.cost).toBe(396);
    expect(result.selected).toEqual([
      "map",
      "compass",
      "water",
      "sandwich",
      "glucose",
      "banana",
      "suntan cream",
      "waterproof trousers",
      "waterproof overclothes",
      "note-case",
      "sunglasses",
      "socks",
    ]);
  });

  // Hillier & Lieberman, Introduction to Operations Research, section 12.1 (the California
  // Manufacturing Co. prototype example): factories in LA (NPV 9, capital 6) and SF (5, 3),
  // warehouses in LA (6, 5) and SF (4, 2); at most one warehouse, a warehouse only where a
  // factory is built; capital 10. Published optimum: both factories, no warehouse, NPV 14.
  it("reproduces Hillier & Lieberman's California Manufacturing example (NPV 14: both factories)", () => {
    const items: SelectionItem[] = [
      { id: "factory-LA", value: 9, cost: 6, dependsOn: [] },
      { id: "factory-SF", value: 5, cost: 3, dependsOn: [] },
      { id: "warehouse-LA", value: 6, cost: 5, dependsOn: ["factory-LA"], group: "warehouse" },
      { id: "warehouse-SF", value: 4, cost: 2, dependsOn: ["factory-SF"], group: "warehouse" },
    ];
    const result = solveSelection({ items, budget: 10 });
    expect(result).toMatchObject({ status: "optimal", value: 14, cost: 9, selected: ["factory-LA", "factory-SF"] });
    // Without the dependency and exclusivity constraints the plain knapsack would take more.
    const free = solveSelection({ items: items.map(({ group: _g, ...it }) => ({ ...it, dependsOn: [] })), budget: 10 });
    expect(free.value).toBe(15);
    expect(free.selected).toEqual(["factory-SF", "warehouse-LA", "warehouse-SF"]);
  });

  it("equals brute force on 300 seeded random instances of 4 to 20 candidates", () => {
    for (let seed = 1; seed <= 300; seed++) {
      // Mostly small (brute force doubles per candidate), and five of the full 20.
      const n = seed <= 5 ? 20 : 4 + (seed % 12);
      const problem = randomInstance(seed, n);
      const expected = bruteForce(problem);
      const result = solveSelection(problem);
      if (!expected) {
        expect(result.status, `seed ${seed}`).toBe("infeasible");
        continue;
      }
      expect(result.status, `seed ${seed}`).toBe("optimal");
      expect(Math.round(result.value * 1e6), `seed ${seed}`).toBe(expected.value);
      expect(Math.round(result.cost * 100), `seed ${seed}`).toBe(expected.cost);
      expect(result.selected, `seed ${seed}`).toEqual(expected.selected);
    }
  });

  it("forces must-include projects in with what they depend on, and must-exclude ones out with their dependents", () => {
    const items: SelectionItem[] = [
      { id: "A", value: 1, cost: 5, dependsOn: ["B"] },
      { id: "B", value: 1, cost: 5, dependsOn: [] },
      { id: "C", value: 9, cost: 5, dependsOn: ["D"] },
      { id: "D", value: 9, cost: 5, dependsOn: [] },
    ];
    const result = solveSelection({ items, budget: 10, include: ["A"], exclude: ["D"] });
    expect(result).toMatchObject({ status: "optimal", selected: ["A", "B"], forcedIn: ["A", "B"] });
    expect(result.forcedOut).toEqual([
      { id: "D", because: "excluded" },
      { id: "C", because: "depends on D, which is excluded" },
    ]);
  });

  it("says why there is no feasible selection", () => {
    const items: SelectionItem[] = [
      { id: "A", value: 1, cost: 5, dependsOn: [], group: "g" },
      { id: "B", value: 1, cost: 5, dependsOn: [], group: "g" },
    ];
    expect(solveSelection({ items, budget: 4, include: ["A"] }).reason).toBe(
      "the projects that must be funded cost more than the budget",
    );
    expect(solveSelection({ items, budget: 10, include: ["A", "B"] }).reason).toBe(
      "B must be funded but cannot be: exclusive with A, which must be funded",
    );
    expect(solveSelection({ items, budget: 10, include: ["A"], exclude: ["A"] }).reason).toBe(
      "A must be funded but cannot be: excluded",
    );
  });

  it("breaks ties deterministically: the cheaper selection, then the better-ranked project", () => {
    const tie = solveSelection({
      items: [
        { id: "A", value: 2, cost: 6, dependsOn: [] },
        { id: "B", value: 2, cost: 5, dependsOn: [] },
        { id: "C", value: 2, cost: 5, dependsOn: [] },
      ],
      budget: 6,
    });
    expect(tie.selected).toEqual(["B"]);
  });

  it("reports a search stopped by the node limit as not proved optimal", () => {
    const problem = randomInstance(7, 20);
    expect(solveSelection({ ...problem, nodeLimit: 3 }).status).toBe("node-limit");
  });
});
