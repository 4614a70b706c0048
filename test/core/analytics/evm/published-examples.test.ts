import { describe, expect, it } from "vitest";
import {
  computeFigures,
  known,
  unknown,
  type EvmInputs,
  type Figure,
} from "../../../../src/core/analytics/evm/index.js";

/**
 * Published earned value and earned schedule worked examples, reproduced to the precision the
 * source prints (three significant digits where it prints three or more). Each case cites where
 * it was published; the inputs are the source's, the expected values are the source's answers.
 */

function inputs(v: {
  bac?: number;
  pv?: number;
  ev?: number;
  ac?: number;
  forecast?: number;
  curve?: number[];
  at?: number;
}): EvmInputs {
  const fig = (n: number | undefined, name: string): Figure =>
    n === undefined ? unknown(`no ${name}`) : known(n, `${name} = ${n}`);
  return {
    bac: fig(v.bac, "BAC"),
    pv: fig(v.pv, "PV"),
    ev: fig(v.ev, "EV"),
    ac: fig(v.ac, "AC"),
    forecast: fig(v.forecast, "forecast"),
    // curve[i] is the cumulative planned value at the end of period i (curve[0] = 0 at the start).
    schedule: v.curve
      ? {
          points: v.curve.map((value, t) => ({ t, value })),
          at: v.at ?? 0,
          label: (t) => `period ${t}`,
          unit: "periods",
        }
      : unknown("no curve"),
  };
}

/** The figure's value rounded to `digits` significant digits (the published precision). */
function sig(figure: Figure, digits = 3): number {
  expect(figure.value, "missing" in figure ? figure.missing : "").toBeTypeOf("number");
  return Number(figure.value!.toPrecision(digits));
}

describe("published earned value examples", () => {
  it("Mulcahy, PMP Exam Prep, p. 210: the four-sided fence at the end of day three", () => {
    // Source: R. Mulcahy, PMP Exam Prep, "Earned Value Exercise" p. 210, as reproduced at
    // https://studylib.net/doc/5898152/earned-value-exercise . BAC 4,000 (four sides at 1,000),
    // PV 3,000, EV 2,500, AC 2,800.
    const f = computeFigures(inputs({ bac: 4000, pv: 3000, ev: 2500, ac: 2800 }));
    expect(f.cv.value).toBe(-300);
    expect(sig(f.cpi)).toBe(0.893);
    expect(f.sv.value).toBe(-500);
    expect(sig(f.spi)).toBe(0.833);
    // The source divides by the rounded CPI 0.893 (4,000 / 0.893 = 4,479); to three significant
    // digits that is the exact 4,480, and ETC 1,679 is 1,680.
    expect(sig(f.eac.cpi)).toBe(4480);
    expect(sig(f.etc.cpi)).toBe(1680);
    // VAC: the source's -479 carries the rounding of CPI; the exact value is -480.
    expect(Math.abs(f.vac.cpi.value! - -479)).toBeLessThan(1.01);
  });

  it("Tutorialspoint, EVM Examples: a task over budget (AC > BAC) and late, with a bottom-up estimate to complete", () => {
    // Source: "EVM - Examples", tutorialspoint.com (earn_value_management/evm_example.htm):
    // a one-task project baselined at 8 hours x $100 (BAC = PV = $800: it should be finished),
    // 11 hours spent (AC = $1,100), EV = $734, and one hour to go (ETC $100, so EAC = $1,200).
    const f = computeFigures(inputs({ bac: 800, pv: 800, ev: 734, ac: 1100, forecast: 1100 + 100 }));
    expect(f.eac.bottomUp.value).toBe(1200);
    expect(f.vac.bottomUp.value).toBe(-400);
    expect(f.sv.value).toBe(-66);
    expect(f.cv.value).toBe(-366);
    // The source prints the indexes cut to two decimals: SPI 0.91, CPI 0.66.
    expect(Math.floor(f.spi.value! * 100) / 100).toBe(0.91);
    expect(Math.floor(f.cpi.value! * 100) / 100).toBe(0.66);
    // AC > BAC: no TCPI against BAC can be met; the one against the EAC is (800 - 734) / (1,200 - 1,100).
    expect(f.tcpiBac.value).toBeUndefined();
    expect("missing" in f.tcpiBac && f.tcpiBac.missing).toContain("already exceeds the budget");
    expect(f.notes).toContain("ac-exceeds-bac");
    expect(sig(f.tcpiEac)).toBe(0.66);
  });

  it("Global Knowledge, TCPI against a bottom-up estimate at completion", () => {
    // Source: Global Knowledge blog, project management feed (blog.globalknowledge.com), the TCPI
    // question: BAC $1,000,000, EV $460,000 (46% complete), AC $589,744, CPI 0.78, a bottom-up
    // ETC of $652,000, so EAC = $1,241,744 and TCPI = $540,000 / $652,000 = 0.83.
    const f = computeFigures(inputs({ bac: 1_000_000, ev: 460_000, ac: 589_744, forecast: 589_744 + 652_000 }));
    expect(sig(f.cpi, 2)).toBe(0.78);
    expect(f.eac.bottomUp.value).toBe(1_241_744);
    expect(f.etc.bottomUp.value).toBe(652_000);
    expect(f.eacUsed).toBe("bottomUp");
    expect(sig(f.tcpiEac, 2)).toBe(0.83);
    // Without planned value the schedule figures are unknown, never 0.
    expect(f.spi.value).toBeUndefined();
    expect(f.notes).toContain("no-planned-value");
  });

  it("Marchewka, Information Technology Project Management: BCWS, BCWP and ACWP", () => {
    // Source: J. Marchewka, Information Technology Project Management, ch. 9, figures 9.4-9.5, as
    // reproduced at https://www.gristprojectmanagement.us/it-development/info-rlh.html :
    // budget $40,000, BCWS $10,000, BCWP $6,000, ACWP $8,000: CV = ($2,000), CPI = .75,
    // SV = ($4,000), SPI = .60.
    const f = computeFigures(inputs({ bac: 40_000, pv: 10_000, ev: 6_000, ac: 8_000 }));
    expect(f.cv.value).toBe(-2000);
    expect(sig(f.cpi)).toBe(0.75);
    expect(f.sv.value).toBe(-4000);
    expect(sig(f.spi)).toBe(0.6);
  });

  it("Phillips, PMP study guide, figure 7-13: EAC when the variance is an anomaly", () => {
    // Source: J. Phillips, PMP Project Management Professional Study Guide, figure 7-13, as
    // reproduced at https://www.gristprojectmanagement.us/integration/info-uhq.html :
    // AC $127,000, BAC $500,000, EV $100,000: EAC = AC + (BAC - EV) = $527,000.
    const f = computeFigures(inputs({ bac: 500_000, ev: 100_000, ac: 127_000 }));
    expect(f.eac.atypical.value).toBe(527_000);
  });

  it("EAC by cost and schedule performance: BAC 100k, EV 40k, AC 45k, SPI 0.80", () => {
    // Source: "EVM forecasting", wikislate.com (15-evm-forecasting), the worked values of its
    // poster 14: BAC / EV / AC = 100 / 40 / 45 (thousands), SPI 0.80 (PV 50), CPI 0.89,
    // EAC = BAC / CPI = $112.5k, ETC $67.5k, VAC -$12.5k, EAC (cost x schedule) about $129k,
    // TCPI to BAC 1.09.
    const f = computeFigures(inputs({ bac: 100_000, pv: 50_000, ev: 40_000, ac: 45_000 }));
    expect(sig(f.spi, 2)).toBe(0.8);
    expect(sig(f.cpi, 2)).toBe(0.89);
    expect(f.eac.cpi.value).toBeCloseTo(112_500, 6);
    expect(f.etc.cpi.value).toBeCloseTo(67_500, 6);
    expect(f.vac.cpi.value).toBeCloseTo(-12_500, 6);
    expect(sig(f.eac.cpiSpi)).toBe(129_000);
    expect(sig(f.tcpiBac)).toBe(1.09);
  });

  it("EAC by the three index formulas: BAC 50,000, PV 40,000, EV 30,000, AC 45,000", () => {
    // Source: justaaa.com, "EV= 30,000, PV= 40,000, AC= 45,000, CPI= 0.667, SPI= 0.75" (question
    // 495270): EAC = BAC / CPI = 75,000 and EAC = AC + (BAC - EV) / (CPI x SPI) = 85,000.
    const f = computeFigures(inputs({ bac: 50_000, pv: 40_000, ev: 30_000, ac: 45_000 }));
    expect(sig(f.cpi)).toBe(0.667);
    expect(sig(f.spi)).toBe(0.75);
    expect(sig(f.eac.cpi)).toBe(75_000);
    expect(sig(f.eac.cpiSpi)).toBe(85_000);
    expect(f.eac.atypical.value).toBe(65_000);
  });
});

describe("published earned schedule examples", () => {
  // Source: M. Vanhoucke, PM Knowledge Center, "Earned Value Management: Forecasting time"
  // (http://www.pmknowledgecenter.com/node/167), the example project table: weekly cumulative
  // PV and EV, the project planned to finish in week 9 (PV reaches 150) and finishing in week 11.
  const PV = [0, 5, 10, 25, 55, 85, 120, 130, 140, 150, 150, 150];
  const EV = [0, 3.33, 6.67, 10, 22.5, 70, 82.5, 90, 120, 130, 140, 150];
  const PUBLISHED_ES = [0.67, 1.33, 2.0, 2.83, 4.5, 4.92];

  it("Vanhoucke: ES by interpolation on cumulative PV, week by week", () => {
    PUBLISHED_ES.forEach((es, i) => {
      const week = i + 1;
      const f = computeFigures(inputs({ bac: 150, pv: PV[week], ev: EV[week], curve: PV, at: week }));
      expect(f.es.value!.toFixed(2), `week ${week}`).toBe(es.toFixed(2));
    });
  });

  it("Vanhoucke: the late finish: SPI returns to 1 while SPI(t) keeps the lateness", () => {
    const f = computeFigures(inputs({ bac: 150, pv: PV[11], ev: EV[11], curve: PV, at: 11 }));
    expect(f.pd.value).toBe(9);
    expect(f.spi.value).toBe(1);
    expect(f.sv.value).toBe(0);
    expect(f.es.value).toBe(9);
    expect(f.svt.value).toBe(-2);
    expect(sig(f.spit)).toBe(0.818);
    expect(f.notes).toContain("past-planned-finish");
    // Week 6, behind schedule: SPI(t) = 4.92 / 6 and the time forecast IEAC(t) = PD / SPI(t).
    const w6 = computeFigures(inputs({ bac: 150, pv: PV[6], ev: EV[6], curve: PV, at: 6 }));
    expect(sig(w6.spit)).toBe(0.819);
    expect(sig(w6.ieact)).toBe(11.0);
    expect(sig(w6.tspi)).toBe(1.36);
  });

  it("Earned schedule in weeks: EV equal to the value planned for week 18, 20 weeks in", () => {
    // Source: HKSM, "Earned Schedule (ES)", hksmnow.com/definitions/project-management/earned_schedule_es.php :
    // AT = 20 weeks, EV equals the PV planned for week 18: ES = 18, SV(t) = -2 weeks, SPI(t) = 0.90;
    // and its exam question: AT = 24, ES = 21, SV(t) = -3 weeks. The curve is any plan that
    // reaches the EV in week 18 (respectively 21): here 10 a week over 30 weeks.
    const weekly = Array.from({ length: 31 }, (_, w) => w * 10);
    const f = computeFigures(inputs({ bac: 300, pv: 200, ev: 180, curve: weekly, at: 20 }));
    expect(f.es.value).toBe(18);
    expect(f.svt.value).toBe(-2);
    expect(sig(f.spit, 2)).toBe(0.9);
    const q = computeFigures(inputs({ bac: 300, pv: 240, ev: 210, curve: weekly, at: 24 }));
    expect(q.svt.value).toBe(-3);
  });
});
