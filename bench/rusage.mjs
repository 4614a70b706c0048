#!/usr/bin/env node
// Run a Node script in this process and report its peak memory.
//
//   PMO_BENCH_RUSAGE_FILE=/tmp/rss node bench/rusage.mjs bin/pmo.js validate repo
//
// The script sees the usual process.argv ([node, script, ...args]). When the process exits,
// process.resourceUsage().maxRSS (kilobytes) is written to $PMO_BENCH_RUSAGE_FILE, so the
// parent gets the child's peak RSS without /usr/bin/time.

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node bench/rusage.mjs <script> [args...]");
  process.exit(2);
}
const output = process.env.PMO_BENCH_RUSAGE_FILE;
if (output) {
  process.on("exit", () => writeFileSync(output, `${process.resourceUsage().maxRSS}\n`));
}
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
