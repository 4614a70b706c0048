/** Defensive readers for document values: a diff also runs on documents that fail validation. */

export type Value = Record<string, unknown>;

export function obj(v: unknown): Value | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Value) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function list(v: unknown): Value[] {
  return Array.isArray(v) ? v.map(obj).filter((x): x is Value => x !== undefined) : [];
}

/** Items of a list by their `id` (or another key), first one winning. */
export function byKey(v: unknown, key = "id"): Map<string, Value> {
  const map = new Map<string, Value>();
  for (const item of list(v)) {
    const k = item[key];
    if ((typeof k === "string" || typeof k === "number") && !map.has(String(k))) map.set(String(k), item);
  }
  return map;
}

/** JSON with sorted keys, for comparing values regardless of key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Value)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** A short rendering of a scalar for change lists: strings as is, objects as JSON. */
export function show(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return v.length > 60 ? `${v.slice(0, 57)}...` : v;
  const text = canonical(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
