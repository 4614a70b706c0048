import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * What a command loads when it starts: the modules Node resolves on importing the built
 * command (dist/, which npm test builds first), recorded by a resolution hook. pmo rank and
 * pmo select run on repositories of 10,000 projects within 2 s, so they load what ranking
 * needs and no more: not the report (templates, Handlebars, every view), not every governance
 * rule, not ajv's schema compiler (the validators are generated at build time).
 */
const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const hook = pathToFileURL(path.join(root, "test/fixtures/startup/register.mjs")).href;

function modulesLoadedBy(distModule: string): string[] {
  const url = pathToFileURL(path.join(root, "dist", distModule)).href;
  const run = spawnSync(
    process.execPath,
    ["--import", hook, "--input-type=module", "-e", `await import(${JSON.stringify(url)});`],
    {
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("loaded "))
    .map((line) => line.slice("loaded ".length).split(path.sep).join("/"));
}

const HEAVY = [
  ["the report module", /\/dist\/core\/report\/index\.js$/],
  ["Handlebars", /\/node_modules\/handlebars\//],
  ["every governance rule", /\/dist\/core\/rules\/index\.js$/],
  ["ajv's schema compiler", /\/node_modules\/ajv\/dist\/(2020|core)\.js$/],
] as const;

describe("start-up of pmo rank and pmo select (commands/rank.js)", () => {
  const loaded = modulesLoadedBy("commands/rank.js");

  it("loads the loader, validation and the prioritisation engine", () => {
    for (const needed of ["core/load/index.js", "core/validate/index.js", "core/analytics/prioritisation/index.js"])
      expect(
        loaded.some((url) => url.endsWith(`/dist/${needed}`)),
        needed,
      ).toBe(true);
  });

  it.each(HEAVY)("does not load %s", (_what, pattern) => {
    expect(loaded.filter((url) => pattern.test(url))).toEqual([]);
  });
});
