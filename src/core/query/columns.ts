import type { Kind, PmoDocument } from "../../model/document.js";
import type { Model } from "../domain/index.js";
import { reviewOverdue, riskBandTone } from "./model-reads.js";
import { num, obj, str, type Relations } from "./relations.js";
import type { SortValue } from "./sort.js";
import type { StatusColour } from "./status.js";
import { formatMoney as formatCompactMoney, groupThousands } from "../money.js";

/** How a table cell is emphasised; the command maps tones to its palette. */
export type Tone = StatusColour | "dim";

export interface Cell {
  text: string;
  tone?: Tone;
}

/** What every column may use besides the document: the links between documents and the date. */
export interface QueryContext {
  relations: Relations;
  /** YYYY-MM-DD: "overdue" and "review due" are judged against this date. */
  asOf: string;
  /**
   * The domain model of the documents that passed their schema: risk bands, tolerances and
   * review periods are judged by its settings and facts, as the rules judge them.
   */
  model: Model;
}

/**
 * One column of `pmo ls`. `value` is the plain value (CSV, sorting, `--where`), `cell` what a
 * terminal shows (names instead of ids, money with its currency, colour).
 */
export interface Column {
  /** The name `--sort` and `--where` accept, and the CSV header. */
  key: string;
  header: string;
  value(doc: PmoDocument, ctx: QueryContext): SortValue;
  cell?(doc: PmoDocument, ctx: QueryContext): Cell;
  /** Sort by something other than the value (a status by its place on the scale). */
  sortValue?(doc: PmoDocument, ctx: QueryContext): SortValue;
  align?: "right";
  /** Only in CSV (a currency the table already prints beside the amount). */
  csvOnly?: boolean;
}

const MAX_TEXT = 40;

const at = (doc: PmoDocument, ...path: string[]): unknown => {
  let current: unknown = doc.value;
  for (const key of path) current = obj(current)?.[key];
  return current;
};
const text = (doc: PmoDocument, ...path: string[]): string | undefined => str(at(doc, ...path));
const number = (doc: PmoDocument, ...path: string[]): number | undefined => num(at(doc, ...path));

const column = (key: string, header: string, ...path: string[]): Column => ({
  key,
  header,
  value: (doc) => scalar(at(doc, ...(path.length ? path : [key]))),
});

const longText = (key: string, header: string): Column => ({
  ...column(key, header),
  cell: (doc) => ({ text: truncate(text(doc, key) ?? "", MAX_TEXT) }),
});

const person = (key: string, header: string): Column => ({
  ...column(key, header),
  cell: (doc, ctx) => {
    const ref = text(doc, key);
    return { text: ref === undefined ? "" : ctx.relations.personName(ref) };
  },
});

/** `project` or `portfolio`, whichever the RAID document belongs to; blank means the engagement. */
const owningEntity: Column = {
  key: "for",
  header: "For",
  value: (doc) => text(doc, "project") ?? text(doc, "portfolio"),
};

const statusColumn = (key: string, header: string, ...path: string[]): Column => ({
  ...column(key, header, ...path),
  cell: (doc, ctx) => {
    const value = text(doc, ...path) ?? "";
    const tone = ctx.relations.statusScale.colour(value);
    return tone ? { text: value, tone } : { text: value };
  },
  sortValue: (doc, ctx) => {
    const value = text(doc, ...path);
    return value === undefined ? undefined : (ctx.relations.statusScale.rank(value) ?? value);
  },
});

const money = (
  key: string,
  header: string,
  path: string[],
  currencyPath: string[],
  tone?: (doc: PmoDocument) => Tone | undefined,
): Column => ({
  ...column(key, header, ...path),
  align: "right",
  cell: (doc, ctx) => {
    const amount = number(doc, ...path);
    if (amount === undefined) return { text: "" };
    const formatted = formatMoney(amount, text(doc, ...currencyPath) ?? ctx.relations.currency);
    const t = tone?.(doc);
    return t ? { text: formatted, tone: t } : { text: formatted };
  },
});

const currency = (path: string[]): Column => ({
  key: "currency",
  header: "Currency",
  csvOnly: true,
  value: (doc, ctx) => text(doc, ...path) ?? ctx.relations.currency,
});

const PROJECT_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("name", "Name"),
  column("portfolio", "Portfolio"),
  column("stage", "Stage"),
  statusColumn("status", "Status", "status", "overall"),
  {
    // With no forecast yet the baseline is the plan, shown dimmed to say it is not a forecast.
    key: "finish",
    header: "Forecast finish",
    value: (doc) => text(doc, "schedule", "forecastFinish") ?? text(doc, "schedule", "baselineFinish"),
    cell: (doc) => {
      const forecast = text(doc, "schedule", "forecastFinish");
      if (forecast !== undefined) return { text: forecast };
      const baseline = text(doc, "schedule", "baselineFinish");
      return baseline === undefined ? { text: "" } : { text: baseline, tone: "dim" };
    },
  },
  currency(["budget", "currency"]),
  money("approved", "Approved", ["budget", "approved"], ["budget", "currency"]),
  money("forecast", "Forecast", ["budget", "forecast"], ["budget", "currency"], (doc) => {
    const approved = number(doc, "budget", "approved");
    const forecast = number(doc, "budget", "forecast");
    return approved !== undefined && forecast !== undefined && forecast > approved ? "red" : undefined;
  }),
  { ...column("complete", "%", "percentComplete"), align: "right" },
  person("manager", "Manager"),
];

const RISK_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("title", "Title"),
  owningEntity,
  { ...column("probability", "P"), align: "right" },
  { ...column("impact", "I"), align: "right" },
  {
    key: "score",
    header: "Score",
    align: "right",
    value: (doc) => riskScore(doc),
    cell: (doc, ctx) => {
      const score = riskScore(doc);
      if (score === undefined) return { text: "" };
      const tone = riskBandTone(doc, ctx);
      return tone ? { text: String(score), tone } : { text: String(score) };
    },
  },
  column("status", "Status"),
  person("owner", "Owner"),
  {
    ...column("lastReviewed", "Last reviewed"),
    cell: (doc, ctx) => {
      const reviewed = text(doc, "lastReviewed");
      if (reviewed === undefined) return { text: "" };
      return reviewOverdue(doc, ctx) ? { text: reviewed, tone: "amber" } : { text: reviewed };
    },
  },
];

const PRIORITY_TONES: Record<string, Tone> = { critical: "red", high: "amber" };

const ISSUE_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("title", "Title"),
  owningEntity,
  {
    ...column("priority", "Priority"),
    cell: (doc) => {
      const priority = text(doc, "priority") ?? "";
      const tone = PRIORITY_TONES[priority];
      return tone ? { text: priority, tone } : { text: priority };
    },
    sortValue: (doc) => {
      const index = ["low", "medium", "high", "critical"].indexOf(text(doc, "priority") ?? "");
      return index < 0 ? undefined : index;
    },
  },
  column("status", "Status"),
  person("owner", "Owner"),
  column("raised", "Raised"),
  {
    ...column("due", "Due"),
    cell: (doc, ctx) => {
      const due = text(doc, "due");
      if (due === undefined) return { text: "" };
      const live = ["open", "in-progress"].includes(text(doc, "status") ?? "");
      return live && due < ctx.asOf ? { text: due, tone: "red" } : { text: due };
    },
  },
];

const DECISION_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("title", "Title"),
  owningEntity,
  column("status", "Status"),
  person("decidedBy", "Decided by"),
  column("date", "Date"),
  column("forum", "Forum"),
];

const PORTFOLIO_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("name", "Name"),
  column("parent", "Parent"),
  person("owner", "Owner"),
  {
    key: "projects",
    header: "Projects",
    align: "right",
    value: (doc, ctx) => (doc.id === undefined ? 0 : ctx.relations.projectsOf(doc.id).length),
  },
  currency(["budget", "currency"]),
  money("envelope", "Budget envelope", ["budget", "envelope"], ["budget", "currency"]),
];

const PERSON_COLUMNS: Column[] = [
  column("id", "ID"),
  column("name", "Name"),
  longText("role", "Role"),
  column("organisation", "Organisation"),
  column("email", "Email"),
];

const ENGAGEMENT_COLUMNS: Column[] = [
  column("id", "ID"),
  longText("name", "Name"),
  column("client", "Client", "client", "name"),
  column("provider", "Provider", "provider", "name"),
  column("phase", "Phase", "phase", "current"),
  column("currency", "Currency"),
];

/** The columns `pmo ls` shows for each kind: what a PMO looks at first. */
export const COLUMNS: Record<Kind, readonly Column[]> = {
  Engagement: ENGAGEMENT_COLUMNS,
  Portfolio: PORTFOLIO_COLUMNS,
  Project: PROJECT_COLUMNS,
  Risk: RISK_COLUMNS,
  Issue: ISSUE_COLUMNS,
  Decision: DECISION_COLUMNS,
  Person: PERSON_COLUMNS,
};

/** Probability × impact; undefined unless both are numbers. */
export function riskScore(doc: PmoDocument): number | undefined {
  const p = number(doc, "probability");
  const i = number(doc, "impact");
  return p === undefined || i === undefined ? undefined : p * i;
}

/** The cell a column shows for a document: its own rendering, or the plain value as text. */
export function cellOf(col: Column, doc: PmoDocument, ctx: QueryContext): Cell {
  if (col.cell) return col.cell(doc, ctx);
  const value = col.value(doc, ctx);
  return { text: value === undefined ? "" : String(value) };
}

/**
 * `GBP 42.5M` in tables, `GBP 42,500,000` when exact: the project's one money format
 * (src/core/money.ts), which does not depend on the machine's ICU data.
 */
export function formatMoney(
  amount: number,
  currencyCode: string | undefined,
  options: { exact?: boolean } = {},
): string {
  if (!options.exact) return formatCompactMoney(amount, currencyCode);
  const formatted = `${amount < 0 ? "-" : ""}${groupThousands(Math.round(Math.abs(amount) * 100) / 100)}`;
  return currencyCode ? `${currencyCode} ${formatted}` : formatted;
}

export function truncate(value: string, max: number): string {
  const oneLine = value.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

function scalar(value: unknown): SortValue {
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  return undefined;
}
