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

/**
 * A decision's currency: its amount's own, else the budget currency of the project (or
 * portfolio) it belongs to, else the engagement's. Option amounts are in it too.
 */
export function decisionCurrency(decision: Decision, catalog: Catalog, settings: Settings): string {
  return decision.amount?.currency ?? catalog.project(decision.project)?.value.budget?.currency ?? catalog.portfolio(decision.portfolio)?.value.budget?.currency ?? settings.currency;
}

/** The money a decision puts at stake, in its currency (see decisionCurrency). Undefined when it states none. */
export function decisionAmount(decision: Decision, catalog: Catalog, settings: Settings): Money | undefined {
  if (decision.amount === undefined) return undefined;
  return { amount: decision.amount.value, currency: decisionCurrency(decision, catalog, settings) };
}
