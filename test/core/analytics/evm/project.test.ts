import { describe, expect, it } from "vitest";
import { isMeasured, projectEvm, rollUp, type ProjectEvm } from "../../../../src/core/analytics/evm/index.js";
import type { Project } from "../../../../src/model/entities.js";

const base: Project = {
  apiVersion: "pmo/v1",
  kind: "Project",
  id: "PRJ-1",
  name: "One",
  stage: "delivery",
  portfolio: "PF",
  schedule: { baselineStart: "2026-01-01", baselineFinish: "2026-05-01", actualStart: "2026-01-01" },
  budget: { approved: 1000, actual: 500, forecast: 1100 },
  percentComplete: 40,
};
const opts = { asOf: "2026-03-01", defaultCurrency: "EUR" };
const run = (p: Partial<Project>, o: Partial<typeof opts> = {}): ProjectEvm =>
  projectEvm({ ...base, ...p } as Project, { ...opts, ...o });

describe("projectEvm: planned value", () => {
  it("without a planned-value curve, PV and everything built on it say what is missing", () => {
    const r = run({});
    expect(r.figures.pv.value).toBeUndefined();
    expect("missing" in r.figures.pv && r.figures.pv.missing).toContain("earnedValue.plannedValue");
    expect(r.figures.spi.value).toBeUndefined();
    expect(r.figures.es.value).toBeUndefined();
    expect(r.figures.notes).toContain("no-planned-value");
    // The cost side does not need PV.
    expect(r.figures.ev.value).toBe(400);
    expect(r.figures.cpi.value).toBe(0.8);
  });

  it("linear: BAC spread evenly from baseline start to finish", () => {
    const r = run({ earnedValue: { plannedValue: "linear" } });
    // 2026-01-01 .. 2026-05-01 is 120 days; 2026-03-01 is day 59.
    expect(r.figures.pv.value).toBeCloseTo((1000 * 59) / 120, 9);
    expect(r.figures.pd.value).toBe(120);
    expect(r.figures.at.value).toBe(59);
    // EV 400 is planned on day 48: ES = 48 days.
    expect(r.figures.es.value).toBeCloseTo(48, 9);
    expect(r.figures.esLabel).toBe("2026-02-18");
  });

  it("periods: cumulative amounts, interpolated between period ends; the explanation shows the arithmetic", () => {
    const r = run({
      earnedValue: {
        plannedValue: "periods",
        periods: [
          { period: "2026-01-31", planned: 200 },
          { period: "2026-02-28", planned: 500 },
          { period: "2026-03-31", planned: 800 },
          { period: "2026-04-30", planned: 1000 },
        ],
      },
    });
    expect(r.figures.pv.value).toBeCloseTo(500 + (300 * 1) / 31, 9);
    expect("explain" in r.figures.pv && r.figures.pv.explain).toContain("linear between 2026-02-28 and 2026-03-31");
    expect(r.series.planned.map((p) => p.date)).toEqual([
      "2026-01-01",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
  });

  it("periods that fall are refused: the amounts are cumulative", () => {
    const r = run({
      earnedValue: {
        plannedValue: "periods",
        periods: [
          { period: "2026-01-31", planned: 200 },
          { period: "2026-02-28", planned: 100 },
        ],
      },
    });
    expect("missing" in r.figures.pv && r.figures.pv.missing).toContain("cumulative");
  });

  it("a PV plateau (a planned pause) is named", () => {
    const r = run({
      earnedValue: {
        plannedValue: "periods",
        periods: [
          { period: "2026-01-31", planned: 400 },
          { period: "2026-03-31", planned: 400 },
          { period: "2026-04-30", planned: 1000 },
        ],
      },
    });
    expect(r.figures.pv.value).toBe(400);
    expect(r.figures.notes).toContain("pv-plateau");
    // EV 400 equals the plateau: earned schedule takes the earliest date it was planned.
    expect(r.figures.esLabel).toBe("2026-01-31");
  });

  it("milestones: each milestone's value planned by its baseline date", () => {
    const r = run({
      milestones: [
        { id: "M1", name: "a", baseline: "2026-02-01", actual: "2026-02-10" },
        { id: "M2", name: "b", baseline: "2026-05-01" },
      ],
      earnedValue: { plannedValue: "milestones", method: "milestones", milestones: { M1: 300, M2: 700 } },
    });
    expect(r.figures.ev.value).toBe(300);
    expect(r.figures.pv.value).toBeCloseTo(300 + (700 * 28) / 89, 9);
    expect("explain" in r.figures.ev && r.figures.ev.explain).toContain("M1 300");
  });

  it("a milestone value for an unknown milestone is reported, not ignored", () => {
    const r = run({ earnedValue: { plannedValue: "milestones", milestones: { M9: 100 } } });
    expect("missing" in r.figures.pv && r.figures.pv.missing).toContain("M9");
  });
});

describe("projectEvm: earned value methods", () => {
  const milestones = [
    { id: "M1", name: "a", baseline: "2026-02-01", actual: "2026-02-10" },
    { id: "M2", name: "b", baseline: "2026-04-01" },
  ];
  it.each([
    ["percent-complete", 400],
    ["milestones", 300],
    ["0-100", 300],
    ["50-50", 300 + 350],
  ] as const)("%s", (method, ev) => {
    const r = run({ milestones, earnedValue: { method, milestones: { M1: 300, M2: 700 } } });
    expect(r.figures.ev.value).toBe(ev);
  });

  it("0-100 and 50-50 without milestone values treat the project as one package", () => {
    expect(run({ earnedValue: { method: "0-100" } }).figures.ev.value).toBe(0);
    expect(run({ earnedValue: { method: "50-50" } }).figures.ev.value).toBe(500);
    expect(
      run({ earnedValue: { method: "0-100" }, schedule: { ...base.schedule, actualFinish: "2026-02-20" } }).figures.ev
        .value,
    ).toBe(1000);
  });
});

describe("projectEvm: actual cost and finish", () => {
  it("AC from the periods when the budget has no actual", () => {
    const r = run({
      budget: { approved: 1000 },
      earnedValue: {
        periods: [
          { period: "2026-01-31", actual: 100 },
          { period: "2026-02-28", actual: 260 },
          { period: "2026-03-31", actual: 999 },
        ],
      },
    });
    expect(r.figures.ac.value).toBe(260);
    expect(r.series.actual).toHaveLength(3);
  });

  it("completion after the planned finish: SPI is 1, SPI(t) keeps the delay, and it is named", () => {
    const r = run(
      {
        percentComplete: 100,
        schedule: { ...base.schedule, actualFinish: "2026-06-30" },
        earnedValue: { plannedValue: "linear" },
      },
      { asOf: "2026-07-15" },
    );
    expect(r.figures.spi.value).toBe(1);
    expect(r.figures.at.value).toBe(180);
    expect(r.figures.spit.value).toBeCloseTo(120 / 180, 9);
    expect(r.figures.notes).toEqual(expect.arrayContaining(["finished-late", "past-planned-finish"]));
  });

  it("BAC = AC: TCPI against BAC is undefined and says why", () => {
    const r = run({ budget: { approved: 1000, actual: 1000 } });
    expect(r.figures.tcpiBac.value).toBeUndefined();
    expect("missing" in r.figures.tcpiBac && r.figures.tcpiBac.missing).toContain("BAC = AC");
    expect(r.figures.notes).toContain("bac-equals-ac");
  });

  it("no budget at all: BAC, EV and the EACs are unknown, none is 0", () => {
    const r = run({ budget: undefined });
    for (const f of [r.figures.bac, r.figures.ev, r.figures.ac, r.figures.eac.cpi, r.figures.vac.cpi])
      expect(f.value).toBeUndefined();
  });

  it("isMeasured: delivery and later, or any project with an earned value plan", () => {
    expect(isMeasured({ ...base, stage: "planning" })).toBe(false);
    expect(isMeasured({ ...base, stage: "planning", earnedValue: { plannedValue: "linear" } })).toBe(true);
    expect(isMeasured({ ...base, stage: "closed" })).toBe(true);
  });
});

describe("rollUp", () => {
  const a = run({ id: "A", earnedValue: { plannedValue: "linear" } });
  const b = run({
    id: "B",
    budget: { approved: 3000, actual: 1000, forecast: 2900 },
    earnedValue: { plannedValue: "linear" },
  });
  const c = run({
    id: "C",
    budget: { currency: "GBP", approved: 500, actual: 100 },
    earnedValue: { plannedValue: "linear" },
  });
  const d = run({ id: "D" });

  it("sums within one currency, puts other currencies side by side, and names who is left out", () => {
    const rows = rollUp({ scope: "portfolio", id: "PF", name: "PF", projects: [a, b, c, d] });
    expect(rows.map((r) => r.currency)).toEqual(["EUR", "GBP"]);
    const eur = rows[0]!;
    expect(eur.counted).toEqual(["A", "B"]);
    expect(eur.leftOut).toEqual([{ id: "D", missing: expect.stringContaining("PV is unknown") }]);
    expect(eur.figures.bac.value).toBe(4000);
    expect(eur.figures.ac.value).toBe(1500);
    expect(eur.figures.ev.value).toBe(400 + 1200);
    expect(eur.figures.cpi.value).toBeCloseTo(1600 / 1500, 9);
    expect(eur.figures.eac.bottomUp.value).toBe(1100 + 2900);
    const gbp = rows[1]!;
    expect(gbp.figures.bac.value).toBe(500);
    expect(gbp.figures.eac.bottomUp.value).toBeUndefined();
    expect(eur.figures.es.value).toBeUndefined();
  });

  it("with nothing summable the roll-up figures are unknown, not 0", () => {
    const [row] = rollUp({ scope: "engagement", id: "E", name: "E", projects: [d] });
    expect(row!.figures.pv.value).toBeUndefined();
    expect(row!.figures.bac.value).toBeUndefined();
  });
});
