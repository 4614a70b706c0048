import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { commitAll, git, makeGitRepo, writeFiles } from "../helpers/git.js";
import { ENGAGEMENT, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));
const AS_OF = ["--as-of", "2026-11-30"];

// A red project without a recovery plan or escalation: red-status-has-recovery (error) twice.
const redProject = (id: string) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
sponsor: ann
manager: bob
stage: delivery
status: { asOf: 2026-11-27, overall: red }
`;

function legacyRepo(): string {
  const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "projects/p1.yaml": redProject("P1") });
  repos.push(dir);
  commitAll(dir, "legacy portfolio");
  return dir;
}

describe("pmo check --new-since", () => {
  it("shows findings present at the ref as existing, and passes when the change adds none", async () => {
    const dir = legacyRepo();
    const plain = await runCli(["check", ...AS_OF], { cwd: dir });
    expect(plain.code).toBe(1);
    // Lines are shifted above the findings: still the same findings, matched by pointer.
    writeFiles(dir, { "projects/p1.yaml": `# Moved down by a comment\n\n${redProject("P1")}` });
    const r = await runCli(["check", "--new-since", "HEAD", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("existing: already present at HEAD");
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^✔ no problems in \d+ documents, 2 existing$/);
  });

  it("fails on a finding the change introduces, and lists only that one as a problem", async () => {
    const dir = legacyRepo();
    git(dir, "checkout", "-q", "-b", "feature");
    writeFiles(dir, { "projects/p2.yaml": redProject("P2") });
    commitAll(dir, "feature adds a red project");
    const r = await runCli(["check", "--new-since", "main", "--format", "json", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics.map((d: { file: string; ruleId: string }) => `${d.ruleId} ${d.file}`)).toEqual([
      "red-status-has-recovery projects/p2.yaml",
      "red-status-has-recovery projects/p2.yaml",
    ]);
    expect(
      json.waived.map((d: { file: string; waiver: { source: string } }) => `${d.waiver.source} ${d.file}`),
    ).toEqual(["baseline projects/p1.yaml", "baseline projects/p1.yaml"]);
    const sarif = JSON.parse(
      (await runCli(["check", "--new-since", "main", "--format", "sarif", ...AS_OF], { cwd: dir })).stdout,
    );
    const states = sarif.runs[0].results.map(
      (x: { baselineState?: string; suppressions?: unknown[] }) =>
        `${x.baselineState ?? "new"} ${x.suppressions ? "suppressed" : "active"}`,
    );
    expect(states.sort()).toEqual(["new active", "new active", "unchanged active", "unchanged active"]);
  });

  it("judges the baseline with today's config, so newly enabled rules do not fail legacy content", async () => {
    const dir = legacyRepo();
    const before = JSON.parse((await runCli(["check", ...AS_OF, "--format", "json"], { cwd: dir })).stdout).diagnostics
      .length;
    writeFiles(dir, { "pmo.config.yaml": "extends: [strict]\n" });
    const strict = JSON.parse((await runCli(["check", ...AS_OF, "--format", "json"], { cwd: dir })).stdout).diagnostics
      .length;
    expect(strict).toBeGreaterThan(before);
    const r = await runCli(["check", "--new-since", "HEAD", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it("names an unknown ref (exit 2)", async () => {
    const dir = legacyRepo();
    const r = await runCli(["check", "--new-since", "nope", ...AS_OF], { cwd: path.join(dir) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown git ref "nope"/);
  });
});
