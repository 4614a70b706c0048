import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { commitAll, git, makeGitRepo, writeFiles } from "../helpers/git.js";
import { ENGAGEMENT, removeRepo } from "../helpers/repo.js";

const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));
const AS_OF = ["--as-of", "2026-11-30"];

const PERSON = (id: string) => `apiVersion: pmo/v1\nkind: Person\nid: ${id}\nname: ${id}\n`;
const project = (
  id: string,
  o: {
    overall?: string;
    finish?: string;
    forecast?: number;
    m1?: string;
    sponsor?: string;
    stage?: string;
    extra?: string;
  } = {},
) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
sponsor: ${o.sponsor ?? "ann"}
manager: bob
stage: ${o.stage ?? "delivery"}
schedule: { baselineStart: 2026-01-05, baselineFinish: 2027-06-30, forecastFinish: ${o.finish ?? "2027-06-30"} }
budget: { approved: 1000000, forecast: ${o.forecast ?? 1000000} }
status:
  asOf: 2026-11-27
  overall: ${o.overall ?? "green"}
  recoveryPlan: Re-plan the works
  escalation: { to: ann, date: 2026-11-27 }
milestones:
  - { id: M1, name: Design approved, baseline: 2027-01-29, forecast: ${o.m1 ?? "2027-01-29"} }
${o.extra ?? ""}`;
const risk = (id: string, p: number, i: number, status = "open") =>
  `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: A risk on P1\nproject: P1\nprobability: ${p}\nimpact: ${i}\nowner: ann\nstatus: ${status}\nlastReviewed: 2026-11-20\n`;

function baseRepo(): string {
  const dir = makeGitRepo({
    "engagement.yaml": ENGAGEMENT,
    "people.yaml": [PERSON("ann"), PERSON("bob"), PERSON("cy")].join("---\n"),
    "projects/p1.yaml": project("P1"),
    "projects/p2.yaml": project("P2", { overall: "red" }),
    "risks/r1.yaml": risk("R1", 2, 2),
  });
  repos.push(dir);
  commitAll(dir, "base");
  return dir;
}

async function diffJson(dir: string, ...args: string[]) {
  const r = await runCli(["diff", ...args, "--format", "json", ...AS_OF], { cwd: dir });
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) };
}

describe("pmo diff", () => {
  it("states status, schedule, money and milestone changes in the domain's words, with a summary line", async () => {
    const dir = baseRepo();
    writeFiles(dir, {
      "projects/p1.yaml": project("P1", {
        overall: "amber",
        finish: "2027-08-14",
        forecast: 1100000,
        m1: "2027-03-15",
        sponsor: "cy",
      }),
      "projects/p2.yaml": project("P2", { overall: "amber" }),
      "projects/p3.yaml": project("P3", { forecast: 500000 }),
      "risks/r1.yaml": risk("R1", 4, 5),
    });
    const { code, json } = await diffJson(dir, "HEAD");
    expect(code).toBe(0);
    // P1's forecast moves from the budget (EUR 1M) to over it: an earned value crossing.
    // The forecast change is split: P1's +EUR 100k like for like, P3's EUR 500k joining.
    expect(json.summary.text).toBe(
      "1 project worsened, 1 improved, 1 new; 1 finish slipped (max +45 days); 1 milestone slipped (max +45 days); forecast +EUR 100k (+5%) like for like, +EUR 500k joining (1 project): total +EUR 600k (+30%); 1 overrun grew (P1 0% -> 10% over approved); earned value: P1 EAC EUR 1M -> EUR 1.1M (over the budget EUR 1M); 1 new high risk; governance: 3 findings introduced (3 rules)",
    );
    expect(json.summary.money).toEqual([
      {
        currency: "EUR",
        likeForLike: { projects: 2, before: 2000000, after: 2100000, delta: 100000, percent: 5 },
        joined: { projects: 1, amount: 500000 },
        left: { projects: 0, amount: 0 },
        newlyUnknown: { projects: 0, amount: 0 },
        newlyKnown: { projects: 0, amount: 0 },
        notCompared: 0,
        total: { before: 2000000, after: 2600000, delta: 600000, percent: 30 },
      },
    ]);
    expect(json.decision.worsened).toEqual([
      {
        id: "P1",
        name: "Project P1",
        from: "green",
        to: "amber",
        direction: "worsened",
        finishDays: 45,
        forecastDelta: 100000,
        currency: "EUR",
      },
    ]);
    expect(json.decision.statusChanges).toEqual([
      { id: "P2", name: "Project P2", from: "red", to: "amber", direction: "improved" },
    ]);
    expect(json.decision.finishSlips).toEqual([
      { id: "P1", name: "Project P1", from: "2027-06-30", to: "2027-08-14", days: 45, baselineDays: 45 },
    ]);
    expect(json.decision.overruns).toEqual([
      {
        id: "P1",
        name: "Project P1",
        currency: "EUR",
        from: 0,
        to: 10,
        approved: 1000000,
        forecast: 1100000,
        tolerance: 10,
        crossedTolerance: false,
      },
    ]);
    expect(json.summary.evm).toEqual([
      expect.objectContaining({
        project: "P1",
        figure: "EAC",
        from: 1000000,
        to: 1100000,
        threshold: "BAC",
        direction: "worsened",
      }),
    ]);
    expect(json.findings.introduced.map((f: { ruleId: string; entity: string }) => `${f.ruleId} ${f.entity}`)).toEqual([
      "schedule-variance-beyond-tolerance P1",
      "milestone-slip-needs-rebaseline P1",
      "high-risk-managed R1",
    ]);
    const p1 = json.changes.find((c: { id: string }) => c.id === "P1");
    expect(p1).toMatchObject({ kind: "Project", change: "modified", direction: "worsened", file: "projects/p1.yaml" });
    expect(p1.details.map((d: { text: string }) => d.text)).toEqual([
      "overall status green -> amber (worsened)",
      "forecast cost EUR 1M -> EUR 1.1M (+EUR 100k, +10%)",
      "forecast finish 2027-06-30 -> 2027-08-14 (+45 days; +45 days against baseline)",
      'milestone M1 "Design approved" slipped 2027-01-29 -> 2027-03-15 (+45 days; +45 days against baseline)',
      "sponsor ann -> cy",
    ]);
    expect(p1.details[3]).toMatchObject({
      type: "milestone-slipped",
      days: 45,
      baselineDays: 45,
      from: "2027-01-29",
      to: "2027-03-15",
    });
    expect(json.changes.find((c: { id: string }) => c.id === "P2")).toMatchObject({ direction: "improved" });
    expect(json.changes.find((c: { id: string }) => c.id === "P3")).toMatchObject({ change: "added" });
    const r1 = json.changes.find((c: { id: string }) => c.id === "R1");
    expect(r1.details[0]).toMatchObject({
      type: "risk-score",
      scoreFrom: 4,
      scoreTo: 20,
      direction: "worsened",
      text: "re-scored 2 x 2 = 4 (low) -> 4 x 5 = 20 (critical) (worsened)",
    });
    expect(json.summary.forecast).toEqual([
      { currency: "EUR", before: 2000000, after: 2600000, delta: 600000, percent: 30 },
    ]);
  });

  it("the CPI tolerance of the earned value crossings is the head's cost-performance-vs-status threshold", async () => {
    const measured = (actual: number) =>
      project("P1", { extra: "" }).replace(
        "budget: { approved: 1000000, forecast: 1000000 }",
        `budget: { approved: 1000000, actual: ${actual} }\npercentComplete: 50\nearnedValue: { plannedValue: linear }`,
      );
    const dir = baseRepo();
    writeFiles(dir, { "projects/p1.yaml": measured(540000) });
    commitAll(dir, "measured");
    // CPI 500k / 540k = 0.93 -> 500k / 575k = 0.87.
    writeFiles(dir, { "projects/p1.yaml": measured(575000) });
    const cpi = (json: { evm: { figure: string; threshold: string | null; text: string }[] }) =>
      json.evm.find((c) => c.figure === "CPI");
    expect(cpi((await diffJson(dir, "HEAD")).json)).toMatchObject({
      threshold: "0.90",
      text: "P1 CPI 0.93 -> 0.87 (below 0.90)",
    });
    writeFiles(dir, { "pmo.config.yaml": "rules:\n  cost-performance-vs-status: [warn, { threshold: 0.85 }]\n" });
    expect(cpi((await diffJson(dir, "HEAD")).json)).toMatchObject({
      threshold: null,
      text: "P1 CPI 0.93 -> 0.87 (-0.06)",
    });
    writeFiles(dir, { "pmo.config.yaml": "rules:\n  cost-performance-vs-status: [error, { threshold: 0.88 }]\n" });
    expect(cpi((await diffJson(dir, "HEAD")).json)).toMatchObject({
      threshold: "0.88",
      text: "P1 CPI 0.93 -> 0.87 (below 0.88)",
    });
  });

  it("lists governance findings introduced and resolved, matched by rule, entity and pointer rather than line", async () => {
    const dir = baseRepo();
    // P2 loses its recovery plan (introduced); R1 gains lines above its fields (no change in findings).
    writeFiles(dir, {
      "projects/p2.yaml": project("P2", { overall: "red" }).replace("  recoveryPlan: Re-plan the works\n", ""),
      "risks/r1.yaml": `# moved down by a comment\n\n${risk("R1", 2, 2)}`,
    });
    const { json } = await diffJson(dir, "HEAD");
    expect(json.changes.map((c: { id: string }) => c.id)).toEqual(["P2"]);
    expect(
      json.findings.introduced.map(
        (f: { ruleId: string; entity: string; pointer: string }) => `${f.ruleId} ${f.entity} ${f.pointer}`,
      ),
    ).toEqual(["red-status-has-recovery P2 /status/recoveryPlan"]);
    expect(json.findings.resolved).toEqual([]);
    // And back: the finding is resolved.
    commitAll(dir, "drop the recovery plan");
    writeFiles(dir, { "projects/p2.yaml": project("P2", { overall: "red" }) });
    const back = await diffJson(dir, "HEAD");
    expect(back.json.findings.introduced).toEqual([]);
    expect(back.json.findings.resolved.map((f: { ruleId: string }) => f.ruleId)).toEqual(["red-status-has-recovery"]);
    expect(back.json.summary.text).toBe("1 entity changed; governance: 1 finding resolved");
  });

  it("does not report a moved file, and reports an id changed on the same content as a rename", async () => {
    const dir = baseRepo();
    renameSync(path.join(dir, "projects/p1.yaml"), path.join(dir, "projects/renamed-p1.yaml"));
    writeFiles(dir, { "risks/r1.yaml": null, "risks/r9.yaml": risk("R9", 2, 2) });
    const { json, code } = await diffJson(dir, "HEAD", "--exit-code");
    expect(json.changes).toEqual([
      {
        kind: "Risk",
        id: "R9",
        change: "renamed",
        previousId: "R1",
        name: "A risk on P1",
        file: "risks/r9.yaml",
        previousFile: "risks/r1.yaml",
        details: [{ type: "field", field: "id", from: "R1", to: "R9", text: "id R1 -> R9" }],
      },
    ]);
    expect(code).toBe(1);
    // Moving alone changes nothing in meaning: --exit-code stays 0 and `changes` is empty.
    writeFiles(dir, { "risks/r9.yaml": null, "risks/r1.yaml": risk("R1", 2, 2) });
    const moved = await diffJson(dir, "HEAD", "--exit-code");
    expect(moved.json.changes).toEqual([]);
    expect(moved.code).toBe(0);
    expect(moved.json.summary.text).toBe("no changes in meaning; governance: no findings introduced or resolved");
  });

  it("compares a pull request branch with its merge base (main...feature), whatever main did since", async () => {
    const dir = baseRepo();
    git(dir, "checkout", "-q", "-b", "feature");
    writeFiles(dir, { "projects/p1.yaml": project("P1", { stage: "closure" }) });
    commitAll(dir, "feature: P1 moves to closure");
    git(dir, "checkout", "-q", "main");
    writeFiles(dir, { "projects/p2.yaml": project("P2", { overall: "green" }) });
    commitAll(dir, "main: P2 recovers");
    const { json } = await diffJson(dir, "main...feature", "feature");
    expect(
      json.changes.map(
        (c: { id: string; details: { text: string }[] }) => `${c.id}: ${c.details.map((d) => d.text).join(", ")}`,
      ),
    ).toEqual(["P1: stage delivery -> closure"]);
    expect(json.base).toBe("main...feature");
    // Two refs directly include main's own change, reversed.
    const direct = await diffJson(dir, "main", "feature");
    expect(direct.json.changes.map((c: { id: string }) => c.id)).toEqual(["P1", "P2"]);
  });

  it("--fail-on new-findings fails only when the change introduces findings at that severity or above", async () => {
    const dir = baseRepo();
    writeFiles(dir, {
      "projects/p2.yaml": project("P2", { overall: "red" }).replace("  recoveryPlan: Re-plan the works\n", ""),
    });
    expect((await runCli(["diff", "HEAD", "--fail-on", "new-findings", ...AS_OF], { cwd: dir })).code).toBe(1);
    expect((await runCli(["diff", "HEAD", "--fail-on", "new-findings=error", ...AS_OF], { cwd: dir })).code).toBe(1);
    git(dir, "stash", "-q");
    writeFiles(dir, { "projects/p1.yaml": project("P1", { overall: "amber" }) });
    expect((await runCli(["diff", "HEAD", "--fail-on", "new-findings", ...AS_OF], { cwd: dir })).code).toBe(0);
    const bad = await runCli(["diff", "HEAD", "--fail-on", "findings"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--fail-on expects new-findings or new-findings=<error|warn|info>");
  });

  it("compares two folders, and refuses a ref outside a git repository or one that does not exist", async () => {
    const dir = baseRepo();
    const copy = mkdtempSync(path.join(os.tmpdir(), "pmo-copy-"));
    repos.push(copy);
    execFileSync("git", ["archive", "HEAD", "-o", path.join(copy, "a.tar")], { cwd: dir });
    execFileSync("tar", ["-xf", "a.tar"], { cwd: copy });
    writeFiles(copy, { "projects/p1.yaml": project("P1", { overall: "red" }) });
    const folders = await runCli(["diff", dir, copy, "--format", "json", ...AS_OF], { cwd: dir });
    expect(JSON.parse(folders.stdout).changes.map((c: { id: string }) => c.id)).toEqual(["P1"]);

    const noRepo = await runCli(["diff", "main", ...AS_OF], { cwd: copy });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toBe(
      'error: cannot read git ref "main": . is not inside a git repository (pass a folder to compare instead, or run pmo inside a clone)\n',
    );
    const unknown = await runCli(["diff", "nope", ...AS_OF], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown git ref "nope": no branch, tag or commit has that name/);
  });

  it("explains how to fetch the base in a shallow clone", async () => {
    const origin = baseRepo();
    writeFiles(origin, { "projects/p1.yaml": project("P1", { overall: "amber" }) });
    commitAll(origin, "second");
    const parent = mkdtempSync(path.join(os.tmpdir(), "pmo-shallow-"));
    repos.push(parent);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${origin}`, "clone"], { cwd: parent, stdio: "ignore" });
    const r = await runCli(["diff", "HEAD~1", ...AS_OF], { cwd: path.join(parent, "clone") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown git ref "HEAD~1": this is a shallow clone');
    expect(r.stderr).toContain("git fetch --unshallow");
    expect(r.stderr).toContain("fetch-depth: 0");
    expect(r.stdout).toBe("");
  });

  it("--baseline NAME compares with the baseline tag pmo-baseline/NAME, and names the baselines when NAME is not one", async () => {
    const dir = baseRepo();
    git(dir, "tag", "-a", "pmo-baseline/2026-Q3", "-m", "Baseline 2026-Q3\n\nDecision: DEC-001");
    writeFiles(dir, { "projects/p1.yaml": project("P1", { overall: "amber" }) });
    commitAll(dir, "P1 turns amber");
    writeFiles(dir, { "projects/p2.yaml": project("P2", { overall: "amber" }) });
    const { json } = await diffJson(dir, "--baseline", "2026-Q3");
    expect(json.base).toBe("pmo-baseline/2026-Q3");
    expect(json.head).toBe("working tree");
    expect(json.changes.map((c: { id: string; direction: string }) => `${c.id} ${c.direction}`)).toEqual([
      "P1 worsened",
      "P2 improved",
    ]);
    // With one side given, that side is the head.
    const committed = await diffJson(dir, "--baseline", "2026-Q3", "HEAD");
    expect(committed.json.head).toBe("HEAD");
    expect(committed.json.changes.map((c: { id: string }) => c.id)).toEqual(["P1"]);
    const unknown = await runCli(["diff", "--baseline", "2026-Q4", ...AS_OF], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: no baseline named "2026-Q4": the baselines are 2026-Q3\n');
    const twoSides = await runCli(["diff", "--baseline", "2026-Q3", "HEAD~1", "HEAD", ...AS_OF], { cwd: dir });
    expect(twoSides.code).toBe(2);
    expect(twoSides.stderr).toContain("with --baseline, give at most one side");
    const none = await runCli(["diff", ...AS_OF], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("pmo diff needs a base");
  }, 60_000);

  it("reports a side that does not validate at the top, with its errors, never as a deletion, and exits 1", async () => {
    const dir = baseRepo();
    // A one-space indentation typo: the file no longer parses at head.
    writeFiles(dir, { "projects/p1.yaml": project("P1").replace("  overall: green", "   overall: green") });
    const { code, json } = await diffJson(dir, "HEAD");
    expect(code).toBe(1);
    expect(json.changes).toEqual([]);
    expect(json.summary.projects.removed).toBe(0);
    expect(json.summary.forecast).toEqual([
      { currency: "EUR", before: 2000000, after: 1000000, delta: -1000000, percent: -50 },
    ]);
    expect(json.summary.money).toEqual([
      expect.objectContaining({
        currency: "EUR",
        likeForLike: { projects: 1, before: 1000000, after: 1000000, delta: 0, percent: 0 },
        notCompared: 1,
        left: { projects: 0, amount: 0 },
      }),
    ]);
    expect(json.validity.head).toMatchObject({
      label: "working tree",
      valid: false,
      files: 1,
      unreadable: [{ kind: "Project", id: "P1", file: "projects/p1.yaml" }],
    });
    expect(json.validity.head.errors).toEqual([
      expect.objectContaining({ ruleId: "yaml-syntax", file: "projects/p1.yaml", line: 12 }),
    ]);
    expect(json.validity.base).toMatchObject({ valid: true, errors: [], unreadable: [] });
    expect(json.summary.text).toMatch(/^head \(working tree\) does not validate \(1 error in 1 file\); /);
    expect(json.summary.text).not.toContain("removed");

    const md = await runCli(["diff", "HEAD", "--format", "markdown", ...AS_OF], { cwd: dir });
    expect(md.code).toBe(1);
    const lines = md.stdout.split("\n");
    expect(lines[2]).toBe(
      "> **⚠ The head (`working tree`) does not validate**: 1 error in 1 file. What follows compares what could be read; fix these first (`pmo validate`).",
    );
    expect(md.stdout).toContain(
      "> Not compared, because their file does not parse at the head (neither removed nor new): `P1`.",
    );
    expect(md.stdout).toMatch(/> - `projects\/p1\.yaml:12:\d+` `yaml-syntax`: /);
    const text = await runCli(["diff", "HEAD", ...AS_OF], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout.split("\n")[2]).toBe(
      "head (working tree) does not validate: 1 error in 1 file; P1 not compared (its file does not parse)",
    );

    // A document that parses but fails its schema is compared, but its money is left out of the sums.
    writeFiles(dir, {
      "projects/p1.yaml": project("P1", { forecast: 1200000 }).replace("stage: delivery", "stage: deliverd"),
    });
    const schema = await diffJson(dir, "HEAD");
    expect(schema.code).toBe(1);
    expect(
      schema.json.validity.head.errors.map((e: { ruleId: string; pointer: string }) => `${e.ruleId} ${e.pointer}`),
    ).toEqual(["schema /stage"]);
    expect(schema.json.summary.money[0]).toMatchObject({ likeForLike: { projects: 1, delta: 0 }, notCompared: 1 });

    // A base that does not validate is reported, but a change that repairs it can pass.
    commitAll(dir, "broken main");
    writeFiles(dir, { "projects/p1.yaml": project("P1") });
    const repaired = await diffJson(dir, "HEAD");
    expect(repaired.code).toBe(0);
    expect(repaired.json.validity.base).toMatchObject({ label: "HEAD", valid: false });
    expect(repaired.json.summary.text).toMatch(/^base \(HEAD\) does not validate \(1 error in 1 file\); /);
  });

  it("caps the markdown by cutting the least important first, never a worsened project before a finding, and says what it cut", async () => {
    const many: Record<string, string> = {};
    for (let i = 10; i < 70; i++) many[`projects/p${i}.yaml`] = project(`P${i}`);
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      "people.yaml": [PERSON("ann"), PERSON("bob")].join("---\n"),
      ...many,
    });
    repos.push(dir);
    commitAll(dir, "base");
    // Every project turns red without a recovery plan: 60 worsened projects and 60 findings of one rule.
    for (let i = 10; i < 70; i++)
      many[`projects/p${i}.yaml`] = project(`P${i}`, { overall: "red" }).replace(
        "  recoveryPlan: Re-plan the works\n",
        "",
      );
    writeFiles(dir, many);
    const { formatDiffMarkdown } = await import("../../src/core/diff/index.js");
    const { json: result } = await diffJson(dir, "HEAD");
    expect(result.summary.findings.introduced).toBe(60);
    const md = formatDiffMarkdown(result, 12000);
    expect(md.length).toBeLessThanOrEqual(12000);
    expect(md.startsWith("### pmo diff: `HEAD` → `working tree`\n\n**60 projects worsened;")).toBe(true);
    // All 60 worsened projects are in the table; the findings are grouped by rule with their count.
    const worsened = md.slice(md.indexOf("<b>Worsened</b>"), md.indexOf("</details>", md.indexOf("<b>Worsened</b>")));
    for (let i = 10; i < 70; i++) expect(worsened).toContain(`| **P${i}** Project P${i} | green → red |`);
    expect(md).toContain("| `red-status-has-recovery` | ✖ error | 60 | 0 | 60 |");
    // Individual findings and entity details are what was cut, and the last line says so.
    const shownFindings = md.split("\n").filter((l) => l.startsWith("| ➕ introduced")).length;
    expect(shownFindings).toBeLessThan(60);
    expect(md).not.toContain("<b>Projects</b>");
    expect(md).toMatch(
      new RegExp(
        `…not shown, to keep this comment within 12,000 characters \\(the least important first\\): ${60 - shownFindings} of 60 introduced findings, 60 of 60 entity changes; run \`pmo diff HEAD\` for the full list\\.\n$`,
      ),
    );
    // With room enough nothing is cut.
    expect(formatDiffMarkdown(result)).not.toContain("not shown");
  });
});

/** The committed bundled example in a repository of its own, so that outputs do not depend on uncommitted edits. */
function exampleRepo(): string {
  const dir = makeGitRepo();
  repos.push(dir);
  const tar = path.join(dir, "..", `${path.basename(dir)}.tar`);
  execFileSync("git", ["archive", "HEAD", "examples/meridian-water", "-o", tar], { cwd: projectRoot });
  execFileSync("tar", ["-xf", tar, "--strip-components=2"], { cwd: dir });
  commitAll(dir, "November reporting cycle");
  return dir;
}

describe("pmo diff on the bundled example", () => {
  it("lists the projects that cross the funding cut line and the rank changes (pmo rank)", async () => {
    const dir = exampleRepo();
    const edit = (file: string, from: string, to: string) => {
      const p = path.join(dir, file);
      const text = readFileSync(p, "utf8");
      expect(text).toContain(from);
      writeFileSync(p, text.replace(from, to));
    };
    // PF-ASSET funds GBP 171.6M of its GBP 185M envelope (pmo rank); PRJ-002's forecast grows by
    // GBP 15M, so PRJ-025, the last project funded, no longer fits. PRJ-005 is re-scored
    // (regulatory 1 -> 5: (40x5 + 30x2 + 20x5 + 10x3) / 100 = 3.9) and climbs from rank 10 above
    // the line: committed GBP 105.4M, then PRJ-005 (GBP 14M) first of the proposals.
    edit("projects/asset-renewal/PRJ-002.yaml", "  forecast: 30200000", "  forecast: 45200000");
    edit("projects/asset-renewal/PRJ-005.yaml", "  regulatory: 1", "  regulatory: 5");
    const { json } = await diffJson(dir, "HEAD");
    const crossings = json.decision.ranks.filter((m: { crossedCutLine?: string }) => m.crossedCutLine);
    expect(crossings.map((m: { id: string; crossedCutLine: string }) => `${m.id} ${m.crossedCutLine}`)).toEqual([
      "PRJ-025 now below",
      "PRJ-005 now funded",
    ]);
    expect(crossings[0]).toMatchObject({ portfolio: "PF-ASSET", fromFunding: "funded", toFunding: "below-line" });
    const prj005 = json.decision.ranks.find((m: { id: string }) => m.id === "PRJ-005");
    expect(prj005).toMatchObject({
      fromRank: 10,
      fromScore: 2.3,
      toScore: 3.9,
      fromFunding: "below-line",
      toFunding: "funded",
    });
    expect(prj005.toRank).toBeLessThan(10);
    expect(json.summary.ranks).toMatchObject({ nowBelowCutLine: 1, nowFunded: 1 });
    expect(json.summary.text).toMatch(
      /; 1 project now below the cut line, 1 project now funded \(\d+ rank changes\); /,
    );
    const { formatDiffMarkdown } = await import("../../src/core/diff/index.js");
    const md = { stdout: formatDiffMarkdown(json) };
    expect(md.stdout).toContain("<summary><b>Cut line</b>: 1 now below, 1 now funded</summary>");
    expect(md.stdout).toMatch(
      /\| `PF-ASSET` \| \*\*PRJ-025\*\* .* \| 9 → 10 \| 3\.1 \| \*\*funded → below-line\*\* \|/,
    );
    expect(md.stdout).toMatch(
      /\| `PF-ASSET` \| \*\*PRJ-005\*\* .* \| 10 → 3 \| 2\.3 → 3\.9 \| \*\*below-line → funded\*\* \|/,
    );
  }, 120_000);

  it("does not compare the rankings when a file does not parse on a side, and says why", async () => {
    const dir = exampleRepo();
    // PRJ-003 (GBP 6.75M, funded in PF-ASSET) gets a one-space typo: read without it, the head's
    // ranking would fund PRJ-005 and move ten projects up, none of which is a change.
    const file = path.join(dir, "projects/asset-renewal/PRJ-003.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("\nname: ", "\n name: "));
    const { json, code } = await diffJson(dir, "HEAD");
    expect(code).toBe(1);
    expect(json.validity.head.unreadable).toEqual([
      { kind: "Project", id: "PRJ-003", file: "projects/asset-renewal/PRJ-003.yaml" },
    ]);
    expect(json.decision.ranks).toEqual([]);
    expect(json.decision.ranksNotCompared).toBe("the ranking is not compared: 1 file on working tree does not parse");
    expect(json.summary.ranks).toEqual({ changed: 0, nowBelowCutLine: 0, nowFunded: 0 });
    expect(json.summary.text).toContain("; ranking not compared; ");
    const text = await runCli(["diff", "HEAD", ...AS_OF], { cwd: dir });
    expect(text.stdout).toContain("\nthe ranking is not compared: 1 file on working tree does not parse\n");
    expect(text.stdout).not.toContain("Cut line");
    const { formatDiffMarkdown } = await import("../../src/core/diff/index.js");
    const md = formatDiffMarkdown(json);
    expect(md).toContain("> **Ranking not compared**: 1 file on working tree does not parse.");
    expect(md).not.toContain("Rank changes");
    // Fixed again, the same comparison has no rank change at all.
    writeFileSync(file, readFileSync(file, "utf8").replace("\n name: ", "\nname: "));
    const fixed = await diffJson(dir, "HEAD");
    expect(fixed.json.decision.ranks).toEqual([]);
    expect(fixed.json.decision.ranksNotCompared).toBeUndefined();
  }, 120_000);

  it("renders a realistic pull request as a markdown comment (golden)", async () => {
    const dir = makeGitRepo();
    repos.push(dir);
    // The committed example, so that the golden output does not depend on uncommitted edits.
    const tar = path.join(dir, "..", `${path.basename(dir)}.tar`);
    execFileSync("git", ["archive", "HEAD", "examples/meridian-water", "-o", tar], { cwd: projectRoot });
    execFileSync("tar", ["-xf", tar, "--strip-components=2"], { cwd: dir });
    commitAll(dir, "November reporting cycle");
    git(dir, "checkout", "-q", "-b", "status/PRJ-002-archaeology");

    const p = path.join(dir, "projects/asset-renewal/PRJ-002.yaml");
    const before = readFileSync(p, "utf8");
    const after = before
      .replace("  forecastFinish: 2027-10-29", "  forecastFinish: 2027-12-13")
      .replace("  forecast: 30200000", "  forecast: 31450000")
      .replace(
        "  asOf: 2026-11-24\n  overall: amber\n  schedule: amber",
        "  asOf: 2026-11-30\n  overall: red\n  schedule: red",
      )
      .replace("    forecast: 2027-07-23", "    forecast: 2027-09-06")
      .replace("    forecast: 2027-10-29", "    forecast: 2027-12-13")
      .replace(
        "  achievements:",
        "  recoveryPlan: >-\n    Second pipe-laying gang on Section 3 from 11 January; re-baseline request for Sections 2\n    and 3 to the January portfolio board.\n  escalation: { to: tom.whitfield, date: 2026-11-30, note: Archaeology stop extended by the county archaeologist }\n  achievements:",
      );
    expect(after).not.toBe(before);
    writeFileSync(p, after);
    const risks = path.join(dir, "raid/risks/asset-renewal.yaml");
    writeFileSync(
      risks,
      readFileSync(risks, "utf8") +
        `---
apiVersion: pmo/v1
kind: Risk
id: RSK-047
title: Further archaeological finds on Section 3
description: >-
  If the Roman road found at Fenwick Cross continues along the Section 3 route, a second
  stop could push Section 3 commissioning past the summer demand peak.
project: PRJ-002
category: environmental
probability: 4
impact: 4
owner: james.pritchard
status: open
response: mitigate
mitigations:
  - action: Trial trenching along the first 2 km of Section 3 before the gang mobilises
    owner: james.pritchard
    due: 2026-12-18
    status: planned
raised: 2026-11-30
lastReviewed: 2026-11-30
proximity: 2027-03-31
`,
    );
    // A file moved to another folder: not a change in meaning.
    git(dir, "mv", "projects/network/PRJ-007.yaml", "projects/network/PRJ-007-moved.yaml");
    commitAll(dir, "PRJ-002: archaeology delay on Section 2 reaches Section 3", "2026-11-30T17:00:00Z");

    const md = await runCli(["diff", "main...HEAD", "--format", "markdown", ...AS_OF], { cwd: dir });
    expect(md.stderr).toBe("");
    await expect(md.stdout).toMatchFileSnapshot(path.join(projectRoot, "test/commands/golden/diff-pull-request.md"));
    const text = await runCli(["diff", "main...HEAD", ...AS_OF], { cwd: dir });
    await expect(text.stdout).toMatchFileSnapshot(path.join(projectRoot, "test/commands/golden/diff-pull-request.txt"));
    const json = await runCli(["diff", "main...HEAD", "--format", "json", ...AS_OF], { cwd: dir });
    await expect(json.stdout).toMatchFileSnapshot(
      path.join(projectRoot, "test/commands/golden/diff-pull-request.json"),
    );
    // Byte-identical on a second run.
    expect((await runCli(["diff", "main...HEAD", "--format", "markdown", ...AS_OF], { cwd: dir })).stdout).toBe(
      md.stdout,
    );
    const gate = await runCli(["diff", "main...HEAD", "--fail-on", "new-findings=error", ...AS_OF], { cwd: dir });
    expect(gate.code).toBe(JSON.parse(json.stdout).summary.findings.introducedBySeverity.error > 0 ? 1 : 0);
  }, 120_000);
});
