import type { Forecast, ForecastDriver, ForecastItem } from "./forecast.js";

type Renderer = (headers: string[], rows: string[][], align: ("left" | "right")[]) => string;

const pct = (p: number | undefined): string => (p === undefined ? "" : `${(p * 100).toFixed(1)}%`);
const days = (d: number): string => (d === 0 ? "0" : d > 0 ? `+${d.toFixed(1)}` : d.toFixed(1));

const ITEM_HEADERS = [
  "item",
  "committed",
  "P50",
  "P80",
  "P90",
  "P(on time)",
  "PERT P(on time)",
  "criticality",
  "merge bias (days)",
];
const ITEM_ALIGN: ("left" | "right")[] = ["left", "left", "left", "left", "left", "right", "right", "right", "right"];
const PROJECT_HEADERS = ["project finish", "committed", "P50", "P80", "P90", "P(on time)"];
const PROJECT_ALIGN: ("left" | "right")[] = ["left", "left", "left", "left", "left", "right"];

function itemRow(it: ForecastItem): string[] {
  return [
    it.key,
    it.committed === undefined ? "" : `${it.committed}${it.committedFrom === "rebaseline" ? " (re-baselined)" : ""}`,
    it.p50,
    it.p80,
    it.p90,
    pct(it.probabilityOnTime),
    pct(it.pertProbabilityOnTime),
    pct(it.criticality),
    it.merges > 1 ? days(it.meanMinusDeterministic) : "",
  ];
}

function heading(f: Forecast): string {
  return `Forecast as of ${f.asOf}: ${String(f.iterations).replace(/\B(?=(\d{3})+$)/g, ",")} iterations, seed ${f.seed}, ${f.distribution === "pert" ? "PERT-beta" : "triangular"} estimates`;
}

/** The drivers shown per project: the tornado's bars. */
export const DRIVERS_SHOWN = 5;

const KIND_WORDS: Record<ForecastDriver["kind"], string> = {
  duration: "duration",
  date: "date",
  risk: "risk",
  predecessor: "finish",
};

/** Two decimals, never "-0.00". */
const twoPlaces = (x: number): string => {
  const r = Math.round(x * 100) / 100;
  return (r === 0 ? 0 : r).toFixed(2);
};

/** "PRJ-007: PRJ-007/M5 duration r=0.82, R-012 risk r=0.40": the strongest drivers of each project's finish. */
function driverLines(f: Forecast): string[] {
  return f.projects
    .filter((p) => p.drivers.length > 0)
    .map(
      (p) =>
        `${p.id}: ${p.drivers
          .slice(0, 3)
          .map((d) => `${d.key} ${KIND_WORDS[d.kind]} r=${twoPlaces(d.correlation)}`)
          .join(", ")}`,
    );
}

function riskLines(f: Forecast): string[] {
  return f.risks.map(
    (r) =>
      `${r.id}: ${pct(r.probability)} chance, occurred in ${pct(r.occurred)} of iterations, pushes ${r.milestones.join(", ")}`,
  );
}

export function formatForecastTable(f: Forecast, render: Renderer, bold: (t: string) => string): string {
  const out = [bold(heading(f)), ""];
  out.push(
    render(
      PROJECT_HEADERS,
      f.projects.map((p) => [p.id, p.committed ?? "", p.p50, p.p80, p.p90, pct(p.probabilityOnTime)]),
      PROJECT_ALIGN,
    ),
  );
  out.push(render(ITEM_HEADERS, f.items.map(itemRow), ITEM_ALIGN));
  if (f.risks.length > 0) out.push(bold("Risk events"), ...riskLines(f).map((l) => `  ${l}`), "");
  const drivers = driverLines(f);
  if (drivers.length > 0)
    out.push(bold("What drives each finish (correlation with it)"), ...drivers.map((l) => `  ${l}`), "");
  for (const n of f.notes) out.push(`note: ${n}`);
  return out.join("\n").replace(/\n*$/, "\n");
}

const cell = (t: string): string => t.replace(/\|/g, "\\|");

export function formatForecastMarkdown(f: Forecast): string {
  const table = (headers: string[], align: ("left" | "right")[], rows: string[][]): string[] => [
    `| ${headers.join(" | ")} |`,
    `| ${align.map((a) => (a === "right" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
  ];
  const out = [`# ${heading(f)}`, ""];
  out.push(
    ...table(
      PROJECT_HEADERS,
      PROJECT_ALIGN,
      f.projects.map((p) => [p.id, p.committed ?? "", p.p50, p.p80, p.p90, pct(p.probabilityOnTime)]),
    ),
  );
  out.push(...table(ITEM_HEADERS, ITEM_ALIGN, f.items.map(itemRow)));
  if (f.risks.length > 0) out.push("## Risk events", "", ...riskLines(f).map((l) => `- ${cell(l)}`), "");
  const drivers = driverLines(f);
  if (drivers.length > 0)
    out.push("## What drives each finish (correlation with it)", "", ...drivers.map((l) => `- ${cell(l)}`), "");
  for (const n of f.notes) out.push(`> ${n}`, "");
  return out.join("\n").replace(/\n*$/, "\n");
}

export function formatForecastJson(f: Forecast): string {
  const round = (x: number | undefined): number | null => (x === undefined ? null : Math.round(x * 10000) / 10000);
  return (
    JSON.stringify(
      {
        asOf: f.asOf,
        iterations: f.iterations,
        seed: f.seed,
        distribution: f.distribution,
        projects: f.projects.map(({ curve: _curve, drivers, ...p }) => ({
          ...p,
          committed: p.committed ?? null,
          probabilityOnTime: round(p.probabilityOnTime),
          drivers: drivers.slice(0, DRIVERS_SHOWN).map((d) => ({ ...d, correlation: round(d.correlation) })),
        })),
        items: f.items.map((it) => ({
          ...it,
          committed: it.committed ?? null,
          committedFrom: it.committedFrom ?? null,
          probabilityOnTime: round(it.probabilityOnTime),
          pertProbabilityOnTime: round(it.pertProbabilityOnTime),
          criticality: round(it.criticality),
        })),
        risks: f.risks,
        notes: f.notes,
      },
      null,
      2,
    ) + "\n"
  );
}
