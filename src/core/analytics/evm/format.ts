import { formatCsv } from "../../csv.js";
import { indentedJsonPieces, JsonList } from "../../json.js";
import type { Palette } from "../../format/index.js";
import { formatMoney } from "../../money.js";
import { escapeMarkdown } from "../../markdown.js";
import { EAC_METHODS, type EacMethod, type EvmFigures, type EvmNote, type Figure } from "./figures.js";
import type { ProjectEvm } from "./project.js";
import type { EvmHistoryPoint } from "./history.js";
import type { EvmReportStream } from "./report.js";
import type { EvmRollup } from "./rollup.js";

/** What each named edge case means, in words (docs/evm.md explains them further). */
export const NOTE_TEXT: Record<EvmNote, string> = {
  "no-planned-value": "no planned value: SV, SPI and earned schedule are unknown",
  "pv-plateau":
    "PV plateau: no value is planned around this date, so SPI cannot move; earned schedule takes the earliest date of the plateau",
  "past-planned-finish":
    "past the planned finish: SV and SPI drift back to 0 and 1 as work completes; read SV(t) and SPI(t)",
  "finished-late": "finished after the planned finish: SPI ends at 1.00, SPI(t) keeps the lateness",
  "bac-equals-ac": "BAC = AC: the budget is spent, TCPI against BAC is undefined",
  "ac-exceeds-bac": "AC > BAC: the actual cost exceeds the budget, TCPI against BAC cannot be met",
  "pv-not-reaching-bac": "the planned-value curve does not end at BAC",
};

const EAC_NAME: Record<EacMethod, string> = {
  cpi: "BAC / CPI",
  atypical: "AC + (BAC − EV)",
  cpiSpi: "AC + (BAC − EV) / (CPI × SPI)",
  bottomUp: "forecast",
};

/** The figures in the order --explain lists them, with their names. */
function explainedFigures(f: EvmFigures): [string, Figure][] {
  const used = f.eacUsed;
  return [
    ["BAC", f.bac],
    ["PV", f.pv],
    ["EV", f.ev],
    ["AC", f.ac],
    ["SV", f.sv],
    ["CV", f.cv],
    ["SPI", f.spi],
    ["CPI", f.cpi],
    ...EAC_METHODS.map((m): [string, Figure] => [`EAC (${EAC_NAME[m]})`, f.eac[m]]),
    ...(used
      ? ([
          [`ETC (${EAC_NAME[used]})`, f.etc[used]],
          [`VAC (${EAC_NAME[used]})`, f.vac[used]],
        ] as [string, Figure][])
      : []),
    ["TCPI (BAC)", f.tcpiBac],
    ["TCPI (EAC)", f.tcpiEac],
    ["PD", f.pd],
    ["AT", f.at],
    ["ES", f.es],
    ["SV(t)", f.svt],
    ["SPI(t)", f.spit],
    ["TSPI", f.tspi],
    ["IEAC(t)", f.ieact],
  ];
}

const text = (f: Figure): string => ("explain" in f ? f.explain : `unknown: ${f.missing}`);
const money = (f: Figure): string => (f.value === undefined ? "?" : formatMoney(f.value, undefined));
const ratio = (f: Figure): string => (f.value === undefined ? "?" : f.value.toFixed(2));
const days = (f: Figure): string => (f.value === undefined ? "?" : String(Math.round(f.value)));
const eacOf = (f: EvmFigures): Figure => (f.eacUsed ? f.eac[f.eacUsed] : f.eac.cpi);
const vacOf = (f: EvmFigures): Figure => (f.eacUsed ? f.vac[f.eacUsed] : f.vac.cpi);

const PROJECT_HEADER = [
  "Project",
  "Currency",
  "BAC",
  "PV",
  "EV",
  "AC",
  "CPI",
  "SPI",
  "SPI(t)",
  "SV(t) days",
  "EAC",
  "VAC",
  "TCPI",
];
function projectCells(p: ProjectEvm): string[] {
  const f = p.figures;
  return [
    p.id,
    p.currency,
    money(f.bac),
    money(f.pv),
    money(f.ev),
    money(f.ac),
    ratio(f.cpi),
    ratio(f.spi),
    ratio(f.spit),
    days(f.svt),
    money(eacOf(f)),
    money(vacOf(f)),
    ratio(f.tcpiBac),
  ];
}

const ROLLUP_HEADER = ["Scope", "Currency", "Projects", "BAC", "PV", "EV", "AC", "CPI", "SPI", "EAC", "VAC", "TCPI"];
function rollupCells(r: EvmRollup): string[] {
  const f = r.figures;
  const scope = r.scope === "engagement" ? `${r.id} (engagement)` : r.id;
  const total = r.counted.length + r.leftOut.length;
  return [
    scope,
    r.currency,
    `${r.counted.length} of ${total}`,
    money(f.bac),
    money(f.pv),
    money(f.ev),
    money(f.ac),
    ratio(f.cpi),
    ratio(f.spi),
    money(eacOf(f)),
    money(vacOf(f)),
    ratio(f.tcpiBac),
  ];
}

const HEADLINE =
  "EAC: the project's own forecast where it has one, else BAC / CPI; TCPI against BAC; ? = unknown (see below).";

/** What is unknown about a project and why, added to `lines`: the first missing input of PV, EV, AC and BAC. */
function addUnknownLines(p: ProjectEvm, lines: [string, string][]): void {
  const seen = new Set<string>();
  for (const f of [p.figures.bac, p.figures.pv, p.figures.ev, p.figures.ac]) {
    if ("missing" in f && !seen.has(f.missing)) {
      seen.add(f.missing);
      lines.push([p.id, f.missing]);
    }
  }
}

/** The named edge cases a project meets, added to `lines`. */
function addNoteLines(p: ProjectEvm, lines: [string, string][]): void {
  for (const n of p.figures.notes) if (n !== "no-planned-value") lines.push([p.id, NOTE_TEXT[n]]);
}

function title(report: EvmReportStream): string {
  return `pmo evm as of ${report.asOf}${report.baseline ? `, against baseline ${report.baseline}` : ""}`;
}

/**
 * Terminal output: projects, roll-ups, what is unknown, the edge cases met, and with --explain
 * every figure's arithmetic. Each project is read once (EvmReportStream), before the roll-ups.
 */
export function formatEvmTable(report: EvmReportStream, palette: Palette, explain: boolean): string {
  const out = [palette.bold(title(report)), HEADLINE, ""];
  const rows = [PROJECT_HEADER];
  const unknowns: [string, string][] = [];
  const notes: [string, string][] = [];
  const arithmetic: string[] = [];
  for (const p of report.projects) {
    rows.push(projectCells(p));
    addUnknownLines(p, unknowns);
    addNoteLines(p, notes);
    if (explain)
      arithmetic.push(
        "",
        palette.bold(`${p.id} ${p.name} (${p.currency}, EV by ${p.method}${p.curve ? `, PV by ${p.curve}` : ""})`),
        ...align(
          explainedFigures(p.figures).map(([name, f]) => [name, text(f)]),
          2,
          false,
        ),
      );
  }
  if (rows.length === 1)
    return [...out, "No project is in delivery or later, and none has an earned value plan."].join("\n") + "\n";
  out.push(palette.bold("Projects"), ...align(rows, 2));
  const rollups = report.rollups;
  if (rollups.length > 0)
    out.push(
      "",
      palette.bold("Roll-ups (within one currency; a project lacking BAC, PV, EV or AC is left out)"),
      ...align([ROLLUP_HEADER, ...rollups.map(rollupCells)], 2),
    );
  if (unknowns.length > 0) out.push("", palette.bold("Unknown"), ...align(unknowns, 2, false));
  if (notes.length > 0) out.push("", palette.bold("Notes"), ...align(notes, 2, false));
  if (explain) {
    for (const line of arithmetic) out.push(line);
    for (const r of rollups) {
      out.push(
        "",
        palette.bold(`${r.scope === "engagement" ? "Engagement" : "Portfolio"} ${r.id} ${r.name} (${r.currency})`),
      );
      if (r.leftOut.length > 0) out.push(`  left out: ${r.leftOut.map((l) => l.id).join(", ")}`);
      out.push(
        ...align(
          explainedFigures(r.figures)
            .slice(0, 16)
            .map(([name, f]) => [name, text(f)]),
          2,
          false,
        ),
      );
    }
  }
  return out.join("\n") + "\n";
}

/** Markdown: the same tables, and with --explain the arithmetic as lists. */
export function formatEvmMarkdown(report: EvmReportStream, explain: boolean): string {
  const e = escapeMarkdown;
  const header = (cells: string[]) => [`| ${cells.join(" | ")} |`, `| ${cells.map(() => "---").join(" | ")} |`];
  const row = (cells: string[]) => `| ${cells.map(e).join(" | ")} |`;
  const out = [`# ${e(title(report))}`, "", e(HEADLINE), ""];
  const rows: string[] = [];
  const unknowns: [string, string][] = [];
  const notes: [string, string][] = [];
  const arithmetic: string[] = [];
  for (const p of report.projects) {
    rows.push(row(projectCells(p)));
    addUnknownLines(p, unknowns);
    addNoteLines(p, notes);
    if (explain)
      arithmetic.push(
        "",
        `### ${e(p.id)} ${e(p.name)} (${e(p.currency)})`,
        "",
        ...explainedFigures(p.figures).map(([name, f]) => `- ${e(name)}: ${e(text(f))}`),
      );
  }
  if (rows.length === 0)
    return [...out, "No project is in delivery or later, and none has an earned value plan."].join("\n") + "\n";
  out.push("## Projects", "", ...header(PROJECT_HEADER), ...rows);
  const rollups = report.rollups;
  if (rollups.length > 0)
    out.push(
      "",
      "## Roll-ups",
      "",
      "Within one currency; a project lacking BAC, PV, EV or AC is left out.",
      "",
      ...header(ROLLUP_HEADER),
      ...rollups.map((r) => row(rollupCells(r))),
    );
  if (unknowns.length > 0) out.push("", "## Unknown", "", ...unknowns.map(([a, b]) => `- ${e(a)}: ${e(b)}`));
  if (notes.length > 0) out.push("", "## Notes", "", ...notes.map(([a, b]) => `- ${e(a)}: ${e(b)}`));
  if (explain) {
    out.push("", "## Arithmetic");
    for (const line of arithmetic) out.push(line);
  }
  return out.join("\n") + "\n";
}

/**
 * JSON: every figure with its value, or null and what is missing; with `explain`, the
 * arithmetic of every known figure too.
 */
export function formatEvmJson(report: EvmReportStream, explain = false): string {
  return [...formatEvmJsonPieces(report, explain)].join("");
}

/**
 * formatEvmJson's text in pieces, to be written one after the other (core/json.ts says why).
 * Each project is read (measured, for a stream) when its slice is written, the roll-ups after.
 */
export function formatEvmJsonPieces(report: EvmReportStream, explain = false): Generator<string> {
  const figure = (f: Figure) =>
    "explain" in f
      ? explain
        ? { value: f.value, explain: f.explain }
        : { value: f.value }
      : { value: null, missing: f.missing };
  // One property per EAC_METHODS entry, in its order (a literal: ten thousand projects' worth of entry arrays cost more).
  const byMethod = (r: Record<EacMethod, Figure>) => ({
    cpi: figure(r.cpi),
    atypical: figure(r.atypical),
    cpiSpi: figure(r.cpiSpi),
    bottomUp: figure(r.bottomUp),
  });
  const figures = (f: EvmFigures) => ({
    bac: figure(f.bac),
    pv: figure(f.pv),
    ev: figure(f.ev),
    ac: figure(f.ac),
    sv: figure(f.sv),
    cv: figure(f.cv),
    spi: figure(f.spi),
    cpi: figure(f.cpi),
    eac: byMethod(f.eac),
    etc: byMethod(f.etc),
    vac: byMethod(f.vac),
    eacUsed: f.eacUsed ?? null,
    tcpiBac: figure(f.tcpiBac),
    tcpiEac: figure(f.tcpiEac),
    earnedSchedule: {
      unit: f.scheduleUnit ?? null,
      pd: figure(f.pd),
      at: figure(f.at),
      es: figure(f.es),
      esDate: f.esLabel ?? null,
      svt: figure(f.svt),
      spit: figure(f.spit),
      tspi: figure(f.tspi),
      ieact: figure(f.ieact),
      ieactDate: f.ieactLabel ?? null,
    },
    notes: f.notes,
  });
  const body = {
    version: 1,
    asOf: report.asOf,
    baseline: report.baseline ?? null,
    projects: new JsonList(report.projects, (p) => ({
      id: p.id,
      name: p.name,
      portfolio: p.portfolio ?? null,
      stage: p.stage,
      currency: p.currency,
      method: p.method,
      plannedValue: p.curve ?? null,
      figures: figures(p.figures),
      series: p.series,
    })),
    // Read when their turn comes, once every project has been.
    rollups: new JsonList({ [Symbol.iterator]: () => report.rollups[Symbol.iterator]() }, (r) => ({
      scope: r.scope,
      id: r.id,
      name: r.name,
      currency: r.currency,
      counted: r.counted,
      leftOut: r.leftOut,
      figures: figures(r.figures),
    })),
  };
  return indentedJsonPieces(body);
}

const CSV_COLUMNS = [
  "scope",
  "id",
  "name",
  "currency",
  "bac",
  "pv",
  "ev",
  "ac",
  "sv",
  "cv",
  "spi",
  "cpi",
  "eac",
  "eacMethod",
  "etc",
  "vac",
  "tcpiBac",
  "tcpiEac",
  "pdDays",
  "atDays",
  "esDays",
  "esDate",
  "svtDays",
  "spit",
  "tspi",
  "ieactDays",
  "ieactDate",
  "notes",
];

/** CSV for spreadsheets: one row per project and per roll-up; an unknown figure is an empty cell, never 0. */
export function formatEvmCsv(report: EvmReportStream): string {
  const m = (f: Figure) => (f.value === undefined ? "" : Math.round(f.value * 100) / 100);
  const r4 = (f: Figure) => (f.value === undefined ? "" : Math.round(f.value * 10_000) / 10_000);
  const row = (scope: string, id: string, name: string, currency: string, f: EvmFigures) => {
    const used = f.eacUsed;
    return [
      scope,
      id,
      name,
      currency,
      m(f.bac),
      m(f.pv),
      m(f.ev),
      m(f.ac),
      m(f.sv),
      m(f.cv),
      r4(f.spi),
      r4(f.cpi),
      used ? m(f.eac[used]) : "",
      used ?? "",
      used ? m(f.etc[used]) : "",
      used ? m(f.vac[used]) : "",
      r4(f.tcpiBac),
      r4(f.tcpiEac),
      m(f.pd),
      m(f.at),
      m(f.es),
      f.esLabel ?? "",
      m(f.svt),
      r4(f.spit),
      r4(f.tspi),
      m(f.ieact),
      f.ieactLabel ?? "",
      f.notes.join(" "),
    ];
  };
  const records: ReturnType<typeof row>[] = [];
  for (const p of report.projects) records.push(row("project", p.id, p.name, p.currency, p.figures));
  for (const r of report.rollups) records.push(row(r.scope, r.id, r.name, r.currency, r.figures));
  return formatCsv(CSV_COLUMNS, records, { bom: false });
}

/** Left-aligned text, right-aligned numbers (when `numbers`), two spaces between columns. */
function align(rows: string[][], indent: number, numbers = true): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const numeric = rows[0]!.map(
    (_, i) => numbers && rows.slice(1).every((r) => /^-?[\d,.]+[kMbn]*$|^\?$/.test(r[i] ?? "")),
  );
  return rows.map(
    (r) =>
      " ".repeat(indent) +
      r
        .map((cell, i) => {
          const pad = " ".repeat(Math.max(0, widths[i]! - [...cell].length));
          return numeric[i] ? pad + cell : i === r.length - 1 ? cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
  );
}

/** CPI and SPI over the git history, one block per project: a table, or JSON. */
export function formatEvmHistory(
  history: ReadonlyMap<string, readonly EvmHistoryPoint[]>,
  names: ReadonlyMap<string, string>,
  format: "table" | "json" | "markdown" | "csv",
  palette: Palette,
): string {
  const ids = [...history.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const r = (v: number | null) => (v === null ? "?" : v.toFixed(2));
  const m = (v: number | null) => (v === null ? "?" : formatMoney(v, undefined));
  if (format === "json") {
    return (
      JSON.stringify(
        { version: 1, projects: ids.map((id) => ({ id, name: names.get(id) ?? null, points: history.get(id) })) },
        null,
        2,
      ) + "\n"
    );
  }
  if (format === "csv") {
    const rows = ids.flatMap((id) =>
      history
        .get(id)!
        .map((p) => [id, p.date, p.commit, p.cpi ?? "", p.spi ?? "", p.spit ?? "", p.eac ?? "", p.currency]),
    );
    return formatCsv(["project", "date", "commit", "cpi", "spi", "spit", "eac", "currency"], rows, { bom: false });
  }
  const header = ["Date", "Commit", "CPI", "SPI", "SPI(t)", "EAC"];
  const rows = (id: string) =>
    history.get(id)!.map((p) => [p.date, p.commit.slice(0, 7), r(p.cpi), r(p.spi), r(p.spit), m(p.eac)]);
  const intro =
    "CPI and SPI over the git history (first parent), each judged at its commit's date; a row where a figure changed.";
  if (format === "markdown") {
    const out = ["# pmo evm --history", "", intro];
    for (const id of ids)
      out.push(
        "",
        `## ${escapeMarkdown(id)} ${escapeMarkdown(names.get(id) ?? "")}`.trimEnd(),
        "",
        `| ${header.join(" | ")} |`,
        `| ${header.map(() => "---").join(" | ")} |`,
        ...rows(id).map((c) => `| ${c.join(" | ")} |`),
      );
    return out.join("\n") + "\n";
  }
  const out = [palette.bold("pmo evm --history"), intro];
  if (ids.length === 0) out.push("", "No project has a CPI or SPI at any commit.");
  for (const id of ids)
    out.push("", palette.bold(`${id} ${names.get(id) ?? ""}`.trimEnd()), ...align([header, ...rows(id)], 2));
  return out.join("\n") + "\n";
}
