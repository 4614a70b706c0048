import type { Decision, Project } from "../../model/entities.js";
import type { Catalog } from "./catalog.js";
import { isCommitted } from "./lifecycle.js";
import type { Settings } from "./settings.js";

/** An amount in one currency. Amounts in different currencies are never added. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * What a committed project (see isCommitted) is forecast to cost at completion: its forecast,
 * else its approved budget, in its budget's currency (else the engagement's). Undefined for a
 * project that commits nothing; `unknown` when it is committed but has neither amount.
 */
export function committedCost(project: Project, settings: Settings): Money | "unknown" | undefined {
  if (!isCommitted(project)) return undefined;
  const amount = project.budget?.forecast ?? project.budget?.approved;
  if (amount === undefined) return "unknown";
  return { amount, currency: project.budget?.currency ?? settings.currency };
}

/**
 * A project's approved spend, as the dashboard's alignment table counts it: the approved
 * budget, else the forecast where none is approved. Undefined when neither is known.
 */
export function approvedSpend(project: Project, settings: Settings): Money | undefined {
  const amount = project.budget?.approved ?? project.budget?.forecast;
  return amount === undefined ? undefined : { amount, currency: project.budget?.currency ?? settings.currency };
}

/** A project's budget amounts in its currency; an amount the data does not give is absent, never 0. */
export interface BudgetAmounts {
  currency: string;
  approved?: number;
  baseline?: number;
  actual?: number;
  forecast?: number;
}

/** The project's budget amounts, in its budget's currency (else the engagement's), with no amount invented. */
export function budgetAmounts(project: Project, settings: Settings): BudgetAmounts {
  const b = project.budget;
  return {
    currency: b?.currency ?? settings.currency,
    ...(b?.approved !== undefined && { approved: b.approved }),
    ...(b?.baseline !== undefined && { baseline: b.baseline }),
    ...(b?.actual !== undefined && { actual: b.actual }),
    ...(b?.forecast !== undefined && { forecast: b.forecast }),
  };
}

/** The forecast at completion against the approved budget, or (with none approved) the baseline. */
export interface CostVariance {
  currency: string;
  forecast: number;
  /** The amount the forecast is compared with, and which one it is. */
  reference: number;
  against: "approved" | "baseline";
  /** Forecast minus reference: positive is an overrun. */
  amount: number;
  /** The overrun as a share of the reference; undefined when the reference is 0. */
  percent: number | undefined;
}

/**
 * Cost variance of a project: only when both the forecast and an approved (else baseline)
 * budget are known; a missing amount makes the variance unknown, not zero.
 */
export function costVariance(project: Project, settings: Settings): CostVariance | undefined {
  const b = budgetAmounts(project, settings);
  if (b.forecast === undefined) return undefined;
  const against = b.approved !== undefined ? "approved" : b.baseline !== undefined ? "baseline" : undefined;
  if (against === undefined) return undefined;
  const reference = b[against]!;
  const amount = b.forecast - reference;
  return {
    currency: b.currency,
    forecast: b.forecast,
    reference,
    against,
    amount,
    percent: reference === 0 ? undefined : (amount / reference) * 100,
  };
}

/**
 * A sum of amounts some of which may be unknown: the known ones added, the unknown ones
 * counted and left out. `total` is null when none is known.
 */
export interface PartialSum {
  total: number | null;
  known: number;
  unknown: number;
}

export function sumKnown(amounts: Iterable<number | undefined>): PartialSum {
  let total = 0;
  let known = 0;
  let unknown = 0;
  for (const a of amounts) {
    if (a === undefined) unknown++;
    else {
      total += a;
      known++;
    }
  }
  return { total: known === 0 ? null : total, known, unknown };
}

/** Committed cost added up per currency (never across currencies), with the projects it could not count. */
export interface CommittedSum {
  /** Per currency, in the order first met: the total and how many projects it adds up. */
  byCurrency: Map<string, { total: number; count: number }>;
  /** Committed projects whose cost is unknown: left out of every total. */
  unknown: number;
}

/** Adds up the committed cost (facts.committedCost) of `projects`; projects not committed are skipped. */
export function sumCommitted(
  projects: Iterable<Project>,
  cost: (project: Project) => Money | "unknown" | undefined,
): CommittedSum {
  const byCurrency = new Map<string, { total: number; count: number }>();
  let unknown = 0;
  for (const project of projects) {
    const c = cost(project);
    if (c === undefined) continue;
    if (c === "unknown") {
      unknown += 1;
      continue;
    }
    const entry = byCurrency.get(c.currency);
    if (entry) {
      entry.total += c.amount;
      entry.count += 1;
    } else byCurrency.set(c.currency, { total: c.amount, count: 1 });
  }
  return { byCurrency, unknown };
}

/**
 * A decision's currency: its amount's own, else the budget currency of the project (or
 * portfolio) it belongs to, else the engagement's. Option amounts are in it too.
 */
export function decisionCurrency(decision: Decision, catalog: Catalog, settings: Settings): string {
  return (
    decision.amount?.currency ??
    catalog.project(decision.project)?.value.budget?.currency ??
    catalog.portfolio(decision.portfolio)?.value.budget?.currency ??
    settings.currency
  );
}

/** The money a decision puts at stake, in its currency (see decisionCurrency). Undefined when it states none. */
export function decisionAmount(decision: Decision, catalog: Catalog, settings: Settings): Money | undefined {
  if (decision.amount === undefined) return undefined;
  return { amount: decision.amount.value, currency: decisionCurrency(decision, catalog, settings) };
}
