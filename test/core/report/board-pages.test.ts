import { describe, expect, it } from "vitest";
import { buildModel } from "../../../src/core/domain/index.js";
import { documentsOf } from "../../../src/core/load/index.js";
import { DEFAULT_LAYOUT, type ReportContext } from "../../../src/core/report/context.js";
import { linksFor, portfolioFileNames, projectFileNames, type PageKind } from "../../../src/core/report/links.js";
import { notAssessedView, statusLookup, statusScaleView } from "../../../src/core/report/status.js";
import { buildBenefitsView } from "../../../src/core/report/views/benefits.js";
import { buildDecisionLogView } from "../../../src/core/report/views/decision-log.js";
import { buildDependenciesView } from "../../../src/core/report/views/dependencies.js";
import { buildIssueLogView } from "../../../src/core/report/views/issue-log.js";
import { buildPortfolioView } from "../../../src/core/report/views/portfolio.js";
import { buildProjectView } from "../../../src/core/report/views/project.js";
import { buildProjectTrends } from "../../../src/core/report/views/trends.js";
import type { PmoDocument } from "../../../src/model/document.js";
import { AS_OF, BASE_FILES } from "../../helpers/rule-tester.js";

/** The view builders of the board pack pages, on small repositories built on BASE_FILES (as of 2026-11-30). */
function contextOf(files: Record<string, string>, page: PageKind = "index"): ReportContext {
  const sources = new Map<string, string>();
  const docs: PmoDocument[] = Object.entries({ ...BASE_FILES, ...files }).flatMap(([file, text]) =>
    documentsOf(file, text, [], sources),
  );
  const { catalog, settings, facts } = buildModel(docs, { values: {} }, AS_OF);
  const scale = statusScaleView(catalog.engagement?.value, settings);
  const notAssessed = notAssessedView(catalog.engagement?.value, settings);
  return {
    catalog,
    settings,
    facts,
    asOf: AS_OF,
    findings: [],
    waived: [],
    findingsFor: () => ({ active: [], waived: [] }),
    scale,
    notAssessed,
    status: statusLookup(scale, notAssessed),
    links: linksFor(page, "html", projectFileNames(catalog), false, portfolioFileNames(catalog)),
    history: { kind: "none", reason: "disabled" },
    projectHistory: () => undefined,
    layout: DEFAULT_LAYOUT,
    single: false,
  };
}

const doc = (kind: string, id: string, body: string): string =>
  `apiVersion: pmo/v1\nkind: ${kind}\nid: ${id}\n${body}\n`;
const project = (id: string, body: string): string => doc("Project", id, `name: Project ${id}\n${body}`);

describe("decision log", () => {
  const files = {
    "p1.yaml": project("P1", "stage: delivery\nportfolio: PF-A\nbudget: { currency: GBP, approved: 100 }"),
    "d.yaml": [
      doc(
        "Decision",
        "D1",
        "title: Fund it\nproject: P1\nstatus: proposed\ndue: 2026-12-16\namount: { value: 300 }\noptions:\n  - { id: A, title: Fund, amount: 300 }\n  - { id: B, title: Wait, amount: 0 }\nrecommendation: { option: A, by: ann, rationale: Cheapest }",
      ),
      doc(
        "Decision",
        "D2",
        "title: Late one\nportfolio: PF-A\nstatus: proposed\ndue: 2026-11-20\namount: { value: 50, currency: EUR }",
      ),
      doc("Decision", "D3", "title: Undated\nstatus: proposed"),
      doc("Decision", "D4", "title: Done\nstatus: approved\ndecidedBy: ann\ndate: 2026-10-01\namount: { value: 999 }"),
    ].join("---\n"),
  };
  const view = buildDecisionLogView(contextOf(files, "decisions"));

  it("puts what awaits the board first, soonest due first, undated last", () => {
    expect(view.awaiting.map((d) => [d.id, d.dueDays])).toEqual([
      ["D2", -10],
      ["D1", 16],
      ["D3", null],
    ]);
    expect(view.overdue).toBe(1);
    expect(view.undated).toBe(1);
  });

  it("sums the money at stake per currency, counting decisions without an amount instead of taking 0", () => {
    // D1 takes its project's budget currency (GBP); D4 is approved and not at stake.
    expect(view.atStake).toEqual([
      { currency: "EUR", value: 50, decisions: 1 },
      { currency: "GBP", value: 300, decisions: 1 },
    ]);
    expect(view.withoutAmount).toBe(1);
  });

  it("shows the options, the recommended one and who recommends it", () => {
    const d1 = view.awaiting.find((d) => d.id === "D1")!;
    expect(d1.currency).toBe("GBP");
    expect(d1.options.map((o) => [o.id, o.amount, o.recommended])).toEqual([
      ["A", 300, true],
      ["B", 0, false],
    ]);
    expect(d1.recommendation).toEqual({ option: "A", optionTitle: "Fund", by: "Ann Able", rationale: "Cheapest" });
  });

  it("lists every level and every status, each section with its filter anchor", () => {
    expect(view.levels).toEqual({ projects: 1, portfolios: 1, engagement: 2 });
    expect(view.sections.map((s) => [s.anchor, s.count])).toEqual([
      ["decisions-proposed", 3],
      ["decisions-approved", 1],
      ["decisions-rejected", 0],
      ["decisions-deferred", 0],
      ["decisions-superseded", 0],
    ]);
    expect(view.awaiting.find((d) => d.id === "D2")!.scope).toEqual({
      id: "PF-A",
      name: "Portfolio A",
      href: "portfolios/PF-A.html",
    });
  });
});

describe("issue log", () => {
  const issue = (id: string, body: string): string =>
    doc("Issue", id, `title: Issue ${id}\nraised: 2026-10-01\n${body}`);
  const view = buildIssueLogView(
    contextOf({
      "p1.yaml": project("P1", "stage: delivery"),
      "i.yaml": [
        issue("I1", "project: P1\nstatus: open\npriority: low"),
        issue("I2", "portfolio: PF-A\nstatus: in-progress\ndue: 2026-11-01\npriority: high"),
        issue("I3", "status: open\nescalatedTo: ann"),
        issue("I4", "status: closed"),
      ].join("---\n"),
    }),
  );

  it("counts open issues at every level, as the dashboard tile does", () => {
    expect(view.open).toBe(3);
    expect(view.levels).toEqual({ projects: 1, portfolios: 1, engagement: 2 });
    expect(view.overdue).toBe(1);
    expect(view.escalated).toBe(1);
  });

  it("has one section per status, highest priority first within it", () => {
    expect(view.sections.map((s) => [s.status, s.rows.map((r) => r.id)])).toEqual([
      ["open", ["I1", "I3"]],
      ["in-progress", ["I2"]],
      ["resolved", []],
      ["closed", ["I4"]],
    ]);
  });
});

describe("benefits per objective", () => {
  const view = buildBenefitsView(
    contextOf({
      "p1.yaml": project(
        "P1",
        "stage: delivery\nportfolio: PF-A\ncontributions: [{ objective: o1, strength: high }, { objective: o2 }]\nbenefits:\n  - { id: B1, name: Savings, unit: GBP, planned: 100, realised: 40, status: on-track }\n  - { id: B2, name: Calls, unit: calls, planned: 5 }",
      ),
      "p2.yaml": project(
        "P2",
        "stage: delivery\nportfolio: PF-A\ncontributions: [{ objective: o1 }]\nbenefits:\n  - { id: B3, name: More savings, unit: GBP, status: at-risk }",
      ),
      "p3.yaml": project("P3", "stage: delivery\nbenefits:\n  - { id: B4, name: Orphan, planned: 1 }"),
    }),
  );

  it("adds planned and realised per unit only, and counts what is unknown", () => {
    const grow = view.objectives.find((o) => o.id === "o1")!;
    expect(grow.projects).toBe(2);
    expect(grow.totals).toEqual([
      {
        unit: "GBP",
        planned: 100,
        plannedCount: 1,
        realised: 40,
        realisedCount: 1,
        plannedUnknown: 1,
        realisedUnknown: 1,
      },
      {
        unit: "calls",
        planned: 5,
        plannedCount: 1,
        realised: 0,
        realisedCount: 0,
        plannedUnknown: 0,
        realisedUnknown: 1,
      },
    ]);
    expect(grow.benefits.map((b) => [b.id, b.strength])).toEqual([
      ["B1", "high"],
      ["B2", "high"],
      ["B3", null],
    ]);
  });

  it("says which benefits are listed twice and lists the ones linked to no objective", () => {
    expect(view.total).toBe(4);
    expect(view.listedSeveralTimes).toBe(2);
    expect(view.unlinked.benefits.map((b) => b.id)).toEqual(["B4"]);
    expect(view.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: "on-track", count: 1 },
      { status: "at-risk", count: 1 },
    ]);
    expect(view.statusUnknown).toBe(2);
  });
});

describe("dependencies", () => {
  const files = {
    "a.yaml": project(
      "A",
      "stage: delivery\nschedule: { baselineStart: 2026-01-01, baselineFinish: 2026-12-01, forecastFinish: 2027-01-15 }\nmilestones:\n  - { id: M1, name: Design, baseline: 2026-12-01, forecast: 2027-01-10 }",
    ),
    "b.yaml": project(
      "B",
      "stage: planning\nschedule: { baselineStart: 2027-01-04, baselineFinish: 2027-06-30 }\ndependencies: [{ project: A, description: needs the design }]\nmilestones:\n  - { id: M1, name: Build, baseline: 2027-01-20, dependsOn: [{ milestone: A/M1, lag: 20 }] }",
    ),
    "c.yaml": project(
      "C",
      "stage: planning\nschedule: { baselineStart: 2027-03-01, baselineFinish: 2027-09-30 }\ndependencies: [{ project: A, type: finish-to-finish }]",
    ),
  };
  const ctx = contextOf(files, "dependencies");
  const view = buildDependenciesView(ctx);

  it("gives the predecessor's slip and the margin left, tightest first", () => {
    // A finishes 2027-01-15, 45 days late; B starts 2027-01-04 (11 days short), C finishes 2027-09-30 (finish-to-finish: 258 days of margin).
    expect(
      view.projects.map((r) => [
        r.successor.id,
        r.predecessor.id,
        r.type,
        r.predecessorSlipDays,
        r.predecessorDate,
        r.successorDate,
        r.marginDays,
      ]),
    ).toEqual([
      ["B", "A", "finish-to-start", 45, "2027-01-15", "2027-01-04", -11],
      ["C", "A", "finish-to-finish", 45, "2027-01-15", "2027-09-30", 258],
    ]);
    expect(view.squeezed).toBe(1);
  });

  it("dates cross-project milestone links with the schedule network and says how far they push", () => {
    // A/M1 is forecast 2027-01-10; with a 20-day lag B/M1 cannot be before 2027-01-30, ten days after its own 2027-01-20.
    expect(
      view.milestoneLinks.map((l) => [
        l.predecessor.key,
        l.predecessor.slipDays,
        l.successor.key,
        l.successor.ownDate,
        l.successor.networkDate,
        l.pushedDays,
      ]),
    ).toEqual([["A/M1", 40, "B/M1", "2027-01-20", "2027-01-30", 10]]);
    expect(view.pushed).toBe(1);
    expect(view.networkNote).toBeNull();
  });

  it("shows on a project page who it waits on and who waits on it", () => {
    const page = contextOf(files, "project");
    const a = buildProjectView(page, page.catalog.project("A")!.value, "a.yaml", "A");
    expect(a.waitsOn).toEqual([]);
    expect(a.waitedOnBy.map((r) => [r.successor.id, r.successor.href])).toEqual([
      ["B", "B.html"],
      ["C", "C.html"],
    ]);
  });
});

describe("portfolio page", () => {
  const files = {
    "sub.yaml": doc(
      "Portfolio",
      "PG-S",
      "name: Sub\nowner: ann\nparent: PF-A\nmessage: { asOf: 2026-11-01, text: Sub is fine, author: bob }",
    ),
    "p1.yaml": project(
      "P1",
      "stage: delivery\nportfolio: PF-A\nbudget: { approved: 100, forecast: 120 }\nstatus: { asOf: 2026-11-28, overall: red }",
    ),
    "p2.yaml": project("P2", "stage: delivery\nportfolio: PG-S\nbudget: { approved: 50 }"),
    "p3.yaml": project("P3", "stage: delivery\nportfolio: PG-S"),
    "p4.yaml": project("P4", "stage: delivery\nportfolio: PF-A\nbudget: { currency: USD, forecast: 7 }"),
    "p5.yaml": project(
      "P5",
      "stage: proposal\nportfolio: PF-A\nbudget: { forecast: 1000 }\nmilestones:\n  - { id: M1, name: Soon, baseline: 2027-01-15 }\n  - { id: M2, name: Late, baseline: 2026-11-01 }\n  - { id: M3, name: Far, baseline: 2027-09-01 }",
    ),
  };
  const ctx = contextOf(files, "portfolio");
  const pf = ctx.catalog.portfolio("PF-A")!;
  const view = buildPortfolioView(ctx, pf, "PF-A");

  it("lists its projects and its sub-portfolios' projects", () => {
    expect(view.projects.map((p) => [p.id, p.via?.id ?? null])).toEqual([
      ["P1", null],
      ["P2", "PG-S"],
      ["P3", "PG-S"],
      ["P4", null],
      ["P5", null],
    ]);
    expect(view.children.map((c) => c.href)).toEqual(["PG-S.html"]);
    expect(view.noStatus).toBe(4);
  });

  it("compares the envelope with the committed cost, leaving out what is unknown or in another currency", () => {
    expect(view.budget).toEqual({
      currency: "EUR",
      envelope: 10000000,
      period: null,
      committed: { currency: "EUR", amount: 170, projects: 2 },
      otherCurrencies: [{ currency: "USD", amount: 7, projects: 1 }],
      unknown: 1,
      headroom: null,
    });
  });

  it("shows the overdue milestones and those due in the next 90 days", () => {
    expect(view.milestones.map((m) => [m.id, m.state])).toEqual([
      ["M2", "overdue"],
      ["M1", "upcoming"],
    ]);
  });

  it("shows a sub-portfolio's message, stale beyond the status validity period", () => {
    const sub = buildPortfolioView(ctx, ctx.catalog.portfolio("PG-S")!, "PG-S");
    // The weekly cadence makes a status valid for 7 days; the message is 29 days old.
    expect(sub.message).toEqual({
      asOf: "2026-11-01",
      text: "Sub is fine",
      author: "Bob Baker",
      ageDays: 29,
      stale: true,
    });
    expect(sub.parent).toEqual({ id: "PF-A", name: "Portfolio A", href: "PF-A.html" });
  });
});

describe("project page", () => {
  const files = {
    "p1.yaml": project(
      "P1",
      "stage: delivery\nstatus:\n  asOf: 2026-11-26\n  overall: amber\n  schedule: red\n  budget: green\n  comments: { schedule: Supplier late, budget: On plan }\nbenefits:\n  - { id: B1, name: Savings, unit: EUR, planned: 10, realised: 4 }\ngates:\n  - { stage: delivery, date: 2026-03-01, decision: D1, outcome: approved }",
    ),
    "d.yaml": doc("Decision", "D1", "title: Go\nproject: P1\nstatus: approved\ndecidedBy: ann\ndate: 2026-03-01"),
    "r.yaml": [
      doc(
        "Risk",
        "R1",
        "title: Open one\nproject: P1\nprobability: 2\nimpact: 3\nstatus: open\nproximity: 2026-12-30\nprobabilityPercent: 25\ncostImpact: { min: 100, mostLikely: 400, max: 900 }\nmitigations:\n  - { action: Call, due: 2026-11-20, status: in-progress }\n  - { action: Sign, status: done }",
      ),
      doc(
        "Risk",
        "R2",
        "title: Closed one\nproject: P1\nprobability: 3\nimpact: 3\nstatus: closed\nclosed: 2026-10-01",
      ),
      doc("Risk", "R3", "title: Occurred\nproject: P1\nprobability: 5\nimpact: 5\nstatus: occurred"),
    ].join("---\n"),
    "i.yaml": doc("Issue", "I1", "title: It happened\nproject: P1\nraised: 2026-11-01\nstatus: open\nrisk: R3"),
  };
  const ctx = contextOf(files, "project");
  const view = buildProjectView(ctx, ctx.catalog.project("P1")!.value, "p1.yaml", "P1");

  it("lists closed and occurred risks apart, never as open", () => {
    expect(view.risks.map((r) => r.id)).toEqual(["R1"]);
    expect(view.closedRisks.map((r) => [r.id, r.status, r.active, r.issues])).toEqual([
      ["R2", "closed", false, []],
      ["R3", "occurred", false, ["I1"]],
    ]);
  });

  it("gives an open risk's proximity, exposure and mitigations", () => {
    const r1 = view.risks[0]!;
    expect(r1.proximityDays).toBe(30);
    expect(r1.exposure).toBe(100);
    expect(r1.costImpact).toEqual({ currency: "EUR", min: 100, mostLikely: 400, max: 900 });
    expect(r1.mitigations.map((m) => [m.action, m.overdueDays])).toEqual([
      ["Call", 10],
      ["Sign", null],
    ]);
    expect(r1.openMitigations).toBe(1);
  });

  it("carries each dimension's comment, benefits and gates", () => {
    expect(view.status.comments.map((d) => [d.name, d.status?.value, d.comment])).toEqual([
      ["Schedule", "red", "Supplier late"],
      ["Budget", "green", "On plan"],
    ]);
    expect(view.benefitTotals).toEqual([
      {
        unit: "EUR",
        planned: 10,
        plannedCount: 1,
        realised: 4,
        realisedCount: 1,
        plannedUnknown: 0,
        realisedUnknown: 0,
      },
    ]);
    expect(view.gates).toEqual([
      { stage: "delivery", date: "2026-03-01", outcome: "approved", decision: { id: "D1", title: "Go" } },
    ]);
  });
});

describe("project trend", () => {
  const files = { "p1.yaml": project("P1", "stage: delivery\nstatus: { asOf: 2026-11-26, overall: red }") };
  const trendOf = (entries: { date: string; overall: string }[]) => {
    const ctx = contextOf(files, "project");
    const withHistory: ReportContext = {
      ...ctx,
      history: { kind: "git", history: {} as never, firstDate: entries[0]!.date },
      projectHistory: () => ({
        id: "P1",
        entries: entries.map((e, i) => ({
          ...e,
          commit: `c${i}`,
          author: "a",
          change: i === 0 ? ("added" as const) : ("modified" as const),
        })),
      }),
    };
    return buildProjectTrends(withHistory, ctx.catalog.project("P1")!.value, "P1").status!.description;
  };

  it("starts the current status at the date it was assessed, not at the commit that recorded it", () => {
    expect(trendOf([{ date: "2026-11-29", overall: "red" }])).toMatch(/^Red from 26 Nov 2026\./);
  });

  it("moves a change back to the assessment date when that falls after the previous commit", () => {
    expect(
      trendOf([
        { date: "2026-11-20", overall: "green" },
        { date: "2026-11-29", overall: "red" },
      ]),
    ).toBe("Green from 20 Nov 2026. 1 change: Green to Red on 26 Nov 2026. Red as of 30 Nov 2026.");
  });

  it("keeps the commit date when the assessment is older than the status before it", () => {
    expect(
      trendOf([
        { date: "2026-11-27", overall: "green" },
        { date: "2026-11-29", overall: "red" },
      ]),
    ).toBe("Green from 27 Nov 2026. 1 change: Green to Red on 29 Nov 2026. Red as of 30 Nov 2026.");
  });
});
