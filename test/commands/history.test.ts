import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/index.js";
import { discoveryFilter, openRepository, readBlobs, readLog } from "../../src/core/git/index.js";
import { buildHistory } from "../../src/core/history/index.js";
import { runCli } from "../helpers/cli.js";
import { commitAll, makeGitRepo, writeFiles } from "../helpers/git.js";
import { ENGAGEMENT, removeRepo } from "../helpers/repo.js";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

const project = (
  id: string,
  overall: string,
  asOf: string,
  finish = "2027-06-30",
  forecast = 1000000,
  name = `Project ${id}`,
) => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: ${name}
sponsor: Ann
manager: Bob
stage: delivery
schedule: { forecastFinish: ${finish} }
budget: { forecast: ${forecast} }
status: { asOf: ${asOf}, overall: ${overall}, recoveryPlan: Re-plan, escalation: { to: Ann } }
`;

function historyRepo(): string {
  const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "p1.yaml": project("P1", "green", "2026-09-07") });
  repos.push(dir);
  commitAll(dir, "start", "2026-09-07T10:00:00+01:00", "Ann Lee <ann@example.com>");
  writeFiles(dir, { "p2.yaml": project("P2", "amber", "2026-09-20", "2027-03-31", 500000) });
  commitAll(dir, "P2 added", "2026-09-20T10:00:00Z", "Bob Cole <bob@example.com>");
  // A change that moves nothing the history tracks: no entry.
  writeFiles(dir, { "p1.yaml": project("P1", "green", "2026-09-07", "2027-06-30", 1000000, "Project one renamed") });
  commitAll(dir, "rename P1", "2026-10-02T10:00:00Z", "Ann Lee <ann@example.com>");
  writeFiles(dir, {
    "p1.yaml": project("P1", "red", "2026-10-05", "2027-08-31", 1250000, "Project one renamed"),
    "notes.txt": "not yaml",
  });
  commitAll(dir, "P1 red", "2026-10-05T10:00:00Z", "Ann Lee <ann@example.com>");
  writeFiles(dir, { "p2.yaml": null });
  commitAll(dir, "P2 cancelled and removed", "2026-11-16T10:00:00Z", "Bob Cole <bob@example.com>");
  return dir;
}

describe("pmo history", () => {
  it("lists per project only the commits where status, forecast finish or forecast cost changed", async () => {
    const dir = historyRepo();
    const r = await runCli(["history", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const entries = (id: string) =>
      json.projects
        .find((p: { id: string }) => p.id === id)
        .entries.map((e: Record<string, unknown>) => [
          e["date"],
          e["author"],
          e["change"],
          e["overall"],
          e["forecastFinish"],
          e["forecastCost"],
        ]);
    expect(entries("P1")).toEqual([
      ["2026-09-07", "Ann Lee", "added", "green", "2027-06-30", 1000000],
      ["2026-10-05", "Ann Lee", "modified", "red", "2027-08-31", 1250000],
    ]);
    expect(entries("P2")).toEqual([
      ["2026-09-20", "Bob Cole", "added", "amber", "2027-03-31", 500000],
      ["2026-11-16", "Bob Cole", "removed", undefined, undefined, undefined],
    ]);
    expect(json.projects[0].name).toBe("Project one renamed");
    expect(json.projects[0].entries[0].currency).toBe("EUR");
  });

  it("gives the portfolio and the PMO's KPIs per month, judged at the end of each month", async () => {
    const dir = historyRepo();
    const json = JSON.parse(
      (await runCli(["history", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir })).stdout,
    );
    expect(json.statusScale).toEqual(["green", "amber", "red"]);
    expect(
      json.periods.map(
        (p: {
          period: string;
          commits: number;
          statuses: unknown;
          forecast: unknown;
          onTimeReports: unknown;
          asOf: string;
        }) => [p.period, p.asOf, p.commits, p.statuses, p.forecast, p.onTimeReports],
      ),
    ).toEqual([
      // Weekly reporting (7 days): at 30 September P1's report of 7 September is stale, P2's of 20 September too.
      [
        "2026-09",
        "2026-09-30",
        2,
        { green: 1, amber: 1, red: 0 },
        [{ currency: "EUR", total: 1500000 }],
        { onTime: 0, expected: 2, percent: 0 },
      ],
      [
        "2026-10",
        "2026-10-31",
        2,
        { green: 0, amber: 1, red: 1 },
        [{ currency: "EUR", total: 1750000 }],
        { onTime: 0, expected: 2, percent: 0 },
      ],
      [
        "2026-11",
        "2026-11-30",
        1,
        { green: 0, amber: 0, red: 1 },
        [{ currency: "EUR", total: 1250000 }],
        { onTime: 0, expected: 1, percent: 0 },
      ],
    ]);
    for (const p of json.periods) expect(p.findings.error + p.findings.warn + p.findings.info).toBeGreaterThan(0);
  });

  it("reports weeks, honours --since and --until, and fills weeks without commits", async () => {
    const dir = historyRepo();
    const json = JSON.parse(
      (
        await runCli(
          [
            "history",
            "--format",
            "json",
            "--period",
            "week",
            "--since",
            "2026-10-01",
            "--until",
            "2026-10-20",
            "--as-of",
            "2026-11-30",
          ],
          { cwd: dir },
        )
      ).stdout,
    );
    expect(json.periods.map((p: { period: string; commits: number }) => `${p.period}:${p.commits}`)).toEqual([
      "2026-09-28:1",
      "2026-10-05:1",
      "2026-10-12:0",
      "2026-10-19:0",
    ]);
    expect(json.projects.map((p: { id: string; entries: unknown[] }) => `${p.id}:${p.entries.length}`)).toEqual([
      "P1:1",
    ]);
    const recent = json.periods[1];
    expect(recent.onTimeReports).toEqual({ onTime: 1, expected: 2, percent: 50 });
  });

  it("prints a table and markdown, the same bytes on every run", async () => {
    const dir = historyRepo();
    const table = await runCli(["history", "--as-of", "2026-11-30"], { cwd: dir });
    expect(table.stdout).toContain("Period   Commits  Projects  green  amber  red  No status  Forecast");
    expect(table.stdout).toMatch(/2026-10\s+2\s+2\s+0\s+1\s+1\s+0\s+EUR 1.75M/);
    expect(table.stdout).toContain("2026-10-05  ");
    const again = await runCli(["history", "--as-of", "2026-11-30"], { cwd: dir });
    expect(again.stdout).toBe(table.stdout);
    const md = await runCli(["history", "--format", "markdown", "--as-of", "2026-11-30"], { cwd: dir });
    expect(md.stdout).toContain("| Period | Commits | Projects | green | amber | red | No status | Forecast |");
    expect(md.stdout).toContain("<summary>P1 Project one renamed: 2 changes</summary>");
  });

  it("leaves the findings out with --no-findings: the same history, the findings columns read -", async () => {
    const dir = historyRepo();
    const args = ["history", "--format", "json", "--as-of", "2026-11-30"];
    const full = JSON.parse((await runCli(args, { cwd: dir })).stdout);
    const r = await runCli([...args, "--no-findings"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ...full,
      periods: full.periods.map(({ findings: _, ...p }: object & { findings: unknown }) => p),
    });
    const table = await runCli(["history", "--as-of", "2026-11-30", "--no-findings"], { cwd: dir });
    const september = table.stdout.split("\n").find((l) => l.trimStart().startsWith("2026-09"))!;
    expect(september.trim().split(/\s+/).slice(-5, -2)).toEqual(["-", "-", "-"]);
  });

  it("refuses a folder outside git, and bad dates (exit 2)", async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), "pmo-nogit-"));
    repos.push(plain);
    const r = await runCli(["history"], { cwd: plain });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: pmo history reads the git history, but . is not inside a git repository\n");
    const dir = historyRepo();
    expect((await runCli(["history", "--since", "2026-13-01"], { cwd: dir })).code).toBe(2);
    const order = await runCli(["history", "--since", "2026-11-01", "--until", "2026-10-01"], { cwd: dir });
    expect(order.stderr).toBe("error: --since 2026-11-01 is after --until 2026-10-01\n");
  });
});

describe("pmo history periods and scales", () => {
  const DCA5 = ENGAGEMENT.replace("currency: EUR\n", "currency: EUR\nstatusScale: dca5\n");
  const annual = (id: string, overall: string, year: number, forecast?: number): string =>
    `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nsponsor: Ann\nmanager: Bob\nstage: delivery\n${forecast === undefined ? "" : `budget: { forecast: ${forecast} }\n`}status: { asOf: ${year}-06-30, overall: ${overall} }\n`;
  /** Three annual publications: dca5 in 2020 and 2021, then the three-value scale in 2022. */
  function annualRepo(): string {
    const dir = makeGitRepo({
      "engagement.yaml": DCA5,
      "p1.yaml": annual("P1", "amber-green", 2020, 100),
      "p2.yaml": annual("P2", "amber-red", 2020),
    });
    repos.push(dir);
    commitAll(dir, "2020 publication", "2020-07-01T10:00:00Z", "Ann Lee <ann@example.com>");
    writeFiles(dir, { "p1.yaml": annual("P1", "amber", 2021, 120), "p2.yaml": annual("P2", "not-assessed", 2021) });
    commitAll(dir, "2021 publication", "2021-07-01T10:00:00Z", "Ann Lee <ann@example.com>");
    writeFiles(dir, {
      "engagement.yaml": ENGAGEMENT,
      "p1.yaml": annual("P1", "amber", 2022, 130),
      "p2.yaml": annual("P2", "red", 2022, 50),
    });
    commitAll(dir, "2022 publication, on the three-value scale", "2022-07-01T10:00:00Z", "Ann Lee <ann@example.com>");
    return dir;
  }

  it("cuts the history into years and quarters", async () => {
    const dir = annualRepo();
    const years = JSON.parse(
      (await runCli(["history", "--format", "json", "--period", "year", "--as-of", "2022-12-31"], { cwd: dir })).stdout,
    );
    expect(
      years.periods.map((p: { period: string; start: string; end: string; commits: number }) => [
        p.period,
        p.start,
        p.end,
        p.commits,
      ]),
    ).toEqual([
      ["2020", "2020-01-01", "2020-12-31", 1],
      ["2021", "2021-01-01", "2021-12-31", 1],
      ["2022", "2022-01-01", "2022-12-31", 1],
    ]);
    const quarters = JSON.parse(
      (
        await runCli(
          [
            "history",
            "--format",
            "json",
            "--period",
            "quarter",
            "--since",
            "2021-06-01",
            "--until",
            "2022-03-31",
            "--as-of",
            "2022-12-31",
          ],
          { cwd: dir },
        )
      ).stdout,
    );
    expect(
      quarters.periods.map((p: { period: string; start: string; end: string }) => [p.period, p.start, p.end]),
    ).toEqual([
      ["2021-Q2", "2021-04-01", "2021-06-30"],
      ["2021-Q3", "2021-07-01", "2021-09-30"],
      ["2021-Q4", "2021-10-01", "2021-12-31"],
      ["2022-Q1", "2022-01-01", "2022-03-31"],
    ]);
  });

  it("records a change of status scale as such, counts not-assessed apart and leaves unknown forecasts out with a count", async () => {
    const dir = annualRepo();
    const json = JSON.parse(
      (await runCli(["history", "--format", "json", "--period", "year", "--as-of", "2022-12-31"], { cwd: dir })).stdout,
    );
    expect(json.scaleChanges).toHaveLength(1);
    expect(json.scaleChanges[0]).toMatchObject({
      date: "2022-07-01",
      from: { name: "dca5" },
      to: { name: "rag", values: ["green", "amber", "red"] },
    });
    expect(
      json.periods.map((p: { statuses: Record<string, number>; forecast: unknown; forecastUnknown: number }) => [
        p.statuses,
        p.forecast,
        p.forecastUnknown,
      ]),
    ).toEqual([
      [{ green: 0, "amber-green": 1, amber: 0, "amber-red": 1, red: 0 }, [{ currency: "EUR", total: 100 }], 1],
      [
        { green: 0, "amber-green": 0, amber: 1, "amber-red": 0, red: 0, "not-assessed": 1 },
        [{ currency: "EUR", total: 120 }],
        1,
      ],
      [{ green: 0, amber: 1, red: 1 }, [{ currency: "EUR", total: 180 }], 0],
    ]);
    const table = (await runCli(["history", "--period", "year", "--as-of", "2022-12-31"], { cwd: dir })).stdout;
    expect(table).toContain(
      "Period  Commits  Projects  green  amber  red  amber-green  amber-red  not-assessed  No status  Forecast",
    );
    expect(table).toContain("EUR 100 (1 unknown)");
    expect(table).toMatch(
      /Status scale changed on 2022-07-01 \(commit [0-9a-f]{10}\): dca5 \(green, amber-green, amber, amber-red, red\) to rag \(green, amber, red\); a status before and one after are not compared as better or worse\./,
    );
  });

  it("judges each period's findings at its last commit, so a period without a commit repeats them", async () => {
    const dir = annualRepo();
    const json = JSON.parse(
      (
        await runCli(
          [
            "history",
            "--format",
            "json",
            "--period",
            "quarter",
            "--since",
            "2021-07-01",
            "--until",
            "2021-12-31",
            "--as-of",
            "2022-12-31",
          ],
          { cwd: dir },
        )
      ).stdout,
    );
    const [q3, q4] = json.periods;
    expect([q3.commits, q4.commits]).toEqual([1, 0]);
    expect(q4.commit).toBe(q3.commit);
    expect(q4.findings).toEqual(q3.findings);
  });
});

describe("pmo history with a file that does not parse", () => {
  it("reports the syntax problem of the period, not an unresolved reference from every risk naming the broken project", async () => {
    const risk = (id: string) =>
      `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: Risk ${id}\nproject: P1\nstatus: open\nprobability: 1\nimpact: 1\n`;
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      "p1.yaml": project("P1", "green", "2026-10-05"),
      "raid/R1.yaml": risk("R1"),
      "raid/R2.yaml": risk("R2"),
      "raid/R3.yaml": risk("R3"),
    });
    repos.push(dir);
    commitAll(dir, "start", "2026-10-05T10:00:00Z");
    // One space of indentation too few: p1.yaml does not parse in November.
    writeFiles(dir, {
      "p1.yaml": project("P1", "green", "2026-11-02").replace("name: Project P1", " name: Project P1"),
    });
    commitAll(dir, "typo", "2026-11-02T10:00:00Z");
    const r = await runCli(["history", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir });
    expect(r.stderr).toBe("");
    const [october, november] = JSON.parse(r.stdout).periods;
    // What pmo check says of the same files on the same date (the folder loader notes the broken file).
    const check = await runCli(["check", "--format", "json", "--as-of", "2026-11-02"], { cwd: dir });
    const summary = JSON.parse(check.stdout).summary;
    expect(november.findings).toEqual({ error: summary.errors, warn: summary.warnings, info: summary.infos });
    // One error more than October: the syntax error, not one unresolved reference per risk.
    expect(november.findings.error).toBe(october.findings.error + 1);
    const errors = JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === "error");
    expect(errors.map((d: { ruleId: string }) => d.ruleId)).not.toContain("unresolved-reference");
  });
});

describe("buildHistory without findings (the report's trends)", () => {
  /** The history of `dir` by the command's own git reads, built with and without the per-period check. */
  async function both(dir: string, period: "month" | "year", asOf: string) {
    const repo = await openRepository(dir, ".", "HEAD");
    const include = discoveryFilter("", []);
    const commits = await readLog(repo);
    const oids = commits.flatMap((c) =>
      c.changes.flatMap((ch) => (ch.oid !== null && include(ch.path) ? [ch.oid] : [])),
    );
    const blobs = await readBlobs(repo.top, oids);
    const config = await loadConfig(dir);
    const input = { commits, blobs, include, root: dir, config, asOf, period };
    return [await buildHistory(input), await buildHistory({ ...input, findings: false })] as const;
  }

  it("gives the same periods, statuses, scales and entries, only without the findings", async () => {
    for (const [dir, period, asOf] of [
      [historyRepo(), "month", "2026-11-30"],
      [annualRepoForFindings(), "year", "2022-12-31"],
    ] as const) {
      const [full, fast] = await both(dir, period, asOf);
      expect(full.periods.every((p) => p.findings !== undefined)).toBe(true);
      expect(fast.periods.every((p) => p.findings === undefined)).toBe(true);
      expect(fast).toEqual({ ...full, periods: full.periods.map(({ findings: _, ...p }) => p) });
    }
    // Risks and decisions are not parsed without findings; a path that turns from a risk into a
    // project (and a project written in a shape the kind scanner declines) is still read.
    const [mixed, mixedFast] = await both(mixedKindsRepo(), "month", "2026-11-30");
    expect(mixedFast).toEqual({ ...mixed, periods: mixed.periods.map(({ findings: _, ...p }) => p) });
    expect(mixedFast.projects.map((p) => p.id)).toEqual(["P1", "P2", "P3"]);
    // The custom scale was in force at the end (its engagement validated), so the settings were not defaults.
    const [, fast] = await both(annualRepoForFindings(), "year", "2022-12-31");
    expect(fast.statusScale).toEqual(["good", "bad"]);
    expect(fast.periods.at(-1)?.statuses).toEqual({ good: 0, bad: 0, withheld: 1 });
  });
});

/** Projects beside risks and a decision; a risk file later holds a project, and one project's kind is quoted in a flow mapping. */
function mixedKindsRepo(): string {
  const risk = (id: string) =>
    `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: Supplier fails\nproject: P1\nowner: Ann\nstatus: open\nprobability: 2\nimpact: 3\nraised: 2026-09-01\n`;
  const dir = makeGitRepo({
    "engagement.yaml": ENGAGEMENT,
    "p1.yaml": project("P1", "green", "2026-09-07"),
    "risks/R1.yaml": risk("R1"),
    "risks/R2.yaml": risk("R2"),
    "decisions/D1.yaml":
      "apiVersion: pmo/v1\nkind: Decision\nid: D1\ntitle: Go\nproject: P1\nstatus: proposed\nraised: 2026-09-01\n",
  });
  repos.push(dir);
  commitAll(dir, "start", "2026-09-07T10:00:00Z", "Ann Lee <ann@example.com>");
  writeFiles(dir, {
    "risks/R2.yaml": project("P2", "amber", "2026-10-01"),
    "p3.yaml": `{ "apiVersion": "pmo/v1", "kind": "Project", "id": "P3", "name": "Three", "stage": "planning" }\n`,
  });
  commitAll(dir, "R2 becomes a project", "2026-10-01T10:00:00Z", "Ann Lee <ann@example.com>");
  writeFiles(dir, {
    "p1.yaml": project("P1", "red", "2026-11-02"),
    "risks/R1.yaml": risk("R1").replace("2026-09-01", "2026-09-02"),
  });
  commitAll(dir, "P1 red", "2026-11-02T10:00:00Z", "Ann Lee <ann@example.com>");
  return dir;
}

/**
 * Two publications: the first declares a custom scale that fails its schema (no labels), so it
 * is judged on the default scale; the second a valid one with a not-assessed value.
 */
function annualRepoForFindings(): string {
  const scale = (label: (v: string) => string) =>
    ENGAGEMENT.replace(
      "currency: EUR\n",
      `currency: EUR\nstatusScale: [{ value: good${label("Good")} }, { value: bad${label("Bad")} }, { value: withheld${label("Withheld")}, assessed: false }]\n`,
    );
  const INVALID = scale(() => "");
  const CUSTOM = scale((l) => `, label: ${l}`);
  const doc = (overall: string, asOf: string) =>
    `apiVersion: pmo/v1\nkind: Project\nid: P1\nname: One\nsponsor: Ann\nmanager: Bob\nstage: delivery\nstatus: { asOf: ${asOf}, overall: ${overall} }\n`;
  const dir = makeGitRepo({ "engagement.yaml": INVALID, "p1.yaml": doc("green", "2021-06-30") });
  repos.push(dir);
  commitAll(dir, "2021", "2021-07-01T10:00:00Z", "Ann Lee <ann@example.com>");
  writeFiles(dir, { "engagement.yaml": CUSTOM, "p1.yaml": doc("withheld", "2022-01-31") });
  commitAll(dir, "2022", "2022-07-01T10:00:00Z", "Ann Lee <ann@example.com>");
  return dir;
}
