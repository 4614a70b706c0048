import { describe, expect, it } from "vitest";
import { frontierChart } from "../../../../src/core/report/charts/index.js";

const points = [
  { budget: 100, value: 2, cost: 90, count: 1, status: "optimal" },
  { budget: 200, value: 5, cost: 190, count: 2, status: "optimal" },
  { budget: 50, value: 0, cost: 0, count: 0, status: "infeasible" },
];

describe("frontierChart", () => {
  it("draws a step line through the feasible levels, a point each, and the chosen budget", () => {
    const chart = frontierChart({
      title: "Efficient frontier: PF",
      currency: "EUR",
      valueLabel: "weighted score",
      points,
      chosen: 150,
    });
    expect(chart.svg.match(/<circle /g)).toHaveLength(2);
    expect(chart.svg).toContain('stroke-dasharray="5 3"');
    expect(chart.svg).toContain("<title>EUR 100: weighted score 2 from 1 project costing EUR 90</title>");
    expect(chart.description).toBe(
      "Best total weighted score at 2 budget levels, from EUR 100 (2) to EUR 200 (5). The selection's budget is EUR 150.",
    );
    // The step holds the value until the next level: horizontal, then vertical.
    expect(chart.svg).toMatch(/<path d="M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+"/);
    // Same input, same bytes.
    expect(
      frontierChart({
        title: "Efficient frontier: PF",
        currency: "EUR",
        valueLabel: "weighted score",
        points,
        chosen: 150,
      }).svg,
    ).toBe(chart.svg);
  });

  it("says so when no level is feasible", () => {
    const chart = frontierChart({ title: "F", currency: "EUR", valueLabel: "v", points: [points[2]!] });
    expect(chart.svg).toContain("No feasible budget level to show");
  });
});
