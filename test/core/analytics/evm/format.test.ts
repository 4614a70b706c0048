import { describe, expect, it } from "vitest";
import {
  formatEvmCsv,
  formatEvmJson,
  projectEvm,
  rollUp,
  type EvmReport,
} from "../../../../src/core/analytics/evm/index.js";
import type { Project } from "../../../../src/model/entities.js";

const project: Project = {
  apiVersion: "pmo/v1",
  kind: "Project",
  id: "PRJ-1",
  name: "=HYPERLINK(1)",
  stage: "delivery",
  schedule: { baselineStart: "2026-01-01", baselineFinish: "2026-05-01" },
  budget: { approved: 1000, actual: 500 },
  percentComplete: 40,
};
const p = projectEvm(project, { asOf: "2026-03-01", defaultCurrency: "EUR" });
const report: EvmReport = {
  asOf: "2026-03-01",
  baseline: undefined,
  projects: [p],
  rollups: rollUp({ scope: "engagement", id: "E", name: "E", projects: [p] }),
};

describe("evm formats", () => {
  it("JSON gives unknown figures as null with what is missing, and the arithmetic only with explain", () => {
    const plain = JSON.parse(formatEvmJson(report));
    expect(plain.projects[0].figures.pv).toEqual({
      value: null,
      missing: expect.stringContaining("earnedValue.plannedValue"),
    });
    expect(plain.projects[0].figures.cpi).toEqual({ value: 0.8 });
    const explained = JSON.parse(formatEvmJson(report, true));
    expect(explained.projects[0].figures.cpi).toEqual({ value: 0.8, explain: "CPI = EV / AC = 400 / 500 = 0.8000" });
    expect(explained.rollups[0].leftOut).toEqual([{ id: "PRJ-1", missing: expect.stringContaining("PV is unknown") }]);
  });

  it("CSV leaves unknown cells empty (never 0) and neutralises formula-like text", () => {
    const [header, row] = formatEvmCsv(report).split("\n");
    const cells = Object.fromEntries(header!.split(",").map((h, i) => [h, row!.split(",")[i]]));
    expect(cells["pv"]).toBe("");
    expect(cells["spi"]).toBe("");
    expect(cells["cpi"]).toBe("0.8");
    expect(cells["name"]).toBe("'=HYPERLINK(1)");
  });
});
