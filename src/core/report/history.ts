import type { Cadence } from "../../model/entities.js";
import { addDaysIso } from "../dates.js";
import type { EvmHistoryPoint } from "../analytics/evm/index.js";
import { periodFitting, type History, type PeriodKind, type ProjectHistory } from "../history/index.js";

/**
 * The git history a report is given: the command reads it (one `git log`, one `git cat-file
 * --batch`, then `buildHistory`), the view builders only read this. `none` says why there is
 * none, so that the report can say so instead of leaving the sections out silently.
 */
export type ReportHistory =
  | {
      kind: "git";
      history: History;
      /** The date of the oldest commit of the pmo folder (the first-parent history of HEAD). */
      firstDate: string;
      /** `pmo report --since`: the dashboard's trend starts with the period holding this date. */
      trendSince?: string;
      /** Each project's CPI and SPI after the commits that changed them (pmo evm --history). */
      evm?: ReadonlyMap<string, readonly EvmHistoryPoint[]>;
    }
  | { kind: "none"; reason: "disabled" | "not-a-repository" | "no-commits" | "unreadable" };

/** What a report without history says where the trends and the changes of state would be. */
export function historyNote(history: ReportHistory): string | null {
  if (history.kind === "git") return null;
  switch (history.reason) {
    case "disabled":
      return "Left out: this report was made with --no-history.";
    case "not-a-repository":
      return "Left out: this needs the git history, and the repository is not in git.";
    case "no-commits":
      return "Left out: this needs the git history, and no commit of the repository's files is there yet.";
    default:
      return "Left out: the git history of the repository could not be read.";
  }
}

/** The reporting period a history is cut into: weeks for a weekly or fortnightly cadence, quarters for a quarterly one, months otherwise. */
export function historyPeriod(cadence: Cadence | undefined): PeriodKind {
  return cadence === "weekly" || cadence === "fortnightly" ? "week" : cadence === "quarterly" ? "quarter" : "month";
}

/** The dashboard's trend shows at most this many periods: a longer history is cut into longer periods. */
export const MAX_TREND_PERIODS = 24;

/**
 * The period the report's trend is cut into: the cadence's period, or a longer one (month,
 * quarter, year) when the history from its first commit (or --since) to the as-of date would
 * otherwise need more than MAX_TREND_PERIODS of them. Ten annual GMPP publications read by year.
 */
export function trendPeriod(cadence: Cadence | undefined, from: string, asOf: string): PeriodKind {
  return periodFitting(from, asOf, historyPeriod(cadence), MAX_TREND_PERIODS);
}

/**
 * The date of the previous report: one reporting cadence before the as-of date (a week, two
 * weeks, a calendar month or three; a month when the engagement sets no cadence). A month back
 * from 31 March is the last day of February.
 */
export function previousReportDate(asOf: string, cadence: Cadence | undefined): string {
  if (cadence === "weekly") return addDaysIso(asOf, -7);
  if (cadence === "fortnightly") return addDaysIso(asOf, -14);
  const months = cadence === "quarterly" ? 3 : 1;
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Each project's history by id, built once per report. */
export function indexProjectHistories(history: ReportHistory): (id: string) => ProjectHistory | undefined {
  if (history.kind !== "git") return () => undefined;
  const byId = new Map(history.history.projects.map((p) => [p.id, p]));
  return (id) => byId.get(id);
}

/** "Nov 2026" for a month, "Q4 2026" for a quarter, "2026" for a year, "week of 23 Nov 2026" for a week. */
export function periodLabel(kind: PeriodKind, start: string): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]!;
  if (kind === "year") return String(y);
  if (kind === "quarter") return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  return kind === "month" ? `${month} ${y}` : `week of ${d} ${month} ${y}`;
}
