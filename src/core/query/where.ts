/**
 * `--where` filters: `field=value`, `field!=value`, and `field=a,b` for "any of". All filters of
 * a command must match. Values compare as text, ignoring case, because what users type
 * (`--where status.overall=Red`) should not depend on how a file happens to be capitalised.
 */

export interface WhereFilter {
  /** The field as the user wrote it: a dotted path or a column name. */
  field: string;
  negate: boolean;
  /** Any of these values matches; an empty string matches a missing value. */
  values: string[];
  /** The filter as written, for messages. */
  text: string;
}

/** Parses one `--where` argument; throws a message fit for the user when it is malformed. */
export function parseWhere(text: string): WhereFilter {
  const match = /^([^=!]+?)\s*(!=|=)\s*(.*)$/s.exec(text);
  if (!match || match[1]!.trim() === "") {
    throw new WhereSyntaxError(
      `--where "${text}" is not a filter: write field=value or field!=value, e.g. --where stage=delivery`,
    );
  }
  const [, field, operator, raw] = match as unknown as [string, string, string, string];
  const values = raw.split(",").map((v) => v.trim());
  return { field: field.trim(), negate: operator === "!=", values, text };
}

export class WhereSyntaxError extends Error {
  override readonly name = "WhereSyntaxError";
}

/**
 * Whether the values a field holds satisfy a filter. `values` are everything the path reached
 * (several for a list); `=` needs one of them to be one of the filter's values, `!=` needs none
 * to be. A missing field holds no values: it matches `field=` and `field!=x`.
 */
export function matchesWhere(filter: WhereFilter, values: readonly unknown[]): boolean {
  const wanted = new Set(filter.values.map(normalise));
  const held = values.map(scalarText).filter((v): v is string => v !== undefined);
  const hit = held.length === 0 ? wanted.has("") : held.some((v) => wanted.has(normalise(v)));
  return filter.negate ? !hit : hit;
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}

/** The text of a scalar as a user would type it; objects never match a filter value. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
