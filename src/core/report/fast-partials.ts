import { createHash } from "node:crypto";
import type { HelperDelegate } from "handlebars";
import type { MitigationRow, RiskRow } from "./raid.js";

/** A partial as a function of its context; undefined when the context is not what it expects. */
export type FastPartial = (context: Record<string, unknown>) => string | undefined;

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

export function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** `{{#if}}`'s test: Handlebars' truthiness, with an empty list false. */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

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
  const call = (name: string, ...args: unknown[]): string => esc(helpers[name]!(...args, options));

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

  return {
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
  };
}
