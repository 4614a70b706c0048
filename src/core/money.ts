/**
 * Money for people to read in messages and reports: "EUR 1.32M", "GBP 450k", "USD 950".
 * Deliberately not Intl: its output depends on the ICU data of the machine, and every output
 * of pmo must be byte-identical across machines.
 */
export function formatMoney(amount: number, currency: string | undefined): string {
  const prefix = currency ? `${currency} ` : "";
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${prefix}${sign}${trim(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${prefix}${sign}${trim(abs / 1e6)}M`;
  if (abs >= 1e4) return `${prefix}${sign}${trim(abs / 1e3)}k`;
  return `${prefix}${sign}${groupThousands(Math.round(abs))}`;
}

/** Up to three significant decimals, without trailing zeros: 1.3200 -> "1.32", 12.0 -> "12". */
function trim(n: number): string {
  const text = n.toFixed(n >= 100 ? 1 : 2);
  // The zeros after the decimal point go, and the point with them when nothing is left after it.
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** 1234567 -> "1,234,567". */
export function groupThousands(n: number): string {
  const [int, frac] = String(n).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A percentage for messages: 12.04 -> "12%", 10.55 -> "10.6%" (one decimal only when it matters). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}
