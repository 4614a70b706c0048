import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlValidate } from "html-validate";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { commitAll, copyInto, git, makeGitRepo, writeFiles } from "../helpers/git.js";
import { removeRepo } from "../helpers/repo.js";

/**
 * The worked two-branch example of docs/prioritisation.md ("Scenarios as branches"): the
 * bundled example on main, and a branch scenario/cut-20pct that cuts every portfolio's
 * envelope by 20%. The outputs are golden files, and the documentation must show them as
 * they are (commit ids aside, which change with the example's content).
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
const golden = (name: string): string => path.join(projectRoot, "test/commands/__golden__", name);
const AS_OF = ["--as-of", "2026-11-30"];

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

/** Every `envelope: N` of the example's portfolios, cut by 20%. */
function cutEnvelopes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const id of ["PF-ASSET", "PF-DIGITAL", "PF-NETWORK", "PG-LEAKAGE"]) {
    const rel = `portfolios/${id}.yaml`;
    const text = readFileSync(path.join(dir, rel), "utf8");
    const cut = text.replace(/^(\s+envelope: )(\d+)$/m, (_m, key: string, n: string) => `${key}${Number(n) * 0.8}`);
    expect(cut, rel).not.toBe(text);
    files[rel] = cut;
  }
  return files;
}

function scenarioRepo(): string {
  const dir = makeGitRepo();
  repos.push(dir);
  copyInto(dir, path.join(projectRoot, "examples/meridian-water"));
  commitAll(dir, "Meridian Water as approved", "2026-11-02T09:00:00Z");
  git(dir, "checkout", "-q", "-b", "scenario/cut-20pct");
  writeFiles(dir, cutEnvelopes(dir));
  commitAll(dir, "Scenario: every envelope cut by 20%", "2026-11-03T09:00:00Z");
  git(dir, "checkout", "-q", "main");
  return dir;
}

/**
 * Commit ids ("main (1a2b3c4)", "from commit <code>1a2b...</code>") depend on every byte of the
 * example, so the goldens and the docs hold them as x's of the same width: an edit to the
 * example changes only the goldens it really changes.
 */
const withoutCommits = (text: string): string =>
  text.replace(/(?<=\()[0-9a-f]{7}(?=\))|(?<=<code>|`)(?:[0-9a-f]{7}|[0-9a-f]{40})(?=<\/code>|`)/g, (id) =>
    "x".repeat(id.length),
  );

/** The fenced block of docs/prioritisation.md that follows the given marker line. */
function docBlock(marker: string): string {
  const doc = readFileSync(path.join(projectRoot, "docs/prioritisation.md"), "utf8");
  const at = doc.indexOf(marker);
  expect(at, `docs/prioritisation.md has "${marker}"`).toBeGreaterThanOrEqual(0);
  const open = doc.indexOf("```\n", at);
  const close = doc.indexOf("\n```", open + 4);
  return doc.slice(open + 4, close + 1);
}

describe("the two-branch example: pmo compare main scenario/cut-20pct", () => {
  const dir = scenarioRepo();

  it("sets the two branches side by side (table), as docs/prioritisation.md shows", async () => {
    const r = await runCli(["compare", "main", "scenario/cut-20pct", ...AS_OF], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expect(withoutCommits(r.stdout)).toMatchFileSnapshot(golden("compare-cut-20pct.txt"));
    // The documentation shows the first portfolio's part of it.
    const shown = withoutCommits(docBlock("<!-- compare-cut-20pct -->"));
    expect(shown).toContain("PF-ASSET Asset Renewal and Treatment");
    expect(withoutCommits(r.stdout).startsWith(shown)).toBe(true);
  });

  it("moves the cut line: with 20% less, PRJ-024 and PRJ-025 (PF-ASSET) and PRJ-028 (PF-DIGITAL) fall below it", async () => {
    const r = await runCli(["compare", "main", "scenario/cut-20pct", "--format", "json", ...AS_OF], { cwd: dir });
    const json = JSON.parse(r.stdout);
    const below = (id: string) =>
      json.portfolios
        .find((p: { id: string }) => p.id === id)
        .columns.map((c: { belowLine: string[] }) => [...c.belowLine].sort());
    expect(below("PF-ASSET")).toEqual([
      ["PRJ-005", "PRJ-022", "PRJ-023"],
      ["PRJ-005", "PRJ-022", "PRJ-023", "PRJ-024", "PRJ-025"],
    ]);
    expect(below("PF-DIGITAL")).toEqual([
      ["PRJ-027", "PRJ-029"],
      ["PRJ-027", "PRJ-028", "PRJ-029"],
    ]);
  });

  it("answers what stops with 20% less when committed work competes too (pmo select --budget 80%)", async () => {
    const r = await runCli(
      ["select", "PF-ASSET", "--budget", "80%", "--funding-order", "rank", "--format", "json", ...AS_OF],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).selections[0];
    expect(s.budget).toBe(148_000_000);
    expect(s.status).toBe("optimal");
    // Ten of the twelve fit exactly; what stops is PRJ-001 (in delivery, GBP 44.1M) and PRJ-023.
    expect(s.cost).toBe(148_000_000);
    expect(s.selected.map((x: { id: string }) => x.id).sort()).toEqual([
      "PRJ-002",
      "PRJ-003",
      "PRJ-004",
      "PRJ-005",
      "PRJ-019",
      "PRJ-020",
      "PRJ-021",
      "PRJ-022",
      "PRJ-024",
      "PRJ-025",
    ]);
  });

  it("with --p80, shows each state's P80 finishes: the same dates pmo forecast gives", async () => {
    const args = ["--iterations", "500", ...AS_OF];
    const r = await runCli(["compare", "main", "scenario/cut-20pct", "--p80", "--format", "json", ...args], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    const asset = JSON.parse(r.stdout).portfolios.find((p: { id: string }) => p.id === "PF-ASSET");
    const forecast = JSON.parse((await runCli(["forecast", "--format", "json", ...args], { cwd: dir })).stdout);
    const p80 = new Map<string, string>(
      forecast.projects.map((p: { id: string; p80: string }) => [p.id, p.p80] as [string, string]),
    );
    const rows = asset.projects as { id: string; cells: { p80?: string }[] }[];
    for (const row of rows) expect(row.cells[0]!.p80, row.id).toBe(p80.get(row.id));
    const withForecast = rows.filter((row) => p80.has(row.id));
    expect(withForecast.length).toBeGreaterThan(0);
    const latest = withForecast
      .map((row) => p80.get(row.id)!)
      .sort()
      .at(-1);
    // Cutting envelopes changes no date: both states have the same schedule.
    for (const column of asset.columns) {
      expect(column.p80.latest).toBe(latest);
      expect(column.p80.noForecast).toBe(rows.length - withForecast.length);
    }
    const plain = await runCli(["compare", "main", "scenario/cut-20pct", "--format", "json", ...AS_OF], { cwd: dir });
    expect(JSON.parse(plain.stdout).portfolios[0].columns[0].p80).toBeNull();
  });
});

/** Commit ids anywhere in a page: the footer's, the compared ref's (they change with the example's content). */

/** The body of an HTML page: the head holds the stylesheet, which is the layout's, not this page's. */
const bodyOf = (html: string): string => html.slice(html.indexOf("<body>"), html.indexOf("</body>") + 7);

describe("the two-branch example in the report: pmo report --compare scenario/cut-20pct", () => {
  const dir = scenarioRepo();
  const work = mkdtempSync(path.join(os.tmpdir(), "pmo-report-compare-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const report = (out: string, ...args: string[]) =>
    runCli(["report", "--compare", "scenario/cut-20pct", "--out-dir", path.join(work, out), ...args, ...AS_OF], {
      cwd: dir,
    });

  it("adds a scenario page to the site, linked from every page (HTML golden)", async () => {
    const r = await report("html");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const page = readFileSync(path.join(work, "html/scenarios.html"), "utf8");
    await expect(withoutCommits(bodyOf(page))).toMatchFileSnapshot(golden("report-scenarios.html"));
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    const result = await validator.validateString(page, "scenarios.html");
    expect(result.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.message}`))).toEqual([]);
    for (const other of ["index.html", "rankings/PF-ASSET.html", "projects/PRJ-024.html"])
      expect(readFileSync(path.join(work, "html", other), "utf8"), other).toMatch(
        /<a href="(\.\.\/)?scenarios\.html">Scenarios<\/a>/,
      );
    // Without --compare there is no such page, and no link to it.
    const plain = await runCli(["report", "--out-dir", path.join(work, "plain"), ...AS_OF], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(existsSync(path.join(work, "plain/scenarios.html"))).toBe(false);
    expect(readFileSync(path.join(work, "plain/index.html"), "utf8")).not.toContain("scenarios.html");
  });

  it("shows what pmo compare prints for the same two states (Markdown golden)", async () => {
    const r = await report("md", "--format", "md");
    expect(r.code).toBe(0);
    const page = readFileSync(path.join(work, "md/scenarios.md"), "utf8");
    await expect(withoutCommits(page)).toMatchFileSnapshot(golden("report-scenarios.md"));
    // Every summary row pmo compare prints for the working tree beside the branch is on the page.
    const compare = await runCli(["compare", "working-tree", "scenario/cut-20pct", "--format", "markdown", ...AS_OF], {
      cwd: dir,
    });
    const summary = compare.stdout
      .split("\n")
      .filter((line) => /^\| (Envelope|Available|Committed|Funded|Below|Cost unknown|Status mix) /.test(line));
    expect(summary.length).toBe(4 * 7);
    for (const line of summary) expect(page).toContain(line);
    // What a 20% cut stops: the three projects docs/prioritisation.md names.
    const crossing = page.slice(page.indexOf("## Crossing the cut line"), page.indexOf("## PF-ASSET"));
    expect([...crossing.matchAll(/\[(PRJ-\d+)\]/g)].map((m) => m[1])).toEqual(["PRJ-024", "PRJ-025", "PRJ-028"]);
  });

  it("puts the comparison in the one-file report", async () => {
    const r = await report("single", "--single");
    expect(r.code).toBe(0);
    const page = readFileSync(path.join(work, "single/report.html"), "utf8");
    expect(page).toContain('<a href="#scenarios">Scenarios</a>');
    expect(page).toContain('<h1 id="scenarios">Scenario comparison</h1>');
  });

  it("writes nothing when the compared ref has validation errors or does not exist", async () => {
    git(dir, "checkout", "-q", "-b", "scenario/broken");
    writeFiles(dir, { "projects/PRJ-024.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-024\n" });
    commitAll(dir, "A broken project", "2026-11-04T09:00:00Z");
    git(dir, "checkout", "-q", "main");
    const broken = await runCli(
      ["report", "--compare", "scenario/broken", "--out-dir", path.join(work, "broken"), ...AS_OF],
      { cwd: dir },
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("projects/PRJ-024.yaml");
    expect(broken.stderr).toContain("report not written");
    expect(existsSync(path.join(work, "broken"))).toBe(false);
    const unknown = await runCli(
      ["report", "--compare", "no-such-branch", "--out-dir", path.join(work, "unknown"), ...AS_OF],
      { cwd: dir },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no-such-branch");
    expect(existsSync(path.join(work, "unknown"))).toBe(false);
  });
});
