import { describe, expect, it } from "vitest";
import { criticalPaths, scheduleNetwork } from "../../../../src/core/analytics/schedule/index.js";
import { type Figures, PUBLISHED_NETWORKS, rowsFromArrows, rowsOf } from "./published-networks.js";
import { network } from "./textbook.js";

// Every network, its source (book, page, example or table) and every expected figure are in
// published-networks.ts, beside the citation of where each is printed.
describe("published critical path method examples, every figure", () => {
  it.each(PUBLISHED_NETWORKS.map((n) => [n.title, n] as const))("%s", (_title, published) => {
    const { activities, links } = network(rowsOf(published));
    const result = scheduleNetwork(activities, links);
    const actual: Figures = {};
    for (const a of result.activities) actual[a.key] = [a.es, a.ef, a.ls, a.lf, a.totalFloat!, a.freeFloat!];
    expect(actual).toEqual(published.figures);
    expect(result.finish).toBe(published.finish);
    // Every critical path, in any order (a publication lists them in no particular one).
    const sorted = (paths: string[][]) => [...paths].sort((x, y) => x.join(" ").localeCompare(y.join(" ")));
    expect(sorted(criticalPaths(result).paths)).toEqual(sorted(published.criticalPaths));
  });

  it("recipe step 4 turns arrows into predecessor lists (Taha, Example 6.5-2)", () => {
    const taha = PUBLISHED_NETWORKS.find((n) => n.id === "TAHA")!;
    expect(rowsFromArrows(taha.arrows!)).toEqual([
      ["A", 5, ""],
      ["B", 6, ""],
      ["C", 3, "A"],
      ["D", 8, "A"],
      ["E", 2, "B, C"],
      ["F", 11, "B, C"],
      ["G", 1, "D"],
      ["dummy", 0, "D"],
      ["H", 12, "E, dummy"],
    ]);
  });
});
