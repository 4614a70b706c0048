import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../../src/core/domain/index.js";
import { documentsOf } from "../../../../src/core/load/index.js";
import { forecastOf, scheduleOf } from "../../../../src/core/rules/support/schedule.js";
import { AS_OF, BASE_FILES } from "../../../helpers/rule-tester.js";

/** A catalog of BASE_FILES and one project with these milestones (not validated: a cycle is allowed). */
const catalogWith = (milestones: string) => {
  const files = {
    ...BASE_FILES,
    "p.yaml": `apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: One\nportfolio: PF-A\nstage: delivery\nmilestones:\n${milestones}\n`,
  };
  const sources = new Map<string, string>();
  return buildCatalog(Object.entries(files).flatMap(([file, text]) => documentsOf(file, text, [], sources)));
};

const chain = `  - { id: M1, name: Design, forecast: 2027-03-01, durationEstimate: { optimistic: 5, mostLikely: 10, pessimistic: 20 } }
  - { id: M2, name: Build, forecast: 2027-04-01, dependsOn: [M1], durationEstimate: { optimistic: 10, mostLikely: 20, pessimistic: 40 } }`;
const cycle = `  - { id: M1, name: Design, forecast: 2027-03-01, dependsOn: [M2] }
  - { id: M2, name: Build, forecast: 2027-04-01, dependsOn: [M1] }`;

describe("the schedule network the rules share", () => {
  it("is computed once per catalog and as-of date", () => {
    const catalog = catalogWith(chain);
    const schedule = scheduleOf(catalog, AS_OF);
    expect(schedule).toBeDefined();
    expect(scheduleOf(catalog, AS_OF)).toBe(schedule);
    const later = scheduleOf(catalog, "2026-12-31");
    expect(later).toBeDefined();
    expect(later).not.toBe(schedule);
    expect(scheduleOf(catalog, "2026-12-31")).toBe(later);
    expect(scheduleOf(catalogWith(chain), AS_OF)).not.toBe(schedule);
  });

  it("is undefined when the milestone links form a cycle, and stays so", () => {
    const catalog = catalogWith(cycle);
    expect(scheduleOf(catalog, AS_OF)).toBeUndefined();
    expect(scheduleOf(catalog, AS_OF)).toBeUndefined();
  });
});

describe("the Monte Carlo forecast the rules share", () => {
  it("is computed once per catalog, as-of date, iterations and seed", () => {
    const catalog = catalogWith(chain);
    const forecast = forecastOf(catalog, AS_OF, 200, 7);
    expect(forecast).toBeDefined();
    expect(forecastOf(catalog, AS_OF, 200, 7)).toBe(forecast);
    for (const other of [
      forecastOf(catalog, "2026-12-31", 200, 7),
      forecastOf(catalog, AS_OF, 300, 7),
      forecastOf(catalog, AS_OF, 200, 8),
      forecastOf(catalogWith(chain), AS_OF, 200, 7),
    ]) {
      expect(other).toBeDefined();
      expect(other).not.toBe(forecast);
    }
  });

  it("is undefined when the milestone links form a cycle, and stays so", () => {
    const catalog = catalogWith(cycle);
    expect(forecastOf(catalog, AS_OF, 200, 7)).toBeUndefined();
    expect(forecastOf(catalog, AS_OF, 200, 7)).toBeUndefined();
  });
});
