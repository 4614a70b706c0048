import { ISSUE_STATUSES } from "../../../model/entities.js";
import type { ReportContext } from "../context.js";
import { issueRows, type IssueRow } from "../raid.js";

/** One status of the log: its rows and the anchor its filter link jumps to. */
export interface IssueStatusSection {
  status: string;
  anchor: string;
  count: number;
  rows: IssueRow[];
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
}

/** The issue log: every issue of the repository, whatever it belongs to, by status. */
export function buildIssueLogView(ctx: ReportContext): IssueLogView {
  const rows = issueRows(ctx, ctx.catalog.issues);
  const sections = ISSUE_STATUSES.map((status) => {
    const list = rows.filter((r) => r.status === status);
    return { status, anchor: `issues-${status}`, count: list.length, rows: list };
  });
  const open = rows.filter((r) => r.status === "open" || r.status === "in-progress");
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
  };
}
