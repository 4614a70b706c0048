#!/usr/bin/env node
// Times the prioritisation engine in-process, without loading and validating the files:
// ranking every portfolio, then an exact selection for each (committed work first, and with
// everything competing). Prints JSON: { loadSeconds, rankSeconds, selectSeconds, ... }.
//
//   node bench/prioritisation.mjs bench/.repos/p10000

import { buildCatalog } from "../dist/core/catalog/index.js";
import { loadWorkspace } from "../dist/core/load/index.js";
import { rankAll, selectPortfolio } from "../dist/core/analytics/prioritisation/index.js";
import { resolveSettings } from "../dist/core/rules/index.js";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node bench/prioritisation.mjs <repository>");
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

let t = process.hrtime.bigint();
// The kinds pmo rank and pmo select read (src/commands/rank.ts).
const workspace = await loadWorkspace(dir, { kinds: ["Engagement", "Portfolio", "Project", "Person", "Decision"] });
const catalog = buildCatalog(workspace.documents);
const settings = resolveSettings(catalog.engagement?.value);
const loadSeconds = seconds(t);

t = process.hrtime.bigint();
const rankings = rankAll(catalog, settings);
const rankSeconds = seconds(t);

const lookup = (id) => catalog.project(id)?.value;
const selectAll = (fundingOrder) => {
  const start = process.hrtime.bigint();
  let nodes = 0;
  const statuses = {};
  let candidates = 0;
  for (const r of rankings) {
    if (r.available === undefined) continue;
    const s = selectPortfolio(r, { lookup, fundingOrder });
    nodes += s.nodes;
    candidates = Math.max(candidates, r.rows.length);
    statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  }
  return { seconds: seconds(start), nodes, statuses, largestPortfolio: candidates };
};
const committedFirst = selectAll("committed-first");
const everything = selectAll("rank");
process.stdout.write(
  `${JSON.stringify({ portfolios: rankings.length, projects: rankings.reduce((s, r) => s + r.rows.length, 0), loadSeconds, rankSeconds, committedFirst, everything }, null, 2)}\n`,
);
