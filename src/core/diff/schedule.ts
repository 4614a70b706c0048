import type { PmoDocument } from "../../model/document.js";
import type { Engagement, Project } from "../../model/entities.js";
import { type PortfolioSchedule, buildSchedule } from "../analytics/schedule/index.js";
import { daysBetween } from "../dates.js";
import type { SlipPropagation } from "./types.js";

/**
 * What a change's slips push downstream: for every milestone whose own date (forecast, else
 * baseline) moved later, the items reachable through its links whose date in the schedule
 * network moved too, with the float that absorbed the rest. A side whose links form a cycle
 * (validation's finding) gives no propagation.
 */
export function slipPropagation(
  base: readonly PmoDocument[],
  head: readonly PmoDocument[],
  asOf: string,
): SlipPropagation[] {
  const a = schedule(base, asOf);
  const b = schedule(head, asOf);
  if (!a || !b) return [];
  const successors = new Map<string, string[]>();
  for (const l of b.links) successors.set(l.from, [...(successors.get(l.from) ?? []), l.to]);
  const ownDate = (s: PortfolioSchedule, key: string): string | undefined => {
    const it = s.byKey.get(key);
    return it && !it.complete ? (it.forecast ?? it.baseline) : undefined;
  };
  const sources = new Map<string, number>();
  for (const it of b.items) {
    const before = ownDate(a, it.key);
    const after = ownDate(b, it.key);
    if (before === undefined || after === undefined) continue;
    const days = daysBetween(before, after);
    if (days > 0) sources.set(it.key, days);
  }
  const out: SlipPropagation[] = [];
  for (const [key, days] of sources) {
    const pushes: SlipPropagation["pushes"] = [];
    const seen = new Set([key]);
    const queue = [...(successors.get(key) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const before = a.byKey.get(next);
      const after = b.byKey.get(next);
      if (!before || !after || after.complete || sources.has(next)) continue;
      const moved = daysBetween(before.earlyFinish, after.earlyFinish);
      if (moved <= 0) continue;
      pushes.push({ key: next, days: moved, float: Math.max(0, days - moved) });
      queue.push(...(successors.get(next) ?? []));
    }
    out.push({ key, days, pushes });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function schedule(documents: readonly PmoDocument[], asOf: string): PortfolioSchedule | undefined {
  const engagement = documents.find((d) => d.kind === "Engagement")?.value as Engagement | undefined;
  const projects = documents
    .filter((d) => d.kind === "Project" && d.id !== undefined)
    .map((doc) => ({ doc, value: doc.value as unknown as Project }));
  try {
    return buildSchedule({ engagement, projects }, asOf);
  } catch {
    // A cycle, or a side that fails validation in a way the pass cannot read: no propagation.
    return undefined;
  }
}

/** `PRJ-002/M3 +14 days → pushes PRJ-007/M1 +9 days (float 5)`. */
export function describePropagation(p: SlipPropagation): string {
  const d = (n: number): string => `+${n} ${n === 1 ? "day" : "days"}`;
  if (p.pushes.length === 0) return `${p.key} ${d(p.days)} → absorbed by float (nothing downstream moves)`;
  return `${p.key} ${d(p.days)} → pushes ${p.pushes.map((x) => `${x.key} ${d(x.days)} (float ${x.float})`).join(", ")}`;
}
