#!/usr/bin/env node
// Times what `pmo evm --format json` does after the load, in-process and once (cold, as the
// command runs it): the documents that pass their schema, the catalog, every project measured
// and rolled up, and the JSON written in pieces (counted, not written anywhere). Prints JSON:
// { projects, loadSeconds, afterLoadSeconds, afterLoadCpuSeconds, jsonBytes }.
//
//   node bench/evm.mjs bench/.repos/p10000

import { formatEvmJsonPieces, measureEvm } from "../dist/core/analytics/evm/index.js";
import { buildCatalog } from "../dist/core/catalog/index.js";
import { loadWorkspace } from "../dist/core/load/index.js";
import { EVM_PLAN_KINDS, usableDocuments } from "../dist/commands/baseline-plan.js";
import { AS_OF } from "./generate.mjs";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node bench/evm.mjs <repository>");
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

let t = process.hrtime.bigint();
// As src/commands/evm.ts loads: its kinds, schemas checked while loading.
const workspace = await loadWorkspace(dir, { schema: true, kinds: [...EVM_PLAN_KINDS] });
const loadSeconds = seconds(t);

t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const { documents } = usableDocuments(workspace.documents);
const report = measureEvm(buildCatalog(documents), { asOf: AS_OF, explanations: false });
let jsonBytes = 0;
for (const piece of formatEvmJsonPieces(report, false)) jsonBytes += Buffer.byteLength(piece);
const afterLoadSeconds = seconds(t);
const used = process.cpuUsage(cpu);
// The engagement's roll-ups (one per currency) count every measured project, summed or left out.
const projects = report.rollups
  .filter((r) => r.scope === "engagement")
  .reduce((n, r) => n + r.counted.length + r.leftOut.length, 0);
process.stdout.write(
  `${JSON.stringify({ projects, loadSeconds, afterLoadSeconds, afterLoadCpuSeconds: (used.user + used.system) / 1e6, jsonBytes }, null, 2)}\n`,
);
