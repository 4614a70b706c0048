import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/commands/report.js";
import { createRenderer, type TemplateSet } from "../../../src/core/report/index.js";
import { FAST_PARTIAL_SOURCES, sourceHash } from "../../../src/core/report/fast-partials.js";
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
});
