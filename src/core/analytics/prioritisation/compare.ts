import { formatMoney } from "../../money.js";
import type { renderTable } from "../../query/index.js";
import type { FundingState, Ranking } from "./types.js";

/** One state of the repository (a branch, a tag, the working tree), ranked. */
export interface ScenarioState {
  label: string;
  commit?: string;
  rankings: readonly Ranking[];
  /** Overall status of each active project, by project id (undefined: no status report). */
  statusOf: (projectId: string) => string | undefined;
  /** Status values, best first, for the order of the status mix. */
  statusValues: readonly string[];
  /**
   * The Monte Carlo schedule forecast of each project (pmo forecast), when asked for: its P80
   * finish and the finish it is committed to. Absent: the comparison shows no P80.
   */
  forecast?: ReadonlyMap<string, { p80: string; committed: string | undefined }>;
}

export interface PortfolioColumn {
  present: boolean;
  currency: string;
  envelope: number | undefined;
  available: number | undefined;
  /** Known forecast of committed work (initiation to closure). */
  committedCost: number;
  /** Known cost above the cut line. */
  fundedCost: number;
  funded: string[];
  belowLine: string[];
  costUnknown: number;
  unscored: number;
  /** Active projects by overall status, best first; `none` for no status report. */
  statusMix: { status: string; count: number }[];
  /**
   * From the schedule forecast, when asked for: the latest P80 finish of the active projects
   * (not the P80 of the portfolio's finish, which is later still), how many of those with a
   * committed finish would miss it at P80, and how many projects have no forecast. Null
   * without a forecast.
   */
  p80: { latest: string | null; lateAtP80: number; withCommitted: number; noForecast: number } | null;
}

export interface ProjectRow {
  id: string;
  name: string;
  cells: ({
    rank: number;
    score: number | undefined;
    funding: FundingState;
    stage: string;
    /** The P80 finish, when the comparison has a forecast and the project has one. */
    p80?: string;
  } | null)[];
}

export interface ScenarioComparison {
  states: { label: string; commit?: string }[];
  portfolios: { id: string; name: string; columns: PortfolioColumn[]; projects: ProjectRow[] }[];
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * States side by side, per portfolio: the envelope, committed and funded money, the funded set,
 * the status mix, and each project's rank and funding in each state. Pure: the states are
 * read from git (or folders) by the command.
 */
export function compareScenarios(states: readonly ScenarioState[]): ScenarioComparison {
  const ids = new Set<string>();
  for (const s of states) for (const r of s.rankings) ids.add(r.portfolio.id);
  const portfolios = [...ids].sort(compareIds).map((id) => {
    const per = states.map((s) => s.rankings.find((r) => r.portfolio.id === id));
    const name = [...per].reverse().find((r) => r !== undefined)!.portfolio.name;
    const columns: PortfolioColumn[] = per.map((r, i) => {
      if (!r)
        return {
          present: false,
          currency: "",
          envelope: undefined,
          available: undefined,
          committedCost: 0,
          fundedCost: 0,
          funded: [],
          belowLine: [],
          costUnknown: 0,
          unscored: 0,
          statusMix: [],
          p80: null,
        };
      const state = states[i]!;
      const counts = new Map<string, number>();
      for (const row of r.rows) {
        const status = state.statusOf(row.candidate.id) ?? "none";
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
      const order = [...state.statusValues, "none"];
      const statusMix = [...counts]
        .sort(
          ([a], [b]) =>
            (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)) ||
            compareIds(a, b),
        )
        .map(([status, count]) => ({ status, count }));
      return {
        present: true,
        currency: r.currency,
        envelope: r.envelope,
        available: r.available,
        committedCost: r.rows
          .filter((x) => x.candidate.committed && x.candidate.cost !== undefined)
          .reduce((sum, x) => sum + x.candidate.cost!, 0),
        fundedCost: r.fundedCost,
        funded: r.rows.filter((x) => x.funding === "funded").map((x) => x.candidate.id),
        belowLine: r.rows.filter((x) => x.funding === "below-line").map((x) => x.candidate.id),
        costUnknown: r.costUnknown.length,
        unscored: r.unscored.length,
        statusMix,
        p80: state.forecast ? p80Summary(state.forecast, r) : null,
      };
    });
    const projectIds = new Map<string, string>();
    for (const r of per) for (const row of r?.rows ?? []) projectIds.set(row.candidate.id, row.candidate.name);
    // In the rank order of the last state that has the project, then by id.
    const lastRank = (pid: string): number => {
      for (let i = per.length - 1; i >= 0; i--) {
        const row = per[i]?.rows.find((x) => x.candidate.id === pid);
        if (row) return row.rank;
      }
      return Infinity;
    };
    const forecasts = states.map((s) => s.forecast);
    const projects = [...projectIds]
      .sort(([a], [b]) => lastRank(a) - lastRank(b) || compareIds(a, b))
      .map(([pid, pname]) => ({
        id: pid,
        name: pname,
        cells: per.map((r, i) => {
          const row = r?.rows.find((x) => x.candidate.id === pid);
          const p80 = forecasts[i]?.get(pid)?.p80;
          return row
            ? {
                rank: row.rank,
                score: row.score.value,
                funding: row.funding,
                stage: row.candidate.stage,
                ...(p80 !== undefined && { p80 }),
              }
            : null;
        }),
      }));
    return { id, name, columns, projects };
  });
  return {
    states: states.map((s) => ({ label: s.label, ...(s.commit !== undefined && { commit: s.commit }) })),
    portfolios,
  };
}

function p80Summary(forecast: NonNullable<ScenarioState["forecast"]>, r: Ranking): NonNullable<PortfolioColumn["p80"]> {
  let latest: string | null = null;
  let lateAtP80 = 0;
  let withCommitted = 0;
  let noForecast = 0;
  for (const row of r.rows) {
    const f = forecast.get(row.candidate.id);
    if (!f) {
      noForecast += 1;
      continue;
    }
    if (latest === null || f.p80 > latest) latest = f.p80;
    if (f.committed === undefined) continue;
    withCommitted += 1;
    if (f.p80 > f.committed) lateAtP80 += 1;
  }
  return { latest, lateAtP80, withCommitted, noForecast };
}

const FUNDING_MARK: Record<FundingState, string> = {
  funded: "funded",
  "below-line": "below line",
  "cost-unknown": "cost unknown",
  "no-envelope": "-",
};
const money = (n: number | undefined, currency: string): string => (n === undefined ? "-" : formatMoney(n, currency));
const mix = (c: PortfolioColumn): string =>
  c.present ? c.statusMix.map((m) => `${m.status} ${m.count}`).join(", ") || "-" : "absent";

/**
 * The summary of one portfolio in each state, as rows of a label and one cell per state (the
 * envelope, committed and funded money, the funded set, the status mix, P80 when forecast):
 * what `pmo compare` prints and the report's comparison page shows.
 */
export function comparisonSummaryRows(c: readonly PortfolioColumn[]): [string, string[]][] {
  const cell = (f: (x: PortfolioColumn) => string) => c.map((x) => (x.present ? f(x) : "absent"));
  return [
    ["Envelope", cell((x) => money(x.envelope, x.currency))],
    ["Available to own projects", cell((x) => money(x.available, x.currency))],
    ["Committed forecast", cell((x) => money(x.committedCost, x.currency))],
    ["Funded (above the line)", cell((x) => `${x.funded.length}: ${money(x.fundedCost, x.currency)}`)],
    ["Below the line", cell((x) => String(x.belowLine.length))],
    ["Cost unknown / unscored", cell((x) => `${x.costUnknown} / ${x.unscored}`)],
    ["Status mix", c.map(mix)],
    ...(c.some((x) => x.p80 !== null)
      ? ([
          ["P80 finish (latest project)", cell((x) => x.p80?.latest ?? "-")],
          [
            "Late at P80 (of committed)",
            cell((x) =>
              x.p80
                ? `${x.p80.lateAtP80} of ${x.p80.withCommitted}${x.p80.noForecast > 0 ? `; ${x.p80.noForecast} without a forecast` : ""}`
                : "-",
            ),
          ],
        ] as [string, string[]][])
      : []),
  ];
}

/** One project's cell in one state: "3 funded", "10 below line (unscored)", "-" when absent. */
export function comparisonCellText(cell: ProjectRow["cells"][number]): string {
  if (!cell) return "-";
  return `${cell.rank} ${FUNDING_MARK[cell.funding]}${cell.score === undefined ? " (unscored)" : ""}${cell.p80 !== undefined ? `, P80 ${cell.p80}` : ""}`;
}

export function formatComparisonTable(
  result: ScenarioComparison,
  style: { bold: (s: string) => string; table: typeof renderTable },
): string {
  const labels = result.states.map((s) => (s.commit ? `${s.label} (${s.commit.slice(0, 7)})` : s.label));
  const plain = (_t: unknown, text: string): string => text;
  const parts = result.portfolios.map((p) => {
    const summary = style.table(
      ["", ...labels],
      comparisonSummaryRows(p.columns).map(([k, v]) => [{ text: k }, ...v.map((t) => ({ text: t }))]),
      { paint: plain, header: style.bold },
    );
    const ranks = style.table(
      ["ID", "Name", ...labels],
      p.projects.map((r) => [
        { text: r.id },
        { text: r.name.length > 36 ? `${r.name.slice(0, 35)}…` : r.name },
        ...r.cells.map((c) => ({ text: comparisonCellText(c) })),
      ]),
      { paint: plain, header: style.bold },
    );
    return `${style.bold(`${p.id} ${p.name}`)}\n\n${summary}\n${ranks}`;
  });
  if (parts.length === 0) return "no portfolio has active projects in any of the states\n";
  return parts.join("\n");
}

const md = (s: string): string => s.replace(/\|/g, "\\|").replace(/([*_`[\]<>])/g, "\\$1");

export function formatComparisonMarkdown(result: ScenarioComparison): string {
  const labels = result.states.map((s) => md(s.label));
  const out = [
    "# Scenario comparison",
    "",
    `States: ${result.states.map((s) => `${md(s.label)}${s.commit ? ` (\`${s.commit.slice(0, 7)}\`)` : ""}`).join(", ")}.`,
    "",
  ];
  for (const p of result.portfolios) {
    out.push(
      `## ${md(p.id)} ${md(p.name)}`,
      "",
      `| | ${labels.join(" | ")} |`,
      `| --- | ${labels.map(() => "---").join(" | ")} |`,
    );
    for (const [k, v] of comparisonSummaryRows(p.columns)) out.push(`| ${k} | ${v.map(md).join(" | ")} |`);
    out.push("", `| ID | Name | ${labels.join(" | ")} |`, `| --- | --- | ${labels.map(() => "---").join(" | ")} |`);
    for (const r of p.projects)
      out.push(`| ${md(r.id)} | ${md(r.name)} | ${r.cells.map((c) => md(comparisonCellText(c))).join(" | ")} |`);
    out.push("");
  }
  return out.join("\n");
}

export function formatComparisonJson(result: ScenarioComparison): string {
  const clean = {
    states: result.states,
    portfolios: result.portfolios.map((p) => ({
      ...p,
      columns: p.columns.map((c) => ({ ...c, envelope: c.envelope ?? null, available: c.available ?? null })),
      projects: p.projects.map((r) => ({
        ...r,
        cells: r.cells.map((c) => (c ? { ...c, score: c.score ?? null } : null)),
      })),
    })),
  };
  return `${JSON.stringify(clean, null, 2)}\n`;
}
