/**
 * An exact solver for project selection: the 0-1 knapsack with precedence (a project needs the
 * projects it depends on), mutually exclusive groups (at most one project of a group) and
 * projects forced in or out.
 *
 * Depth-first branch and bound. Projects are decided in order of value per unit of cost; a
 * branch is cut when the bound says it cannot beat (or tie) the best selection found. The bound
 * is the fractional knapsack over the undecided projects (the linear relaxation without the
 * dependency and group constraints), so it is never below the true optimum of a branch, and a
 * search that runs to the end has proved its answer optimal. Values and costs are turned into
 * integers first (values to 1e-6, money to cents) so that sums and comparisons are exact.
 *
 * Among selections of equal value the solver returns the cheaper; among equal value and cost,
 * the one that funds the better-ranked project at the first place they differ (items are given
 * in rank order). The same input therefore always gives the same answer.
 */

export interface SelectionItem {
  id: string;
  /** Non-negative value to maximise. */
  value: number;
  /** Non-negative cost. */
  cost: number;
  /** Ids of other items this one cannot be selected without. Ids that are not items are ignored: resolve them first. */
  dependsOn: readonly string[];
  /** At most one item of a group is selected. */
  group?: string;
}

export interface SelectionProblem {
  /** In rank order: the tie-break prefers earlier items. */
  items: readonly SelectionItem[];
  budget: number;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Stop after this many branch-and-bound nodes (default 5,000,000); the answer is then the best found, not proved optimal. */
  nodeLimit?: number;
}

export interface SelectionResult {
  status: "optimal" | "infeasible" | "node-limit";
  /** Selected ids, in item (rank) order. */
  selected: string[];
  value: number;
  cost: number;
  /** Branch-and-bound nodes explored. */
  nodes: number;
  /** Items that had to be selected (forced in, and what they depend on). */
  forcedIn: string[];
  /** Items that could not be selected, and why. */
  forcedOut: { id: string; because: string }[];
  /** Why there is no feasible selection. */
  reason?: string;
}

const VALUE_UNITS = 1e6;
const COST_UNITS = 100;

export function solveSelection(problem: SelectionProblem): SelectionResult {
  const items = problem.items;
  const n = items.length;
  const index = new Map(items.map((it, i) => [it.id, i]));
  const value = items.map((it) => Math.round(it.value * VALUE_UNITS));
  const cost = items.map((it) => Math.round(it.cost * COST_UNITS));
  const budget = Math.round(problem.budget * COST_UNITS);
  const nodeLimit = problem.nodeLimit ?? 5_000_000;

  // Transitive dependencies and dependents, as index lists.
  const direct = items.map((it) =>
    it.dependsOn.map((d) => index.get(d)).filter((d): d is number => d !== undefined && d !== index.get(it.id)),
  );
  const closure = (start: number, edges: number[][]): number[] => {
    const seen = new Set<number>([start]);
    const stack = [...edges[start]!];
    const out: number[] = [];
    while (stack.length > 0) {
      const j = stack.pop()!;
      if (seen.has(j)) continue;
      seen.add(j);
      out.push(j);
      stack.push(...edges[j]!);
    }
    return out.sort((a, b) => a - b);
  };
  const reverse: number[][] = items.map(() => []);
  direct.forEach((deps, i) => {
    for (const d of deps) reverse[d]!.push(i);
  });
  const deps = items.map((_, i) => closure(i, direct));
  const dependents = items.map((_, i) => closure(i, reverse));
  const groupOf = items.map((it) => it.group);
  const members = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.group !== undefined) members.set(it.group, [...(members.get(it.group) ?? []), i]);
  });

  const state = new Int8Array(n); // 0 undecided, 1 selected, -1 not selected
  const trail: number[] = [];
  let capacity = budget;
  let chosenValue = 0;
  let chosenCost = 0;
  const set = (i: number, s: 1 | -1): void => {
    state[i] = s;
    trail.push(i);
    if (s === 1) {
      capacity -= cost[i]!;
      chosenValue += value[i]!;
      chosenCost += cost[i]!;
    }
  };
  const undo = (mark: number): void => {
    while (trail.length > mark) {
      const i = trail.pop()!;
      if (state[i] === 1) {
        capacity += cost[i]!;
        chosenValue -= value[i]!;
        chosenCost -= cost[i]!;
      }
      state[i] = 0;
    }
  };
  const exclude = (i: number): void => {
    if (state[i] === 0) set(i, -1);
    for (const d of dependents[i]!) if (state[d] === 0) set(d, -1);
  };
  /** Selects i and everything it needs; false (with nothing changed) when that is impossible. */
  const include = (i: number): boolean => {
    const need = [i, ...deps[i]!].filter((j) => state[j] !== 1);
    if (need.some((j) => state[j] === -1)) return false;
    let extra = 0;
    const groups = new Set<string>();
    for (const j of need) {
      extra += cost[j]!;
      const g = groupOf[j];
      if (g === undefined) continue;
      if (groups.has(g) || members.get(g)!.some((m) => m !== j && state[m] === 1)) return false;
      groups.add(g);
    }
    if (extra > capacity) return false;
    for (const j of need) set(j, 1);
    for (const g of groups) for (const m of members.get(g)!) if (state[m] === 0) exclude(m);
    return true;
  };

  const forcedOut: SelectionResult["forcedOut"] = [];
  const infeasible = (reason: string): SelectionResult => ({
    status: "infeasible",
    selected: [],
    value: 0,
    cost: 0,
    nodes: 0,
    forcedIn: [],
    forcedOut,
    reason,
  });

  for (const id of problem.exclude ?? []) {
    const i = index.get(id);
    if (i === undefined) continue;
    if (state[i] === 0) forcedOut.push({ id, because: "excluded" });
    const before = trail.length;
    exclude(i);
    for (const j of trail.slice(before))
      if (j !== i) forcedOut.push({ id: items[j]!.id, because: `depends on ${id}, which is excluded` });
  }
  for (const id of problem.include ?? []) {
    const i = index.get(id);
    if (i === undefined) continue;
    if (state[i] === 1) continue;
    const blockedBy = [i, ...deps[i]!].find((j) => state[j] === -1);
    if (blockedBy !== undefined) {
      return infeasible(
        blockedBy === i
          ? `${id} must be funded but cannot be: ${forcedOut.find((f) => f.id === id)?.because ?? "excluded"}`
          : `${id} must be funded but depends on ${items[blockedBy]!.id}, which cannot be`,
      );
    }
    const before = trail.length;
    if (!include(i)) {
      const need = [i, ...deps[i]!];
      const needCost = need.filter((j) => state[j] !== 1).reduce((s, j) => s + cost[j]!, 0);
      if (needCost > capacity) return infeasible(`the projects that must be funded cost more than the budget`);
      return infeasible(`${id} must be funded but conflicts with another project of its exclusive group`);
    }
    for (const j of trail.slice(before))
      if (state[j] === -1) forcedOut.push({ id: items[j]!.id, because: `exclusive with ${id}, which must be funded` });
  }
  const forcedIn = items.filter((_, i) => state[i] === 1).map((it) => it.id);

  // Decision order: value per unit of cost, best first (free items first); ties in rank order.
  const density = (i: number): number =>
    cost[i] === 0 ? (value[i]! > 0 ? Infinity : Number.MAX_VALUE) : value[i]! / cost[i]!;
  const order = items.map((_, i) => i).sort((a, b) => density(b) - density(a) || a - b);

  let best = { value: -1, cost: Infinity, selection: new Int8Array(n) };
  let nodes = 0;
  let stopped = false;

  const better = (): boolean => {
    if (chosenValue !== best.value) return chosenValue > best.value;
    if (chosenCost !== best.cost) return chosenCost < best.cost;
    for (let i = 0; i < n; i++) {
      const a = state[i] === 1 ? 1 : 0;
      const b = best.selection[i]!;
      if (a !== b) return a > b;
    }
    return false;
  };
  const bound = (): number => {
    let cap = capacity;
    let v = chosenValue;
    for (const i of order) {
      if (state[i] !== 0) continue;
      if (cost[i]! <= cap) {
        cap -= cost[i]!;
        v += value[i]!;
      } else {
        v += (value[i]! * cap) / cost[i]!;
        break;
      }
    }
    // A hair of slack for the rounding of the last fraction: the bound must never be too low.
    return Math.floor(v * (1 + 1e-12) + 1e-6);
  };

  const search = (from: number): void => {
    if (stopped) return;
    nodes += 1;
    if (nodes > nodeLimit) {
      stopped = true;
      return;
    }
    let k = from;
    while (k < n && state[order[k]!] !== 0) k += 1;
    if (k === n) {
      if (better())
        best = { value: chosenValue, cost: chosenCost, selection: Int8Array.from(state, (s) => (s === 1 ? 1 : 0)) };
      return;
    }
    const b = bound();
    if (b < best.value || (b === best.value && chosenCost > best.cost)) return;
    const i = order[k]!;
    const mark = trail.length;
    if (include(i)) {
      search(k + 1);
      undo(mark);
    }
    exclude(i);
    search(k + 1);
    undo(mark);
  };
  search(0);

  const selected = items.filter((_, i) => best.selection[i] === 1).map((it) => it.id);
  const totalCost = items.filter((_, i) => best.selection[i] === 1).reduce((s, it) => s + it.cost, 0);
  const totalValue = items.filter((_, i) => best.selection[i] === 1).reduce((s, it) => s + it.value, 0);
  return {
    status: stopped ? "node-limit" : "optimal",
    selected,
    value: Math.round(totalValue * 1e9) / 1e9,
    cost: Math.round(totalCost * 100) / 100,
    nodes,
    forcedIn,
    forcedOut,
  };
}
