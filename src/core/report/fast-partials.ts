import { createHash } from "node:crypto";
import type { HelperDelegate } from "handlebars";
import type { MitigationRow, RiskRow } from "./raid.js";

/**
 * A partial as a function of its context (and of the other partials, which `sub` renders by
 * name); undefined when the context is not what it expects.
 */
export type FastPartial = (
  context: Record<string, unknown>,
  sub: (name: string, context: unknown) => string,
) => string | undefined;

/**
 * Built-in HTML partials that a large report renders thousands of times (a 2,500-project site
 * has 2,500 project pages), as plain functions that write exactly what their template writes,
 * without Handlebars' per-block and per-helper work. Each is keyed by the SHA-256 of the
 * template text it mirrors: it stands in for a partial only when that partial's text is this
 * text, so a user's partial of the same name, or a built-in one edited since, is rendered
 * from its own text. test/core/report/fast-partials.test.ts renders every one both ways.
 */
export const FAST_PARTIAL_SOURCES: Readonly<Record<string, string>> = {
  "project-risks": "33007eae9b099bd37bd8f4cbdf3fcc9b3c05475445abe73f5d89fdd9287c27b8",
  header: "8029d3f6f1d99c7f7b0de4580a6e0d130b4e787049816396d1155d3e95ef8595",
  footer: "f06515eda221377d90fd4727e794c01f2c09cf7fc2ca57d9acd9d3b417da4558",
  chart: "d6e0e2254759ffbe7dd351e4c19cff404409bdf3f316886a95d538e143fe7794",
  project: "c9f21194e0a039ea5524202a12f26d17761be011dbbe40023284316fbe5e0799",
  "project-extras": "9fc9aba595fe78336aeb34464aac9d55b5adec1e762a6ef1fc2e25c09c760577",
  "benefit-totals": "98a22c7944340b2ca1784531c8b22832da3f2c5eebc8eb7f239fb1bc8e1eb339",
  "benefit-table": "fdb1c39a3a545e0c37bc1a45d1cb4472169c35cf6d6336c43006d5d244ca4ad2",
  "dependency-table": "6598d922bf070f4945fb3910711dc4517aa3b5752bdfcf063fb2ece20055520c",
  "project-network": "8550fd65698374c8dd0c7746eeb41adf4b8b1cfd0ce9292cd1734eb299d6703f",
  "network-link-table": "de4933dc153c2899a320528966fd16a695e39567954fed4f5d41b06d6bfaa2cc",
  "status-table": "2a44ca1505c5c92a991442c1ac6499f64926853e9d7496e6b51a094289b426ab",
};

/** The header's navigation, in its order: the flag that shows a link, the link, its text. */
const NAV: readonly (readonly [string, string, string])[] = [
  ["hasDashboard", "index", "Dashboard"],
  ["hasRisks", "risks", "Risk register"],
  ["hasRoadmap", "roadmap", "Roadmap"],
  ["hasIssues", "issues", "Issues"],
  ["hasDecisions", "decisions", "Decisions"],
  ["hasBenefits", "benefits", "Benefits"],
  ["hasDependencies", "dependencies", "Dependencies"],
  ["hasScenarios", "scenarios", "Scenarios"],
  ["hasEngagement", "engagement", "Engagement"],
];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object";

/**
 * Whether an object has every field a template reads: when one is missing the template runs
 * instead, and its strict mode names the field, as without the fast path.
 */
const has = (value: unknown, keys: readonly string[]): value is Record<string, unknown> =>
  isObject(value) && keys.every((k) => k in value);

const NAV_KEYS = [...NAV.map(([flag]) => flag), ...NAV.map(([, link]) => link)];
const ROW_KEYS = [
  "id",
  "title",
  "type",
  "reviewOverdueDays",
  "probability",
  "impact",
  "score",
  "band",
  "owner",
  "response",
  "proximity",
  "proximityDays",
  "costImpact",
  "exposure",
  "mitigations",
  "status",
  "closed",
  "issues",
];
const MITIGATION_KEYS = ["action", "status", "owner", "due", "overdueDays"];
const PROJECT_KEYS = [
  "anchor",
  "id",
  "name",
  "portfolio",
  "stage",
  "tags",
  "description",
  "sponsor",
  "manager",
  "percentComplete",
  "status",
  "schedule",
  "milestones",
  "timeline",
  "budget",
  "performance",
  "trends",
  "risks",
  "closedRisks",
  "issues",
  "decisions",
  "findings",
  "waived",
];
const STATUS_KEYS = [
  "asOf",
  "ageDays",
  "stale",
  "dimensions",
  "comments",
  "summary",
  "achievements",
  "nextSteps",
  "recoveryPlan",
  "escalation",
];
const SCHEDULE_KEYS = [
  "baselineStart",
  "baselineFinish",
  "forecastStart",
  "forecastFinish",
  "actualStart",
  "actualFinish",
  "finishSlipDays",
];

/** A list of objects each with every field a template reads of it. */
const rowsOf = (value: unknown, keys: readonly string[]): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.every((row) => has(row, keys));

export function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** `{{#if}}`'s test: Handlebars' truthiness, with an empty list false. */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** `{{#with}}`'s test: anything but an empty value (0 is not empty) or an empty list. */
const present = (value: unknown): boolean =>
  (Boolean(value) || value === 0) && !(Array.isArray(value) && value.length === 0);

/** A dependency row's project (views/dependencies.ts DependencyProjectRef), as the tables read it. */
const isProjectRef = (value: unknown): value is Record<string, unknown> => has(value, ["id", "name", "href", "status"]);

const BENEFIT_KEYS = [
  "id",
  "name",
  "project",
  "strength",
  "measure",
  "planned",
  "realised",
  "unit",
  "plannedDate",
  "status",
  "owner",
];
const TOTAL_KEYS = [
  "unit",
  "realisedCount",
  "realised",
  "plannedCount",
  "planned",
  "plannedUnknown",
  "realisedUnknown",
];
const DEPENDENCY_KEYS = [
  "successor",
  "predecessor",
  "description",
  "type",
  "predecessorDate",
  "predecessorSlipDays",
  "successorDate",
  "settled",
  "marginDays",
];
const LINK_KEYS = ["milestone", "other", "type", "lag", "slipDays", "floatDays", "critical", "pushedDays"];
const STATUS_ROW_KEYS = [
  "href",
  "id",
  "name",
  "stage",
  "overall",
  "dimensions",
  "statusAsOf",
  "stale",
  "percentComplete",
];
const NETWORK_KEYS = [
  "note",
  "onCriticalPath",
  "waitsOn",
  "waitedOnBy",
  "dayKind",
  "finish",
  "forecast",
  "curve",
  "tornado",
];

/**
 * The fast partials, calling the report's own helpers (so dates, money and badges are the
 * same) and Handlebars' escaping.
 */
export function fastPartials(
  helpers: Record<string, HelperDelegate>,
  esc: (value: unknown) => string,
): Record<string, FastPartial> {
  // Helpers take Handlebars' options object last; these helpers do not read it.
  const options = {};
  // At most three arguments, passed as they are: no list to gather them in for each of the
  // thousands of calls a page makes (a helper reads an argument it is not given as undefined).
  const call = (name: string, a?: unknown, b?: unknown, c?: unknown): string => esc(helpers[name]!(a, b, c, options));

  const mitigation = (m: MitigationRow): string =>
    `<li>${esc(m.action)} <span class="muted">(${call("label", m.status)}${truthy(m.owner) ? `, ${esc(m.owner)}` : ""}${truthy(m.due) ? `, due ${call("date", m.due)}` : ""})</span>${truthy(m.overdueDays) ? ` <span class="severity-warn">${call("plural", m.overdueDays, "day")} late</span>` : ""}</li>`;

  const openRow = (r: RiskRow): string => {
    const ci = r.costImpact;
    const proximity = truthy(r.proximityDays)
      ? typeof r.proximityDays === "number" && 0 > r.proximityDays
        ? ` <span class="muted">(passed)</span>`
        : ` <span class="muted">(in ${call("plural", r.proximityDays, "day")})</span>`
      : "";
    return `<tr><th scope="row">${esc(r.id)} ${esc(r.title)}${r.type === "opportunity" ? ` <span class="muted">(opportunity)</span>` : ""}${truthy(r.reviewOverdueDays) ? `<br><span class="severity-warn">review overdue ${call("plural", r.reviewOverdueDays, "day")}</span>` : ""}</th><td class="num">${esc(r.probability)}×${esc(r.impact)} = ${esc(r.score)}</td><td>${call("band", r.band)}</td><td>${call("or", r.owner)}</td><td>${call("label", r.response)}</td><td>${call("date", r.proximity)}${proximity}</td><td class="num">${ci ? `${call("money", ci.min, ci.currency)}–${call("money", ci.mostLikely, ci.currency)}–${call("money", ci.max, ci.currency)}` : "—"}</td><td class="num">${ci ? call("money", r.exposure, ci.currency) : "—"}</td><td>${truthy(r.mitigations) ? `<ul>${r.mitigations.map(mitigation).join("")}</ul>` : "None"}</td></tr>`;
  };

  const closedRow = (r: RiskRow): string =>
    `<tr><th scope="row">${esc(r.id)} ${esc(r.title)}</th><td>${call("label", r.status)}</td><td>${call("date", r.closed)}</td><td>${truthy(r.issues) ? call("join", r.issues, ", ") : "—"}</td><td>${call("or", r.owner)}</td></tr>`;

  const isRows = (value: unknown): value is RiskRow[] =>
    Array.isArray(value) &&
    value.every(
      (r) =>
        has(r, ROW_KEYS) &&
        Array.isArray(r.mitigations) &&
        Array.isArray(r.issues) &&
        (r.costImpact === null || has(r.costImpact, ["currency", "min", "mostLikely", "max"])) &&
        r.mitigations.every((m) => has(m, MITIGATION_KEYS)),
    );

  const benefitRow = (b: Record<string, unknown>, hideProject: boolean): string => {
    let project = "";
    if (!truthy(hideProject)) {
      const p = b.project as Record<string, unknown>;
      project = `<td>${truthy(p.href) ? `<a href="${esc(p.href)}">${esc(p.id)}</a>` : esc(p.id)}${truthy(b.strength) ? ` <span class="muted">(${esc(b.strength)})</span>` : ""}</td>`;
    }
    const amount = (value: unknown): string =>
      value === null ? "—" : `${call("number", value)}${truthy(b.unit) ? ` ${esc(b.unit)}` : ""}`;
    return `<tr><th scope="row">${esc(b.id)} ${esc(b.name)}</th>${project}<td>${call("or", b.measure)}</td><td class="num">${amount(b.planned)}</td><td class="num">${amount(b.realised)}</td><td>${call("date", b.plannedDate)}</td><td>${call("label", b.status)}</td><td>${call("or", b.owner)}</td></tr>`;
  };

  const dependencyRow = (r: Record<string, unknown>): string => {
    const s = r.successor as Record<string, unknown>;
    const p = r.predecessor as Record<string, unknown>;
    const margin = truthy(r.settled)
      ? `<span class="muted">settled</span>`
      : typeof r.marginDays === "number" && 0 > r.marginDays
        ? `<span class="severity-error">${call("days", r.marginDays)}</span>`
        : call("days", r.marginDays);
    return `<tr><th scope="row">${truthy(s.href) ? `<a href="${esc(s.href)}">${esc(s.id)}</a>` : esc(s.id)} ${esc(s.name)}</th><td>${truthy(p.href) ? `<a href="${esc(p.href)}">${esc(p.id)}</a>` : esc(p.id)} ${esc(p.name)} ${call("badge", p.status)}${truthy(r.description) ? `<br><span class="muted">${esc(r.description)}</span>` : ""}</td><td>${call("label", r.type)}</td><td>${call("date", r.predecessorDate)}</td><td class="num">${call("days", r.predecessorSlipDays)}</td><td>${call("date", r.successorDate)}</td><td class="num">${margin}</td></tr>`;
  };

  const linkRow = (r: Record<string, unknown>): string => {
    const m = r.milestone as Record<string, unknown>;
    const o = r.other as Record<string, unknown>;
    const op = o.project as Record<string, unknown>;
    return `<tr><th scope="row">${esc(m.key)} ${esc(m.name)}</th><td>${truthy(op.href) ? `<a href="${esc(op.href)}">${esc(o.key)}</a>` : esc(o.key)} ${esc(o.name)} ${call("badge", op.status)}${truthy(o.complete) ? ` <span class="muted">(achieved)</span>` : ""}</td><td>${call("label", r.type)}${truthy(r.lag) ? ` ${call("days", r.lag)}` : ""}</td><td class="num">${call("days", r.slipDays)}</td><td class="num">${call("number", r.floatDays)}${truthy(r.critical) ? ` <span class="severity-warn">critical</span>` : ""}</td><td class="num">${truthy(r.pushedDays) ? `<span class="severity-error">${call("days", r.pushedDays)}</span>` : call("days", r.pushedDays)}</td></tr>`;
  };

  return {
    /** templates/html/partials/project.hbs: a project page's body. */
    project: (context, sub) => {
      const p = context.project;
      if (!has(p, PROJECT_KEYS) || !has(p.status, STATUS_KEYS) || !has(p.schedule, SCHEDULE_KEYS)) return undefined;
      const st = p.status;
      const sc = p.schedule;
      if (
        !rowsOf(st.dimensions, ["name", "status"]) ||
        !rowsOf(st.comments, ["name", "status", "comment"]) ||
        !Array.isArray(st.achievements) ||
        !Array.isArray(st.nextSteps) ||
        !(st.escalation === null || has(st.escalation, ["to", "date", "note"])) ||
        !rowsOf(p.milestones, ["id", "name", "baseline", "forecast", "actual", "slipDays", "state"]) ||
        !(
          p.budget === null ||
          has(p.budget, ["baseline", "approved", "actual", "forecast", "variance", "variancePercent", "currency"])
        ) ||
        !(
          p.performance === null ||
          (has(p.performance, ["rows", "tcpi", "unknown", "sCurve", "trend"]) &&
            rowsOf(p.performance.rows, ["name", "value", "meaning"]) &&
            Array.isArray(p.performance.unknown))
        ) ||
        !(p.trends === null || (has(p.trends, ["note", "status", "forecast"]) && Array.isArray(p.trends.forecast))) ||
        !rowsOf(p.issues, ["id", "title", "status", "priority", "owner", "raised", "due", "overdueDays"]) ||
        !rowsOf(p.decisions, ["id", "title", "status", "approves", "decidedBy", "date"]) ||
        !rowsOf(p.findings, ["severity", "message", "ruleId", "location"]) ||
        !rowsOf(p.waived, ["message", "ruleId", "waiver"]) ||
        !p.waived.every((w) => has(w.waiver, ["reason"])) ||
        !(p.portfolio === null || p.portfolio === undefined || !truthy(p.portfolio) || has(p.portfolio, ["name"])) ||
        !Array.isArray(p.tags)
      )
        return undefined;
      const chart = (c: unknown): string => (truthy(c) ? sub("chart", c) : "");
      let out = `<h1 id="${esc(p.anchor)}">${esc(p.id)} ${esc(p.name)}</h1>\n<p class="lede">${truthy(p.portfolio) ? `${esc((p.portfolio as Record<string, unknown>).name)} · ` : ""}${call("label", p.stage)}${truthy(p.tags) ? ` · ${call("join", p.tags, ", ")}` : ""}</p>\n${truthy(p.description) ? `<p>${esc(p.description)}</p>` : ""}\n<dl class="facts">\n  <dt>Sponsor</dt><dd>${call("or", p.sponsor)}</dd>\n  <dt>Manager</dt><dd>${call("or", p.manager)}</dd>\n  <dt>Percent complete</dt><dd>${call("percent", p.percentComplete)}</dd>\n</dl>\n\n<h2>Status</h2>\n`;
      if (truthy(st.asOf)) {
        const e = st.escalation as Record<string, unknown> | null;
        out += `<p>Reported ${call("date", st.asOf)} (${call("plural", st.ageDays, "day", "days")} before the as-of date)${truthy(st.stale) ? ` <span class="severity-warn">stale: older than the reporting period</span>` : ""}.</p>\n<div class="table-wrap"><table>\n  <thead><tr>${st.dimensions.map((d) => `<th scope="col">${esc(d.name)}</th>`).join("")}</tr></thead>\n  <tbody><tr>${st.dimensions.map((d) => `<td>${call("badge", d.status)}</td>`).join("")}</tr></tbody>\n</table></div>\n${truthy(st.comments) ? `<dl class="facts comments">${st.comments.map((c) => `<dt>${esc(c.name)} ${call("badge", c.status)}</dt><dd>${esc(c.comment)}</dd>`).join("")}</dl>` : ""}\n${truthy(st.summary) ? `<div class="narrative"><p>${esc(st.summary)}</p></div>` : ""}\n${truthy(st.achievements) ? `<h3>Achievements</h3><ul>${(st.achievements as unknown[]).map((a) => `<li>${esc(a)}</li>`).join("")}</ul>` : ""}\n${truthy(st.nextSteps) ? `<h3>Next steps</h3><ul>${(st.nextSteps as unknown[]).map((a) => `<li>${esc(a)}</li>`).join("")}</ul>` : ""}\n${truthy(st.recoveryPlan) ? `<h3>Recovery plan</h3><p>${esc(st.recoveryPlan)}</p>` : ""}\n${e ? `<h3>Escalation</h3><p>Escalated to ${esc(e.to)}${truthy(e.date) ? ` on ${call("date", e.date)}` : ""}${truthy(e.note) ? `: ${esc(e.note)}` : ""}</p>` : ""}\n`;
      } else out += "<p>No status report.</p>\n";
      out += `\n<h2>Schedule</h2>\n<div class="table-wrap"><table>\n  <thead><tr><th scope="col"></th><th scope="col">Start</th><th scope="col">Finish</th></tr></thead>\n  <tbody>\n    <tr><th scope="row">Baseline</th><td>${call("date", sc.baselineStart)}</td><td>${call("date", sc.baselineFinish)}</td></tr>\n    <tr><th scope="row">Forecast</th><td>${call("date", sc.forecastStart)}</td><td>${call("date", sc.forecastFinish)}</td></tr>\n    <tr><th scope="row">Actual</th><td>${call("date", sc.actualStart)}</td><td>${call("date", sc.actualFinish)}</td></tr>\n  </tbody>\n</table></div>\n${truthy(sc.finishSlipDays) ? `<p>Finish slip against baseline: ${call("days", sc.finishSlipDays)} days.</p>` : ""}\n`;
      if (truthy(p.milestones))
        out += `<div class="table-wrap"><table>\n  <thead><tr><th scope="col">Milestone</th><th scope="col">Baseline</th><th scope="col">Forecast</th><th scope="col">Actual</th><th scope="col" class="num">Slip (days)</th><th scope="col">State</th></tr></thead>\n  <tbody>${p.milestones.map((m) => `<tr><td>${esc(m.id)} ${esc(m.name)}</td><td>${call("date", m.baseline)}</td><td>${call("date", m.forecast)}</td><td>${call("date", m.actual)}</td><td class="num">${call("days", m.slipDays)}</td><td>${call("label", m.state)}</td></tr>`).join("")}</tbody>\n</table></div>\n`;
      out += `${chart(p.timeline)}\n\n<h2>Budget</h2>\n`;
      const b = p.budget as Record<string, unknown> | null;
      out += b
        ? `<div class="table-wrap"><table>\n  <thead><tr><th scope="col" class="num">Baseline</th><th scope="col" class="num">Approved</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Forecast</th><th scope="col" class="num">Variance</th><th scope="col" class="num">%</th></tr></thead>\n  <tbody><tr><td class="num">${call("money", b.baseline, b.currency)}</td><td class="num">${call("money", b.approved, b.currency)}</td><td class="num">${call("money", b.actual, b.currency)}</td><td class="num">${call("money", b.forecast, b.currency)}</td><td class="num">${call("signedMoney", b.variance, b.currency)}</td><td class="num">${call("percent", b.variancePercent)}</td></tr></tbody>\n</table></div>\n`
        : "<p>No budget recorded.</p>";
      out += "\n\n<h2>Cost and schedule performance</h2>\n";
      const perf = p.performance as Record<string, unknown> | null;
      out += perf
        ? `<div class="table-wrap"><table>\n  <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col">Meaning</th></tr></thead>\n  <tbody>${(perf.rows as Record<string, unknown>[]).map((r) => `<tr><td>${esc(r.name)}</td><td class="num">${esc(r.value)}</td><td>${esc(r.meaning)}</td></tr>`).join("")}</tbody>\n</table></div>\n<p>${esc(perf.tcpi)}</p>\n${truthy(perf.unknown) ? `<p class="muted">Unknown: ${call("join", perf.unknown, "; ")}.</p>` : ""}\n${chart(perf.sCurve)}${chart(perf.trend)}\n`
        : "<p>Not measured: the project is not in delivery and has no earned value plan.</p>";
      out += "\n\n<h2>Trends</h2>\n";
      const tr = p.trends as Record<string, unknown> | null;
      if (tr)
        out += `${truthy(tr.note) ? `<p class="muted">${esc(tr.note)}</p>` : ""}\n${chart(tr.status)}\n${(tr.forecast as unknown[]).map((c) => sub("chart", c)).join("")}\n`;
      out += `\n<h2>Risks</h2>\n${sub("project-risks", { ...context, risks: p.risks, closedRisks: p.closedRisks, projectId: p.id })}\n${sub("project-extras", context)}\n<h2>Issues</h2>\n`;
      out += truthy(p.issues)
        ? `<div class="table-wrap"><table>\n  <thead><tr><th scope="col">Issue</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Owner</th><th scope="col">Raised</th><th scope="col">Due</th></tr></thead>\n  <tbody>${p.issues.map((i) => `<tr><td>${esc(i.id)} ${esc(i.title)}</td><td>${call("label", i.status)}</td><td>${call("label", i.priority)}</td><td>${call("or", i.owner)}</td><td>${call("date", i.raised)}</td><td>${call("date", i.due)}${truthy(i.overdueDays) ? ` <span class="severity-warn">${call("plural", i.overdueDays, "day")} late</span>` : ""}</td></tr>`).join("")}</tbody>\n</table></div>\n`
        : "<p>No issue recorded.</p>";
      out += "\n\n<h2>Decisions</h2>\n";
      out += truthy(p.decisions)
        ? `<div class="table-wrap"><table>\n  <thead><tr><th scope="col">Decision</th><th scope="col">Status</th><th scope="col">Approves</th><th scope="col">Decided by</th><th scope="col">Date</th></tr></thead>\n  <tbody>${p.decisions.map((d) => `<tr><td>${esc(d.id)} ${esc(d.title)}</td><td>${call("label", d.status)}</td><td>${call("label", d.approves)}</td><td>${call("or", d.decidedBy)}</td><td>${call("date", d.date)}</td></tr>`).join("")}</tbody>\n</table></div>\n`
        : "<p>No decision recorded.</p>";
      out += "\n\n<h2>Governance findings</h2>\n";
      out += truthy(p.findings)
        ? `<ul>${p.findings.map((f) => `<li><span class="severity-${esc(f.severity)}">${esc(f.severity)}</span> ${esc(f.message)} <code>${esc(f.ruleId)}</code> <span class="muted">${esc(f.location)}</span></li>`).join("")}</ul>\n`
        : "<p>pmo check finds nothing to report.</p>";
      out += "\n";
      if (truthy(p.waived))
        out += `<ul>${p.waived.map((w) => `<li>waived: ${esc(w.message)} <code>${esc(w.ruleId)}</code> (${esc((w.waiver as Record<string, unknown>).reason)})</li>`).join("")}</ul>\n`;
      return out;
    },
    /** templates/html/partials/chart.hbs: the SVG as it is ({{{svg}}}), the description escaped. */
    chart: (context) => {
      if (!has(context, ["svg", "description"])) return undefined;
      const svg = context.svg === null || context.svg === undefined ? "" : String(context.svg);
      return `<figure class="chart">\n${svg}\n<figcaption>${esc(context.description)}</figcaption>\n</figure>\n`;
    },
    /** templates/html/partials/header.hbs */
    header: (context) => {
      const site = context.site;
      if (!has(site, ["title", "client", "nav", "baseline"]) || !has(site.nav, NAV_KEYS)) return undefined;
      const nav = site.nav;
      let out = `<header class="site">\n  <p class="site-title">${esc(site.title)}${truthy(site.client) ? ` <span class="muted">· ${esc(site.client)}</span>` : ""}</p>\n  <nav aria-label="Report pages">\n`;
      for (const [flag, link, label] of NAV)
        if (truthy(nav[flag])) out += `    <a href="${esc(nav[link])}">${label}</a>\n`;
      out += "  </nav>\n";
      const b = site.baseline;
      if (has(b, ["name", "commit", "decision", "notInBaseline"]))
        out += `  <p class="baseline-note">Measured against baseline <strong>${esc(b.name)}</strong> (commit <code>${esc(b.commit)}</code>${truthy(b.decision) ? `, approved by ${esc(b.decision)}` : ""}): budgets, baseline dates and planned value are the baseline's; progress, forecasts and findings are today's.${truthy(b.notInBaseline) ? ` Not in the baseline (no plan there): ${call("join", b.notInBaseline, ", ")}.` : ""}</p>\n`;
      else if (b !== null && b !== undefined && b !== false) return undefined;
      return `${out}</header>\n`;
    },
    /** templates/html/partials/footer.hbs */
    footer: (context) => {
      const site = context.site;
      if (!has(site, ["asOf", "version", "commit", "provider"])) return undefined;
      return `<footer class="site">\n  <p>As of ${call("date", site.asOf)} · generated by pmo ${esc(site.version)}${truthy(site.commit) ? ` from commit <code>${esc(site.commit)}</code>` : ""}${truthy(site.provider) ? ` · ${esc(site.provider)}` : ""}</p>\n</footer>\n`;
    },
    /** templates/html/partials/project-risks.hbs */
    "project-risks": (context) => {
      const { risks, closedRisks, projectId } = context;
      if (!isRows(risks) || !isRows(closedRisks) || !("projectId" in context)) return undefined;
      const open =
        risks.length > 0
          ? `<div class="table-wrap"><table>\n  <caption>Open risks of ${esc(projectId)}, highest score first</caption>\n  <thead><tr><th scope="col">Risk</th><th scope="col" class="num">P×I</th><th scope="col">Band</th><th scope="col">Owner</th><th scope="col">Response</th><th scope="col">Proximity</th><th scope="col" class="num">Cost impact (min–likely–max)</th><th scope="col" class="num">Exposure</th><th scope="col">Mitigations</th></tr></thead>\n  <tbody>${risks.map(openRow).join("")}</tbody>\n</table></div>\n<p class="muted">Exposure: the chance the risk occurs (probabilityPercent) times its most likely cost; unknown (—) where either is not recorded.</p>\n`
          : "<p>No open risk.</p>";
      const closed =
        closedRisks.length > 0
          ? `<div class="table-wrap"><table>\n  <caption>Risks of ${esc(projectId)} no longer open</caption>\n  <thead><tr><th scope="col">Risk</th><th scope="col">Status</th><th scope="col">Closed</th><th scope="col">Issue raised</th><th scope="col">Owner</th></tr></thead>\n  <tbody>${closedRisks.map(closedRow).join("")}</tbody>\n</table></div>\n`
          : "";
      return `${open}\n${closed}`;
    },
    /** templates/html/partials/project-extras.hbs: a project page's benefits, stage gates and dependencies. */
    "project-extras": (context, sub) => {
      const p = context.project;
      if (!has(p, ["benefits", "benefitTotals", "gates", "id", "waitsOn", "waitedOnBy"])) return undefined;
      if (
        !Array.isArray(p.benefits) ||
        !Array.isArray(p.waitsOn) ||
        !Array.isArray(p.waitedOnBy) ||
        !rowsOf(p.gates, ["stage", "date", "outcome", "decision"]) ||
        !p.gates.every((g) => g.decision === null || has(g.decision, ["id", "title"]))
      )
        return undefined;
      let out = "<h2>Benefits</h2>\n";
      out += truthy(p.benefits)
        ? `${sub("benefit-totals", { ...context, totals: p.benefitTotals })}${sub("benefit-table", { ...context, benefits: p.benefits, caption: "Benefits, planned and realised", hideProject: true })}`
        : "<p>No benefit recorded.</p>";
      out += "\n\n<h2>Stage gates</h2>\n";
      out += truthy(p.gates)
        ? `<div class="table-wrap"><table>\n  <caption>Stage gates of ${esc(p.id)}</caption>\n  <thead><tr><th scope="col">Into stage</th><th scope="col">Date</th><th scope="col">Outcome</th><th scope="col">Decision</th></tr></thead>\n  <tbody>${p.gates
            .map((g) => {
              const d = g.decision as Record<string, unknown> | null;
              return `<tr><th scope="row">${call("label", g.stage)}</th><td>${call("date", g.date)}</td><td>${call("label", g.outcome)}</td><td>${present(d) ? `${esc(d!.id)} ${esc(d!.title)}` : "—"}</td></tr>`;
            })
            .join("")}</tbody>\n</table></div>\n`
        : "<p>No stage gate recorded.</p>";
      out += "\n\n<h2>Dependencies</h2>\n";
      out += truthy(p.waitsOn)
        ? sub("dependency-table", { ...context, rows: p.waitsOn, caption: "Projects this project waits on" })
        : "<p>Waits on no other project.</p>";
      out += "\n";
      out += truthy(p.waitedOnBy)
        ? sub("dependency-table", { ...context, rows: p.waitedOnBy, caption: "Projects waiting on this project" })
        : "<p>No other project waits on this one.</p>";
      return `${out}\n${sub("project-network", context)}`;
    },
    /** templates/html/partials/benefit-totals.hbs */
    "benefit-totals": (context) => {
      const totals = context.totals;
      if (!rowsOf(totals, TOTAL_KEYS)) return undefined;
      if (totals.length === 0) return "\n";
      const item = (t: Record<string, unknown>): string =>
        `<li>${truthy(t.unit) ? esc(t.unit) : "No unit"}: ${truthy(t.realisedCount) ? `realised ${call("number", t.realised)} (${call("plural", t.realisedCount, "benefit")})` : "nothing realised measured yet"} against ${truthy(t.plannedCount) ? `${call("number", t.planned)} planned (${call("plural", t.plannedCount, "benefit")})` : "no planned amount"}${truthy(t.plannedUnknown) ? `; ${call("plural", t.plannedUnknown, "benefit")} without a planned amount` : ""}${truthy(t.realisedUnknown) ? `; ${esc(t.realisedUnknown)} not measured yet` : ""}</li>`;
      return `<ul class="totals">${totals.map(item).join("")}</ul>\n`;
    },
    /** templates/html/partials/benefit-table.hbs */
    "benefit-table": (context) => {
      const { benefits, hideProject } = context;
      if (!("caption" in context) || !("hideProject" in context) || !rowsOf(benefits, BENEFIT_KEYS)) return undefined;
      if (!truthy(hideProject) && !benefits.every((b) => has(b.project, ["href", "id"]))) return undefined;
      return `<div class="table-wrap"><table>\n  <caption>${esc(context.caption)}</caption>\n  <thead><tr><th scope="col">Benefit</th>${truthy(hideProject) ? "" : `<th scope="col">Project</th>`}<th scope="col">Measure</th><th scope="col" class="num">Planned</th><th scope="col" class="num">Realised</th><th scope="col">Planned by</th><th scope="col">Status</th><th scope="col">Owner</th></tr></thead>\n  <tbody>${benefits.map((b) => benefitRow(b, truthy(hideProject))).join("")}</tbody>\n</table></div>\n`;
    },
    /** templates/html/partials/dependency-table.hbs */
    "dependency-table": (context) => {
      const rows = context.rows;
      if (
        !("caption" in context) ||
        !rowsOf(rows, DEPENDENCY_KEYS) ||
        !rows.every((r) => isProjectRef(r.successor) && isProjectRef(r.predecessor))
      )
        return undefined;
      return `<div class="table-wrap"><table>\n  <caption>${esc(context.caption)}</caption>\n  <thead><tr><th scope="col">Project</th><th scope="col">Waits on</th><th scope="col">Link</th><th scope="col">Predecessor date</th><th scope="col" class="num">Predecessor slip (days)</th><th scope="col">Needed by</th><th scope="col" class="num">Margin (days)</th></tr></thead>\n  <tbody>${rows.map(dependencyRow).join("")}</tbody>\n</table></div>\n`;
    },
    /** templates/html/partials/network-link-table.hbs */
    "network-link-table": (context) => {
      const rows = context.rows;
      if (
        !has(context, ["caption", "mine", "other"]) ||
        !rowsOf(rows, LINK_KEYS) ||
        !rows.every(
          (r) =>
            has(r.milestone, ["key", "name"]) &&
            has(r.other, ["key", "name", "project", "complete"]) &&
            has(r.other.project, ["href", "status"]),
        )
      )
        return undefined;
      return `<div class="table-wrap"><table>\n  <caption>${esc(context.caption)}</caption>\n  <thead><tr><th scope="col">${esc(context.mine)}</th><th scope="col">${esc(context.other)}</th><th scope="col">Link</th><th scope="col" class="num">Predecessor slip (days)</th><th scope="col" class="num">Float (days)</th><th scope="col" class="num">Pushed (days)</th></tr></thead>\n  <tbody>${rows.map(linkRow).join("")}</tbody>\n</table></div>\n`;
    },
    /** templates/html/partials/project-network.hbs: a project's milestone links and the forecast of its finish. */
    "project-network": (context, sub) => {
      const p = context.project;
      if (!has(p, ["network"])) return undefined;
      const n = p.network;
      if (!present(n)) return "";
      if (
        !has(n, NETWORK_KEYS) ||
        !Array.isArray(n.onCriticalPath) ||
        !Array.isArray(n.waitsOn) ||
        !Array.isArray(n.waitedOnBy)
      )
        return undefined;
      const f = n.finish;
      if (present(f) && !has(f, ["p50", "p80", "p90", "committed", "onTimePercent"])) return undefined;
      const forecast = n.forecast;
      if (present(f) && present(forecast) && !has(forecast, ["iterations", "seed", "distribution"])) return undefined;
      let out = `<h2>Schedule network</h2>\n${truthy(n.note) ? `<p class="severity-warn">${esc(n.note)}</p>` : ""}\n`;
      out += `${truthy(n.onCriticalPath) ? `<p><strong>On the critical path across projects:</strong> ${call("join", n.onCriticalPath, ", ")}.</p>` : ""}\n`;
      out += `${truthy(n.waitsOn) ? sub("network-link-table", { ...n, rows: n.waitsOn, caption: "Milestones this project waits on", mine: "Milestone", other: "Waits on" }) : ""}\n`;
      out += `${truthy(n.waitedOnBy) ? sub("network-link-table", { ...n, rows: n.waitedOnBy, caption: "Milestones of other projects waiting on this one", mine: "Milestone", other: "Waited on by" }) : ""}\n`;
      out +=
        n.waitsOn.length + n.waitedOnBy.length > 0
          ? `<p class="muted">Float (${esc(n.dayKind)} days): how far the predecessor can still slip before the link moves the milestone after it (0: it drives it). Pushed: how far the predecessor moves that milestone past its own forecast.</p>\n`
          : "<p>No milestone link to or from another project.</p>\n";
      if (present(f)) {
        const fc = f as Record<string, unknown>;
        const settings = present(forecast)
          ? (() => {
              const s = forecast as Record<string, unknown>;
              return ` (${call("number", s.iterations)} iterations, seed ${esc(s.seed)}, ${esc(s.distribution)} estimates)`;
            })()
          : "";
        out += `<h3>Forecast of the finish</h3>\n<p>Monte Carlo forecast${settings}: P50 ${call("date", fc.p50)}, P80 ${call("date", fc.p80)}, P90 ${call("date", fc.p90)}${truthy(fc.committed) ? `; committed ${call("date", fc.committed)}, met in ${call("percent", fc.onTimePercent)} of the iterations` : ""}.</p>\n`;
      }
      out += `${present(n.curve) ? sub("chart", n.curve) : ""}\n${present(n.tornado) ? sub("chart", n.tornado) : ""}\n`;
      return out;
    },
    /** templates/html/partials/status-table.hbs: the status of every project, grouped by portfolio. */
    "status-table": (context) => {
      const { rows, dimensions } = context;
      if (
        !Array.isArray(dimensions) ||
        !rowsOf(rows, STATUS_ROW_KEYS) ||
        !rows.every((r) => Array.isArray(r.dimensions))
      )
        return undefined;
      // The template's own grouping helper, so that the groups and their order are the same.
      const groups = helpers.groupBy!(rows, "portfolio", options) as {
        key: string;
        items: Record<string, unknown>[];
      }[];
      let out = `<section class="table-wrap" tabindex="0" aria-label="Status of every project"><table>\n  <thead><tr><th scope="col">Project</th><th scope="col">Stage</th>${dimensions.map((d) => `<th scope="col">${esc(d)}</th>`).join("")}<th scope="col">Report</th><th scope="col" class="num">Done</th></tr></thead>\n`;
      for (const group of groups) {
        out += `  <tbody>\n    <tr><th colspan="10" scope="rowgroup">${esc(group.key)}</th></tr>\n`;
        for (const r of group.items)
          out += `    <tr><td>${truthy(r.href) ? `<a href="${esc(r.href)}">${esc(r.id)}</a>` : esc(r.id)} ${esc(r.name)}</td><td>${call("label", r.stage)}</td><td>${call("badge", r.overall)}</td>${(r.dimensions as unknown[]).map((d) => `<td>${call("badge", d)}</td>`).join("")}<td>${call("date", r.statusAsOf)}${truthy(r.stale) ? ` <span class="severity-warn">stale</span>` : ""}</td><td class="num">${call("percent", r.percentComplete)}</td></tr>\n`;
        out += "  </tbody>\n";
      }
      return `${out}</table></section>\n`;
    },
  };
}
