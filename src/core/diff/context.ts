import type { Catalog } from "../domain/index.js";
import { daysBetween, isIsoDate } from "../dates.js";
import { formatMoney, formatPercent, groupThousands } from "../money.js";
import type { Settings } from "../rules/index.js";
import type { Detail, Direction } from "./types.js";

/** What the per-kind differs need besides the two values. */
export interface DiffContext {
  base: Settings;
  head: Settings;
  /** The head side, for which projects an objective or weight change affects. */
  headCatalog: Catalog;
}

/** Fields a differ has described, so that the leftover list does not repeat them. */
export class Covered {
  private readonly fields = new Set<string>();
  add(...fields: string[]): void {
    for (const f of fields) this.fields.add(f);
  }
  has = (field: string): boolean => {
    for (let f = field; ; f = f.slice(0, f.lastIndexOf("."))) {
      if (this.fields.has(f)) return true;
      if (!f.includes(".")) return false;
    }
  };
}

/** Whether two sides judge statuses on the same scale (same values in the same order). */
export function sameScale(a: Settings, b: Settings): boolean {
  const x = a.statusScale.values;
  const y = b.statusScale.values;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Worse when the rank grows (statusRank: 0 is the best value). No direction across a change of
 * status scale: amber on a five-point scale and amber on a three-point one are not comparable.
 */
export function statusDirection(
  from: string | undefined,
  to: string | undefined,
  base: Settings,
  head: Settings,
): Direction | undefined {
  if (!sameScale(base, head)) return undefined;
  const a = base.statusRank(from);
  const b = head.statusRank(to);
  if (a < 0 || b < 0 || a === b) return undefined;
  return b > a ? "worsened" : "improved";
}

/** "+45 days", "-3 days", "+1 day". */
export function signedDays(days: number): string {
  return `${days > 0 ? "+" : days < 0 ? "-" : "±"}${groupThousands(Math.abs(days))} ${Math.abs(days) === 1 ? "day" : "days"}`;
}

/** Days from which a slip is also given in months. */
export const MONTHS_FROM_DAYS = 90;

/**
 * "+45 days"; from 90 days on (a quarter), also in months of 30.44 days (a year / 12), rounded:
 * "+400 days, about 13 months"; from two years on, in years: "+800 days, about 2.2 years".
 */
export function signedDuration(days: number): string {
  const abs = Math.abs(days);
  if (abs < MONTHS_FROM_DAYS) return signedDays(days);
  const months = abs / 30.4375;
  const about =
    months >= 24 ? `${(Math.round((months / 12) * 10) / 10).toString()} years` : `${Math.round(months)} months`;
  return `${signedDays(days)}, about ${about}`;
}

/** "+GBP 1.3M", "-EUR 250k". */
export function signedMoney(amount: number, currency: string): string {
  return `${amount < 0 ? "-" : "+"}${formatMoney(Math.abs(amount), currency)}`;
}

export function signedPercent(value: number): string {
  return `${value < 0 ? "-" : "+"}${formatPercent(Math.abs(value))}`;
}

export function days(from: unknown, to: unknown): number | undefined {
  return typeof from === "string" && typeof to === "string" && isIsoDate(from) && isIsoDate(to)
    ? daysBetween(from, to)
    : undefined;
}

/** A change of an amount of money: `forecast cost GBP 30.2M -> GBP 31.5M (+GBP 1.3M, +4.3%)`. */
export function moneyDetail(
  field: string,
  label: string,
  from: number | undefined,
  to: number | undefined,
  currency: string,
): Detail | undefined {
  if (from === to) return undefined;
  if (from === undefined)
    return { type: "budget", field, to, currency, text: `${label} set to ${formatMoney(to!, currency)}` };
  if (to === undefined)
    return { type: "budget", field, from, currency, text: `${label} removed (was ${formatMoney(from, currency)})` };
  const delta = to - from;
  const percent = from !== 0 ? (delta / Math.abs(from)) * 100 : undefined;
  const pct = percent !== undefined ? `, ${signedPercent(percent)}` : "";
  return {
    type: "budget",
    field,
    from,
    to,
    currency,
    delta,
    ...(percent !== undefined ? { percent: Math.round(percent * 10) / 10 } : {}),
    text: `${label} ${formatMoney(from, currency)} -> ${formatMoney(to, currency)} (${signedMoney(delta, currency)}${pct})`,
  };
}
