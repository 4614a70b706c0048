import { describe, expect, it } from "vitest";
import { evmCrossings } from "../../../src/core/diff/evm.js";
import type { PmoDocument } from "../../../src/model/document.js";

const project = (id: string, actual: number, percent: number, forecast?: number): PmoDocument =>
  ({
    kind: "Project",
    id,
    value: {
      apiVersion: "pmo/v1",
      kind: "Project",
      id,
      name: id,
      stage: "delivery",
      schedule: { baselineStart: "2026-01-01", baselineFinish: "2026-05-01" },
      budget: { approved: 1000, actual, ...(forecast !== undefined && { forecast }) },
      percentComplete: percent,
      earnedValue: { plannedValue: "linear" },
    },
  }) as unknown as PmoDocument;

describe("evmCrossings", () => {
  it("lists CPI and SPI crossing 1.00 or 0.90 and an EAC crossing the budget, judged at one date", () => {
    // 2026-03-01: PV = 1000 x 59/120 = 491.7. Base: EV 500, AC 480 (CPI 1.04, SPI 1.02);
    // head: EV 400, AC 500 (CPI 0.80, SPI 0.81), forecast 1,100 over the budget.
    const base = [project("PRJ-1", 480, 50, 990), project("PRJ-2", 100, 10)];
    const head = [project("PRJ-1", 500, 40, 1100), project("PRJ-2", 100, 10), project("PRJ-3", 900, 10)];
    const found = evmCrossings(base, head, "2026-03-01", "EUR");
    expect(found.map((c) => c.text)).toEqual([
      "PRJ-1 CPI 1.04 -> 0.80 (below 1.00)",
      "PRJ-1 SPI 1.02 -> 0.81 (below 1.00)",
      "PRJ-1 EAC EUR 990 -> EUR 1,100 (over the budget EUR 1,000)",
    ]);
    expect(found.every((c) => c.direction === "worsened")).toBe(true);
  });

  it("a small move that crosses nothing is not listed", () => {
    expect(evmCrossings([project("PRJ-1", 480, 50)], [project("PRJ-1", 490, 50)], "2026-03-01", "EUR")).toEqual([]);
  });
});
