import { readFileSync } from "node:fs";
import path from "node:path";
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

  it("a project added after the baseline has no plan in it: evm, report and schedule agree (unknown, not today's budget, not 0)", async () => {
    const valued = (
      id: string,
      approved: number,
    ) => `${project(approved, "2026-05-01", 40).replace("id: PRJ-1", `id: ${id}`).replace("plannedValue: linear", "plannedValue: milestones, method: milestones, milestones: { M1: 100, M2: 200 }")}milestones:
  - { id: M1, name: Design, baseline: 2026-02-01, actual: 2026-02-10 }
  - { id: M2, name: Build, baseline: 2026-04-01 }
`;
    const dir = setup();
    writeFiles(dir, { "projects/PRJ-1.yaml": valued("PRJ-1", 1000) });
    commitAll(dir, "valued milestones");
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    // Since the baseline: PRJ-2 is new; PRJ-1 deleted its milestone M2 (still planned in Q1).
    writeFiles(dir, {
      "projects/PRJ-1.yaml": valued("PRJ-1", 2000)
        .replace(/ {2}- \{ id: M2.*\n/, "")
        .replace(", M2: 200", ""),
      "projects/PRJ-2.yaml": project(300, "2026-05-01", 10).replace("id: PRJ-1", "id: PRJ-2"),
    });
    const evm = JSON.parse(
      (await pmo(dir, "evm", "--as-of", "2026-04-15", "--format", "json", "--baseline", "Q1")).stdout,
    );
    const p2 = evm.projects.find((p: { id: string }) => p.id === "PRJ-2");
    expect(p2.figures.bac).toEqual({ value: null, missing: "BAC is unknown: PRJ-2 is not in baseline Q1" });
    expect(p2.figures.pv).toEqual({ value: null, missing: "PV is unknown: PRJ-2 is not in baseline Q1" });
    expect(p2.figures.ev.value).toBeNull();
    expect(p2.figures.spi.value).toBeNull();
    expect(p2.figures.ac.value).toBe(500);
    // PRJ-1: the baseline's BAC and plan; M2, deleted since, still carries its planned value
    // (PV 300 on 2026-04-15), and cannot be earned (EV = M1's 100).
    const p1 = evm.projects.find((p: { id: string }) => p.id === "PRJ-1");
    expect([p1.figures.bac.value, p1.figures.pv.value, p1.figures.ev.value]).toEqual([1000, 300, 100]);

    const report = await pmo(
      dir,
      ...["report", "--as-of", "2026-04-15", "--format", "md", "--single", "--no-history", "--out-dir", "out"],
      ...["--baseline", "Q1"],
    );
    expect(report.stderr).toBe("");
    const text = readFileSync(path.join(dir, "out", "report.md"), "utf8");
    // The report's performance panels read the same figures: PRJ-1's SPI = 100 / 300, PRJ-2's unknown.
    const page = (id: string, name: string) => {
      const start = text.search(new RegExp(`^#+ ${id} ${name}$`, "m"));
      const panel = text.indexOf("Cost and schedule performance", start);
      return text.slice(panel, text.indexOf("\n#", text.indexOf("\n", panel) + 1));
    };
    expect(page("PRJ-1", "One")).toMatch(/\| SPI \| 0\.33 \|/);
    expect(page("PRJ-2", "One")).toMatch(/\| SPI \| unknown \|/);
    expect(page("PRJ-2", "One")).toContain(
      "Unknown: BAC is unknown: PRJ-2 is not in baseline Q1; PV is unknown: PRJ-2 is not in baseline Q1",
    );

    const schedule = JSON.parse(
      (await pmo(dir, "schedule", "--as-of", "2026-04-15", "--format", "json", "--baseline", "Q1")).stdout,
    );
    expect(schedule.baseline.notInBaseline).toEqual(["PRJ-2"]);
    // Today's network: the deleted milestone is not in it.
    expect(schedule.items.map((it: { key: string }) => it.key).filter((k: string) => k.startsWith("PRJ-1/"))).toEqual([
      "PRJ-1/M1",
    ]);
  });

  it("schedule --baseline measures today's network against the milestone dates the baseline froze", async () => {
    const planned = (m1: string, m2: string, forecast = "") => `${project(1000, "2026-05-01", 40)}milestones:
  - { id: M1, name: Design, baseline: ${m1}${forecast} }
  - { id: M2, name: Build, baseline: ${m2}, dependsOn: [M1] }
`;
    const dir = setup();
    writeFiles(dir, { "projects/PRJ-1.yaml": planned("2026-03-01", "2026-04-01") });
    commitAll(dir, "milestones");
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    // Re-planned since: M1 moved to 03-20 and forecast on 03-25; M2 moved a month.
    writeFiles(dir, {
      "projects/PRJ-1.yaml": planned("2026-03-20", "2026-05-01", ", forecast: 2026-03-25"),
      "projects/PRJ-2.yaml": project(300, "2026-05-01", 10).replace("id: PRJ-1", "id: PRJ-2"),
    });
    const json = await pmo(dir, "schedule", "--as-of", "2026-02-01", "--format", "json", "--baseline", "Q1");
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    const m1 = out.items.find((it: { key: string }) => it.key === "PRJ-1/M1");
    const m2 = out.items.find((it: { key: string }) => it.key === "PRJ-1/M2");
    // The baseline dates are the tag's, the forecasts today's.
    expect([m1.baseline, m1.forecast, m2.baseline]).toEqual(["2026-03-01", "2026-03-25", "2026-04-01"]);
    expect(out.baseline.name).toBe("Q1");
    expect(out.baseline.items.find((it: { key: string }) => it.key === "PRJ-1/M1")).toEqual({
      key: "PRJ-1/M1",
      baseline: "2026-03-01",
      finish: "2026-03-25",
      varianceDays: 24,
      complete: false,
    });
    expect(out.baseline.projects.find((p: { id: string }) => p.id === "PRJ-1").baselineFinish).toBe("2026-05-01");
    expect(out.baseline.notInBaseline).toEqual(["PRJ-2"]);
    const now = JSON.parse((await pmo(dir, "schedule", "--as-of", "2026-02-01", "--format", "json")).stdout);
    expect(now.baseline).toBeUndefined();
    expect(now.items.find((it: { key: string }) => it.key === "PRJ-1/M1").baseline).toBe("2026-03-20");

    const table = await pmo(dir, "schedule", "--as-of", "2026-02-01", "--baseline", "Q1");
    expect(table.stdout).toContain("Against baseline Q1");
    expect(table.stdout).toMatch(/PRJ-1\/M1 .*2026-03-01 .*2026-03-25 .*\+24/);
    expect(table.stdout).toContain("Not in baseline Q1 (no baseline dates): PRJ-2");
    const unknown = await pmo(dir, "schedule", "--baseline", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no baseline named "nope": the baselines are Q1');
  });

  it("report --baseline reads budgets and planned value from the tag, progress from today, and says so on every page", async () => {
    const dir = setup();
    await pmo(dir, "baseline", "create", "Q1", "--decision", "DEC-1");
    writeFiles(dir, { "projects/PRJ-1.yaml": project(2000, "2026-09-01", 50) });
    commitAll(dir, "re-plan");
    const report = await pmo(
      dir,
      "report",
      "--as-of",
      "2026-03-01",
      "--format",
      "md",
      "--single",
      "--no-history",
      "--out-dir",
      "out",
      "--baseline",
      "Q1",
    );
    expect(report.stderr).toBe("");
    expect(report.code).toBe(0);
    const text = readFileSync(path.join(dir, "out", "report.md"), "utf8");
    const commit = git(dir, "rev-parse", "--short=7", "pmo-baseline/Q1^{commit}");
    expect(text).toContain(
      `Measured against baseline **Q1** (commit \`${commit}\`, approved by DEC-1): budgets, baseline dates and planned value are the baseline's`,
    );
    // EV = 50% of the baseline's BAC (1,000), PV on its linear plan: SPI = 500 / (1000 × 59 / 120).
    expect(text).toMatch(/SPI \| 1\.02/);
    const today = await pmo(
      dir,
      "report",
      "--as-of",
      "2026-03-01",
      "--format",
      "md",
      "--single",
      "--no-history",
      "--out-dir",
      "now",
    );
    expect(today.code).toBe(0);
    const now = readFileSync(path.join(dir, "now", "report.md"), "utf8");
    expect(now).not.toContain("Measured against baseline");
    // Today's plan: 2,000 over 243 days, 59 days in; EV = 1,000.
    expect(now).toMatch(/SPI \| 2\.06/);
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
