#!/usr/bin/env node
// The parse alone, in one process: every YAML file of a repository read by each of pmo's
// readers (after `npm run build`), reported in MB/s of text and as the share each accepts.
//
//   node bench/parse.mjs [repo] [--rounds N]     (default bench/.repos/p10000, 3 rounds)
//
// The texts are read into memory first, so file-system time is not counted; each reader runs
// over all of them `rounds` times and the fastest round is kept (the machine is shared).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { scanHead } from "../dist/core/load/head.js";
import { normaliseLineBreaks, readFull, readJsYaml } from "../dist/core/load/yaml-read.js";
import { readSubset } from "../dist/core/load/subset-read.js";

const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const repo = args[0] ?? "bench/.repos/p10000";

const texts = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.ya?ml$/.test(entry.name)) texts.push(normaliseLineBreaks(readFileSync(full, "utf8")));
  }
};
walk(repo);
const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;

const readers = {
  "subset reader (readSubset)": readSubset,
  "decline regex + js-yaml (readJsYaml)": readJsYaml,
  "head scanner (scanHead)": scanHead,
  // The yaml package is far slower: one round over a tenth of the files is enough.
  "yaml package (readFull), 1 file in 10": (t, i) => (i % 10 === 0 ? readFull(t) : undefined),
};

console.log(`${texts.length} files, ${mb.toFixed(1)} MB, ${rounds} rounds, load ${loadavg()[0].toFixed(2)}`);
for (const [name, read] of Object.entries(readers)) {
  let best = Infinity;
  let answered = 0;
  const n = name.startsWith("yaml package") ? 1 : rounds;
  for (let r = 0; r < n; r++) {
    answered = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) if (read(texts[i], i) !== undefined) answered++;
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  const share = name.startsWith("yaml package") ? 0.1 : 1;
  console.log(
    `${name.padEnd(40)} ${best.toFixed(3)} s CPU  ${((mb * share) / best).toFixed(0).padStart(5)} MB/s  answers ${((100 * answered) / (texts.length * share)).toFixed(1)}%`,
  );
}
console.log(`load ${loadavg()[0].toFixed(2)}`);
