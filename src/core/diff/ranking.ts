import { KINDS as ALL_KINDS, type PmoDocument } from "../../model/document.js";
import { rankAll, type Ranking } from "../analytics/prioritisation/index.js";
import { buildCatalog } from "../domain/index.js";
import type { Settings } from "../rules/index.js";
import type { RankMove } from "./types.js";

/** The kinds the catalog holds (a document of any other kind is not ranked). */
const KINDS: ReadonlySet<string> = new Set(ALL_KINDS);

/** Every portfolio's ranking on one side, from the documents that validate. */
function rankings(documents: readonly PmoDocument[], invalid: ReadonlySet<string>, settings: Settings): Ranking[] {
  const valid = documents.filter((d) => KINDS.has(d.kind) && d.id !== undefined && !invalid.has(`${d.kind}\0${d.id}`));
  try {
    return rankAll(buildCatalog(valid), settings);
  } catch {
    // A ranking needs a consistent repository (its portfolios and methods); validation says what is wrong.
    return [];
  }
}

/**
 * Projects whose place in their portfolio's ranking changed (`pmo rank`: the same method,
 * envelope and funding order): the rank, the score and the funding state before and after.
 * A project crossing the cut line (funded before and below the line now, or the reverse) is
 * what a board decides on; the rank changes are listed with it. Projects joining or leaving a
 * ranking are not rank changes (they are new, removed or moved to another portfolio).
 */
export function rankChanges(
  base: { documents: readonly PmoDocument[]; invalid: ReadonlySet<string>; settings: Settings },
  head: { documents: readonly PmoDocument[]; invalid: ReadonlySet<string>; settings: Settings },
  renamedFrom: ReadonlyMap<string, string>,
): RankMove[] {
  const before = new Map<string, Map<string, Ranking["rows"][number]>>();
  for (const r of rankings(base.documents, base.invalid, base.settings))
    before.set(r.portfolio.id, new Map(r.rows.map((row) => [row.candidate.id, row])));
  const out: RankMove[] = [];
  for (const r of rankings(head.documents, head.invalid, head.settings)) {
    const old = before.get(r.portfolio.id);
    if (!old) continue;
    for (const row of r.rows) {
      const was = old.get(renamedFrom.get(row.candidate.id) ?? row.candidate.id);
      if (!was) continue;
      const crossed =
        (was.funding === "funded" && row.funding === "below-line") ||
        (was.funding === "below-line" && row.funding === "funded");
      if (was.rank === row.rank && !crossed) continue;
      out.push({
        portfolio: r.portfolio.id,
        id: row.candidate.id,
        name: row.candidate.name,
        fromRank: was.rank,
        toRank: row.rank,
        ...(was.score.value !== undefined && { fromScore: was.score.value }),
        ...(row.score.value !== undefined && { toScore: row.score.value }),
        fromFunding: was.funding,
        toFunding: row.funding,
        ...(crossed && { crossedCutLine: row.funding === "below-line" ? "now below" : "now funded" }),
      });
    }
  }
  // Crossings first (now below the line first), then by portfolio and new rank.
  const key = (m: RankMove) => (m.crossedCutLine === "now below" ? 0 : m.crossedCutLine === "now funded" ? 1 : 2);
  return out.sort(
    (x, y) =>
      key(x) - key(y) || (x.portfolio < y.portfolio ? -1 : x.portfolio > y.portfolio ? 1 : 0) || x.toRank - y.toRank,
  );
}
