import {
  formatRankingCsv,
  formatRankingJson,
  formatRankingMarkdown,
  formatRankingTable,
  formatSelectionCsv,
  formatSelectionJson,
  formatSelectionMarkdown,
  formatSelectionTable,
  frontier,
  rankAll,
  rankPortfolioOf,
  selectPortfolio,
  type FrontierPoint,
  type FundingOrder,
  type Ranking,
  type Selection,
  type TextStyle,
} from "../core/analytics/prioritisation/index.js";
import { buildCatalog, type Catalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import { resolveSettings, type RiskMatrix, type Settings, type Thresholds } from "../core/domain/index.js";
import { closestMatch, validateWorkspace } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { paintWith } from "./paint.js";
import { openWorkspace, PLAN_KINDS, relativeToCwd } from "./workspace.js";
import path from "node:path";

export const RANK_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type RankFormat = (typeof RANK_FORMATS)[number];

export interface RankCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  portfolio?: string;
  explain: boolean;
  format: RankFormat;
}

export interface SelectCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  portfolio?: string;
  /** An amount, or a percentage of the envelope ("80%"); default: the envelope. */
  budget?: string;
  include: readonly string[];
  exclude: readonly string[];
  fundingOrder?: FundingOrder;
  format: RankFormat;
  /** Write the efficient frontier as an SVG chart to this file. */
  chart?: string;
  /** Budget levels of the frontier. */
  levels: number;
}

/**
 * Loads and validates the repository, and builds the catalog the ranking reads. A repository
 * with validation errors gets its errors, not a ranking computed from half its documents.
 */
async function openCatalog(
  options: { dir: string; config?: string; asOf: string },
  io: CommandIO,
): Promise<{ catalog: Catalog; settings: Settings } | undefined> {
  const { root, config, workspace } = await openWorkspace(options, io.cwd, { kinds: PLAN_KINDS });
  const problems = validateWorkspace(workspace, { asOf: options.asOf }).filter((d) => d.severity === "error");
  if (problems.length > 0) {
    const { FORMATTERS } = await import("../core/format/index.js");
    io.stderr(
      FORMATTERS["stylish"]!(relativeToCwd(problems, root, io.cwd), {
        palette: io.palette,
        sources: workspace.sources,
      }),
    );
    io.stderr(`ranking not computed: fix the validation errors above first (pmo validate lists them too)\n`);
    return undefined;
  }
  const catalog = buildCatalog(workspace.documents);
  const settings = resolveSettings(
    catalog.engagement?.value,
    config.raw["thresholds"] as Thresholds | undefined,
    config.raw["riskMatrix"] as RiskMatrix | undefined,
  );
  return { catalog, settings };
}

function portfolioOrFail(catalog: Catalog, id: string): void {
  if (catalog.portfolio(id)) return;
  const ids = catalog.portfolios.map((p) => p.value.id).sort();
  const suggestion = closestMatch(id, ids);
  throw new UsageError(
    `no portfolio "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: expected one of ${ids.join(", ") || "(none: the repository has no portfolios)"}`,
  );
}

function rankingsOf(catalog: Catalog, settings: Settings, portfolio: string | undefined): Ranking[] {
  if (portfolio === undefined) return rankAll(catalog, settings);
  portfolioOrFail(catalog, portfolio);
  return [rankPortfolioOf(catalog, settings, portfolio)];
}

/** `pmo rank [PORTFOLIO]`: each portfolio's projects in order, with the cumulative cost and the cut line. */
export async function runRank(options: RankCommandOptions, io: CommandIO): Promise<ExitCode> {
  const opened = await openCatalog(options, io);
  if (!opened) return ExitCode.Findings;
  const rankings = rankingsOf(opened.catalog, opened.settings, options.portfolio);
  switch (options.format) {
    case "json":
      io.stdout(formatRankingJson(rankings));
      break;
    case "csv":
      io.stdout(formatRankingCsv(rankings));
      break;
    case "markdown":
      io.stdout(formatRankingMarkdown(rankings, { explain: options.explain }));
      break;
    default:
      io.stdout(formatRankingTable(rankings, { explain: options.explain, style: await tableStyle(io) }));
  }
  return ExitCode.Clean;
}

/**
 * The terminal table's colours and layout. The query module that lays tables out is imported
 * here, for a table only: JSON, CSV and Markdown do without it.
 */
async function tableStyle(io: CommandIO): Promise<TextStyle> {
  const { renderTable } = await import("../core/query/index.js");
  return { paint: paintWith(io), bold: io.palette.bold, table: renderTable };
}

/** "2500000", "2.5M", "800k", "80%" (of the envelope) -> an amount. */
export function parseBudget(text: string, envelope: number | undefined, portfolio: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%|k|m|bn)?\s*$/i.exec(text.replace(/,/g, ""));
  if (!match)
    throw new UsageError(
      `--budget expects an amount (2500000, 2.5M, 800k) or a share of the envelope (80%), got "${text}"`,
    );
  const n = Number(match[1]);
  const unit = (match[2] ?? "").toLowerCase();
  if (unit === "%") {
    if (envelope === undefined)
      throw new UsageError(
        `--budget ${text} is a share of the envelope, but portfolio ${portfolio} has none: give an amount`,
      );
    return Math.round((envelope * n) / 100);
  }
  return Math.round(n * (unit === "k" ? 1e3 : unit === "m" ? 1e6 : unit === "bn" ? 1e9 : 1));
}

/** `pmo select`: the projects that maximise total value within the budget, and the efficient frontier. */
export async function runSelect(options: SelectCommandOptions, io: CommandIO): Promise<ExitCode> {
  const opened = await openCatalog(options, io);
  if (!opened) return ExitCode.Findings;
  const { catalog, settings } = opened;
  const rankings = rankingsOf(catalog, settings, options.portfolio);
  if (options.budget !== undefined && options.portfolio === undefined && !options.budget.trim().endsWith("%")) {
    throw new UsageError(
      `--budget ${options.budget} is an amount for one portfolio: name the portfolio (pmo select PORTFOLIO --budget ...), or give a share of each envelope such as 80%`,
    );
  }
  const known = new Set(rankings.flatMap((r) => r.rows.map((row) => row.candidate.id)));
  for (const id of [...options.include, ...options.exclude]) {
    if (!known.has(id))
      throw new UsageError(
        `--include/--exclude ${id}: not an active project of ${options.portfolio ?? "any portfolio"}`,
      );
  }
  const selections: Selection[] = [];
  const frontiers = new Map<string, FrontierPoint[]>();
  const lookup = (id: string) => catalog.project(id)?.value;
  for (const r of rankings) {
    const budget =
      options.budget !== undefined ? parseBudget(options.budget, r.available, r.portfolio.id) : r.available;
    if (budget === undefined) {
      if (options.portfolio !== undefined)
        throw new UsageError(`portfolio ${r.portfolio.id} has no budget envelope: give one with --budget AMOUNT`);
      continue; // every portfolio: those without an envelope have nothing to select against
    }
    const ids = new Set(r.rows.map((row) => row.candidate.id));
    const select = {
      budget,
      include: options.include.filter((id) => ids.has(id)),
      exclude: options.exclude.filter((id) => ids.has(id)),
      lookup,
      ...(options.fundingOrder !== undefined && { fundingOrder: options.fundingOrder }),
    };
    selections.push(selectPortfolio(r, select));
    if (options.portfolio !== undefined)
      frontiers.set(r.portfolio.id, frontier(r, { ...select, levels: options.levels }));
  }
  if (selections.length === 0)
    throw new UsageError("no portfolio has a budget envelope to select against: name one and give --budget AMOUNT");

  if (options.chart !== undefined) {
    const s = selections[0]!;
    const points = frontiers.get(s.portfolio.id);
    if (options.portfolio === undefined || !points)
      throw new UsageError("--chart draws one portfolio's frontier: name the portfolio");
    // Imported here: the report module (templates, charts, every view) is only needed for the chart.
    const { frontierChart } = await import("../core/report/index.js");
    const chart = frontierChart({
      title: `Efficient frontier: ${s.portfolio.id} ${s.portfolio.name}`,
      currency: s.currency,
      valueLabel: s.valueMeasure,
      points,
      chosen: s.budget,
    });
    writeFileAtomic(path.resolve(io.cwd, options.chart), chart.svg);
  }
  switch (options.format) {
    case "json":
      io.stdout(formatSelectionJson(selections, frontiers));
      break;
    case "csv":
      io.stdout(formatSelectionCsv(selections));
      break;
    case "markdown":
      io.stdout(formatSelectionMarkdown(selections, frontiers));
      break;
    default:
      io.stdout(formatSelectionTable(selections, frontiers, await tableStyle(io)));
  }
  // An infeasible selection (the must-funds do not fit) is a finding about the inputs.
  return selections.some((s) => s.status === "infeasible") ? ExitCode.Findings : ExitCode.Clean;
}
