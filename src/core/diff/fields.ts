import type { Detail } from "./types.js";
import { byKey, obj, same, show, type Value } from "./values.js";

/**
 * The leftover list: every field that changed and that no domain-specific rule has described,
 * as dotted paths (list items with an id by their id: `benefits.B1.status`). Scalars show
 * their values; long texts just say they changed.
 */
export function otherFields(before: Value, after: Value, covered: (field: string) => boolean, prefix = ""): Detail[] {
  const details: Detail[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const field = prefix ? `${prefix}.${key}` : key;
    if ((!prefix && key === "id") || covered(field)) continue;
    details.push(...fieldChange(field, before[key], after[key], covered));
  }
  return details;
}

function fieldChange(field: string, from: unknown, to: unknown, covered: (field: string) => boolean): Detail[] {
  if (same(from, to)) return [];
  const a = obj(from);
  const b = obj(to);
  if (a && b) return otherFields(a, b, covered, field);
  if (Array.isArray(from) && Array.isArray(to) && keyed(from) && keyed(to)) {
    const left = byKey(from);
    const right = byKey(to);
    const ids = [...new Set([...left.keys(), ...right.keys()])];
    return ids.flatMap((id) => {
      const x = left.get(id);
      const y = right.get(id);
      if (!x) return [{ type: "field" as const, field: `${field}.${id}`, text: `${field} ${id} added` }];
      if (!y) return [{ type: "field" as const, field: `${field}.${id}`, text: `${field} ${id} removed` }];
      return otherFields(x, y, covered, `${field}.${id}`);
    });
  }
  const long = (v: unknown) => typeof v === "string" && (v.length > 60 || v.includes("\n"));
  if (from === undefined)
    return [
      {
        type: "field",
        field,
        to,
        text: long(to) || typeof to === "object" ? `${field} added` : `${field} set to ${show(to)}`,
      },
    ];
  if (to === undefined) return [{ type: "field", field, from, text: `${field} removed` }];
  if (long(from) || long(to) || typeof from === "object" || typeof to === "object")
    return [{ type: "field", field, text: `${field} changed` }];
  return [{ type: "field", field, from, to, text: `${field} ${show(from)} -> ${show(to)}` }];
}

/** A list whose items are all objects with a unique id: compared item by item. */
function keyed(items: unknown[]): boolean {
  const ids = items.map((i) => obj(i)?.["id"]);
  return ids.length > 0 && ids.every((id) => typeof id === "string") && new Set(ids).size === ids.length;
}
