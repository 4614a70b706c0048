import { afterEach, describe, expect, it } from "vitest";
import { commitAll, git, makeGitRepo, writeFiles } from "../helpers/git.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const project = (approved: number, finish: string, percent: number) => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: One
stage: delivery
schedule: { baselineStart: 2026-01-01, baselineFinish: ${finish}, actualStart: 2026-01-01 }
budget: { approved: ${approved}, actual: 500 }
percentComplete: ${percent}
earnedValue: { plannedValue: linear }
`;
const decision = (id: string, status: string, extra = "") => `apiVersion: pmo/v1
kind: Decision
id: ${id}
title: Baseline the plan
project: PRJ-1
status: ${status}
decidedBy: Board
date: 2026-01-05
approves: { type: rebaseline${extra} }
`;

const repos: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) removeRepo(r);
});

function setup(): string {
  const dir = makeGitRepo({
    "engagement.yaml": ENGAGEMENT,
    "projects/PRJ-1.yaml": project(1000, "2026-05-01", 40),
    "decisions/DEC-1.yaml": decision("DEC-1", "approved", ", baselineName: Q1"),
    "decisions/DEC-2.yaml": decision("DEC-2", "proposed"),
  });
  repos.push(dir);
  commitAll(dir, "plan");
  return dir;
}
const pmo = (dir: string, ...args: string[]) => runCli(["-C", dir, ...args], { cwd: dir });

describe("pmo baseline", () => {
  it("refuses a decision that is missing, not approved, or approves another baseline; never makes the tag then", async () => {
    const dir = setup();
    for (const [id, name, why] of [
      ["DEC-9", "Q1", "decision DEC-9 does not exist"],
      ["DEC-2", "Q1", "decision DEC-2 is proposed, not approved"],
      ["DEC-1", "Q2", 'decision DEC-1 approves the baseline "Q1", not "Q2"'],
    ] as const) {
      const result = await pmo(dir, "baseline", "create", name, "--decision", id);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(why);
    }
    expect(git(dir, "tag", "--list")).toBe("");
    const bad = await pmo(dir, "baseline", "create", "no/slash", "--decision", "DEC-1");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not a usable baseline name");
  });

  it("create makes an annotated tag recording the decision and who made it; a name is never reused", async () => {
    const dir = setup();
    const head = git(dir, "rev-parse", "HEAD");
    const created = await pmo(
      dir,
      "baseline",
      "create",
      "Q1",
      "--decision",
      "DEC-1",
      "--message",
      "First approved plan",
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("created baseline Q1: tag pmo-baseline/Q1 on");
    expect(git(dir, "cat-file", "-t", "pmo-baseline/Q1")).toBe("tag");
    expect(git(dir, "rev-parse", "pmo-baseline/Q1^{commit}")).toBe(head);
    const tag = git(dir, "cat-file", "-p", "pmo-baseline/Q1");
    expect(tag).toContain("tagger Test User <test@example.com>");
    expect(tag).toContain("Decision: DEC-1");
    expect(tag).toContain("First approved plan");

    const again = await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the baseline "Q1" already exists');
  });

  it("ls and show report each baseline's decision as the repository now states it", async () => {
    const dir = setup();
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    git(dir, "tag", "pmo-baseline/light"); // a lightweight tag records no decision
    let listed = JSON.parse((await pmo(dir, "baseline", "ls", "--format", "json")).stdout);
    expect(
      listed.baselines.map(
        (b: { name: string; decision: string | null; decisionProblem: string | null; createdBy: string | null }) => [
          b.name,
          b.decision,
          b.decisionProblem,
          b.createdBy,
        ],
      ),
    ).toEqual([
      ["Q1", "DEC-1", null, "Test User <test@example.com>"],
      ["light", null, "a lightweight tag: it records no decision", null],
    ]);
    writeFiles(dir, { "decisions/DEC-1.yaml": decision("DEC-1", "superseded") });
    listed = JSON.parse((await pmo(dir, "baseline", "ls", "--format", "json")).stdout);
    expect(listed.baselines[0].decisionProblem).toBe("decision DEC-1 is superseded, not approved");

    const shown = await pmo(dir, "baseline", "show", "Q1");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("decision   DEC-1: decision DEC-1 is superseded, not approved");
    expect(shown.stdout).toContain("holds      2 Decision, 1 Engagement, 1 Project");
    const missing = await pmo(dir, "baseline", "show", "Q9");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no baseline named "Q9": the baselines are Q1, light');
  });

  it("evm --baseline measures today's progress against the plan the baseline froze, read from git", async () => {
    const dir = setup();
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    // Re-plan afterwards: a bigger budget and a later finish, and more progress.
    writeFiles(dir, { "projects/PRJ-1.yaml": project(2000, "2026-09-01", 50) });
    commitAll(dir, "re-plan");
    const now = JSON.parse((await pmo(dir, "evm", "--as-of", "2026-03-01", "--format", "json")).stdout);
    const against = JSON.parse(
      (await pmo(dir, "evm", "--as-of", "2026-03-01", "--format", "json", "--baseline", "Q1")).stdout,
    );
    expect(now.baseline).toBeNull();
    expect(now.projects[0].figures.bac.value).toBe(2000);
    expect(against.baseline).toBe("Q1");
    expect(against.projects[0].figures.bac.value).toBe(1000);
    // The baseline's linear plan: 1,000 over 120 days, 59 days in; EV = 50% of the baseline BAC.
    expect(against.projects[0].figures.pv.value).toBeCloseTo((1000 * 59) / 120, 9);
    expect(against.projects[0].figures.ev.value).toBe(500);
    expect(against.projects[0].figures.ac.value).toBe(500);

    const unknown = await pmo(dir, "evm", "--baseline", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no baseline named "nope"');
  });

  it("a project added after the baseline has no planned value in it: unknown, not 0", async () => {
    const dir = setup();
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    writeFiles(dir, { "projects/PRJ-2.yaml": project(300, "2026-05-01", 10).replace("id: PRJ-1", "id: PRJ-2") });
    const against = JSON.parse(
      (await pmo(dir, "evm", "--as-of", "2026-03-01", "--format", "json", "--baseline", "Q1")).stdout,
    );
    const p2 = against.projects.find((p: { id: string }) => p.id === "PRJ-2");
    expect(p2.figures.pv).toEqual({ value: null, missing: "PV is unknown: PRJ-2 is not in baseline Q1" });
    expect(p2.figures.spi.value).toBeNull();
  });

  it("pmo check reads the baseline tags: a baseline whose decision is no longer approved is a finding", async () => {
    const dir = setup();
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    const before = await pmo(dir, "check", "--as-of", "2026-03-01", "--format", "json");
    expect(
      JSON.parse(before.stdout).diagnostics?.filter?.(
        (d: { ruleId: string }) => d.ruleId === "baseline-without-decision",
      ) ?? [],
    ).toEqual([]);
    writeFiles(dir, { "decisions/DEC-1.yaml": decision("DEC-1", "superseded", ", baselineName: Q1") });
    const after = await pmo(dir, "check", "--as-of", "2026-03-01", "--format", "json");
    expect(after.code).toBe(1);
    expect(after.stdout).toContain(
      "decision DEC-1 approves baseline Q1 (tag pmo-baseline/Q1) but is superseded, not approved",
    );
  });

  it("outside a git repository, baselines are a usage error", async () => {
    const dir = makeRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    const result = await pmo(dir, "baseline", "ls");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not inside a git repository");
  });
});
