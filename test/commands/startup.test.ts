import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, removeRepo } from "../helpers/repo.js";

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

/**
 * The modules `pmo validate` loads when it runs on a repository: ES modules through the hook,
 * CommonJS packages from Node's module cache once the command has finished. A clean repository
 * of plain block-style files is read by the subset reader alone, so the YAML packages are not
 * loaded (yaml-packages.ts); JSON output without colour needs neither chalk nor string-width's
 * terminal measures, and validation needs no domain model (date-fns).
 */
function modulesLoadedByValidate(dir: string): string[] {
  const cli = pathToFileURL(path.join(root, "dist/cli/index.js")).href;
  const script = `
    import { createRequire } from "node:module";
    const { main } = await import(${JSON.stringify(cli)});
    const code = await main(["validate", ${JSON.stringify(dir)}, "--as-of", "2026-11-30", "--format", "json"]);
    for (const file of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write("loaded " + file + "\\n");
    process.stderr.write("exit " + code + "\\n");`;
  const run = spawnSync(process.execPath, ["--import", hook, "--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain("exit 0\n");
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("loaded "))
    .map((line) => line.slice("loaded ".length).split(path.sep).join("/"));
}

const CLEAN_REPOSITORY = {
  "engagement.yaml": `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client:
  name: Client Ltd
provider:
  name: PMO Partners
pmoType:
  - tactical
phase:
  current: deployment
  since: 2026-01-05
scope:
  services: [governance, reporting]
reporting:
  cadence: weekly
currency: EUR
`,
  "people/ana.yaml": `apiVersion: pmo/v1
kind: Person
id: ana
name: Ana Lima
`,
  "portfolios/pf.yaml": `apiVersion: pmo/v1
kind: Portfolio
id: PF-1
name: Portfolio one
owner: ana
`,
};

describe("start-up of pmo validate --format json on a clean repository", () => {
  const dir = makeRepo(CLEAN_REPOSITORY);
  afterAll(() => removeRepo(dir));
  const loaded = modulesLoadedByValidate(dir);

  it("loads the loader and validation", () => {
    for (const needed of ["core/load/index.js", "core/validate/index.js"])
      expect(
        loaded.some((url) => url.endsWith(`/dist/${needed}`)),
        needed,
      ).toBe(true);
  });

  it.each([
    ["the yaml package", /\/node_modules\/yaml\//],
    ["js-yaml", /\/node_modules\/js-yaml\//],
    ["chalk", /\/node_modules\/chalk\//],
    ["the domain model", /\/dist\/core\/domain\//],
    ["date-fns", /\/node_modules\/date-fns\//],
    ...HEAVY,
  ] as const)("does not load %s", (_what, pattern) => {
    expect(loaded.filter((url) => pattern.test(url))).toEqual([]);
  });
});
