import { describe, expect, it } from "vitest";
import {
  formatEvmCsv,
  formatEvmJson,
  formatEvmTable,
  projectEvm,
  rollUp,
  withoutExplanations,
  type EvmReport,
} from "../../../../src/core/analytics/evm/index.js";
import type { Palette } from "../../../../src/core/format/index.js";
import type { Project } from "../../../../src/model/entities.js";

const project: Project = {
  apiVersion: "pmo/v1",
  kind: "Project",
  id: "PRJ-1",
  name: "Pumping station",
  stage: "delivery",
  schedule: { baselineStart: "2026-01-01", baselineFinish: "2026-05-01", actualStart: "2026-01-05" },
  budget: { approved: 1000, actual: 500, forecast: 1200 },
  percentComplete: 40,
  earnedValue: { method: "percent-complete", plannedValue: "linear" },
};
const measure = (): EvmReport => {
  const p = projectEvm(project, { asOf: "2026-03-01", defaultCurrency: "EUR" });
  return {
    asOf: "2026-03-01",
    baseline: undefined,
    projects: [p],
    rollups: rollUp({ scope: "engagement", id: "E", name: "E", projects: [p] }),
  };
};
const plain = new Proxy({}, { get: () => (t: string) => t }) as Palette;

describe("withoutExplanations", () => {
  it("gives the same figures, and every output that shows no explanation is the same", () => {
    const kept = measure();
    const bare = withoutExplanations(measure);
    expect(formatEvmJson(bare)).toBe(formatEvmJson(kept));
    expect(formatEvmCsv(bare)).toBe(formatEvmCsv(kept));
    expect(formatEvmTable(bare, plain, false)).toBe(formatEvmTable(kept, plain, false));
    expect(kept.projects[0]!.figures.cpi).toMatchObject({ value: 0.8, explain: "CPI = EV / AC = 400 / 500 = 0.8000" });
  });

  it("refuses to give an explanation it did not keep, rather than a wrong one", () => {
    const bare = withoutExplanations(measure);
    expect(() => formatEvmJson(bare, true)).toThrow(/without its explanation/);
    expect(() => formatEvmTable(bare, plain, true)).toThrow(/without its explanation/);
  });

  it("keeps explanations again once it returns, also when the build throws", () => {
    expect(() =>
      withoutExplanations(() => {
        throw new Error("broken build");
      }),
    ).toThrow("broken build");
    expect(JSON.parse(formatEvmJson(measure(), true)).projects[0].figures.cpi.explain).toBe(
      "CPI = EV / AC = 400 / 500 = 0.8000",
    );
  });
});
