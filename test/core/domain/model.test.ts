import { describe, expect, it } from "vitest";
import type { ConfigValues } from "../../../src/core/config/index.js";
import {
  buildCatalog,
  buildModel,
  decisionAmount,
  documentsThatValidate,
  resolveSettings,
  type RiskBand,
  finishVariance,
  milestoneSlipDays,
  milestoneVariance,
  settingsOf,
  type Model,
  type Thresholds,
} from "../../../src/core/domain/index.js";
import { documentsOf } from "../../../src/core/load/index.js";
import type { PmoDocument } from "../../../src/model/document.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import type { Decision, Engagement, Project, Risk } from "../../../src/model/entities.js";
import { AS_OF, BASE_FILES } from "../../helpers/rule-tester.js";

function documents(files: Record<string, string>): PmoDocument[] {
  const sources = new Map<string, string>();
  return Object.entries({ ...BASE_FILES, ...files }).flatMap(([file, text]) => documentsOf(file, text, [], sources));
}

function model(files: Record<string, string> = {}, values: ConfigValues = {}): Model {
  return buildModel(documents(files), { values }, AS_OF);
}

const project = (id: string, body: string): string =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\n${body}\n`;

describe("domain model: settings", () => {
  it("takes the engagement's values first, then the config's thresholds, then the defaults", () => {
    const { settings } = model(
      {},
      { thresholds: { riskHighThreshold: 9, riskMediumThreshold: 4, budgetTolerancePercent: 25, riskReviewDays: 7 } },
    );
    // BASE_FILES' engagement sets highThreshold 12, criticalThreshold 20, reviewDays 30, budgetPercent 10.
    expect(settings.risk.highThreshold).toBe(12);
    expect(settings.sources["riskHighThreshold"]).toBe("engagement");
    expect(settings.risk.mediumThreshold).toBe(4);
    expect(settings.sources["riskMediumThreshold"]).toBe("config");
    expect(settings.budgetTolerancePercent).toBe(10);
    expect(settings.risk.reviewDays).toBe(30);
    expect(settings.sources["scheduleTolerancePercent"]).toBe("default");
  });

  it("reads the config's risk matrix before the thresholds", () => {
    const cells: RiskBand[][] = [["low", "low", "low", "low", "critical"]];
    const settings = settingsOf(undefined, { values: { riskMatrix: { cells } } });
    expect(settings.risk.band(1, 5)).toBe("critical");
    expect(settings.risk.band(5, 5)).toBe("critical");
    expect(settings.risk.band(3, 3)).toBe("medium");
    expect(settings.sources["riskMatrix"]).toBe("config");
  });
});

describe("domain model: catalog", () => {
  it("lists every kind and refuses a document of a kind it has no list for", () => {
    const docs = documents({});
    const catalog = buildCatalog(docs);
    expect(catalog.ofKind("Person").map((e) => e.value.id)).toEqual(["ann", "bob", "cat"]);
    expect(catalog.ofKind("Engagement")[0]).toBe(catalog.engagement);
    const stranger = { ...docs[0]!, kind: "Programme", file: "programme.yaml" };
    expect(() => buildCatalog([...docs, stranger])).toThrow(/no list for kind "Programme" \(programme\.yaml\)/);
  });
});

describe("domain model: derived facts", () => {
  const files = {
    "sub.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-SUB\nname: Sub\nparent: PF-A\n",
    "p1.yaml": project(
      "P1",
      "portfolio: PF-SUB\nstage: delivery\nstatus: { asOf: 2026-11-01, overall: green }\nbudget: { approved: 100, forecast: 120 }",
    ),
    "p2.yaml": project(
      "P2",
      "portfolio: PF-A\nstage: proposal\nstatus: { asOf: 2025-01-01, overall: green }\nbudget: { approved: 50, currency: USD }",
    ),
    "p3.yaml": project("P3", "stage: planning"),
    "p4.yaml": project("P4", "stage: closed\nstatus: { asOf: 2025-01-01, overall: green }\nbudget: { approved: 10 }"),
  };
  const m = model(files);
  const get = (id: string): Project => m.catalog.project(id)!.value;

  it("status reports: a proposal's or a closed project's old report is not stale; validity follows the weekly cadence", () => {
    expect(m.settings.statusValidityDays).toBe(7);
    expect(m.facts.statusReport(get("P1"))).toEqual({ kind: "stale", age: 29, validityDays: 7 });
    expect(m.facts.statusReport(get("P2"))).toEqual({ kind: "not-expected" });
    expect(m.facts.statusReport(get("P3"))).toEqual({ kind: "missing" });
    expect(m.facts.statusReport(get("P4"))).toEqual({ kind: "not-expected" });
  });

  it("ancestors: nearest first, computed once", () => {
    const chain = m.facts.portfolioChain("PF-SUB");
    expect(chain.map((e) => e.value.id)).toEqual(["PF-SUB", "PF-A"]);
    expect(m.facts.portfolioChain("PF-SUB")).toBe(chain);
    expect(m.facts.portfolioPath("P1")).toEqual(["PF-SUB", "PF-A"]);
    expect(m.facts.portfolioPath("P3")).toEqual([]);
    expect(m.facts.portfolioPath("nobody")).toEqual([]);
  });

  it("projects within a portfolio: its own and its sub-portfolios', the same as those whose portfolioPath includes it", () => {
    const ids = (portfolio: string) => m.facts.projectsWithin(portfolio).map((e) => e.value.id);
    expect(ids("PF-A")).toEqual(["P2", "P1"]);
    expect(ids("PF-SUB")).toEqual(["P1"]);
    expect(ids("nobody")).toEqual([]);
    expect(m.facts.projectsWithin("PF-A")).toBe(m.facts.projectsWithin("PF-A"));
    for (const portfolio of ["PF-A", "PF-SUB"])
      expect(new Set(ids(portfolio))).toEqual(
        new Set(
          m.catalog.projects
            .filter((p) => m.facts.portfolioPath(p.value.id).includes(portfolio))
            .map((p) => p.value.id),
        ),
      );
    // A parent cycle (which validation rejects) ends the walk instead of looping.
    const cyclic = model({
      "x.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-X\nname: X\nparent: PF-Y\n",
      "y.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-Y\nname: Y\nparent: PF-X\n",
      "q.yaml": project("Q1", "portfolio: PF-Y\nstage: planning"),
    });
    expect(cyclic.facts.projectsWithin("PF-X").map((e) => e.value.id)).toEqual(["Q1"]);
  });

  it("committed cost: the forecast, else the approved budget, of projects past the proposal and not finished", () => {
    expect(m.facts.committedCost(get("P1"))).toEqual({ amount: 120, currency: "EUR" });
    expect(m.facts.committedCost(get("P2"))).toBeUndefined();
    expect(m.facts.committedCost(get("P3"))).toBe("unknown");
    expect(m.facts.committedCost(get("P4"))).toBeUndefined();
  });

  it("decision amount: its own currency, else its project's or portfolio's budget currency, else the engagement's", () => {
    const d = (extra: Partial<Decision>): Decision => ({
      apiVersion: "pmo/v1",
      kind: "Decision",
      id: "D",
      title: "t",
      status: "proposed",
      ...extra,
    });
    const withPortfolio = model({
      ...files,
      "pf.yaml":
        "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-GBP\nname: G\nowner: ann\nbudget: { envelope: 5, currency: GBP }\n",
    });
    expect(decisionAmount(d({ amount: { value: 5, currency: "CHF" }, project: "P2" }), m.catalog, m.settings)).toEqual({
      amount: 5,
      currency: "CHF",
    });
    expect(decisionAmount(d({ amount: { value: 5 }, project: "P2" }), m.catalog, m.settings)).toEqual({
      amount: 5,
      currency: "USD",
    });
    expect(
      decisionAmount(d({ amount: { value: 5 }, portfolio: "PF-GBP" }), withPortfolio.catalog, withPortfolio.settings),
    ).toEqual({ amount: 5, currency: "GBP" });
    expect(decisionAmount(d({ amount: { value: 0 }, project: "P1" }), m.catalog, m.settings)).toEqual({
      amount: 0,
      currency: "EUR",
    });
    expect(decisionAmount(d({ project: "P1" }), m.catalog, m.settings)).toBeUndefined();
  });

  it("risk band: the thresholds in force (engagement high 12, critical 20)", () => {
    const risk = (p: number, i: number): Risk => ({
      apiVersion: "pmo/v1",
      kind: "Risk",
      id: "R",
      title: "t",
      probability: p,
      impact: i,
      status: "open",
    });
    expect([
      m.facts.riskBand(risk(3, 4)),
      m.facts.riskBand(risk(4, 5)),
      m.facts.riskBand(risk(2, 3)),
      m.facts.riskBand(risk(1, 5)),
    ]).toEqual(["high", "critical", "medium", "low"]);
  });

  it("slip: the actual date, else the forecast, against the baseline; an achieved milestone has no open slip", () => {
    expect(milestoneVariance({ id: "M1", name: "m", baseline: "2026-01-01", forecast: "2026-01-31" })).toBe(30);
    expect(
      milestoneVariance({ id: "M1", name: "m", baseline: "2026-01-01", forecast: "2026-01-31", actual: "2026-01-11" }),
    ).toBe(10);
    expect(
      milestoneSlipDays({ id: "M1", name: "m", baseline: "2026-01-01", forecast: "2026-01-31", actual: "2026-01-11" }),
    ).toBeUndefined();
    expect(milestoneVariance({ id: "M1", name: "m", forecast: "2026-01-31" })).toBeUndefined();
    const p = { ...get("P3"), schedule: { baselineFinish: "2026-06-30", forecastFinish: "2026-06-20" } };
    expect(finishVariance(p)).toBe(-10);
    expect(finishVariance(get("P3"))).toBeUndefined();
  });
});

describe("domain model: settings in detail", () => {
  const engagement = (extra: Partial<Engagement>): Engagement =>
    ({ ...(model().catalog.engagement!.value as Engagement), ...extra }) as Engagement;

  it("a custom status scale: levels marked assessed: false are off the scale, beside not-assessed", () => {
    const settings = resolveSettings(
      engagement({
        statusScale: [
          { value: "on-track", label: "On track" },
          { value: "withheld", label: "Withheld", assessed: false },
          { value: "off-track", label: "Off track" },
        ],
      }),
    );
    expect(settings.statusScale).toEqual({
      name: "custom",
      values: ["on-track", "off-track"],
      notAssessed: ["not-assessed", "withheld"],
    });
    expect(["on-track", "off-track", "withheld", "not-assessed", "other"].map((v) => settings.statusRank(v))).toEqual([
      0, 1, -1, -1, -1,
    ]);
    expect(settings.statusRank(undefined)).toBe(-1);
    expect(["withheld", "not-assessed", "on-track"].map((v) => settings.isNotAssessed(v))).toEqual([true, true, false]);
    expect(settings.isNotAssessed(undefined)).toBe(false);
    expect(["off-track", "on-track", "withheld"].map((v) => settings.isRed(v))).toEqual([true, false, false]);
    expect(settings.isRed(undefined)).toBe(false);
    expect(settings.isGreen("on-track")).toBe(true);
  });

  it("on a one-value scale that value is the best, not also the worst", () => {
    const settings = resolveSettings(engagement({ statusScale: [{ value: "fine", label: "Fine" }] }));
    expect(settings.isGreen("fine")).toBe(true);
    expect(settings.isRed("fine")).toBe(false);
    expect(settings.isRed(undefined)).toBe(false);
  });

  it("a built-in scale has not-assessed as its only off-scale value", () => {
    const settings = resolveSettings(engagement({ statusScale: "rag" }));
    expect(settings.statusScale).toEqual({
      name: "rag",
      values: ["green", "amber", "red"],
      notAssessed: ["not-assessed"],
    });
  });

  it("without an engagement: the defaults, in euros, each named as a default", () => {
    const settings = resolveSettings(undefined);
    expect(settings.currency).toBe("EUR");
    expect(settings.risk).toMatchObject({ probabilityMax: 5, impactMax: 5 });
    for (const name of [
      "statusValidityDays",
      "budgetTolerancePercent",
      "scheduleToleranceDays",
      "riskCriticalThreshold",
      "riskHighThreshold",
      "riskReviewDays",
      "reportingCadence",
    ])
      expect(settings.sources[name], name).toBe("default");
    expect(settings.sources["riskMatrix"]).toBeUndefined();
    expect(buildModel([], { values: {} }, AS_OF).settings.currency).toBe("EUR");
  });

  it("the engagement's risk scale, cadence and tolerances win, and say so", () => {
    const settings = resolveSettings(
      engagement({
        reporting: { cadence: "monthly" },
        governance: {
          risk: { scale: { probability: 4, impact: 6 }, criticalThreshold: 18, reviewDays: 14 },
          tolerances: { budgetPercent: 7, scheduleDays: 12 },
        },
      }),
    );
    expect(settings.risk).toMatchObject({ probabilityMax: 4, impactMax: 6, criticalThreshold: 18, reviewDays: 14 });
    expect(settings.reportingCadence).toBe("monthly");
    for (const name of [
      "reportingCadence",
      "budgetTolerancePercent",
      "scheduleToleranceDays",
      "riskCriticalThreshold",
      "riskReviewDays",
    ])
      expect(settings.sources[name], name).toBe("engagement");
    expect(settings.statusValidityDays).toBe(31);
  });

  it("a validity of one reporting period comes from wherever the cadence came from", () => {
    const { reporting: _, ...silent } = engagement({});
    const cases: [Engagement, Thresholds, number, string][] = [
      [engagement({ reporting: { cadence: "quarterly" } }), {}, 92, "engagement"],
      [engagement({ reporting: { cadence: "quarterly" } }), { reportingCadence: "weekly" }, 92, "engagement"],
      [silent, { reportingCadence: "fortnightly" }, 14, "config"],
      [engagement({ reporting: { cadence: "monthly" } }), { statusValidityDays: 9 }, 9, "config"],
      [
        engagement({ reporting: { cadence: "monthly", statusValidityDays: 40 } }),
        { statusValidityDays: 9 },
        40,
        "engagement",
      ],
      [silent, {}, 14, "default"],
    ];
    for (const [eng, thresholds, days, source] of cases) {
      const settings = resolveSettings(eng, thresholds);
      expect([settings.statusValidityDays, settings.sources["statusValidityDays"]]).toEqual([days, source]);
    }
  });
});

describe("domain model: the documents it holds", () => {
  it("leaves out a document with a schema or apiVersion problem, and keeps one with a reference problem", () => {
    const docs = documents({
      "p.yaml": `${project("P1", "stage: delivery")}---\n${project("P2", "stage: delivery")}`,
      "q.yaml": project("P3", "stage: delivery"),
    });
    const at = (file: string, docIndex: number, ruleId: string) =>
      ({ file, docIndex, ruleId }) as unknown as Diagnostic;
    const kept = documentsThatValidate(docs, [
      at("p.yaml", 1, "schema"),
      at("q.yaml", 0, "api-version"),
      at("p.yaml", 0, "unresolved-reference"),
    ]);
    const ids = kept.map((d) => d.id);
    expect(ids).toContain("P1");
    expect(ids).not.toContain("P2");
    expect(ids).not.toContain("P3");
    expect(kept.length).toBe(docs.length - 2);
    expect(documentsThatValidate(docs, [])).toEqual(docs);
  });
});
