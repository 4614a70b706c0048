#!/usr/bin/env node
// Run a Node script in this process and report its peak memory and CPU time.
//
//   PMO_BENCH_RUSAGE_FILE=/tmp/rss node bench/rusage.mjs bin/pmo.js validate repo
//
// The script sees the usual process.argv ([node, script, ...args]). When the process exits,
// `<maxRSS kilobytes> <user CPU microseconds> <system CPU microseconds>` from
// process.resourceUsage() is written to $PMO_BENCH_RUSAGE_FILE, so the parent gets the child's
// peak RSS and CPU time without /usr/bin/time. CPU time is what to compare on a busy machine,
// where wall time also counts the time other processes had the cores.

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
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(output, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
  });
}
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
