import { describe, expect, it } from "vitest";
import { computeFigures, known, type Figure } from "../../../../src/core/analytics/evm/index.js";

/** The worked example of docs/evm.md (Mulcahy's fence, PMP Exam Prep p. 210): every row of its table. */
describe("docs/evm.md worked example", () => {
  const f = computeFigures({
    bac: known(4000, ""),
    pv: known(3000, ""),
    ev: known(2500, ""),
    ac: known(2800, ""),
    forecast: known(4400, ""),
    schedule: {
      points: [0, 1000, 2000, 3000, 4000].map((value, t) => ({ t, value })),
      at: 3,
      label: (t) => `day ${t}`,
      unit: "days",
    },
  });
  const v = (x: Figure) => x.value!;
  it.each([
    ["SV", v(f.sv), -500],
    ["CV", v(f.cv), -300],
    ["SPI", v(f.spi), 0.833],
    ["CPI", v(f.cpi), 0.893],
    ["EAC (CPI)", v(f.eac.cpi), 4480],
    ["EAC (atypical)", v(f.eac.atypical), 4300],
    ["EAC (CPI x SPI)", v(f.eac.cpiSpi), 4816],
    ["ETC", v(f.etc.bottomUp), 1600],
    ["VAC", v(f.vac.bottomUp), -400],
    ["TCPI (BAC)", v(f.tcpiBac), 1.25],
    ["TCPI (EAC)", v(f.tcpiEac), 0.9375],
    ["PD", v(f.pd), 4],
    ["AT", v(f.at), 3],
    ["ES", v(f.es), 2.5],
    ["SV(t)", v(f.svt), -0.5],
    ["SPI(t)", v(f.spit), 0.833],
    ["TSPI", v(f.tspi), 1.5],
    ["IEAC(t)", v(f.ieact), 4.8],
  ])("%s", (_name, actual, documented) => {
    expect(Number(actual.toPrecision(3))).toBe(Number(documented.toPrecision(3)));
  });
});
