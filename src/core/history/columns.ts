import { formatMoney } from "../money.js";
import type { History, PeriodSnapshot, ProjectEntry, ScaleChange } from "./types.js";

/**
 * The status columns: the current scale's values, then values only an earlier scale (or a
 * period) had, and "no rating" values such as not-assessed; projects without a status report
 * have their own column.
 */
function statusColumns(history: History): string[] {
  const values = [...history.statusScale];
  const add = (v: string): void => {
    if (v !== "none" && !values.includes(v)) values.push(v);
  };
  for (const c of history.scaleChanges) for (const v of [...c.to.values, ...c.from.values]) add(v);
  for (const p of history.periods) for (const k of Object.keys(p.statuses)) add(k);
  return values;
}

/** The cells shared by the table and markdown outputs, as plain text. */
export function periodHeader(history: History): string[] {
  return [
    "Period",
    "Commits",
    "Projects",
    ...statusColumns(history),
    "No status",
    "Forecast",
    "Errors",
    "Warnings",
    "Infos",
    "On-time reports",
  ];
}

export function periodCells(history: History, p: PeriodSnapshot): string[] {
  const reports = p.onTimeReports;
  const forecast = p.forecast.map((f) => formatMoney(f.total, f.currency)).join(", ");
  const unknown = p.forecastUnknown > 0 ? `${p.forecastUnknown} unknown` : "";
  return [
    p.period,
    String(p.commits),
    String(p.projects),
    ...statusColumns(history).map((s) => String(p.statuses[s] ?? 0)),
    String(p.statuses["none"] ?? 0),
    (forecast && unknown ? `${forecast} (${unknown})` : forecast || unknown) || "-",
    p.findings ? String(p.findings.error) : "-",
    p.findings ? String(p.findings.warn) : "-",
    p.findings ? String(p.findings.info) : "-",
    reports.expected === 0 ? "-" : `${reports.onTime}/${reports.expected} (${reports.percent}%)`,
  ];
}

export const ENTRY_HEADER = ["Date", "Commit", "Author", "Change", "Status", "Forecast finish", "Forecast cost"];

export function entryCells(e: ProjectEntry): string[] {
  return [
    e.date,
    e.commit.slice(0, 10),
    e.author,
    e.change,
    e.overall ?? "-",
    e.forecastFinish ?? "-",
    e.forecastCost !== undefined ? formatMoney(e.forecastCost, e.currency) : "-",
  ];
}

export function describeRange(history: History): string {
  const range = history.since || history.until ? `, ${history.since ?? "start"} to ${history.until ?? "now"}` : "";
  return `by ${history.period}${range}`;
}

/** "Status scale changed on 2022-06-30 (commit 1a2b3c4d5e): dca5 (green, ...) to custom (green, amber, red); ..." */
export function describeScaleChange(c: ScaleChange): string {
  const scale = (s: ScaleChange["from"]): string => `${s.name} (${s.values.join(", ")})`;
  return `Status scale changed on ${c.date} (commit ${c.commit.slice(0, 10)}): ${scale(c.from)} to ${scale(c.to)}; a status before and one after are not compared as better or worse.`;
}
