import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "../../csv.js";
import { formatMoney } from "../../money.js";
import type { Paint, renderTable } from "../../query/index.js";
import { cleanNumber, formatScore } from "./score.js";
import type { FrontierPoint, Selection } from "./select.js";
import type { RankedRow, Ranking } from "./types.js";

/**
 * How the terminal tables look, and the table layout itself (query's renderTable), which the
 * command imports only for a table: JSON, CSV and Markdown never load the query module.
 */
export interface TextStyle {
  paint: Paint;
  bold: (s: string) => string;
  table: typeof renderTable;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "weighted sum of 4 criteria (scale 1-5)" or "WSJF: cost of delay / job size". */
export function describeMethod(r: Ranking): string {
  const m = r.method;
  const from = m.declaredBy === r.portfolio.id ? "" : ` (declared by ${m.declaredBy})`;
  const order = m.fundingOrder === "committed-first" ? "committed work first, then by rank" : "strictly by rank";
  if (m.method === "wsjf")
    return `WSJF: (business value + time criticality + risk reduction) / job size${from}; funding ${order}`;
  return `weighted sum of ${plural(m.criteria.length, "criterion", "criteria")} on a ${formatScore(m.scale.min)}-${formatScore(m.scale.max)} scale${from}; funding ${order}`;
}

/** "envelope GBP 96M, less GBP 24M for PG-LEAKAGE: GBP 72M for its own projects" or "no envelope". */
export function describeEnvelope(r: Ranking): string {
  if (r.envelope === undefined) return "no budget envelope, so no cut line";
  const subs = r.subPortfolioEnvelopes;
  if (subs.length === 0) return `envelope ${formatMoney(r.envelope, r.currency)}`;
  const total = subs.reduce((s, x) => s + x.envelope, 0);
  return `envelope ${formatMoney(r.envelope, r.currency)}, less ${formatMoney(total, r.currency)} for ${subs.map((s) => s.id).join(", ")}: ${formatMoney(r.available!, r.currency)} for its own projects`;
}

/** Rows in funding order: the order in which the envelope is filled and the line is drawn. */
export function inFundingOrder(r: Ranking): RankedRow[] {
  return [...r.rows].sort((a, b) => a.fundingPosition - b.fundingPosition);
}

const FUNDING_WORDS: Record<RankedRow["funding"], string> = {
  funded: "funded",
  "below-line": "below line",
  "cost-unknown": "cost unknown",
  "no-envelope": "-",
};

/** The closing sentences: what is funded, what is below the line, what was left out and why. */
export function rankingNotes(r: Ranking): string[] {
  const notes: string[] = [];
  const money = (n: number): string => formatMoney(n, r.currency);
  if (r.available !== undefined) {
    const funded = r.rows.filter((x) => x.funding === "funded");
    const below = r.rows.filter((x) => x.funding === "below-line");
    const belowCost = below.reduce((s, x) => s + (x.candidate.cost ?? 0), 0);
    notes.push(
      `Funded: ${plural(funded.length, "project")}, ${money(r.fundedCost)} of ${money(r.available)}${r.available >= r.fundedCost ? ` (${money(r.available - r.fundedCost)} left)` : ""}.`,
    );
    if (r.cutLine)
      notes.push(
        `Below the cut line: ${plural(below.length, "project")}, ${money(belowCost)}; the line falls ${r.cutLine.lastFunded ? `after ${r.cutLine.lastFunded}` : "before the first project"}, where ${r.cutLine.firstBelow} no longer fits.`,
      );
    else notes.push("Everything with a known cost fits in the envelope.");
  }
  if (r.costUnknown.length > 0) {
    notes.push(
      `Cost unknown, left out of the cumulative cost: ${r.costUnknown.map((c) => `${c.id} (rank ${c.rank}, ${c.because})`).join("; ")}.`,
    );
  }
  if (r.unscored.length > 0)
    notes.push(
      `Unscored, ranked last: ${r.unscored.map((u) => `${u.id} (missing ${u.missing.join(", ")})`).join("; ")}.`,
    );
  return notes;
}

const scoreHeader = (r: Ranking): string => (r.method.method === "wsjf" ? "WSJF" : "Score");
const scoreText = (row: RankedRow): string =>
  row.score.value === undefined ? "unscored" : formatScore(row.score.value);
const costText = (row: RankedRow, currency: string): string =>
  row.candidate.cost === undefined ? "unknown" : formatMoney(row.candidate.cost, currency);
const cumulativeText = (row: RankedRow, currency: string): string =>
  row.cumulative === undefined ? "-" : formatMoney(row.cumulative, currency);

/** `pmo rank` as a terminal table per portfolio, the cut line drawn between the rows. */
export function formatRankingTable(
  rankings: readonly Ranking[],
  options: { explain: boolean; style: TextStyle },
): string {
  const { style } = options;
  const parts: string[] = [];
  for (const r of rankings) {
    const head = `${style.bold(`${r.portfolio.id} ${r.portfolio.name}`)}\n${describeMethod(r)}\n${describeEnvelope(r)}\n\n`;
    const rows = inFundingOrder(r);
    const cells = rows.map((row) => [
      { text: String(row.rank) },
      { text: row.candidate.id },
      { text: row.candidate.name.length > 40 ? `${row.candidate.name.slice(0, 39)}…` : row.candidate.name },
      { text: row.candidate.stage },
      { text: scoreText(row), ...(row.score.value === undefined && { tone: "dim" as const }) },
      { text: costText(row, r.currency), ...(row.candidate.cost === undefined && { tone: "amber" as const }) },
      { text: cumulativeText(row, r.currency) },
      {
        text: FUNDING_WORDS[row.funding],
        ...(row.funding === "below-line"
          ? { tone: "red" as const }
          : row.funding === "funded"
            ? { tone: "green" as const }
            : {}),
      },
    ]);
    const table = style.table(["Rank", "ID", "Name", "Stage", scoreHeader(r), "Cost", "Cumulative", "Funding"], cells, {
      align: [undefined, undefined, undefined, undefined, "right", "right", "right", undefined],
      paint: style.paint,
      header: style.bold,
    });
    const lines = table.split("\n");
    if (r.cutLine) {
      const at = r.cutLine.afterPosition + 1; // + the header line
      const width = Math.max(...lines.map((l) => l.length));
      const label = ` cut line: ${formatMoney(r.available!, r.currency)} `;
      const rule = `${"-".repeat(4)}${label}${"-".repeat(Math.max(4, width - label.length - 4))}`;
      lines.splice(at, 0, style.paint("red", rule));
    }
    let text = head + lines.join("\n");
    if (options.explain) {
      text += "\nArithmetic:\n";
      for (const row of r.rows)
        text += `  ${String(row.rank).padStart(3)}  ${row.candidate.id}  ${row.score.arithmetic}\n`;
    }
    text += `\n${rankingNotes(r).join("\n")}\n`;
    parts.push(text);
  }
  if (parts.length === 0) return "no portfolio has active projects to rank\n";
  return parts.join("\n");
}

const mdEscape = (s: string): string =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([*_`[\]<>])/g, "\\$1");

/** `pmo rank --format markdown`: a section and a table per portfolio, the cut line as a row. */
export function formatRankingMarkdown(rankings: readonly Ranking[], options: { explain: boolean }): string {
  const out: string[] = [];
  for (const r of rankings) {
    out.push(
      `## ${mdEscape(r.portfolio.id)} ${mdEscape(r.portfolio.name)}`,
      "",
      `${mdEscape(describeMethod(r))}; ${mdEscape(describeEnvelope(r))}.`,
      "",
    );
    const header = [
      "Rank",
      "ID",
      "Name",
      "Stage",
      scoreHeader(r),
      "Cost",
      "Cumulative",
      "Funding",
      ...(options.explain ? ["Arithmetic"] : []),
    ];
    out.push(
      `| ${header.join(" | ")} |`,
      `| ${header.map((h) => (["Rank", "Score", "WSJF", "Cost", "Cumulative"].includes(h) ? "---:" : "---")).join(" | ")} |`,
    );
    for (const row of inFundingOrder(r)) {
      const cells = [
        String(row.rank),
        mdEscape(row.candidate.id),
        mdEscape(row.candidate.name),
        row.candidate.stage,
        scoreText(row),
        costText(row, r.currency),
        cumulativeText(row, r.currency),
        FUNDING_WORDS[row.funding],
        ...(options.explain ? [mdEscape(row.score.arithmetic)] : []),
      ];
      out.push(`| ${cells.join(" | ")} |`);
      if (r.cutLine && row.fundingPosition === r.cutLine.afterPosition)
        out.push(
          `| | **cut line: ${formatMoney(r.available!, r.currency)}** | | | | | | |${options.explain ? " |" : ""}`,
        );
    }
    if (r.cutLine && r.cutLine.afterPosition === 0)
      out.splice(
        out.length - r.rows.length,
        0,
        `| | **cut line: ${formatMoney(r.available!, r.currency)}** | | | | | | |${options.explain ? " |" : ""}`,
      );
    out.push("", ...rankingNotes(r).map(mdEscape), "");
  }
  if (out.length === 0) return "No portfolio has active projects to rank.\n";
  return `# Prioritisation\n\n${out.join("\n")}`;
}

/** `pmo rank --format csv`: one row per project, every portfolio, the arithmetic included. */
export function formatRankingCsv(rankings: readonly Ranking[]): string {
  const records: unknown[][] = [];
  for (const r of rankings) {
    for (const row of inFundingOrder(r)) {
      records.push(
        [
          r.portfolio.id,
          row.rank,
          row.fundingPosition,
          row.candidate.id,
          row.candidate.name,
          row.candidate.stage,
          row.candidate.committed ? "yes" : "no",
          r.method.method,
          row.score.value ?? "",
          row.score.selectionValue ?? "",
          row.candidate.cost ?? "",
          r.currency,
          row.cumulative ?? "",
          row.funding,
          row.score.arithmetic,
        ].map(neutraliseFormula),
      );
    }
  }
  return stringify(records, {
    header: true,
    columns: [
      "portfolio",
      "rank",
      "funding_position",
      "id",
      "name",
      "stage",
      "committed",
      "method",
      "score",
      "selection_value",
      "cost",
      "currency",
      "cumulative",
      "funding",
      "arithmetic",
    ],
    record_delimiter: "unix",
  });
}

/** The ranking as plain data (JSON), for `--format json` and for tools. */
export function rankingData(r: Ranking): object {
  return {
    portfolio: r.portfolio,
    method: r.method,
    currency: r.currency,
    envelope: r.envelope ?? null,
    subPortfolioEnvelopes: r.subPortfolioEnvelopes,
    available: r.available ?? null,
    fundedCost: r.fundedCost,
    totalCost: r.totalCost,
    cutLine: r.cutLine ?? null,
    costUnknown: r.costUnknown,
    unscored: r.unscored,
    rows: r.rows.map((row) => ({
      rank: row.rank,
      fundingPosition: row.fundingPosition,
      id: row.candidate.id,
      name: row.candidate.name,
      stage: row.candidate.stage,
      committed: row.candidate.committed,
      score: row.score.value ?? null,
      selectionValue: row.score.selectionValue ?? null,
      arithmetic: row.score.arithmetic,
      terms: row.score.terms.map((t) => ({ ...t, value: t.value ?? null })),
      missing: row.score.missing,
      cost: row.candidate.cost ?? null,
      ...(row.candidate.costUnknownBecause !== undefined && { costUnknownBecause: row.candidate.costUnknownBecause }),
      cumulative: row.cumulative ?? null,
      funding: row.funding,
    })),
  };
}

export function formatRankingJson(rankings: readonly Ranking[]): string {
  return `${JSON.stringify({ portfolios: rankings.map(rankingData) }, null, 2)}\n`;
}

// ---------------------------------------------------------------- selection

/** The selection's sentences: what it funds, what it could not weigh, how it differs from the line. */
export function selectionNotes(s: Selection): string[] {
  const money = (n: number): string => formatMoney(n, s.currency);
  const notes: string[] = [];
  if (s.status === "infeasible") return [`No selection fits: ${s.reason}.`];
  notes.push(
    `Selected ${plural(s.selected.length, "project")} for ${money(s.cost)} of the ${money(s.budget)} budget (${money(s.budget - s.cost)} left); total ${s.valueMeasure} ${formatScore(s.value)}.`,
  );
  notes.push(
    s.status === "optimal"
      ? "Optimal: the search covered every feasible selection (branch and bound)."
      : "NOT proved optimal: the search stopped at its node limit; this is the best selection found.",
  );
  if (s.fundingOrder === "committed-first")
    notes.push("Committed work is funded first and is not reconsidered (--funding-order rank lets it compete).");
  if (s.valueUnknown.length > 0)
    notes.push(`Funded but unscored, so not in the total value: ${s.valueUnknown.join(", ")}.`);
  if (s.committedCostUnknown.length > 0)
    notes.push(
      `Committed with an unknown cost, so not deducted from the budget (the money left is overstated): ${s.committedCostUnknown.join(", ")}.`,
    );
  if (s.notConsidered.length > 0)
    notes.push(`Not considered: ${s.notConsidered.map((n) => `${n.id} (rank ${n.rank}, ${n.because})`).join("; ")}.`);
  if (s.forcedOut.length > 0)
    notes.push(`Could not be funded: ${s.forcedOut.map((f) => `${f.id} (${f.because})`).join("; ")}.`);
  if (s.versusCutLine.selectedBelowLine.length > 0)
    notes.push(`Selected although below the ranking's cut line: ${s.versusCutLine.selectedBelowLine.join(", ")}.`);
  if (s.versusCutLine.fundedNotSelected.length > 0)
    notes.push(`Above the cut line but not selected: ${s.versusCutLine.fundedNotSelected.join(", ")}.`);
  return notes;
}

export function formatSelectionTable(
  selections: readonly Selection[],
  frontiers: ReadonlyMap<string, FrontierPoint[]>,
  style: TextStyle,
): string {
  const parts: string[] = [];
  for (const s of selections) {
    let text = `${style.bold(`${s.portfolio.id} ${s.portfolio.name}`)}\nbudget ${formatMoney(s.budget, s.currency)}; maximising the total ${s.valueMeasure}\n\n`;
    if (s.selected.length > 0) {
      text += style.table(
        ["Rank", "ID", "Name", "Stage", "Value", "Cost"],
        s.selected.map((row) => [
          { text: String(row.rank) },
          { text: row.candidate.id },
          { text: row.candidate.name.length > 40 ? `${row.candidate.name.slice(0, 39)}…` : row.candidate.name },
          { text: row.candidate.stage },
          { text: row.score.selectionValue === undefined ? "unknown" : formatScore(row.score.selectionValue) },
          { text: formatMoney(row.candidate.cost!, s.currency) },
        ]),
        {
          align: [undefined, undefined, undefined, undefined, "right", "right"],
          paint: style.paint,
          header: style.bold,
        },
      );
    }
    text += `\n${selectionNotes(s).join("\n")}\n`;
    const f = frontiers.get(s.portfolio.id);
    if (f) {
      text += "\nEfficient frontier (best value at each budget):\n";
      text += style.table(
        ["Budget", "Value", "Cost", "Projects"],
        f.map((p) => [
          { text: formatMoney(p.budget, s.currency) },
          { text: p.status === "infeasible" ? "infeasible" : formatScore(p.value) },
          { text: formatMoney(p.cost, s.currency) },
          { text: String(p.count) },
        ]),
        { align: ["right", "right", "right", "right"], paint: style.paint, header: style.bold },
      );
    }
    parts.push(text);
  }
  return parts.join("\n");
}

export function formatSelectionMarkdown(
  selections: readonly Selection[],
  frontiers: ReadonlyMap<string, FrontierPoint[]>,
): string {
  const out: string[] = ["# Selection", ""];
  for (const s of selections) {
    out.push(
      `## ${mdEscape(s.portfolio.id)} ${mdEscape(s.portfolio.name)}`,
      "",
      `Budget ${formatMoney(s.budget, s.currency)}; maximising the total ${mdEscape(s.valueMeasure)}.`,
      "",
    );
    if (s.selected.length > 0) {
      out.push("| Rank | ID | Name | Stage | Value | Cost |", "| ---: | --- | --- | --- | ---: | ---: |");
      for (const row of s.selected) {
        out.push(
          `| ${row.rank} | ${mdEscape(row.candidate.id)} | ${mdEscape(row.candidate.name)} | ${row.candidate.stage} | ${row.score.selectionValue === undefined ? "unknown" : formatScore(row.score.selectionValue)} | ${formatMoney(row.candidate.cost!, s.currency)} |`,
        );
      }
      out.push("");
    }
    out.push(...selectionNotes(s).map(mdEscape), "");
    const f = frontiers.get(s.portfolio.id);
    if (f) {
      out.push("Efficient frontier:", "", "| Budget | Value | Cost | Projects |", "| ---: | ---: | ---: | ---: |");
      for (const p of f)
        out.push(
          `| ${formatMoney(p.budget, s.currency)} | ${p.status === "infeasible" ? "infeasible" : formatScore(p.value)} | ${formatMoney(p.cost, s.currency)} | ${p.count} |`,
        );
      out.push("");
    }
  }
  return out.join("\n");
}

export function formatSelectionCsv(selections: readonly Selection[]): string {
  const records: unknown[][] = [];
  for (const s of selections) {
    for (const row of s.selected) {
      records.push(
        [
          s.portfolio.id,
          row.rank,
          row.candidate.id,
          row.candidate.name,
          row.candidate.stage,
          row.score.selectionValue ?? "",
          row.candidate.cost ?? "",
          s.currency,
          s.budget,
          s.status,
        ].map(neutraliseFormula),
      );
    }
  }
  return stringify(records, {
    header: true,
    columns: ["portfolio", "rank", "id", "name", "stage", "value", "cost", "currency", "budget", "status"],
    record_delimiter: "unix",
  });
}

export function selectionData(s: Selection, f: FrontierPoint[] | undefined): object {
  return {
    portfolio: s.portfolio,
    currency: s.currency,
    budget: s.budget,
    fundingOrder: s.fundingOrder,
    valueMeasure: s.valueMeasure,
    status: s.status,
    ...(s.reason !== undefined && { reason: s.reason }),
    value: cleanNumber(s.value),
    cost: s.cost,
    selected: s.selected.map((row) => ({
      rank: row.rank,
      id: row.candidate.id,
      name: row.candidate.name,
      stage: row.candidate.stage,
      value: row.score.selectionValue ?? null,
      cost: row.candidate.cost ?? null,
    })),
    valueUnknown: s.valueUnknown,
    committedCostUnknown: s.committedCostUnknown,
    notConsidered: s.notConsidered,
    forcedOut: s.forcedOut,
    versusCutLine: s.versusCutLine,
    nodes: s.nodes,
    ...(f && { frontier: f }),
  };
}

export function formatSelectionJson(
  selections: readonly Selection[],
  frontiers: ReadonlyMap<string, FrontierPoint[]>,
): string {
  return `${JSON.stringify({ selections: selections.map((s) => selectionData(s, frontiers.get(s.portfolio.id))) }, null, 2)}\n`;
}
