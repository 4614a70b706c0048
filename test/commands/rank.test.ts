import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseBudget } from "../../src/commands/rank.js";
import { runCli } from "../helpers/cli.js";
import { commitAll, git, makeGitRepo, writeFiles } from "../helpers/git.js";
import { ENGAGEMENT, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));
const AS_OF = ["--as-of", "2026-11-30"];

const PORTFOLIO = (envelope: number) => `apiVersion: pmo/v1
kind: Portfolio
id: PF
name: Portfolio
owner: ann
objectives:
  - { id: O1, name: Objective one, weight: 100 }
budget: { envelope: ${envelope} }
prioritisation:
  criteria:
    - { id: value, name: Value, weight: 70 }
    - { id: fit, name: Fit, weight: 30, source: alignment }
`;
const project = (
  id: string,
  o: { stage?: string; value?: number; cost?: number; overall?: string; extra?: string } = {},
) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
portfolio: PF
stage: ${o.stage ?? "proposal"}
budget: { forecast: ${o.cost ?? 100} }
status: { asOf: 2026-11-27, overall: ${o.overall ?? "green"} }
contributions: [{ objective: O1, strength: high }]
scores: { value: ${o.value ?? 3} }
${o.extra ?? ""}`;

function scenarioRepo(): string {
  const dir = makeGitRepo({
    "engagement.yaml": ENGAGEMENT,
    "portfolio.yaml": PORTFOLIO(300),
    "p1.yaml": project("P1", { stage: "delivery", value: 2, cost: 150 }),
    "p2.yaml": project("P2", { value: 5, cost: 100 }),
    "p3.yaml": project("P3", { value: 4, cost: 100, overall: "amber" }),
  });
  repos.push(dir);
  commitAll(dir, "base");
  git(dir, "checkout", "-q", "-b", "scenario/cut-20pct");
  writeFiles(dir, {
    "portfolio.yaml": PORTFOLIO(240),
    "p3.yaml": project("P3", { value: 4, cost: 100, stage: "cancelled" }),
  });
  commitAll(dir, "cut 20%", "2026-11-03T09:00:00Z");
  git(dir, "checkout", "-q", "main");
  return dir;
}

describe("pmo compare", () => {
  it("sets two branches side by side from git, without a checkout", async () => {
    const dir = scenarioRepo();
    const r = await runCli(["compare", "main", "scenario/cut-20pct", "--format", "json", ...AS_OF], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.states.map((s: { label: string }) => s.label)).toEqual(["main", "scenario/cut-20pct"]);
    const pf = json.portfolios[0];
    expect(pf.columns.map((c: { envelope: number }) => c.envelope)).toEqual([300, 240]);
    // main: P1 (committed, 150) then P2 (100) fit in 300; P3 falls below the line.
    expect(pf.columns[0]).toMatchObject({
      committedCost: 150,
      fundedCost: 250,
      funded: ["P2", "P1"],
      belowLine: ["P3"],
    });
    expect(pf.columns[0].statusMix).toEqual([
      { status: "green", count: 2 },
      { status: "amber", count: 1 },
    ]);
    // The scenario cancels P3 and cuts the envelope: P2 still fits (150 + 100 = 250 > 240? no).
    expect(pf.columns[1]).toMatchObject({ fundedCost: 150, funded: ["P1"], belowLine: ["P2"] });
    expect(
      pf.projects.map((p: { id: string; cells: unknown[] }) => [
        p.id,
        p.cells.map((c) => (c === null ? null : (c as { rank: number; funding: string }).funding)),
      ]),
    ).toEqual([
      ["P2", ["funded", "below-line"]],
      ["P1", ["funded", "funded"]],
      ["P3", ["below-line", null]],
    ]);
    // Reading the branch did not check it out.
    expect(git(dir, "rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
  });

  it("compares a ref with the working tree, in markdown", async () => {
    const dir = scenarioRepo();
    writeFiles(dir, { "p2.yaml": project("P2", { value: 1, cost: 100 }) });
    const r = await runCli(["compare", "main", "working-tree", "--format", "markdown", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| P2 | Project P2 | 1 funded | 3 below line |");
    expect(r.stdout).toContain("| Status mix | green 2, amber 1 | green 2, amber 1 |");
  });

  it("reads each state with the kinds it compares: a broken issue or risk file does not stop it, unless --p80 reads risks", async () => {
    const dir = scenarioRepo();
    git(dir, "checkout", "-q", "scenario/cut-20pct");
    const broken = {
      "issues/ISS-1.yaml": "apiVersion: pmo/v1\nkind: Issue\nid: ISS-1\ntitle: a: b\n",
      "risks/RSK-1.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: RSK-1\nproject: NO-SUCH-PROJECT\n",
    };
    writeFiles(dir, broken);
    commitAll(dir, "a broken issue and risk", "2026-11-04T09:00:00Z");
    git(dir, "checkout", "-q", "main");
    // The files are broken: validate says so (exit 1) on the branch's own files.
    git(dir, "checkout", "-q", "scenario/cut-20pct");
    expect((await runCli(["validate", ...AS_OF], { cwd: dir })).code).toBe(1);
    git(dir, "checkout", "-q", "main");
    const r = await runCli(["compare", "main", "scenario/cut-20pct", "--format", "json", ...AS_OF], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).portfolios[0].columns[1]).toMatchObject({ funded: ["P1"], belowLine: ["P2"] });
    // The forecast reads risks (their events move finishes): the broken risk is reported, not skipped.
    const p80 = await runCli(["compare", "main", "scenario/cut-20pct", "--p80", "--iterations", "50", ...AS_OF], {
      cwd: dir,
    });
    expect(p80.code).toBe(1);
    expect(p80.stderr).toContain("risks/RSK-1.yaml");
    expect(p80.stderr).not.toContain("ISS-1");
    expect(p80.stderr).toContain("comparison not computed: scenario/cut-20pct has validation errors");
  });

  it("needs two refs, and names an unknown one", async () => {
    const dir = scenarioRepo();
    expect((await runCli(["compare", "main", ...AS_OF], { cwd: dir })).stderr).toContain("needs at least two refs");
    const r = await runCli(["compare", "main", "no-such-branch", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-branch");
  });
});

describe("pmo rank and select on a small repository", () => {
  it("ranks with the alignment criterion and funds committed work first", async () => {
    const dir = scenarioRepo();
    const r = await runCli(["rank", "PF", "--explain", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("P2  (70×5 + 30×5) / 100 = 5; fit = (100×5 O1 high) / 100 = 5");
  });

  it("selects with a dependency: P3 cannot be funded without P2", async () => {
    const dir = scenarioRepo();
    writeFiles(dir, {
      "p3.yaml": project("P3", { value: 5, cost: 100, extra: "dependencies: [{ project: P2 }]\n" }),
      "p2.yaml": project("P2", { value: 1, cost: 100 }),
    });
    const r = await runCli(["select", "PF", "--budget", "250", "--format", "json", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).selections[0];
    // 150 committed leaves 100: P3 alone would be best, but it needs P2 (another 100).
    expect(s.selected.map((x: { id: string }) => x.id)).toEqual(["P1", "P2"]);
    expect(s.status).toBe("optimal");
  });
});

describe("what pmo rank reads", () => {
  it("does not read risk files (their problems are pmo validate's), but refuses a broken project", async () => {
    const dir = scenarioRepo();
    // A risk that fails its schema (no project or portfolio, probability off the scale).
    writeFiles(dir, { "risk.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: R-1\ntitle: Flood\nprobability: 9\n" });
    const ranked = await runCli(["rank", "PF", ...AS_OF], { cwd: dir });
    expect(ranked.stderr).toBe("");
    expect(ranked.code).toBe(0);
    expect((await runCli(["validate", ...AS_OF], { cwd: dir })).code).toBe(1);
    writeFiles(dir, { "p2.yaml": project("P2", { stage: "not-a-stage" }) });
    const refused = await runCli(["rank", "PF", ...AS_OF], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("p2.yaml");
    expect(refused.stderr).toContain("ranking not computed");
  });
});

describe("the frontier chart in docs/prioritisation.md", () => {
  it("is what pmo select PF-ASSET --chart writes on the example", async () => {
    const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "pmo-frontier-")), "frontier.svg");
    const r = await runCli(
      ["-C", path.join(root, "examples/meridian-water"), "select", "PF-ASSET", "--chart", out, ...AS_OF],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(path.join(root, "docs/images/frontier-PF-ASSET.svg"), "utf8"));
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe("parseBudget", () => {
  it.each([
    ["2500000", 2_500_000],
    ["2.5M", 2_500_000],
    ["800k", 800_000],
    ["1,200,000", 1_200_000],
    ["80%", 800],
    ["1bn", 1e9],
  ])("%s", (text, expected) => expect(parseBudget(text, 1000, "PF")).toBe(expected));
  it("rejects what is not an amount, and a share without an envelope", () => {
    expect(() => parseBudget("lots", 1000, "PF")).toThrow("--budget expects an amount");
    expect(() => parseBudget("80%", undefined, "PF")).toThrow("portfolio PF has none");
  });
});
