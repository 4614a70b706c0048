/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so the time zone never shifts a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round(ms / 86_400_000);
}

/** Days from `from` to `to` (positive when `to` is later); undefined unless both are dates. */
export function daysBetween(from: unknown, to: unknown): number | undefined {
  if (typeof from !== "string" || typeof to !== "string") return undefined;
  const a = utcDay(from);
  const b = utcDay(to);
  return a === undefined || b === undefined ? undefined : b - a;
}
