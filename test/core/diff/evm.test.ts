import { describe, expect, it } from "vitest";
import { evmChanges, evmCrossings } from "../../../src/core/diff/evm.js";
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

  it("the CPI's tolerance is the one given (cost-performance-vs-status's threshold), the SPI's its own", () => {
    // 2026-03-01, PV 491.7, EV 500: CPI 500/540 = 0.926 -> 500/575 = 0.870; SPI 1.02 unchanged.
    const [base, head] = [[project("PRJ-1", 540, 50)], [project("PRJ-1", 575, 50)]];
    const cpi = (thresholds?: { cpi: number; spi: number }) =>
      evmChanges(base, head, "2026-03-01", "EUR", thresholds).find((c) => c.figure === "CPI")!;
    expect(cpi().threshold).toBe("0.90");
    expect(cpi().text).toBe("PRJ-1 CPI 0.93 -> 0.87 (below 0.90)");
    expect(cpi({ cpi: 0.88, spi: 0.9 }).text).toBe("PRJ-1 CPI 0.93 -> 0.87 (below 0.88)");
    expect(cpi({ cpi: 0.85, spi: 0.9 }).threshold).toBeNull();
    expect(evmCrossings(base, head, "2026-03-01", "EUR", { cpi: 0.85, spi: 0.9 })).toEqual([]);
    // SPI 1.02 -> 0.81 (EV 500 -> 400) crosses 1.00 first; 0.95 -> 0.81 crosses the SPI's tolerance.
    const spi = (from: number, to: number, thresholds: { cpi: number; spi: number }) =>
      evmChanges([project("PRJ-1", 480, from)], [project("PRJ-1", 480, to)], "2026-03-01", "EUR", thresholds).find(
        (c) => c.figure === "SPI",
      )!.text;
    expect(spi(50, 40, { cpi: 0.5, spi: 0.9 })).toBe("PRJ-1 SPI 1.02 -> 0.81 (below 1.00)");
    expect(spi(46.7, 40, { cpi: 0.5, spi: 0.85 })).toBe("PRJ-1 SPI 0.95 -> 0.81 (below 0.85)");
    expect(spi(46.7, 40, { cpi: 0.85, spi: 0.8 })).toBe("PRJ-1 SPI 0.95 -> 0.81 (-0.14)");
  });

  it("a small move that crosses nothing is not a crossing, but is a change", () => {
    const [base, head] = [[project("PRJ-1", 480, 50)], [project("PRJ-1", 490, 50)]];
    expect(evmCrossings(base, head, "2026-03-01", "EUR")).toEqual([]);
    // CPI 500 / 480 = 1.0417 -> 500 / 490 = 1.0204; SPI unchanged; EAC = BAC / CPI 960 -> 980.
    expect(evmChanges(base, head, "2026-03-01", "EUR")).toEqual([
      {
        project: "PRJ-1",
        figure: "CPI",
        from: 500 / 480,
        to: 500 / 490,
        delta: 500 / 490 - 500 / 480,
        threshold: null,
        direction: "worsened",
        currency: "EUR",
        text: "PRJ-1 CPI 1.04 -> 1.02 (-0.02)",
      },
      expect.objectContaining({
        figure: "EAC",
        threshold: null,
        direction: "worsened",
        text: "PRJ-1 EAC EUR 960 -> EUR 980 (+EUR 20)",
      }),
    ]);
  });

  it("a change that rounds away is no change: indexes to two decimals, the EAC to a whole unit", () => {
    // CPI 500 / 480 = 1.04167 -> 500 / 480.4 = 1.04080: both 1.04; EAC 960 -> 960.77 rounds to 961.
    const changes = evmChanges([project("PRJ-1", 480, 50)], [project("PRJ-1", 480.4, 50)], "2026-03-01", "EUR");
    expect(changes.map((c) => c.figure)).toEqual(["EAC"]);
    expect(evmChanges([project("PRJ-1", 480, 50)], [project("PRJ-1", 480.2, 50)], "2026-03-01", "EUR")).toEqual([]);
  });

  it("a project new in the head, or not measured on one side, has no change", () => {
    const unmeasured = {
      ...project("PRJ-1", 480, 50),
      value: { ...project("PRJ-1", 480, 50).value, stage: "planning", earnedValue: undefined },
    } as unknown as PmoDocument;
    expect(evmChanges([], [project("PRJ-1", 480, 50)], "2026-03-01", "EUR")).toEqual([]);
    expect(evmChanges([unmeasured], [project("PRJ-1", 300, 50)], "2026-03-01", "EUR")).toEqual([]);
  });
});
