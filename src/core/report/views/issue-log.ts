import { ISSUE_STATUSES } from "../../../model/entities.js";
import { formatCsv } from "../../csv.js";
import type { ReportContext } from "../context.js";
import { issueRows, type IssueRow } from "../raid.js";
import { cutRows, isLargeSite, RECORD_ROWS, REGISTER_ROWS, type CsvFile, type CsvLink } from "./register-cut.js";

/** One status of the log: its rows and the anchor its filter link jumps to. */
export interface IssueStatusSection {
  status: string;
  anchor: string;
  count: number;
  /** Highest priority first: every one, or the first rows of a large site (REGISTER_ROWS open or in progress, RECORD_ROWS resolved or closed). */
  rows: IssueRow[];
  /** Issues of this status not listed (a large site only). */
  more: number;
}

export interface IssueLogView {
  total: number;
  /** Open and in progress: what the dashboard's "open issues" tile counts. */
  open: number;
  overdue: number;
  escalated: number;
  /** Where the issues belong: to a project, a portfolio or the engagement itself. */
  levels: { projects: number; portfolios: number; engagement: number };
  /** One section per status, in lifecycle order (open, in progress, resolved, closed); empty ones included, so the filter links always land. */
  sections: IssueStatusSection[];
  /**
   * Above the exception-first threshold, in a site, each status keeps its highest-priority
   * issues and says how many it left out; every issue is in `csv` (a file beside the page).
   * Nothing is cut otherwise (`csv` null).
   */
  cut: { csv: CsvLink | null; activeRows: number; recordRows: number };
}

const isActive = (status: string): boolean => status === "open" || status === "in-progress";

/** The issue log: every issue of the repository, whatever it belongs to, by status. */
export function buildIssueLogView(ctx: ReportContext): IssueLogView {
  const large = isLargeSite(ctx);
  const rows = issueRows(ctx, ctx.catalog.issues);
  const sections = ISSUE_STATUSES.map((status) => {
    const list = rows.filter((r) => r.status === status);
    const shown = cutRows(list, large, isActive(status) ? REGISTER_ROWS : RECORD_ROWS);
    return { status, anchor: `issues-${status}`, count: list.length, rows: shown.kept, more: shown.more };
  });
  const open = rows.filter((r) => isActive(r.status));
  return {
    total: rows.length,
    open: open.length,
    overdue: open.filter((r) => r.overdueDays !== null).length,
    escalated: open.filter((r) => r.escalatedTo !== null).length,
    levels: {
      projects: ctx.catalog.issues.filter((i) => i.value.project !== undefined).length,
      portfolios: ctx.catalog.issues.filter((i) => i.value.project === undefined && i.value.portfolio !== undefined)
        .length,
      engagement: ctx.catalog.issues.filter((i) => i.value.project === undefined && i.value.portfolio === undefined)
        .length,
    },
    sections,
    cut: {
      csv: large ? { file: "issues.csv", rows: rows.length } : null,
      activeRows: REGISTER_ROWS,
      recordRows: RECORD_ROWS,
    },
  };
}

const CSV_COLUMNS = [
  "id",
  "title",
  "status",
  "for",
  "for_name",
  "priority",
  "owner",
  "raised",
  "due",
  "overdue_days",
  "escalated_to",
] as const;

/** issues.csv beside a large site's issue log; nothing otherwise. */
export function issueLogCsvFiles(ctx: ReportContext): CsvFile[] {
  return isLargeSite(ctx) ? [{ path: "issues.csv", content: issueLogCsv(ctx) }] : [];
}

/**
 * The whole log as CSV: every issue, one row each, as the page orders them (open and in
 * progress first, then by priority). Unknown cells are empty; formula-like text is
 * neutralised (src/core/csv.ts).
 */
export function issueLogCsv(ctx: ReportContext): string {
  return formatCsv(
    CSV_COLUMNS,
    issueRows(ctx, ctx.catalog.issues).map((r) => [
      r.id,
      r.title,
      r.status,
      r.scope.id ?? "",
      r.scope.name,
      r.priority ?? "",
      r.owner ?? "",
      r.raised,
      r.due ?? "",
      r.overdueDays ?? "",
      r.escalatedTo ?? "",
    ]),
  );
}
