import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * Commands that show the same fact agree with the rule that judges it: the two disagreements
 * found in review, fixed by reading the fact from the domain model (src/core/domain).
 */
const AS_OF = "2026-11-30";
const PEOPLE = "apiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann Able\n";
const project = (id: string, stage: string, asOf: string): string =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nstage: ${stage}\nsponsor: ann\nmanager: ann\nstatus: { asOf: ${asOf}, overall: green }\n`;
const risk = (id: string, p: number, i: number): string =>
  `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: Risk ${id}\nproject: PRJ-D\nprobability: ${p}\nimpact: ${i}\nstatus: open\nowner: ann\nraised: 2026-11-20\nmitigations: [{ action: Act, owner: ann, status: planned }]\n`;

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));
function repo(files: Record<string, string>): string {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, "people.yaml": PEOPLE, ...files });
  repos.push(dir);
  return dir;
}

describe("the dashboard's stale status reports are the ones status-report-stale reports", () => {
  // A proposal does not report yet: its old status report is not stale (nor a closed project's).
  const dir = repo({
    "p.yaml": project("PRJ-P", "proposal", "2026-01-05"),
    "c.yaml": project("PRJ-C", "closed", "2026-01-05"),
    "d.yaml": project("PRJ-D", "delivery", "2026-11-02"),
    "f.yaml": project("PRJ-F", "delivery", "2026-11-27"),
  });

  it("check reports one stale report, PRJ-D's", async () => {
    const result = await runCli(["check", dir, "--as-of", AS_OF, "--format", "json"], { cwd: dir });
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string }[] };
    expect(diagnostics.filter((d) => d.ruleId === "status-report-stale").map((d) => d.file)).toEqual(["d.yaml"]);
  });

  it("the dashboard counts one, and marks only PRJ-D", async () => {
    const out = path.join(dir, "out");
    const result = await runCli(["report", dir, "--as-of", AS_OF, "--format", "md", "--out-dir", out, "--no-history"], {
      cwd: dir,
    });
    expect(result.stderr).toBe("");
    const index = readFileSync(path.join(out, "index.md"), "utf8");
    expect(index).toMatch(/\*\*1\*\* stale status report$/m);
    expect(
      index
        .split("\n")
        .filter((line) => line.includes("(stale)"))
        .map((line) => /PRJ-\w/.exec(line)?.[0]),
    ).toEqual(["PRJ-D"]);
    expect(readFileSync(path.join(out, "projects/PRJ-C.md"), "utf8")).not.toContain("stale");
  });
});

describe("pmo show and ls colour risks by the bands the rules use", () => {
  const YELLOW = (s: string): string => `\u001b[33m${s}\u001b[39m`;
  const RED = (s: string): string => `\u001b[31m${s}\u001b[39m`;
  const files = {
    "d.yaml": project("PRJ-D", "delivery", "2026-11-27"),
    "r1.yaml": risk("R-1", 3, 3),
    "r2.yaml": risk("R-2", 4, 4),
    "r3.yaml": risk("R-3", 4, 5),
  };

  it("with the engagement silent, the default thresholds band 16 high and 20 critical", async () => {
    const dir = repo(files);
    const show = await runCli(["show", "PRJ-D", "--color", "--as-of", AS_OF], { cwd: dir });
    expect(show.stdout).toContain(YELLOW("16"));
    expect(show.stdout).toContain(RED("20"));
    expect(show.stdout).not.toContain(YELLOW("9"));
    const ls = await runCli(["ls", "risks", "--color", "--as-of", AS_OF], { cwd: dir });
    expect(ls.stdout).toContain(YELLOW("16"));
    expect(ls.stdout).toContain(RED("20"));
  });

  it("the config's thresholds apply where the engagement is silent, as in pmo check", async () => {
    const dir = repo({
      ...files,
      "pmo.config.yaml": "thresholds: { riskHighThreshold: 8, riskCriticalThreshold: 16 }\n",
    });
    const show = await runCli(["show", "PRJ-D", "--color", "--as-of", AS_OF], { cwd: dir });
    expect(show.stdout).toContain(YELLOW("9"));
    expect(show.stdout).toContain(RED("16"));
    const check = await runCli(["check", dir, "--as-of", AS_OF, "--format", "json"], { cwd: dir });
    expect(check.stderr).toBe("");
  });

  it("the config's risk matrix decides a cell before any threshold", async () => {
    const low = Array.from({ length: 5 }, () => "[low, low, low, low, low]").join(", ");
    const dir = repo({ ...files, "pmo.config.yaml": `riskMatrix: { cells: [${low}] }\n` });
    const show = await runCli(["show", "PRJ-D", "--color", "--as-of", AS_OF], { cwd: dir });
    expect(show.stdout).not.toContain("\u001b[31m");
    expect(show.stdout).not.toContain(YELLOW("16"));
  });
});
