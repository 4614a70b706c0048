import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/commands/report.js";
import { checkOpenedWorkspace, openWorkspace } from "../../../src/commands/workspace.js";
import { buildReport, createRenderer, type TemplateSet } from "../../../src/core/report/index.js";
import { FAST_PARTIAL_SOURCES, fastPartials, sourceHash } from "../../../src/core/report/fast-partials.js";
import { reportHelpers } from "../../../src/core/report/helpers.js";
import Handlebars from "handlebars";
import type { MitigationRow, RiskRow } from "../../../src/core/report/raid.js";

/**
 * The built-in partials a large report renders by a function instead of Handlebars must write
 * what their templates write, byte for byte, for every branch of the template.
 */
const repo = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const builtIn = loadTemplates("html", undefined, repo);
const page = "{{> project-risks risks=risks closedRisks=closedRisks projectId=projectId}}";
const withPage = (partials: TemplateSet["partials"]): TemplateSet => ({
  pages: new Map([["x", { name: "x", file: "x.hbs", source: page }]]),
  partials,
});
const fast = createRenderer(withPage(builtIn.partials), "html");
const slow = createRenderer(withPage(builtIn.partials), "html", "where-read", false);

const mitigation = (over: Partial<MitigationRow> = {}): MitigationRow => ({
  action: "Agree the cut-over plan",
  owner: null,
  due: null,
  status: null,
  overdueDays: null,
  ...over,
});

const risk = (over: Partial<RiskRow> = {}): RiskRow =>
  ({
    id: "RSK-1",
    title: "Supplier <late> & \"over\" 'budget' `=`",
    type: "threat",
    category: null,
    scope: { kind: "project", id: "PRJ-1", name: "One", href: "" },
    status: "open",
    probability: 3,
    impact: 4,
    score: 12,
    band: "high",
    owner: null,
    response: null,
    lastReviewed: null,
    reviewOverdueDays: null,
    proximity: null,
    proximityDays: null,
    openMitigations: 0,
    active: true,
    closed: null,
    mitigations: [],
    costImpact: null,
    exposure: null,
    scheduleImpact: null,
    issues: [],
    ...over,
  }) as RiskRow;

const variants: RiskRow[] = [
  risk(),
  risk({ type: "opportunity", owner: "Ana Ruiz", response: "exploit", band: "low" }),
  risk({ reviewOverdueDays: 1, proximity: "2026-12-01", proximityDays: 1 }),
  risk({ reviewOverdueDays: 12, proximity: "2026-11-01", proximityDays: -29, band: "critical" }),
  risk({ proximity: "2026-11-30", proximityDays: 0, band: "medium" }),
  risk({
    costImpact: { currency: "GBP", min: 10_000, mostLikely: 250_000, max: 1_200_000 },
    exposure: 75_000,
  }),
  risk({ costImpact: { currency: "EUR", min: 0, mostLikely: 1, max: 2 }, exposure: null }),
  risk({
    mitigations: [
      mitigation(),
      mitigation({ owner: "Sam <Lee>", status: "in-progress", due: "2026-10-01", overdueDays: 60 }),
      mitigation({ status: "done", due: "2026-12-24" }),
      mitigation({ owner: "Kim", overdueDays: 1 }),
    ],
  }),
];

const closed: RiskRow[] = [
  risk({ status: "closed", closed: "2026-06-30", active: false }),
  risk({ status: "occurred", issues: ["ISS-2", "ISS-10"], owner: "Ana Ruiz", active: false }),
  risk({ status: "closed", issues: ["ISS-1"], closed: null, active: false }),
];

const nav = (on: boolean) => ({
  index: "../index.html",
  risks: "../risks.html",
  engagement: "../engagement.html",
  issues: "../issues.html",
  decisions: "../decisions.html",
  benefits: "../benefits.html",
  dependencies: "../dependencies.html",
  roadmap: "../roadmap.html",
  scenarios: "../scenarios.html",
  hasEngagement: on,
  hasDashboard: on,
  hasRisks: !on,
  hasIssues: on,
  hasDecisions: on,
  hasBenefits: !on,
  hasDependencies: on,
  hasRoadmap: on,
  hasScenarios: !on,
});

const site = (over: Record<string, unknown> = {}) => ({
  title: "Meridian <Water>",
  client: null,
  provider: null,
  asOf: "2026-11-30",
  version: "0.1.0",
  commit: null,
  baseline: null,
  nav: nav(true),
  ...over,
});

describe("fast partials", () => {
  it("mirror the built-in templates' text (edit both together, then record the new hash)", () => {
    for (const [name, hash] of Object.entries(FAST_PARTIAL_SOURCES))
      expect(sourceHash(builtIn.partials.get(name)!.source), `templates/html/partials/${name}.hbs`).toBe(hash);
  });

  it("project-risks writes what its template writes, for every branch", () => {
    const contexts = [
      { risks: [], closedRisks: [], projectId: "PRJ-1" },
      { risks: variants, closedRisks: [], projectId: "PRJ-<1>" },
      { risks: [], closedRisks: closed, projectId: "PRJ-1" },
      { risks: variants.slice(2, 5), closedRisks: closed.slice(1), projectId: "PRJ-2" },
    ];
    for (const context of contexts) expect(fast.render("x", context)).toBe(slow.render("x", context));
    expect(fast.render("x", contexts[1]!)).toContain("Supplier &lt;late&gt; &amp; &quot;over&quot;");
  });

  it("header and footer write what their templates write", () => {
    const set: TemplateSet = {
      pages: new Map([["x", { name: "x", file: "x.hbs", source: "{{> header}}<main></main>\n{{> footer}}" }]]),
      partials: builtIn.partials,
    };
    const quick = createRenderer(set, "html");
    const plain = createRenderer(set, "html", "where-read", false);
    const sites = [
      site(),
      site({ client: "Example & Co", provider: "PMO 'Services'", commit: "5619f6c48593ade02c67712106f31b78a90b9683" }),
      site({ nav: nav(false), baseline: { name: "q1", commit: "abc1234", decision: null, notInBaseline: [] } }),
      site({ baseline: { name: "q<1>", commit: "abc1234", decision: "DEC-7", notInBaseline: ["PRJ-2", "PRJ-10"] } }),
    ];
    for (const s of sites) expect(quick.render("x", { site: s })).toBe(plain.render("x", { site: s }));
  });

  it("chart writes what its template writes", () => {
    const set: TemplateSet = {
      pages: new Map([["x", { name: "x", file: "x.hbs", source: "{{#with chart}}{{> chart}}{{/with}}" }]]),
      partials: builtIn.partials,
    };
    const quick = createRenderer(set, "html");
    const plain = createRenderer(set, "html", "where-read", false);
    for (const chart of [
      { svg: '<svg role="img"><title>A & B</title></svg>\n', description: "Two <series> & 'more'", file: "x.svg" },
      { svg: null, description: null },
      { svg: "", description: "" },
    ])
      expect(quick.render("x", { chart })).toBe(plain.render("x", { chart }));
  });

  it("leaves a context it does not know to the template, and an edited partial to its own text", () => {
    // Not rows: the template's strict mode reports it, as without the fast path.
    expect(() => fast.render("x", { risks: [{}], closedRisks: [], projectId: "P" })).toThrow(/not a field/);
    const headerPage: TemplateSet = {
      pages: new Map([["x", { name: "x", file: "x.hbs", source: "{{> header}}" }]]),
      partials: builtIn.partials,
    };
    const { client: _, ...noClient } = site();
    // The template reads a missing client as no client; the function leaves such a view to it.
    expect(createRenderer(headerPage, "html").render("x", { site: noClient })).toBe(
      createRenderer(headerPage, "html", "where-read", false).render("x", { site: noClient }),
    );
    const partials = new Map(builtIn.partials);
    const own = partials.get("project-risks")!;
    partials.set("project-risks", { ...own, source: `<p>mine</p>${own.source}` });
    const edited = createRenderer(withPage(partials), "html");
    expect(edited.render("x", { risks: [], closedRisks: [], projectId: "P" })).toBe(
      "<p>mine</p><p>No open risk.</p>\n",
    );
  });

  it("project writes what its template writes, and does write it", () => {
    const chartView = { svg: "<svg></svg>\n", description: "A <chart>", title: "t", file: "f", src: "s" };
    const project = (over: Record<string, unknown> = {}) => ({
      id: "PRJ-1",
      name: "Billing & CRM",
      description: null,
      anchor: "project-PRJ-1",
      portfolio: null,
      sponsor: null,
      manager: "Ana Ruiz",
      stage: "delivery",
      tags: [],
      status: {
        asOf: null,
        ageDays: null,
        stale: false,
        overall: null,
        dimensions: [],
        comments: [],
        summary: null,
        achievements: [],
        nextSteps: [],
        recoveryPlan: null,
        escalation: null,
      },
      schedule: {
        baselineStart: "2026-01-05",
        baselineFinish: "2026-12-18",
        forecastStart: null,
        forecastFinish: "2027-01-29",
        actualStart: "2026-01-12",
        actualFinish: null,
        finishSlipDays: 42,
      },
      budget: null,
      percentComplete: 40,
      milestones: [],
      timeline: chartView,
      performance: null,
      trends: { note: "No history", status: null, forecast: [] },
      risks: [],
      closedRisks: [],
      benefits: [],
      benefitTotals: [],
      gates: [],
      waitsOn: [],
      waitedOnBy: [],
      network: null,
      issues: [],
      decisions: [],
      findings: [],
      waived: [],
      ...over,
    });
    const badge = { value: "amber", label: "Amber", rank: 2 };
    const projects = [
      project(),
      project({
        description: "Replace <the> billing system",
        portfolio: { id: "PF-1", name: "Customer" },
        tags: ["billing", "crm"],
        sponsor: "Kim",
        status: {
          asOf: "2026-11-20",
          ageDays: 10,
          stale: true,
          overall: badge,
          dimensions: [
            { name: "Overall", status: badge, comment: null },
            { name: "Budget", status: null, comment: "Over by 5%" },
          ],
          comments: [{ name: "Budget", status: null, comment: "Over by 5%" }],
          summary: "On track & green",
          achievements: ["Design signed off"],
          nextSteps: ["Build", "Test"],
          recoveryPlan: "Add a team",
          escalation: { to: "Board", date: "2026-11-25", note: "Needs money" },
        },
        schedule: { ...project().schedule, finishSlipDays: 0 },
        budget: {
          currency: "GBP",
          approved: 1_000_000,
          baseline: null,
          actual: 400_000,
          forecast: 1_050_000,
          variance: 50_000,
          variancePercent: 5,
        },
        milestones: [
          {
            id: "M1",
            name: "Design",
            baseline: "2026-03-01",
            forecast: null,
            actual: "2026-03-10",
            slipDays: 9,
            state: "achieved",
            expected: "2026-03-10",
          },
          {
            id: "M2",
            name: "Go <live>",
            baseline: null,
            forecast: null,
            actual: null,
            slipDays: null,
            state: "unplanned",
            expected: null,
          },
        ],
        performance: {
          rows: [{ name: "CPI", value: "0.95", meaning: "95 of value earned per 100 spent" }],
          tcpi: "TCPI 1.02: achievable with care.",
          unknown: ["PV is unknown", "SPI is unknown"],
          sCurve: chartView,
          trend: null,
        },
        trends: { note: null, status: chartView, forecast: [chartView, chartView] },
        issues: [
          {
            id: "ISS-1",
            title: "Late <data>",
            status: "open",
            priority: "high",
            owner: null,
            raised: "2026-10-01",
            due: "2026-11-01",
            overdueDays: 29,
            scope: {},
            escalatedTo: null,
          },
          {
            id: "ISS-2",
            title: "Fine",
            status: "resolved",
            priority: null,
            owner: "Kim",
            raised: "2026-10-01",
            due: null,
            overdueDays: null,
            scope: {},
            escalatedTo: null,
          },
        ],
        decisions: [
          {
            id: "DEC-1",
            title: "Approve",
            status: "approved",
            approves: "budget",
            decidedBy: null,
            date: "2026-02-01",
          },
        ],
        findings: [
          { ruleId: "r", severity: "warn", message: "m <x>", location: "p.yaml:1:1", entity: null, waiver: null },
        ],
        waived: [
          {
            ruleId: "w",
            severity: "warn",
            message: "n",
            location: "",
            entity: null,
            waiver: { source: "", reason: "agreed", approver: null, expires: null },
          },
        ],
      }),
    ];
    const set: TemplateSet = {
      pages: new Map([["x", { name: "x", file: "x.hbs", source: "{{> project}}" }]]),
      partials: builtIn.partials,
    };
    const quick = createRenderer(set, "html");
    const plain = createRenderer(set, "html", "where-read", false);
    const functions = fastPartials(
      reportHelpers("html", (html) => new Handlebars.SafeString(html), Handlebars.escapeExpression),
      Handlebars.escapeExpression as (v: unknown) => string,
    );
    for (const p of projects) {
      const context = { site: site(), project: p };
      expect(quick.render("x", context)).toBe(plain.render("x", context));
      // The function itself takes the view (it does not leave it to the template).
      expect(typeof functions.project!(context, (name) => `[${name}]`)).toBe("string");
    }
  });

  it("project-extras and the partials it calls write what their templates write, for every branch", () => {
    const set: TemplateSet = {
      pages: new Map([["x", { name: "x", file: "x.hbs", source: "{{> project-extras}}" }]]),
      partials: builtIn.partials,
    };
    const quick = createRenderer(set, "html");
    const plain = createRenderer(set, "html", "where-read", false);
    const functions = fastPartials(
      reportHelpers("html", (html) => new Handlebars.SafeString(html), Handlebars.escapeExpression),
      Handlebars.escapeExpression as (v: unknown) => string,
    );
    const status = { value: "red", label: "Red", rank: 4 };
    const ref = (id: string, href: string | null) => ({ id, name: `${id} <name>`, href, status, stage: "delivery" });
    const benefit = (over: Record<string, unknown> = {}) => ({
      project: ref("PRJ-1", "PRJ-1.html"),
      id: "B1",
      name: "Cost & time saved",
      owner: null,
      measure: null,
      unit: null,
      planned: null,
      realised: null,
      plannedDate: null,
      realisedDate: null,
      status: null,
      strength: null,
      ...over,
    });
    const total = (over: Record<string, unknown> = {}) => ({
      unit: null,
      planned: 0,
      plannedCount: 0,
      realised: 0,
      realisedCount: 0,
      plannedUnknown: 0,
      realisedUnknown: 0,
      ...over,
    });
    const dependency = (over: Record<string, unknown> = {}) => ({
      successor: ref("PRJ-1", null),
      predecessor: ref("PRJ-2", "PRJ-2.html"),
      type: "finish-to-start",
      description: null,
      predecessorDate: null,
      successorDate: null,
      predecessorSlipDays: null,
      marginDays: null,
      settled: false,
      ...over,
    });
    const link = (over: Record<string, unknown> = {}) => ({
      milestone: { key: "PRJ-1/M1", name: "Design <signed>" },
      other: { key: "PRJ-2/M3", name: "Build", project: ref("PRJ-2", null), complete: false },
      type: "finish-to-start",
      lag: 0,
      slipDays: null,
      floatDays: null,
      pushedDays: null,
      successorFloatDays: null,
      critical: false,
      ...over,
    });
    const chartView = { svg: "<svg></svg>\n", description: "A <chart>", title: "t", file: "f", src: "s" };
    const network = (over: Record<string, unknown> = {}) => ({
      dayKind: "calendar",
      note: null,
      waitsOn: [],
      waitedOnBy: [],
      onCriticalPath: [],
      forecast: null,
      forecastNote: null,
      finish: null,
      curve: null,
      tornado: null,
      ...over,
    });
    const finish = (over: Record<string, unknown> = {}) => ({
      project: ref("PRJ-1", null),
      committed: null,
      p50: "2027-01-04",
      p80: "2027-02-01",
      p90: "2027-03-01",
      onTimePercent: null,
      ...over,
    });
    const project = (over: Record<string, unknown> = {}) => ({
      id: "PRJ-<1>",
      benefits: [],
      benefitTotals: [],
      gates: [],
      waitsOn: [],
      waitedOnBy: [],
      network: null,
      ...over,
    });
    const projects = [
      project(),
      project({
        benefits: [
          benefit(),
          benefit({
            measure: "Hours",
            unit: "h",
            planned: 12_000,
            realised: 0,
            plannedDate: "2027-03-01",
            status: "on-track",
            owner: "Kim",
          }),
          benefit({ planned: 5, realised: 3.5, strength: "strong" }),
        ],
        benefitTotals: [
          total(),
          total({
            unit: "h",
            planned: 12_000,
            plannedCount: 2,
            realised: 1_500,
            realisedCount: 1,
            plannedUnknown: 1,
            realisedUnknown: 2,
          }),
          total({
            unit: "EUR",
            plannedCount: 1,
            planned: 1,
            realisedCount: 1,
            realised: 1,
            plannedUnknown: 1,
            realisedUnknown: 1,
          }),
        ],
        gates: [
          {
            stage: "delivery",
            date: "2026-01-05",
            outcome: "approved",
            decision: { id: "DEC-1", title: "Go & build" },
          },
          { stage: "closure", date: "2026-11-05", outcome: null, decision: null },
        ],
        waitsOn: [
          dependency(),
          dependency({
            settled: true,
            description: "Needs <the> data",
            predecessorDate: "2026-10-01",
            successorDate: "2026-10-05",
          }),
          dependency({ marginDays: -12, predecessorSlipDays: 30 }),
          dependency({ marginDays: 0, predecessorSlipDays: -3 }),
          dependency({ marginDays: 7, predecessor: { ...ref("PRJ-9", null), status: null } }),
        ],
        waitedOnBy: [dependency({ successor: ref("PRJ-3", "PRJ-3.html") })],
        network: network(),
      }),
      project({
        benefits: [benefit()],
        benefitTotals: [],
        network: network({
          note: "The network has a <cycle>",
          onCriticalPath: ["M1", "M2"],
          waitsOn: [
            link(),
            link({ lag: 5, slipDays: 3, floatDays: 0, critical: true, pushedDays: 4 }),
            link({
              lag: -2,
              floatDays: 1_234,
              pushedDays: 0,
              other: { key: "K", name: "N", project: ref("PRJ-2", "x.html"), complete: true },
            }),
          ],
          dayKind: "working",
          finish: finish(),
          curve: chartView,
        }),
      }),
      project({
        network: network({
          waitedOnBy: [link()],
          forecast: { iterations: 10_000, seed: 42, distribution: "triangular" },
          finish: finish({ committed: "2027-01-31", onTimePercent: 62.5 }),
          tornado: chartView,
        }),
      }),
      project({
        network: network({
          finish: finish({ committed: "2027-01-31", onTimePercent: null }),
          curve: chartView,
          tornado: chartView,
        }),
      }),
    ];
    for (const p of projects) {
      const context = { site: site(), project: p };
      expect(quick.render("x", context), JSON.stringify(p).slice(0, 80)).toBe(plain.render("x", context));
      // The functions themselves take these views (they do not leave them to the templates).
      const sub = (name: string, c: unknown): string => {
        const out = functions[name]!(c as Record<string, unknown>, sub);
        expect(out, name).toBeTypeOf("string");
        return out!;
      };
      expect(sub("project-extras", context)).toBe(plain.render("x", context));
    }
    // A benefit table with its project column (the benefits page's), and one the function leaves to the template.
    const table: TemplateSet = {
      pages: new Map([
        [
          "x",
          { name: "x", file: "x.hbs", source: '{{> benefit-table benefits=benefits caption="All" hideProject=false}}' },
        ],
      ]),
      partials: builtIn.partials,
    };
    const rows = { benefits: [benefit(), benefit({ project: ref("PRJ-2", null), strength: "weak" })] };
    expect(createRenderer(table, "html").render("x", rows)).toBe(
      createRenderer(table, "html", "where-read", false).render("x", rows),
    );
    expect(functions["benefit-table"]!({ ...rows, caption: "All", hideProject: false }, () => "")).toBeTypeOf("string");
    expect(
      functions["benefit-table"]!({ benefits: [{}], caption: "All", hideProject: true }, () => ""),
    ).toBeUndefined();
    expect(functions["project-network"]!({ project: { network: { note: null } } }, () => "")).toBeUndefined();
  });

  it("status-table writes what its template writes: groups in first-seen order, links, stale reports", () => {
    const set: TemplateSet = {
      pages: new Map([
        ["x", { name: "x", file: "x.hbs", source: "{{> status-table rows=rows dimensions=dimensions}}" }],
      ]),
      partials: builtIn.partials,
    };
    const quick = createRenderer(set, "html");
    const plain = createRenderer(set, "html", "where-read", false);
    const functions = fastPartials(
      reportHelpers("html", (html) => new Handlebars.SafeString(html), Handlebars.escapeExpression),
      Handlebars.escapeExpression as (v: unknown) => string,
    );
    const red = { value: "red", label: "Red", rank: 4 };
    const row = (over: Record<string, unknown> = {}) => ({
      id: "PRJ-1",
      name: "Billing & <CRM>",
      href: "projects/PRJ-1.html",
      portfolio: "Customer",
      stage: "delivery",
      overall: red,
      dimensions: [red, null],
      statusAsOf: "2026-11-20",
      stale: false,
      percentComplete: 40,
      ...over,
    });
    const contexts = [
      { rows: [], dimensions: ["Overall"] },
      {
        rows: [
          row(),
          row({
            id: "PRJ-2",
            portfolio: "Back <office>",
            href: null,
            stale: true,
            statusAsOf: null,
            percentComplete: null,
          }),
          row({ id: "PRJ-3", overall: null, dimensions: [] }),
          row({ id: "PRJ-4", portfolio: undefined, stage: "closure" }),
        ],
        dimensions: ["Schedule", "Budget <spend>"],
      },
    ];
    for (const context of contexts) {
      expect(quick.render("x", context)).toBe(plain.render("x", context));
      expect(functions["status-table"]!(context, () => "")).toBe(plain.render("x", context));
    }
    expect(functions["status-table"]!({ rows: [{ id: "P" }], dimensions: [] }, () => "")).toBeUndefined();
  });

  it("render the example's report as the templates do, page for page", async () => {
    const opened = await openWorkspace({ dir: path.join(repo, "examples/meridian-water") }, repo);
    const result = await checkOpenedWorkspace(opened, "2026-11-30", repo);
    // A comment at the end changes a template's text, not its output: those partials are
    // rendered from their templates.
    const partials = new Map(builtIn.partials);
    for (const name of Object.keys(FAST_PARTIAL_SOURCES)) {
      const t = partials.get(name)!;
      partials.set(name, { ...t, source: `${t.source}{{!-- --}}` });
    }
    const input = {
      catalog: result.catalog,
      settings: result.settings,
      facts: result.model.facts,
      asOf: "2026-11-30",
      findings: result.diagnostics,
      waived: result.waived,
      history: { kind: "none" as const, reason: "disabled" as const },
      meta: { version: "0.0.0-test", commit: "0123456789abcdef0123456789abcdef01234567" },
      format: "html" as const,
    };
    for (const single of [false, true]) {
      const quick = buildReport({ ...input, single, templates: builtIn });
      const plain = buildReport({ ...input, single, templates: { pages: builtIn.pages, partials } });
      expect(quick.map((f) => f.path)).toEqual(plain.map((f) => f.path));
      for (const [i, file] of quick.entries()) expect(file.content, file.path).toBe(plain[i]!.content);
    }
  }, 60_000);
});
