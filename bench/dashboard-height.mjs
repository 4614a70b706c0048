#!/usr/bin/env node
// How tall the report's pages are in a browser: renders the report of a repository and opens
// its dashboard (and the other top-level pages) in headless Chromium at 1400 x 900 px,
// printing the height of each in pixels and in screens of 900 px as JSON. A measurement for
// `npm run bench` (issue: at most 5 screens for 2,500 projects), not a test.
//
//   node bench/dashboard-height.mjs <repo> [--chromium PATH]

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { AS_OF } from "./generate.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const VIEWPORT = { width: 1400, height: 900 };

const [repo, ...rest] = process.argv.slice(2);
const flag = rest.indexOf("--chromium");
const executablePath = flag >= 0 ? rest[flag + 1] : (process.env.PMO_CHROMIUM ?? "/usr/bin/chromium");
if (!repo || !existsSync(executablePath)) {
  console.error(
    `usage: node bench/dashboard-height.mjs <repo> [--chromium PATH] (Chromium at ${executablePath}: ${existsSync(executablePath) ? "found" : "missing"})`,
  );
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), "pmo-bench-height-"));
try {
  const render = spawnSync(process.execPath, ["bin/pmo.js", "report", repo, "--as-of", AS_OF, "--out-dir", out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (render.status !== 0) throw new Error(`pmo report exited ${render.status}: ${render.stderr.split("\n")[0]}`);
  // The top-level pages, and the ranking pages of every portfolio (exception-first at size).
  const pages = [
    ...readdirSync(out).filter((f) => f.endsWith(".html")),
    ...(existsSync(join(out, "rankings"))
      ? readdirSync(join(out, "rankings"))
          .filter((f) => f.endsWith(".html"))
          .map((f) => `rankings/${f}`)
      : []),
  ].sort();
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const heights = {};
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const file of pages) {
      await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: "load", timeout: 120_000 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      heights[file] = { px: height, screens: Math.round((height / VIEWPORT.height) * 10) / 10 };
    }
  } finally {
    await browser.close();
  }
  const tallestOf = (entries) => {
    const [page, h] = entries.sort(([, a], [, b]) => b.px - a.px)[0] ?? [];
    return page === undefined ? null : { page, ...h };
  };
  const all = Object.entries(heights);
  const tallest = tallestOf(all.filter(([page]) => !page.startsWith("rankings/")));
  const tallestRanking = tallestOf(all.filter(([page]) => page.startsWith("rankings/")));
  process.stdout.write(
    `${JSON.stringify({ viewport: VIEWPORT, dashboard: heights["index.html"], tallest, tallestRanking, pages: heights })}\n`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
