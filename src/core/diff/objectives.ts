import { Covered, moneyDetail, type DiffContext } from "./context.js";
import type { KindDiff } from "./project.js";
import type { Detail } from "./types.js";
import { byKey, num, obj, str, type Value } from "./values.js";

/** Projects (at head) that contribute to an objective, sorted. */
function contributors(objective: string, ctx: DiffContext): string[] {
  return ctx.headCatalog.projects
    .filter((p) => (p.value.contributions ?? []).some((c) => c.objective === objective))
    .map((p) => p.value.id)
    .sort();
}

function affecting(ids: string[]): string {
  if (ids.length === 0) return "; no project contributes to it";
  const shown = ids.slice(0, 8).join(", ");
  return `; affects ${ids.length === 1 ? "project" : `${ids.length} projects`} ${shown}${ids.length > 8 ? `, and ${ids.length - 8} more` : ""}`;
}

/**
 * Weighted lists (portfolio objectives, prioritisation criteria) by id: added, removed, weight
 * changed, with the projects each change affects.
 */
function weighted(
  before: unknown,
  after: unknown,
  field: string,
  noun: string,
  affected: (id: string) => string[],
  covered: Covered,
): Detail[] {
  const a = byKey(before);
  const b = byKey(after);
  const details: Detail[] = [];
  for (const [id, item] of b) {
    const old = a.get(id);
    const affects = affected(id);
    const weight = num(item["weight"]);
    if (!old) {
      covered.add(`${field}.${id}`);
      details.push({
        type: "objective",
        field: `${field}.${id}`,
        to: weight,
        affects,
        text: `${noun} ${id} added${weight !== undefined ? ` (weight ${weight}%)` : ""}${affecting(affects)}`,
      });
      continue;
    }
    covered.add(`${field}.${id}.weight`);
    if (num(old["weight"]) !== weight) {
      details.push({
        type: "weight",
        field: `${field}.${id}.weight`,
        from: num(old["weight"]),
        to: weight,
        affects,
        text: `${noun} ${id} weight ${num(old["weight"]) ?? "(none)"}% -> ${weight ?? "(none)"}%${affecting(affects)}`,
      });
    }
    for (const key of ["name", "description"]) {
      covered.add(`${field}.${id}.${key}`);
      if (str(old[key]) !== str(item[key]))
        details.push({
          type: "objective",
          field: `${field}.${id}.${key}`,
          affects,
          text: `${noun} ${id} ${key} changed${affecting(affects)}`,
        });
    }
  }
  for (const id of a.keys()) {
    if (b.has(id)) continue;
    covered.add(`${field}.${id}`);
    const affects = affected(id);
    details.push({
      type: "objective",
      field: `${field}.${id}`,
      affects,
      text: `${noun} ${id} removed${affecting(affects)}`,
    });
  }
  return details;
}

/** A portfolio: owner, parent, envelope, objectives and prioritisation weights. */
export function diffPortfolio(before: Value, after: Value, ctx: DiffContext): KindDiff {
  const covered = new Covered();
  const details: Detail[] = [];
  const id = str(after["id"]) ?? "";
  for (const role of ["owner", "parent"] as const) {
    covered.add(role);
    const from = str(before[role]);
    const to = str(after[role]);
    if (from !== to)
      details.push({
        type: role === "owner" ? "owner" : "portfolio",
        field: role,
        from,
        to,
        text: `${role} ${from ?? "(none)"} -> ${to ?? "(none)"}`,
      });
  }
  const ba = obj(before["budget"]) ?? {};
  const bb = obj(after["budget"]) ?? {};
  covered.add("budget.envelope");
  const envelope = moneyDetail(
    "budget.envelope",
    "budget envelope",
    num(ba["envelope"]),
    num(bb["envelope"]),
    str(bb["currency"]) ?? ctx.head.currency,
  );
  if (envelope) details.push(envelope);
  details.push(
    ...weighted(
      before["objectives"],
      after["objectives"],
      "objectives",
      "objective",
      (o) => contributors(o, ctx),
      covered,
    ),
  );
  const scored = ctx.headCatalog
    .projectsOf(id)
    .map((p) => p.value.id)
    .sort();
  details.push(
    ...weighted(
      obj(before["prioritisation"])?.["criteria"],
      obj(after["prioritisation"])?.["criteria"],
      "prioritisation.criteria",
      "prioritisation criterion",
      () => scored,
      covered,
    ),
  );
  return { details, covered };
}

/** The engagement: its objectives (with the projects contributing to them) and the rest as fields. */
export function diffEngagement(before: Value, after: Value, ctx: DiffContext): KindDiff {
  const covered = new Covered();
  const details = weighted(
    before["objectives"],
    after["objectives"],
    "objectives",
    "engagement objective",
    (o) => contributors(o, ctx),
    covered,
  );
  return { details, covered };
}

/** Issues and decisions: status and the people responsible. */
export function diffRaid(before: Value, after: Value): KindDiff {
  const covered = new Covered();
  const details: Detail[] = [];
  for (const [field, type] of [
    ["status", "status"],
    ["owner", "owner"],
    ["decidedBy", "owner"],
    ["escalatedTo", "owner"],
  ] as const) {
    covered.add(field);
    const from = str(before[field]);
    const to = str(after[field]);
    if (from !== to)
      details.push({
        type,
        field,
        from,
        to,
        text: `${field === "decidedBy" ? "decided by" : field === "escalatedTo" ? "escalated to" : field} ${from ?? "(none)"} -> ${to ?? "(none)"}`,
      });
  }
  return { details, covered };
}
