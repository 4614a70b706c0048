import { afterEach, describe, expect, it } from "vitest";
import { commitAll, makeGitRepo, writeFiles } from "../helpers/git.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const project = (actual: number, percent: number, name = "One") => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: ${name}
stage: delivery
schedule: { baselineStart: 2026-01-01, baselineFinish: 2026-05-01 }
budget: { approved: 1000, actual: ${actual} }
percentComplete: ${percent}
earnedValue: { plannedValue: linear }
`;

const repos: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) removeRepo(r);
});

describe("pmo evm --history", () => {
  it("gives CPI, SPI and SPI(t) per project from the git history, each judged at its commit's date", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "projects/PRJ-1.yaml": project(100, 10) });
    repos.push(dir);
    commitAll(dir, "start", "2026-01-31T10:00:00Z");
    writeFiles(dir, { "projects/PRJ-1.yaml": project(300, 25) });
    commitAll(dir, "february", "2026-03-01T10:00:00Z");
    writeFiles(dir, { "projects/PRJ-1.yaml": project(300, 25, "One, renamed") }); // same day: no figure changes
    commitAll(dir, "rename", "2026-03-01T16:00:00Z");
    writeFiles(dir, { "projects/PRJ-1.yaml": project(700, 50) });
    commitAll(dir, "march", "2026-04-01T10:00:00Z");

    const result = await runCli(["-C", dir, "evm", "--history", "--format", "json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { projects } = JSON.parse(result.stdout);
    expect(projects).toHaveLength(1);
    const points = projects[0].points as { date: string; cpi: number; spi: number }[];
    // The rename the same day changes no figure, so it gives no point.
    expect(points.map((p) => p.date)).toEqual(["2026-01-31", "2026-03-01", "2026-04-01"]);
    // 2026-01-31: EV 100 (10% of 1,000), AC 100, PV = 1,000 x 30/120 = 250.
    expect(points[0]!.cpi).toBe(1);
    expect(points[0]!.spi).toBeCloseTo(100 / 250, 9);
    // 2026-04-01: EV 500, AC 700, PV = 1,000 x 90/120 = 750.
    expect(points[2]!.cpi).toBeCloseTo(500 / 700, 9);
    expect(points[2]!.spi).toBeCloseTo(500 / 750, 9);

    const table = await runCli(["-C", dir, "evm", "--history"], { cwd: dir });
    expect(table.stdout).toContain("PRJ-1 One");
    expect(table.stdout).toMatch(/2026-04-01 {2}[0-9a-f]{7} {2}0\.71 {2}0\.67/);
  });

  it("outside git, and with --baseline, --history is a usage error", async () => {
    const dir = makeRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    const outside = await runCli(["-C", dir, "evm", "--history"], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("is not inside a git repository");
    const both = await runCli(["-C", dir, "evm", "--history", "--baseline", "Q1"], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("cannot be combined with --baseline");
  });
});
