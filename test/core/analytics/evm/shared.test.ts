import { describe, expect, it } from "vitest";
import { projectEvm, sharedProjectEvm } from "../../../../src/core/analytics/evm/index.js";
import type { Project } from "../../../../src/model/entities.js";

const project = (): Project => ({
  apiVersion: "pmo/v1",
  kind: "Project",
  id: "PRJ-1",
  name: "One",
  stage: "delivery",
  portfolio: "PF",
  schedule: { baselineStart: "2026-01-01", baselineFinish: "2026-05-01", actualStart: "2026-01-01" },
  budget: { approved: 1000, actual: 500, forecast: 1100 },
  percentComplete: 40,
});

describe("sharedProjectEvm", () => {
  it("gives projectEvm's figures, once per project object, as-of date and default currency", () => {
    const p = project();
    const first = sharedProjectEvm(p, { asOf: "2026-03-01", defaultCurrency: "EUR" });
    expect(first).toEqual(projectEvm(p, { asOf: "2026-03-01", defaultCurrency: "EUR" }));
    // The rules and the report's views ask with the same key: the same object comes back.
    expect(sharedProjectEvm(p, { asOf: "2026-03-01", defaultCurrency: "EUR" })).toBe(first);
  });

  it("measures again for another date, another default currency or another project object", () => {
    const p = project();
    const first = sharedProjectEvm(p, { asOf: "2026-03-01", defaultCurrency: "EUR" });
    const later = sharedProjectEvm(p, { asOf: "2026-04-01", defaultCurrency: "EUR" });
    expect(later).not.toBe(first);
    expect(later).toEqual(projectEvm(p, { asOf: "2026-04-01", defaultCurrency: "EUR" }));
    const { budget, ...rest } = p;
    const noCurrency = { ...rest, budget: { ...budget } } as Project;
    expect(sharedProjectEvm(noCurrency, { asOf: "2026-03-01", defaultCurrency: "GBP" }).currency).toBe("GBP");
    expect(sharedProjectEvm(p, { asOf: "2026-03-01", defaultCurrency: "GBP" }).currency).toBe("GBP");
    // A copy of the project (a baseline merge writes new objects) is measured on its own figures.
    const copy = { ...p, percentComplete: 80 };
    expect(sharedProjectEvm(copy, { asOf: "2026-03-01", defaultCurrency: "EUR" }).figures.ev.value).toBe(800);
  });
});
