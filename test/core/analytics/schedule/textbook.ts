import type { LinkType, NetworkActivity, NetworkLink } from "../../../../src/core/analytics/schedule/index.js";

/** One row of a textbook activity table: id, duration, predecessors written `B`, `B(SS1)`, `C(FF-2)`. */
export type Row = [id: string, duration: number, predecessors: string];

/** Builds engine input from an activity table; every activity starts no earlier than 0. */
export function network(rows: Row[]): { activities: NetworkActivity[]; links: NetworkLink[] } {
  const activities = rows.map(([key, duration]) => ({ key, duration, startNoEarlierThan: 0 }));
  const links: NetworkLink[] = [];
  for (const [to, , preds] of rows) {
    for (const p of preds
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^([^()]+)(?:\((FS|SS|FF|SF)(-?\d+(?:\.\d+)?)?\))?$/.exec(p);
      if (!m) throw new Error(`bad predecessor ${p}`);
      links.push({ from: m[1]!, to, type: (m[2] ?? "FS") as LinkType, lag: Number(m[3] ?? 0) });
    }
  }
  return { activities, links };
}
