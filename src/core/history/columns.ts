import { formatMoney } from "../money.js";
import type { History, PeriodSnapshot, ProjectEntry } from "./types.js";

/** The cells shared by the table and markdown outputs, as plain text. */
export function periodHeader(history: History): string[] {
  return ["Period", "Commits", "Projects", ...history.statusScale, "No status", "Forecast", "Errors", "Warnings", "Infos", "On-time reports"];
}

export function periodCells(history: History, p: PeriodSnapshot): string[] {
  const known = new Set(history.statusScale);
  const other = Object.entries(p.statuses)
    .filter(([k]) => !known.has(k))
    .reduce((n, [, v]) => n + v, 0);
  const reports = p.onTimeReports;
  return [
    p.period,
    String(p.commits),
    String(p.projects),
    ...history.statusScale.map((s) => String(p.statuses[s] ?? 0)),
    String(other),
    p.forecast.map((f) => formatMoney(f.total, f.currency)).join(", ") || "-",
    String(p.findings.error),
    String(p.findings.warn),
    String(p.findings.info),
    reports.expected === 0 ? "-" : `${reports.onTime}/${reports.expected} (${reports.percent}%)`,
  ];
}

export const ENTRY_HEADER = ["Date", "Commit", "Author", "Change", "Status", "Forecast finish", "Forecast cost"];

export function entryCells(e: ProjectEntry): string[] {
  return [e.date, e.commit.slice(0, 10), e.author, e.change, e.overall ?? "-", e.forecastFinish ?? "-", e.forecastCost !== undefined ? formatMoney(e.forecastCost, e.currency) : "-"];
}

export function describeRange(history: History): string {
  const range = history.since || history.until ? `, ${history.since ?? "start"} to ${history.until ?? "now"}` : "";
  return `by ${history.period}${range}`;
}
