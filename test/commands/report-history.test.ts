import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { commitAll, copyInto, makeGitRepo, writeFiles } from "../helpers/git.js";
import { makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * `pmo report` inside a git repository: three commits of the bundled example in which
 * PRJ-007 worsens (amber, then amber/red, then red) and its forecast grows, PRJ-009 improves
 * and PRJ-014 moves from initiation to planning. The engagement reports fortnightly, so with
 * --as-of 2026-11-30 the previous report is 16 Nov 2026: the second commit is the baseline.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
const example = path.join(projectRoot, "examples/meridian-water");
const PRJ_007 = "projects/network/PRJ-007.yaml";
const PRJ_009 = "projects/leakage/PRJ-009.yaml";
const PRJ_014 = "projects/digital/PRJ-014.yaml";

const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

let dir: string;
const temps: string[] = [];
const read = (rel: string): string => readFileSync(path.join(dir, rel), "utf8");
const edit = (rel: string, from: RegExp, to: string): void => {
  const text = read(rel);
  expect(text).toMatch(from);
  writeFileSync(path.join(dir, rel), text.replace(from, to));
};

beforeAll(() => {
  dir = makeGitRepo();
  temps.push(dir);
  copyInto(dir, example);
  const now = { [PRJ_007]: read(PRJ_007), [PRJ_009]: read(PRJ_009), [PRJ_014]: read(PRJ_014) };
  // 15 Sep: PRJ-007 amber at a lower forecast, PRJ-009 amber, PRJ-014 in initiation.
  edit(PRJ_007, /\n {2}overall: red\n/, "\n  overall: amber\n");
  edit(PRJ_007, /\n {2}forecast: 34300000\n/, "\n  forecast: 32500000\n");
  edit(PRJ_009, /\n {2}overall: amber-green\n/, "\n  overall: amber\n");
  edit(PRJ_014, /\nstage: planning\n/, "\nstage: initiation\n");
  commitAll(dir, "September state", "2026-09-15T10:00:00Z");
  // 2 Nov: PRJ-007 amber/red, its forecast up again.
  edit(PRJ_007, /\n {2}overall: amber\n/, "\n  overall: amber-red\n");
  edit(PRJ_007, /\n {2}forecast: 32500000\n/, "\n  forecast: 33400000\n");
  commitAll(dir, "PRJ-007 worsens", "2026-11-02T10:00:00Z");
  // 20 Nov: the example as it is.
  writeFiles(dir, now);
  commitAll(dir, "November report", "2026-11-20T10:00:00Z");
});
afterAll(() => {
  for (const d of temps) removeRepo(d);
});

const report = (...args: string[]) => runCli(["report", ".", "--as-of", "2026-11-30", ...args], { cwd: dir });

describe("pmo report with git history", () => {
  it("shows what changed state since the previous report, with direction, on the dashboard", async () => {
    const result = await report("--out-dir", "out");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const html = read("out/index.html");
    const changed = html.slice(html.indexOf("<h3>What changed state</h3>"), html.indexOf("<h2>Needs a decision</h2>"));
    expect(changed).toContain(
      "Since the previous report on 16 Nov 2026 (one fortnightly reporting period before the as-of date): 1 worsened · 1 improved · 1 changed.",
    );
    const rows = [...changed.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    expect(rows).toEqual([
      "PRJ-007 Smart metering rollout phase 1WorsenedAmber/Red → Red20 Nov 2026",
      "PRJ-009 DMA optimisationImprovedAmber → Amber/Green20 Nov 2026",
      "PRJ-014 Customer portal and app refreshChangedInitiation → Planning20 Nov 2026",
    ]);
    expect(changed).toContain(`<td class="change-worsened">Worsened</td>`);
    expect(html).not.toContain("Left out");
  });

  it("draws the portfolio's status per period and its forecast drift on the dashboard", async () => {
    await report("--out-dir", "out");
    const html = read("out/index.html");
    const trends = html.slice(html.indexOf("<h2>Trends</h2>"), html.indexOf("<h2>Milestones</h2>"));
    expect(trends).toContain("the portfolio at the last commit of each week");
    expect(trends).toContain("<title id=");
    expect(trends).toMatch(/<title id="[^"]+">Projects by overall status, week by week<\/title>/);
    expect(trends).toMatch(/<title id="[^"]+">Portfolio forecast at completion over time \(GBP\)<\/title>/);
    // The portfolio forecast grew by PRJ-007's 0.9M, then 0.9M again.
    expect(trends).toContain("Total forecast, end of each week: from 351.1M on 20 Sep 2026 to 352.9M on 30 Nov 2026.");
    // The legend and the text alternative count the projects of the last period, not project-periods.
    expect(trends).toContain(
      "week of 30 Nov 2026: 29 in all: 17 Green, 7 Amber/Green, 3 Amber, 1 Amber/Red, 1 Red. 12 periods shown, from week of 14 Sep 2026 to week of 30 Nov 2026.",
    );
  });

  it("draws the project's overall status over time and its forecast at completion on its page", async () => {
    await report("--out-dir", "out");
    const html = read("out/projects/PRJ-007.html");
    const trends = html.slice(html.indexOf("<h2>Trends</h2>"), html.indexOf("<h2>Risks</h2>"));
    expect(trends).toMatch(
      /<title id="[^"]+">PRJ-007 Smart metering rollout phase 1: overall status over time<\/title>/,
    );
    expect(trends).toContain(
      "Amber from 15 Sep 2026. 2 changes: Amber to Amber/Red on 2 Nov 2026; Amber/Red to Red on 20 Nov 2026. Red as of 30 Nov 2026.",
    );
    // The y axis is the status scale, labelled.
    for (const label of ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"])
      expect(trends).toContain(`>${label}</text>`);
    expect(trends).toMatch(
      /<title id="[^"]+">PRJ-007 Smart metering rollout phase 1: forecast at completion over time \(GBP\)<\/title>/,
    );
    expect(trends).toContain("Forecast at completion (GBP): from 32.5M on 15 Sep 2026 to 34.3M on 20 Nov 2026.");
    expect(html).not.toContain("Left out");
  });

  it("writes valid HTML for the pages with trends", async () => {
    await report("--out-dir", "out");
    for (const file of ["out/index.html", "out/projects/PRJ-007.html", "out/projects/PRJ-014.html"]) {
      const result = await validator.validateString(read(file), file);
      expect(
        result.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
      ).toEqual([]);
    }
  });

  it("writes the trend charts beside the Markdown pages and links them", async () => {
    const result = await report("--format", "md", "--out-dir", "out-md");
    expect(result.code).toBe(0);
    const page = read("out-md/projects/PRJ-007.md");
    expect(page).toContain("](../charts/status-history-PRJ-007.svg)");
    expect(page).toContain("](../charts/forecast-history-PRJ-007.svg)");
    expect(read("out-md/charts/status-history-PRJ-007.svg")).toContain("overall status over time");
    const index = read("out-md/index.md");
    expect(index).toContain("### What changed state");
    expect(index).toContain(
      "| [PRJ-007](projects/PRJ-007.md) Smart metering rollout phase 1 | **Worsened** | 🟠 Amber/Red → 🔴 Red |  | 20 Nov 2026 |",
    );
    expect(index).toContain("](charts/status-by-week.svg)");
    expect(index).toContain("](charts/forecast-by-week-GBP.svg)");
  });

  it("is byte-identical on a second run", async () => {
    await report("--out-dir", "a");
    await report("--out-dir", "b");
    for (const file of ["index.html", "projects/PRJ-007.html"]) expect(read(`b/${file}`)).toBe(read(`a/${file}`));
  });

  it("counts a change not committed yet, without a commit date", async () => {
    const text = read(PRJ_009);
    try {
      writeFileSync(path.join(dir, PRJ_009), text.replace(/\n {2}overall: amber-green\n/, "\n  overall: red\n"));
      await report("--out-dir", "out-dirty");
      const html = read("out-dirty/index.html");
      expect(html.replace(/<[^>]+>/g, "")).toContain("PRJ-009 DMA optimisationWorsenedAmber → Rednot yet");
    } finally {
      writeFileSync(path.join(dir, PRJ_009), text);
    }
  });

  it("leaves the history out with --no-history, and says so", async () => {
    const result = await report("--no-history", "--out-dir", "out-off");
    expect(result.code).toBe(0);
    const html = read("out-off/index.html");
    expect(html).toContain("Left out: this report was made with --no-history.");
    expect(html).not.toContain("Projects by overall status, week by week");
    expect(read("out-off/projects/PRJ-007.html")).toContain("Left out: this report was made with --no-history.");
    // The footer still names the commit.
    expect(html).toMatch(/from commit <code>[0-9a-f]{40}<\/code>/);
  });
});

describe("pmo report without git history", () => {
  it("says that the trends and the changes of state need git, outside a repository", async () => {
    const plain = makeRepo({});
    temps.push(plain);
    copyInto(plain, example);
    const result = await runCli(["report", ".", "--as-of", "2026-11-30", "--out-dir", "out"], { cwd: plain });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(plain, "out/index.html"), "utf8");
    const note = "Left out: this needs the git history, and the repository is not in git.";
    expect(
      html.slice(html.indexOf("<h3>What changed state</h3>"), html.indexOf("<h2>Needs a decision</h2>")),
    ).toContain(note);
    expect(html.slice(html.indexOf("<h2>Trends</h2>"), html.indexOf("<h2>Milestones</h2>"))).toContain(note);
    expect(readFileSync(path.join(plain, "out/projects/PRJ-007.html"), "utf8")).toContain(note);
  });

  it("says there is nothing to compare with when the history starts after the previous report", async () => {
    const young = makeGitRepo();
    temps.push(young);
    copyInto(young, example);
    commitAll(young, "first", "2026-11-25T09:00:00Z");
    const result = await runCli(["report", ".", "--as-of", "2026-11-30", "--out-dir", "out"], { cwd: young });
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(young, "out/index.html"), "utf8");
    expect(html).toContain(
      "Nothing to compare with yet: the git history starts on 25 Nov 2026, after the previous report date.",
    );
    expect(readFileSync(path.join(young, "out/projects/PRJ-007.html"), "utf8")).toMatch(
      /<title id="[^"]+">PRJ-007 [^<]*: overall status over time<\/title>/,
    );
  });
});
