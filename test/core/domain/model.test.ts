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
  approvedSpend,
  budgetAmounts,
  costVariance,
  sumCommitted,
  sumKnown,
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

describe("domain model: catalog indexes", () => {
  const catalog = buildCatalog(
    documents({
      "sub.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-SUB\nname: Sub\nparent: PF-A\n",
      "p.yaml": `${project("P1", "portfolio: PF-SUB\nstage: delivery")}---\n${project("P2", "stage: planning")}---\n${project("P1", "portfolio: PF-A\nstage: closed")}`,
      "raid.yaml": [
        "apiVersion: pmo/v1\nkind: Risk\nid: R1\ntitle: t\nproject: P1\nprobability: 2\nimpact: 2\nstatus: open\n",
        "apiVersion: pmo/v1\nkind: Risk\nid: R2\ntitle: t\nportfolio: PF-A\nprobability: 2\nimpact: 2\nstatus: open\n",
        "apiVersion: pmo/v1\nkind: Issue\nid: I1\ntitle: t\nproject: P1\nrisk: R1\nstatus: open\n",
        "apiVersion: pmo/v1\nkind: Issue\nid: I2\ntitle: t\nportfolio: PF-SUB\nstatus: open\n",
        "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: t\nproject: P2\nstatus: proposed\n",
        "apiVersion: pmo/v1\nkind: Decision\nid: D2\ntitle: t\nstatus: proposed\n",
      ].join("---\n"),
    }),
  );
  const ids = (entries: readonly { value: { id: string } }[]) => entries.map((e) => e.value.id);

  it("looks entities up by id: the first of a duplicated id, nothing for an unknown or absent id", () => {
    expect(catalog.project("P1")?.value.stage).toBe("delivery");
    expect(catalog.byId.get("P1")?.value).toBe(catalog.project("P1")?.value);
    expect(catalog.portfolio("PF-SUB")?.value.parent).toBe("PF-A");
    expect(catalog.risk("R2")?.value.portfolio).toBe("PF-A");
    expect(catalog.decision("D1")?.value.project).toBe("P2");
    expect(catalog.person("bob")?.value.name).toBe("Bob Baker");
    for (const lookup of [catalog.project, catalog.portfolio, catalog.risk, catalog.decision, catalog.person]) {
      expect(lookup("nobody")).toBeUndefined();
      expect(lookup(undefined)).toBeUndefined();
    }
    expect(ids(catalog.projects)).toEqual(["P1", "P2", "P1"]);
  });

  it("finds an entity of the kind asked for when its id is shared with another kind that comes first", () => {
    const shared = buildCatalog(
      documents({
        "a.yaml":
          "apiVersion: pmo/v1\nkind: Risk\nid: X\ntitle: t\nproject: X\nprobability: 2\nimpact: 2\nstatus: open\n",
        "b.yaml": `${project("X", "stage: delivery")}---\n${project("X", "stage: closed")}`,
        "c.yaml": "apiVersion: pmo/v1\nkind: Decision\nid: X\ntitle: t\nstatus: proposed\n",
      }),
    );
    expect(shared.byId.get("X")?.doc.kind).toBe("Risk");
    expect(shared.risk("X")?.doc.file).toBe("a.yaml");
    expect(shared.project("X")?.value.stage).toBe("delivery");
    expect(shared.decision("X")?.doc.file).toBe("c.yaml");
    expect(shared.portfolio("X")).toBeUndefined();
    expect(shared.person("X")).toBeUndefined();
    expect(shared.portfolioOfEntity({ project: "X" })).toBeUndefined();
  });

  it("indexes projects by portfolio, sub-portfolios by parent, RAID by owner and issues by risk", () => {
    expect(ids(catalog.projectsOf("PF-SUB"))).toEqual(["P1"]);
    expect(ids(catalog.projectsOf("PF-A"))).toEqual(["P1"]);
    expect(ids(catalog.childrenOf("PF-A"))).toEqual(["PF-SUB"]);
    expect(ids(catalog.risksOf("P1"))).toEqual(["R1"]);
    expect(ids(catalog.risksOf("PF-A"))).toEqual(["R2"]);
    expect(ids(catalog.issuesOf("P1"))).toEqual(["I1"]);
    expect(ids(catalog.issuesOf("PF-SUB"))).toEqual(["I2"]);
    expect(ids(catalog.decisionsOf("P2"))).toEqual(["D1"]);
    expect(ids(catalog.issuesForRisk("R1"))).toEqual(["I1"]);
    for (const index of [
      catalog.projectsOf,
      catalog.childrenOf,
      catalog.risksOf,
      catalog.issuesOf,
      catalog.decisionsOf,
      catalog.issuesForRisk,
    ])
      expect(index("nobody")).toEqual([]);
  });

  it("finds the portfolio of an entity directly, or through its project", () => {
    expect(catalog.portfolioOfEntity({ portfolio: "PF-A", project: "P1" })).toBe("PF-A");
    expect(catalog.portfolioOfEntity({ project: "P1" })).toBe("PF-SUB");
    expect(catalog.portfolioOfEntity({ project: "P2" })).toBeUndefined();
    expect(catalog.portfolioOfEntity({ project: "nobody" })).toBeUndefined();
    expect(catalog.portfolioOfEntity({})).toBeUndefined();
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

  it("a silent engagement: every value from the config's thresholds, each named as from the config", () => {
    const { reporting: _, governance: __, ...silent } = engagement({});
    const settings = resolveSettings(silent, {
      budgetTolerancePercent: 12,
      scheduleToleranceDays: 21,
      scheduleTolerancePercent: 15,
      reportingCadence: "fortnightly",
      statusValidityDays: 10,
      riskMediumThreshold: 5,
      riskHighThreshold: 11,
      riskCriticalThreshold: 19,
      riskReviewDays: 45,
    });
    expect({
      budget: settings.budgetTolerancePercent,
      days: settings.scheduleToleranceDays,
      percent: settings.scheduleTolerancePercent,
      cadence: settings.reportingCadence,
      validity: settings.statusValidityDays,
      medium: settings.risk.mediumThreshold,
      high: settings.risk.highThreshold,
      critical: settings.risk.criticalThreshold,
      review: settings.risk.reviewDays,
    }).toEqual({
      budget: 12,
      days: 21,
      percent: 15,
      cadence: "fortnightly",
      validity: 10,
      medium: 5,
      high: 11,
      critical: 19,
      review: 45,
    });
    expect(settings.sources).toEqual({
      budgetTolerancePercent: "config",
      scheduleToleranceDays: "config",
      scheduleTolerancePercent: "config",
      reportingCadence: "config",
      statusValidityDays: "config",
      riskMediumThreshold: "config",
      riskHighThreshold: "config",
      riskCriticalThreshold: "config",
      riskReviewDays: "config",
    });
    // The bands follow the config's thresholds, each inclusive.
    expect(
      [
        [1, 4],
        [1, 5],
        [2, 5],
        [3, 4],
        [4, 5],
      ].map(([p, i]) => settings.risk.band(p!, i!)),
    ).toEqual(["low", "medium", "medium", "high", "critical"]);
  });

  it("the built-in defaults when neither the engagement nor a config says, with the rag scale", () => {
    const settings = settingsOf(undefined);
    expect(settings.statusScale).toEqual({
      name: "rag",
      values: ["green", "amber", "red"],
      notAssessed: ["not-assessed"],
    });
    expect({
      budget: settings.budgetTolerancePercent,
      days: settings.scheduleToleranceDays,
      percent: settings.scheduleTolerancePercent,
      cadence: settings.reportingCadence,
      validity: settings.statusValidityDays,
      medium: settings.risk.mediumThreshold,
      high: settings.risk.highThreshold,
      critical: settings.risk.criticalThreshold,
      review: settings.risk.reviewDays,
    }).toEqual({
      budget: 10,
      days: 30,
      percent: undefined,
      cadence: undefined,
      validity: 14,
      medium: 6,
      high: 15,
      critical: 20,
      review: 30,
    });
  });

  it("a custom scale that declares not-assessed itself lists it once", () => {
    const settings = resolveSettings(
      engagement({
        statusScale: [
          { value: "good", label: "Good" },
          { value: "not-assessed", label: "Not assessed", assessed: false },
          { value: "bad", label: "Bad" },
        ],
      }),
    );
    expect(settings.statusScale.notAssessed).toEqual(["not-assessed"]);
    expect(settings.statusScale.values).toEqual(["good", "bad"]);
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

describe("domain model: money", () => {
  const settings = resolveSettings(undefined);
  const m = model();
  const withBudget = (stage: Project["stage"], budget?: Project["budget"]): Project => ({
    apiVersion: "pmo/v1",
    kind: "Project",
    id: "P",
    name: "P",
    stage,
    ...(budget && { budget }),
  });

  it("budget amounts: only those the data gives, in the budget's currency else the engagement's", () => {
    expect(budgetAmounts(withBudget("delivery"), settings)).toEqual({ currency: "EUR" });
    expect(
      budgetAmounts(
        withBudget("delivery", { approved: 0, baseline: 5, actual: 6, forecast: 7, currency: "GBP" }),
        settings,
      ),
    ).toEqual({ currency: "GBP", approved: 0, baseline: 5, actual: 6, forecast: 7 });
    expect(budgetAmounts(withBudget("delivery", { actual: 3 }), settings)).toEqual({ currency: "EUR", actual: 3 });
  });

  it("approved spend: the approved budget, else the forecast, else unknown", () => {
    expect(approvedSpend(withBudget("delivery", { approved: 100, forecast: 120, currency: "USD" }), settings)).toEqual({
      amount: 100,
      currency: "USD",
    });
    expect(approvedSpend(withBudget("delivery", { forecast: 120 }), settings)).toEqual({
      amount: 120,
      currency: "EUR",
    });
    expect(approvedSpend(withBudget("delivery", { actual: 50 }), settings)).toBeUndefined();
    expect(approvedSpend(withBudget("delivery"), settings)).toBeUndefined();
  });

  it("cost variance: against the approved budget, else the baseline; unknown without a forecast or a reference", () => {
    expect(costVariance(withBudget("delivery", { approved: 100, baseline: 80, forecast: 125 }), settings)).toEqual({
      currency: "EUR",
      forecast: 125,
      reference: 100,
      against: "approved",
      amount: 25,
      percent: 25,
    });
    expect(costVariance(withBudget("delivery", { baseline: 80, forecast: 60, currency: "GBP" }), settings)).toEqual({
      currency: "GBP",
      forecast: 60,
      reference: 80,
      against: "baseline",
      amount: -20,
      percent: -25,
    });
    expect(costVariance(withBudget("delivery", { approved: 0, forecast: 10 }), settings)?.percent).toBeUndefined();
    expect(costVariance(withBudget("delivery", { approved: 100 }), settings)).toBeUndefined();
    expect(costVariance(withBudget("delivery", { forecast: 100, actual: 20 }), settings)).toBeUndefined();
  });

  it("a sum of amounts: the known ones added, the unknown ones counted, no total when none is known", () => {
    expect(sumKnown([10, undefined, 0, 5, undefined])).toEqual({ total: 15, known: 3, unknown: 2 });
    expect(sumKnown([undefined])).toEqual({ total: null, known: 0, unknown: 1 });
    expect(sumKnown([])).toEqual({ total: null, known: 0, unknown: 0 });
    expect(sumKnown([0])).toEqual({ total: 0, known: 1, unknown: 0 });
  });

  it("committed cost added up per currency in the order met, the unknown ones counted, the uncommitted skipped", () => {
    const projects = [
      withBudget("delivery", { approved: 100, currency: "GBP" }),
      withBudget("planning", { approved: 50, forecast: 70 }),
      withBudget("proposal", { approved: 1000 }),
      withBudget("delivery", { approved: 30, currency: "GBP" }),
      withBudget("initiation"),
      withBudget("closed", { approved: 5 }),
      withBudget("closure", { forecast: 8 }),
    ];
    const sum = sumCommitted(projects, (p) => m.facts.committedCost(p));
    expect([...sum.byCurrency]).toEqual([
      ["GBP", { total: 130, count: 2 }],
      ["EUR", { total: 78, count: 2 }],
    ]);
    expect(sum.unknown).toBe(1);
  });
});
