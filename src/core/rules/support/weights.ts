/** Weights are percentages; sums within this distance of 100 count as 100 (33.3 + 33.3 + 33.4). */
const EPSILON = 1e-6;

/** The sum of a list of percentage weights. */
export function weightSum(items: readonly { weight: number }[]): number {
  return items.reduce((sum, item) => sum + item.weight, 0);
}

export function sumsToHundred(sum: number): boolean {
  return Math.abs(sum - 100) < EPSILON;
}

/** A weight sum for messages: 95 -> "95", 99.99999 -> "100", 33.35 -> "33.35". */
export function formatWeight(sum: number): string {
  return String(Math.round(sum * 100) / 100);
}
