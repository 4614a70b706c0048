import {
  compareScenarios,
  comparisonCellText,
  comparisonSummaryRows,
  rankAll,
  type ProjectRow,
  type ScenarioComparison,
  type ScenarioState,
} from "../../analytics/prioritisation/index.js";
import type { ReportContext } from "../context.js";

/**
 * The states `pmo report --compare REF` sets beside the report's own: each read from git (or
 * a folder) and ranked by the command, as `pmo compare` reads them.
 */
export interface ReportScenarios {
  states: readonly ScenarioState[];
}

/** The label of the report's own state in the comparison. */
export const OWN_STATE = "this report";

export interface ScenarioStateView {
  /** The ref or folder as given (`scenario/cut-20pct`), or "this report". */
  ref: string;
  /** The commit, short; null for the report's own state (the footer stamps its commit). */
  commit: string | null;
  own: boolean;
}

/** A project whose funding differs between the states: it crosses the cut line. */
export interface ScenarioCrossingView {
  id: string;
  name: string;
  href: string | null;
  portfolio: string;
  /** Its cell in each state, as `pmo compare` prints it ("8 funded", "8 below line", "-"). */
  cells: string[];
}

export interface ScenarioPortfolioView {
  id: string;
  name: string;
  anchor: string;
  /** The portfolio's ranking page, or null. */
  ranking: { href: string } | null;
  /** Label and one cell per state: the rows `pmo compare` prints for the portfolio. */
  summary: { heading: string; cells: string[] }[];
  /** Projects listed: every one, or, in a portfolio longer than a page, those that change. */
  rows: { id: string; name: string; href: string | null; cells: { text: string; changed: boolean }[] }[];
  /** Projects that rank and fund the same in every state and are not listed (a long portfolio). */
  unchangedLeftOut: number;
  /** Projects whose funding or rank differs between the states. */
  changed: number;
}

export interface ScenarioView {
  anchor: string;
  states: ScenarioStateView[];
  /** The `pmo compare` command that prints the same comparison. */
  command: string;
  /** Every project whose funding differs between the states, portfolio by portfolio. */
  crossings: ScenarioCrossingView[];
  portfolios: ScenarioPortfolioView[];
}

const funding = (cell: ProjectRow["cells"][number]): string => (cell === null ? "absent" : cell.funding);

/** Whether a project's cell differs from the first state's: a different rank, funding or presence. */
function differs(row: ProjectRow, i: number): boolean {
  const a = row.cells[0] ?? null;
  const b = row.cells[i] ?? null;
  if (a === null || b === null) return a !== b;
  return a.rank !== b.rank || a.funding !== b.funding;
}

/**
 * The comparison page (`pmo report --compare REF...`): the report's own state, ranked from the
 * report's catalog as its ranking pages rank it, beside each compared state, through the model
 * of `pmo compare` (compareScenarios): the same summary rows and project cells. Projects that
 * cross the cut line between the states come first; a portfolio longer than a page lists only
 * the projects that change and counts the rest.
 */
export function buildScenarioView(ctx: ReportContext, compared: ReportScenarios): ScenarioView {
  const own: ScenarioState = {
    label: OWN_STATE,
    rankings: rankAll(ctx.catalog, ctx.settings),
    statusOf: (id) => ctx.catalog.project(id)?.value.status?.overall,
    statusValues: ctx.settings.statusScale.values,
  };
  const result: ScenarioComparison = compareScenarios([own, ...compared.states]);
  const crossings: ScenarioCrossingView[] = [];
  const portfolios = result.portfolios.map((p): ScenarioPortfolioView => {
    const rows = p.projects.map((row) => ({
      id: row.id,
      name: row.name,
      href: ctx.links.project(row.id),
      cells: row.cells.map((cell, i) => ({ text: comparisonCellText(cell), changed: i > 0 && differs(row, i) })),
      crosses: new Set(row.cells.map(funding)).size > 1,
    }));
    for (const [i, row] of rows.entries())
      if (row.crosses)
        crossings.push({
          id: row.id,
          name: row.name,
          href: row.href,
          portfolio: p.id,
          cells: p.projects[i]!.cells.map(comparisonCellText),
        });
    const changed = rows.filter((r) => r.cells.some((c) => c.changed));
    const listed = rows.length > ctx.layout.rowsPerPage ? changed : rows;
    const ranking = ctx.links.ranking(p.id);
    return {
      id: p.id,
      name: p.name,
      anchor: `scenario-${p.id}`,
      ranking: ranking === null ? null : { href: ranking },
      summary: comparisonSummaryRows(p.columns).map(([heading, cells]) => ({ heading, cells })),
      rows: listed.map(({ crosses: _crosses, ...r }) => r),
      unchangedLeftOut: rows.length - listed.length,
      changed: changed.length,
    };
  });
  return {
    anchor: "scenarios",
    states: result.states.map((s, i) => ({
      ref: s.label,
      commit: s.commit === undefined ? null : s.commit.slice(0, 7),
      own: i === 0,
    })),
    command: `pmo compare working-tree ${compared.states.map((s) => quoteRef(s.label)).join(" ")}`,
    crossings,
    portfolios,
  };
}

/** A ref as a shell argument: plain refs as they are, anything else in single quotes. */
function quoteRef(ref: string): string {
  return /^[\w./@^~:-]+$/.test(ref) ? ref : `'${ref.replace(/'/g, "'\\''")}'`;
}
