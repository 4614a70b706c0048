import type { Diagnostic } from "../../model/diagnostic.js";
import type { BaselinePlan } from "../analytics/evm/index.js";
import type { AudienceSection } from "../../model/entities.js";
import { deriveFacts, type Catalog, type Facts } from "../domain/index.js";
import type { WaivedDiagnostic } from "../format/index.js";
import type { Settings } from "../rules/index.js";
import type { Audience } from "./audience.js";
import {
  DEFAULT_LAYOUT,
  indexFindings,
  type ChartView,
  type ReportContext,
  type ReportForecast,
  type ReportLayout,
} from "./context.js";
import type { OutputFormat } from "./helpers.js";
import { indexProjectHistories, type ReportHistory } from "./history.js";
import {
  compareIds,
  linksFor,
  portfolioFileNames,
  projectFileNames,
  STYLESHEET,
  type Links,
  type PageKind,
} from "./links.js";
import { createRenderer } from "./render.js";
import { notAssessedView, statusLookup, statusScaleView, type StatusView } from "./status.js";
import type { TemplateSet } from "./templates.js";
import { buildDashboardViews } from "./views/dashboard.js";
import { TABLE_KINDS, tablePages } from "./views/dashboard-layout.js";
import { buildEngagementView } from "./views/engagement.js";
import { buildProjectView } from "./views/project.js";
import type { PortfolioTrendsView, ProjectTrendsView } from "./views/trends.js";
import { buildRiskRegisterView, riskRegisterCsv } from "./views/risk-register.js";
import { benefitsCsvFiles, buildBenefitsView } from "./views/benefits.js";
import { buildDecisionLogView, decisionLogCsvFiles } from "./views/decision-log.js";
import { buildDependenciesView, dependenciesCsvFiles } from "./views/dependencies.js";
import { buildIssueLogView, issueLogCsvFiles } from "./views/issue-log.js";
import { buildPortfolioView, messageView } from "./views/portfolio.js";
import { buildRankingPage } from "./views/ranking.js";
import { buildScenarioView, type ReportScenarios } from "./views/scenarios.js";
import { buildRoadmapView } from "./views/roadmap.js";
import { buildBoardPackView } from "./views/board-pack.js";
import { isTerminalStage } from "../domain/index.js";
import { scheduleCharts } from "./views/schedule.js";

export interface ReportInput {
  catalog: Catalog;
  settings: Settings;
  /** The facts the check derived (derived here when not given). */
  facts?: Facts;
  /**
   * `--baseline NAME`: the baseline the catalog's projects are measured against (the catalog is
   * already merged with it, analytics/evm `againstBaseline`); earned value reads its plan.
   */
  baselinePlan?: BaselinePlan;
  asOf: string;
  findings: readonly Diagnostic[];
  waived: readonly WaivedDiagnostic[];
  format: OutputFormat;
  /** One file instead of a site. */
  single: boolean;
  templates: TemplateSet;
  /** The git history for the trend charts and "what changed state", or why there is none. */
  history: ReportHistory;
  /** What the footer stamps besides the as-of date, and the baseline measured against (`--baseline`). */
  meta: { version: string; commit: string | null; baseline?: ReportBaseline };
  /** The paper the print stylesheet lays pages out on (`--paper`); A4 when not given. */
  paper?: Paper;
  /** The single page is printed to PDF (`--format pdf`): the print layout is the only one. */
  pdf?: boolean;
  /** The exception-first threshold and page sizes (config `report`); defaults otherwise. */
  layout?: Partial<ReportLayout>;
  /** One audience's pack (`--audience`): its sections, dashboard and project pages (single only). */
  audience?: Audience;
  /**
   * `board`: the board pack (`--pack board`, the default of `--format pdf`), one page of a
   * few sheets for a steering committee, instead of the site or the whole report in one file.
   */
  pack?: "board" | "full";
  /** The schedule forecast's iterations and seed (null: left out); the default otherwise. */
  forecast?: ReportForecast | null;
  /** Other states to set beside this one on a comparison page (`--compare REF`); none without. */
  scenarios?: ReportScenarios;
}

export type Paper = "a4" | "letter";

/** The baseline a report measures against (`pmo report --baseline NAME`), as every page's header states it. */
export interface ReportBaseline {
  name: string;
  /** The tagged commit, short. */
  commit: string;
  /** The approving decision the tag records, or null. */
  decision: string | null;
  /** Projects that are not in the baseline (no baseline plan there). */
  notInBaseline: string[];
}

/** One file of the report, by its path inside the output folder (forward slashes). */
export interface ReportFile {
  path: string;
  content: string;
}

/** What every page knows about the report it belongs to (header, navigation, footer). */
export interface SiteView {
  title: string;
  client: string | null;
  provider: string | null;
  asOf: string;
  version: string;
  commit: string | null;
  /** The baseline measured against, or null. */
  baseline: ReportBaseline | null;
  scale: readonly StatusView[];
  nav: {
    index: string;
    risks: string;
    engagement: string;
    issues: string;
    decisions: string;
    benefits: string;
    dependencies: string;
    roadmap: string;
    scenarios: string;
    /** Whether the pack has each section (every one but for an audience's pack). */
    hasEngagement: boolean;
    hasDashboard: boolean;
    hasRisks: boolean;
    hasIssues: boolean;
    hasDecisions: boolean;
    hasBenefits: boolean;
    hasDependencies: boolean;
    hasRoadmap: boolean;
    /** A comparison page (`--compare REF`). */
    hasScenarios: boolean;
  };
  /** The audience whose pack this is (`--audience`), or null. */
  audience: { id: string; name: string } | null;
  page: { kind: PageKind; title: string };
  single: boolean;
  /** The print stylesheet's paper: `size` is the CSS page size (`A4`, `letter`). */
  print: { paper: Paper; size: string; pdf: boolean; pack: boolean };
  /**
   * The link to the stylesheet the pages of an HTML site share (the `stylesheet` template,
   * written once as report.css instead of inline in every page); null in one file (`--single`,
   * the board pack, PDF), whose styles are inline so that the file stands alone.
   */
  stylesheet: string | null;
}

/**
 * The whole report: pages (and, for Markdown, the SVG charts they link to, since GitHub does
 * not render SVG inline in Markdown), produced one file at a time so that a caller can write
 * each page as soon as it is rendered instead of holding ten thousand pages in memory. Pure:
 * the same input gives the same files, in the same order.
 */
export function* renderReport(input: ReportInput): Generator<ReportFile> {
  const { catalog, settings, asOf, format } = input;
  const renderer = createRenderer(input.templates, format);
  const scale = statusScaleView(catalog.engagement?.value, settings);
  const notAssessed = notAssessedView(catalog.engagement?.value, settings);
  const fileNames = projectFileNames(catalog);
  const portfolioNames = portfolioFileNames(catalog);
  const base = {
    catalog,
    settings,
    facts: input.facts ?? deriveFacts(catalog, settings, asOf),
    asOf,
    findings: input.findings,
    waived: input.waived,
    findingsFor: indexFindings(input.findings, input.waived),
    scale,
    notAssessed,
    status: statusLookup(scale, notAssessed),
    history: input.history,
    projectHistory: indexProjectHistories(input.history),
    layout: {
      ...DEFAULT_LAYOUT,
      ...Object.fromEntries(Object.entries(input.layout ?? {}).filter(([, v]) => v !== undefined)),
      // An audience may ask for one dashboard whatever the size of the portfolio.
      tables: input.audience?.sections.has("tables") ?? true,
      ...(input.audience?.dashboard === "exceptions"
        ? { exceptionsAbove: -1 }
        : input.audience?.dashboard === "full"
          ? { exceptionsAbove: Number.MAX_SAFE_INTEGER }
          : {}),
    },
    single: input.single,
    forecast: input.forecast,
    ...(input.baselinePlan && { baselinePlan: input.baselinePlan }),
  };
  const hasSection = (section: AudienceSection): boolean => input.audience?.sections.has(section) ?? true;
  const ctxFor = (
    page: PageKind,
    linked: ReadonlyMap<string, string> = fileNames,
    linkedPortfolios: ReadonlyMap<string, string> = portfolioNames,
  ): ReportContext => {
    const links = linksFor(page, format, linked, input.single, linkedPortfolios);
    // In an audience's pack, a reference to the engagement is plain text when its page is left out.
    return { ...base, links: hasSection("engagement") ? links : { ...links, engagement: "" } };
  };
  const engagement = catalog.engagement?.value;
  const siteFor = (kind: PageKind, title: string, links: Links): SiteView => ({
    title: engagement?.name ?? "Portfolio report",
    client: engagement?.client.name ?? null,
    provider: engagement?.provider.name ?? null,
    asOf,
    version: input.meta.version,
    commit: input.meta.commit,
    baseline: input.meta.baseline ?? null,
    scale,
    nav: {
      index: links.index,
      risks: links.risks,
      engagement: links.engagement,
      hasEngagement: engagement !== undefined && hasSection("engagement"),
      hasDashboard: hasSection("dashboard"),
      hasRisks: hasSection("risks"),
      issues: links.issues,
      decisions: links.decisions,
      benefits: links.benefits,
      dependencies: links.dependencies,
      roadmap: links.roadmap,
      scenarios: links.scenarios,
      hasIssues: hasSection("issues"),
      hasDecisions: hasSection("decisions"),
      hasBenefits: hasSection("benefits"),
      hasDependencies: hasSection("dependencies"),
      hasRoadmap: hasSection("roadmap"),
      hasScenarios: input.scenarios !== undefined && hasSection("portfolios"),
    },
    audience: input.audience ? { id: input.audience.id, name: input.audience.name } : null,
    page: { kind, title },
    single: input.single,
    print: {
      paper: input.paper ?? "a4",
      size: input.paper === "letter" ? "letter" : "A4",
      pdf: input.pdf === true,
      pack: input.pack === "board",
    },
    stylesheet: links.stylesheet,
  });

  const projects = [...catalog.projects].sort((a, b) => compareIds(a.value.id, b.value.id));
  const portfolios = [...catalog.portfolios].sort((a, b) => compareIds(a.value.id, b.value.id));
  // Markdown writes each chart to a file after the pages; HTML has them inline, and keeping
  // thousands of SVG texts to the end would only make the collector's work larger.
  const charts = new Map<string, string>();
  const keepChart = (chart: ChartView): void => {
    if (format === "md") charts.set(chart.file, chart.svg);
  };

  if (input.pack === "board") {
    const audience = input.audience;
    const has = (section: AudienceSection): boolean => audience?.sections.has(section) ?? true;
    // Links go to what the pack holds: the blocks of the projects it summarises, its portfolios.
    const exceptionsOnly = audience?.projects === "exceptions" || projects.length > base.layout.exceptionsAbove;
    let summarised = new Set<string>();
    if (has("projects")) {
      summarised = exceptionsOnly
        ? new Set(buildDashboardViews(ctxFor("single")).full.exceptions.rows.map((r) => r.id))
        : new Set(projects.filter((p) => !isTerminalStage(p.value.stage)).map((p) => p.value.id));
      // Proposals are rows of their portfolio's table, with the same anchors as blocks.
    }
    const linkedProjects = new Map([...fileNames].filter(([id]) => summarised.has(id)));
    const linkedPortfolios = has("portfolios") ? portfolioNames : new Map<string, string>();
    const ctx = ctxFor("single", linkedProjects, linkedPortfolios);
    const pack = buildBoardPackView(
      ctx,
      has,
      { projects: exceptionsOnly ? "exceptions" : "all" },
      fileNames,
      portfolioNames,
    );
    const site = siteFor("single", audience ? `${audience.name}: board pack` : "Board pack", ctx.links);
    site.nav = {
      ...site.nav,
      hasEngagement: false,
      hasDashboard: pack.sections.summary,
      hasRisks: pack.sections.risks,
      hasIssues: pack.sections.issues,
      hasDecisions: pack.sections.decisions,
      hasBenefits: pack.sections.benefits,
      hasDependencies: pack.sections.dependencies,
      hasRoadmap: pack.sections.roadmap,
      hasScenarios: false,
    };
    yield {
      path: `report.${format}`,
      content: renderer.render("pack", { site, message: messageView(ctx, engagement?.message), pack }),
    };
    // Markdown links the pack's charts as files beside it (see the end of this function).
    if (format === "md")
      for (const chart of [pack.dashboard.statusChart, pack.roadmap?.chart, pack.risks?.heatMap])
        if (chart) keepChart(chart);
  } else if (input.single) {
    const audience = input.audience;
    const has = (section: AudienceSection): boolean => audience?.sections.has(section) ?? true;
    // The project pages in the pack: every one, an audience's exceptions, or none; links to
    // a project go to its page only when the pack has it.
    let packed = projects;
    if (!has("projects")) packed = [];
    else if (audience?.projects === "exceptions") {
      const exceptional = new Set(buildDashboardViews(ctxFor("single")).full.exceptions.rows.map((r) => r.id));
      packed = projects.filter((p) => exceptional.has(p.value.id));
    }
    const packedPortfolios = has("portfolios") ? portfolios : [];
    const ctx = ctxFor(
      "single",
      new Map(packed.map((p) => [p.value.id, fileNames.get(p.value.id)!])),
      new Map(packedPortfolios.map((p) => [p.value.id, portfolioNames.get(p.value.id)!])),
    );
    const { dashboard, full } = buildDashboardViews(ctx);
    const tables =
      dashboard.layout.mode === "exceptions" ? TABLE_KINDS.map((kind) => tablePages(ctx, full, kind)[0]!) : [];
    const risks = buildRiskRegisterView(ctx);
    const projectViews = packed.map((p) => buildProjectView(ctx, p.value, p.doc.file, fileNames.get(p.value.id)!));
    const roadmap = has("roadmap") ? buildRoadmapView(ctx) : null;
    const portfolioViews = packedPortfolios.map((p) => buildPortfolioView(ctx, p, portfolioNames.get(p.value.id)!));
    const rankings = packedPortfolios.map((p) => buildRankingPage(ctx, p, portfolioNames.get(p.value.id)!).view);
    const scenarios = input.scenarios && has("portfolios") ? buildScenarioView(ctx, input.scenarios) : null;
    const include = { dashboard: has("dashboard"), risks: has("risks") };
    const view = {
      site: siteFor("single", audience ? `${audience.name}: report` : "Portfolio report", ctx.links),
      include,
      message: messageView(ctx, engagement?.message),
      dashboard,
      tables: include.dashboard && has("tables") ? tables : [],
      risks,
      engagement: has("engagement") ? buildEngagementView(ctx) : null,
      issues: has("issues") ? buildIssueLogView(ctx) : null,
      decisions: has("decisions") ? buildDecisionLogView(ctx) : null,
      benefits: has("benefits") ? buildBenefitsView(ctx) : null,
      dependencies: has("dependencies") ? buildDependenciesView(ctx) : null,
      roadmap,
      portfolios: portfolioViews,
      rankings,
      scenarios,
      projects: projectViews,
    };
    yield { path: `report.${format}`, content: renderer.render("single", view) };
    [...(roadmap ? [roadmap.chart] : []), ...portfolioViews.map((p) => p.roadmap)].forEach(keepChart);
    for (const r of rankings) if (r.frontier) keepChart(r.frontier.chart);
    [
      dashboard.statusChart,
      ...evmCharts(...full.budgets.map((b) => b.chart)),
      ...evmCharts(dashboard.quadrant),
      ...trendCharts(dashboard.trends),
      risks.heatMap,
      ...scheduleCharts(view.dependencies?.network),
      ...projectViews.flatMap((p) => [
        ...scheduleCharts(p.network),
        p.timeline,
        ...evmCharts(p.performance?.sCurve),
        ...evmCharts(p.performance?.trend),
        ...trendCharts(p.trends),
      ]),
    ].forEach(keepChart);
  } else {
    const indexCtx = ctxFor("index");
    const { dashboard, full } = buildDashboardViews(indexCtx);
    yield {
      path: `index.${format}`,
      content: renderer.render("index", {
        site: siteFor("index", "Portfolio dashboard", indexCtx.links),
        message: messageView(indexCtx, engagement?.message),
        dashboard,
      }),
    };
    // One stylesheet for every page of the site, rendered from the partials the pages of one
    // file inline (styles, print): 6 KB less in each of thousands of pages.
    if (indexCtx.links.stylesheet !== null)
      yield {
        path: STYLESHEET,
        content: renderer.render("stylesheet", { site: siteFor("index", "Stylesheet", indexCtx.links) }),
      };
    if (dashboard.layout.mode === "exceptions") {
      const tableCtx = ctxFor("table");
      for (const kind of TABLE_KINDS) {
        for (const table of tablePages(tableCtx, full, kind)) {
          const title = table.of > 1 ? `${table.title} (page ${table.number} of ${table.of})` : table.title;
          yield {
            path: `${kind}-${table.number}.${format}`,
            content: renderer.render("table", { site: siteFor("table", title, tableCtx.links), table }),
          };
        }
      }
    }
    [
      dashboard.statusChart,
      ...evmCharts(...full.budgets.map((b) => b.chart)),
      ...evmCharts(dashboard.quadrant),
      ...trendCharts(dashboard.trends),
    ].forEach(keepChart);

    const risksCtx = ctxFor("risks");
    const risks = buildRiskRegisterView(risksCtx);
    yield {
      path: `risks.${format}`,
      content: renderer.render("risks", { site: siteFor("risks", "Risk register", risksCtx.links), risks }),
    };
    keepChart(risks.heatMap);
    // A large site's register page keeps the highest risks; the whole register is a CSV beside it.
    if (risks.cut.csv !== null) yield { path: risks.cut.csv, content: riskRegisterCsv(risksCtx) };

    const engagementCtx = ctxFor("engagement");
    const engagementView = buildEngagementView(engagementCtx);
    if (engagementView) {
      yield {
        path: `engagement.${format}`,
        content: renderer.render("engagement", {
          site: siteFor("engagement", "Engagement", engagementCtx.links),
          engagement: engagementView,
        }),
      };
    }

    // A large site's log pages keep the rows that need attention; every row is in CSV files beside them.
    for (const [page, title, build, key, csvFiles] of [
      ["issues", "Issue log", buildIssueLogView, "issues", issueLogCsvFiles],
      ["decisions", "Decision log", buildDecisionLogView, "decisions", decisionLogCsvFiles],
      ["benefits", "Benefits", buildBenefitsView, "benefits", benefitsCsvFiles],
      ["dependencies", "Dependencies", buildDependenciesView, "dependencies", dependenciesCsvFiles],
    ] as const) {
      const pageCtx = ctxFor(page);
      const built = build(pageCtx);
      yield {
        path: `${page}.${format}`,
        content: renderer.render(page, { site: siteFor(page, title, pageCtx.links), [key]: built }),
      };
      yield* csvFiles(pageCtx);
      if ("network" in built) scheduleCharts(built.network).forEach(keepChart);
    }
    const roadmapCtx = ctxFor("roadmap");
    const roadmap = buildRoadmapView(roadmapCtx);
    yield {
      path: `roadmap.${format}`,
      content: renderer.render("roadmap", { site: siteFor("roadmap", "Roadmap", roadmapCtx.links), roadmap }),
    };
    keepChart(roadmap.chart);

    const portfolioCtx = ctxFor("portfolio");
    for (const p of portfolios) {
      const name = portfolioNames.get(p.value.id)!;
      const portfolio = buildPortfolioView(portfolioCtx, p, name);
      yield {
        path: `portfolios/${name}.${format}`,
        content: renderer.render("portfolio", {
          site: siteFor("portfolio", `${portfolio.id} ${portfolio.name}`, portfolioCtx.links),
          portfolio,
        }),
      };
      keepChart(portfolio.roadmap);
    }

    const rankingCtx = ctxFor("ranking");
    for (const p of portfolios) {
      const { view: ranking, csv } = buildRankingPage(rankingCtx, p, portfolioNames.get(p.value.id)!);
      const site = siteFor("ranking", `${ranking.id} ${ranking.name}: ranking`, rankingCtx.links);
      yield {
        path: `rankings/${portfolioNames.get(p.value.id)!}.${format}`,
        content: renderer.render("ranking", { site, ranking }),
      };
      if (csv) yield csv;
      if (ranking.frontier) keepChart(ranking.frontier.chart);
    }
    if (input.scenarios) {
      const scenarioCtx = ctxFor("scenarios");
      const scenarios = buildScenarioView(scenarioCtx, input.scenarios);
      yield {
        path: `scenarios.${format}`,
        content: renderer.render("scenarios", {
          site: siteFor("scenarios", "Scenario comparison", scenarioCtx.links),
          scenarios,
        }),
      };
    }

    const projectCtx = ctxFor("project");
    for (const p of projects) {
      const name = fileNames.get(p.value.id)!;
      const project = buildProjectView(projectCtx, p.value, p.doc.file, name);
      yield {
        path: `projects/${name}.${format}`,
        content: renderer.render("project", {
          site: siteFor("project", `${project.id} ${project.name}`, projectCtx.links),
          project,
        }),
      };
      if (format === "md")
        [
          project.timeline,
          ...evmCharts(project.performance?.sCurve),
          ...evmCharts(project.performance?.trend),
          ...trendCharts(project.trends),
          ...scheduleCharts(project.network),
        ].forEach(keepChart);
    }
  }
  if (format === "md") {
    for (const [file, svg] of [...charts.entries()].sort(([a], [b]) => compareIds(a, b)))
      yield { path: file, content: svg.endsWith("\n") ? svg : `${svg}\n` };
  }
}

/** The whole report as a list, for callers that want every file at once (tests, small reports). */
export function buildReport(input: ReportInput): ReportFile[] {
  return [...renderReport(input)];
}

/** The charts that are there (the quadrant, a project's S-curve, the budget bars). */
function evmCharts(...charts: (ChartView | null | undefined)[]): ChartView[] {
  return charts.filter((c): c is ChartView => c !== null && c !== undefined);
}

/** The charts of a trends view, for Markdown's chart files. */
function trendCharts(trends: ProjectTrendsView | PortfolioTrendsView): ChartView[] {
  const first = "status" in trends ? trends.status : trends.statusByPeriod;
  return [...(first ? [first] : []), ...trends.forecast];
}
