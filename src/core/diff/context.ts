import type { Catalog } from "../domain/index.js";
import { daysBetween, isIsoDate } from "../dates.js";
import { formatMoney, formatPercent } from "../money.js";
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

/**
 * Worse when the rank grows (statusRank: 0 is the best value). Undefined, not a movement, for
 * a "no rating" value (not assessed, withheld) on either side, and when the two sides use
 * different status scales: amber on a five-value scale is not better or worse than amber on
 * a three-value one.
 */
export function statusDirection(from: string | undefined, to: string | undefined, base: Settings, head: Settings): Direction | undefined {
  if (base.statusScale.values.join("\0") !== head.statusScale.values.join("\0")) return undefined;
  const a = base.statusRank(from);
  const b = head.statusRank(to);
  if (a < 0 || b < 0 || a === b) return undefined;
  return b > a ? "worsened" : "improved";
}

/** "+45 days", "-3 days", "+1 day". */
export function signedDays(days: number): string {
  return `${days > 0 ? "+" : days < 0 ? "-" : "±"}${Math.abs(days)} ${Math.abs(days) === 1 ? "day" : "days"}`;
}

/** "+GBP 1.3M", "-EUR 250k". */
export function signedMoney(amount: number, currency: string): string {
  return `${amount < 0 ? "-" : "+"}${formatMoney(Math.abs(amount), currency)}`;
}

export function signedPercent(value: number): string {
  return `${value < 0 ? "-" : "+"}${formatPercent(Math.abs(value))}`;
}

export function days(from: unknown, to: unknown): number | undefined {
  return typeof from === "string" && typeof to === "string" && isIsoDate(from) && isIsoDate(to) ? daysBetween(from, to) : undefined;
}

/** A change of an amount of money: `forecast cost GBP 30.2M -> GBP 31.5M (+GBP 1.3M, +4.3%)`. */
export function moneyDetail(field: string, label: string, from: number | undefined, to: number | undefined, currency: string): Detail | undefined {
  if (from === to) return undefined;
  if (from === undefined) return { type: "budget", field, to, currency, text: `${label} set to ${formatMoney(to!, currency)}` };
  if (to === undefined) return { type: "budget", field, from, currency, text: `${label} removed (was ${formatMoney(from, currency)})` };
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
