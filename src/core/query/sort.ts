/**
 * Ordering rows: natural order for text (PRJ-2 before PRJ-10), numbers by value, and missing
 * values last whichever the direction, so a descending sort still starts with real data.
 * Code-unit comparison only: the order must not change with the machine's locale.
 */

/** What a row is sorted by. */
export type SortValue = string | number | undefined;

export interface SortSpec {
  field: string;
  descending: boolean;
}

/** `-score` sorts by score, highest first; `score` or `+score` lowest first. */
export function parseSort(text: string): SortSpec {
  const trimmed = text.trim();
  if (trimmed.startsWith("-")) return { field: trimmed.slice(1), descending: true };
  if (trimmed.startsWith("+")) return { field: trimmed.slice(1), descending: false };
  return { field: trimmed, descending: false };
}

const CHUNKS = /(\d+|\D+)/g;

/** Natural, case-insensitive order: digit runs compare as numbers, the rest by code unit. */
export function naturalCompare(a: string, b: string): number {
  const left = a.toLowerCase().match(CHUNKS) ?? [];
  const right = b.toLowerCase().match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      // Compare by length after stripping leading zeros, so no digit run overflows a number.
      const xs = x.replace(/^0+(?=\d)/, "");
      const ys = y.replace(/^0+(?=\d)/, "");
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  // Equal but for case or zero padding: fall back to the raw text so the order is total.
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Compares two sort values ascending; numbers before text when a column mixes them. */
export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return naturalCompare(a ?? "", b ?? "");
}

/**
 * Sorts rows by a key, missing keys last, ties broken by `tieBreak` (the id) so the output is
 * the same on every run. Returns a new array.
 */
export function sortRows<T>(
  rows: readonly T[],
  key: (row: T) => SortValue,
  descending: boolean,
  tieBreak: (row: T) => string,
): T[] {
  const keyed = rows.map((row) => ({ row, key: key(row), id: tieBreak(row) }));
  keyed.sort((x, y) => {
    const xMissing = x.key === undefined || x.key === "";
    const yMissing = y.key === undefined || y.key === "";
    if (xMissing !== yMissing) return xMissing ? 1 : -1;
    const byKey = xMissing ? 0 : compareValues(x.key, y.key);
    if (byKey !== 0) return descending ? -byKey : byKey;
    return naturalCompare(x.id, y.id);
  });
  return keyed.map((k) => k.row);
}
