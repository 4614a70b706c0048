import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { probabilityCurve, tornado } from "../../../../src/core/report/charts/index.js";

const curve = [
  { date: "2027-03-01", probability: 0.1 },
  { date: "2027-03-15", probability: 0.55 },
  { date: "2027-04-01", probability: 0.85 },
  { date: "2027-04-20", probability: 1 },
];

describe("probabilityCurve (the forecast's S-curve)", () => {
  it("draws a step line per series with the committed date, and says where 50% and 80% are reached", () => {
    const chart = probabilityCurve({
      title: "Chance of P1 finishing",
      series: [{ label: "P1 finish", points: curve, committed: "2027-03-20" }],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg.match(/<polyline /g)).toHaveLength(1);
    expect(chart.svg).toContain(">committed</text>");
    expect(chart.description).toBe(
      "Probability of finishing by each date (share of the iterations). P1 finish: 50% by 15 Mar 2027, 80% by 1 Apr 2027; committed 20 Mar 2027, 55% by then.",
    );
    expect(
      probabilityCurve({
        title: "Chance of P1 finishing",
        series: [{ label: "P1 finish", points: curve, committed: "2027-03-20" }],
      }).svg,
    ).toBe(chart.svg);
  });

  it("says so when there is nothing to draw, and drops points that are not dates or probabilities", () => {
    expect(probabilityCurve({ title: "T", series: [] }).svg).toContain("No forecast to show");
    const chart = probabilityCurve({
      title: "T",
      series: [
        {
          label: "S",
          points: [
            { date: "not a date", probability: 0.5 },
            { date: "2027-01-04", probability: 2 },
          ],
        },
      ],
    });
    expect(chart.svg).toContain("No forecast to show");
  });
});

describe("tornado", () => {
  it("draws one bar per driver from the zero line, to the right for a positive correlation", () => {
    const chart = tornado({
      title: "What drives P1",
      measure: "correlation with the finish date",
      bars: [
        { label: "P1/M2 Build (duration)", value: 0.82 },
        { label: "R-1 Ground conditions (risk)", value: -0.004 },
        { label: "<b>", value: -0.3 },
      ],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg.match(/<rect x=/g)).toHaveLength(3);
    expect(chart.svg).toContain("&lt;b&gt;");
    expect(chart.svg).not.toContain("-0.00");
    expect(chart.description).toBe(
      "Correlation with the finish date of 3 drivers, strongest first. P1/M2 Build (duration) 0.82; R-1 Ground conditions (risk) 0.00; <b> -0.30.",
    );
  });

  it("says so when no input varies", () => {
    expect(tornado({ title: "T", measure: "m", bars: [] }).svg).toContain("No input varies the date");
  });
});
