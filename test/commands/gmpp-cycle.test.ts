import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runCli } from "../helpers/cli.js";
import { makeRepo, removeRepo } from "../helpers/repo.js";
import { sharedDataDir } from "../helpers/shared-data.js";

/**
 * The monthly cycle on ten years of real data: the UK Government Major Projects Portfolio,
 * 2014-2023 (../shared/data/gmpp, Open Government Licence v3.0), imported one annual
 * publication at a time with `pmo import csv --sync` and the shipped mapping, one git commit
 * per publication dated at its snapshot date, with hand edits made between imports.
 */
const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const mapping = path.join(root, "examples/import/gmpp-projects.yaml");
const csv = path.join(sharedDataDir("gmpp"), "gmpp_2014_2023_long.csv");

const ENGAGEMENT = `apiVersion: pmo/v1
kind: Engagement
id: GMPP
name: Government Major Projects Portfolio
client: { name: HM Government }
provider: { name: Infrastructure and Projects Authority }
pmoType: [strategic]
phase: { current: deployment, since: 2013-09-30 }
scope: { services: [reporting] }
reporting: { cadence: monthly }
currency: GBP
statusScale: dca5
`;

interface Row {
  publication_year: string;
  snapshot_date: string;
  gmpp_id: string;
  project_name: string;
  dca_ipa: string;
  dca_sro: string;
}
const rows = parse(readFileSync(csv), { columns: true, bom: true }) as Row[];
const years = [...new Set(rows.map((r) => r.publication_year))].sort();
const snapshot = (year: string) => rows.find((r) => r.publication_year === year)!.snapshot_date;

let dir: string;
const commits = new Map<string, string>();
const plans = new Map<
  string,
  { summary: Record<string, number>; rejected: { row: number; key?: string; reasons: string[] }[] }
>();
const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
function commit(message: string, date: string): string {
  git("add", "-A");
  execFileSync(
    "git",
    ["-c", "user.name=PMO", "-c", "user.email=pmo@example.org", "commit", "-q", "--allow-empty", "-m", message],
    {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
    },
  );
  return git("rev-parse", "HEAD");
}
const projectsDir = () => path.join(dir, "projects");
const readDoc = (file: string) =>
  parseYaml(readFileSync(path.join(projectsDir(), file), "utf8")) as Record<string, unknown>;
const projects = () =>
  readdirSync(projectsDir())
    .map(readDoc)
    .filter((d) => d["kind"] === "Project");
const crossrailFile = "GMPP-crossrail.yaml";

beforeAll(async () => {
  dir = makeRepo({ "engagement.yaml": ENGAGEMENT });
  git("init", "-q");
  commit("engagement", "2013-09-01");
  for (const year of years) {
    const result = await runCli(
      [
        "import",
        "csv",
        csv,
        "--mapping",
        mapping,
        "--out-dir",
        "projects",
        "--sync",
        "--where",
        `publication_year=${year}`,
        "--missing",
        "close",
        "--format",
        "json",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe("");
    plans.set(year, JSON.parse(result.stdout) as never);
    commits.set(year, commit(`GMPP ${year}`, snapshot(year)));
    if (year === "2015") {
      // Hand edits between two publications: a sponsor, a comment, a milestone, a changed key order.
      const file = path.join(projectsDir(), crossrailFile);
      const text = readFileSync(file, "utf8");
      writeFileSync(
        file,
        text.replace("stage: ", "sponsor: Andrew Wolstenholme # SRO, added by hand\nstage: ") +
          "milestones:\n  - id: M1\n    name: Central section opens\n    baseline: 2018-12-09\n",
      );
      commits.set("2015-edit", commit("hand edits", "2015-01-15"));
    }
  }
}, 240_000);

afterAll(() => {
  if (dir !== undefined) removeRepo(dir);
});

describe("ten years of GMPP, one sync import per publication", () => {
  it("gives one project per real project: about 230 current at the end, not 1,449", () => {
    const all = projects();
    const current = all.filter((p) => p["stage"] !== "closed");
    const lastYear = rows.filter((r) => r.publication_year === years[years.length - 1]);
    // Every project of the last publication, and only those, is current.
    expect(current.length).toBe(new Set(lastYear.map((r) => r.project_name.trim().toLowerCase())).size);
    expect(current.length).toBeGreaterThan(220);
    expect(current.length).toBeLessThan(250);
    // Far fewer documents than rows: the publications' 1,727 rows are about 700 distinct names.
    expect(all.length).toBeLessThan(720);
    const overall = (p: Record<string, unknown>) => (p["status"] as { overall?: string } | undefined)?.overall;
    const rated = current.filter((p) => overall(p) !== undefined && overall(p) !== "not-assessed");
    expect(rated.length).toBeGreaterThanOrEqual(225);
    expect(rated.length).toBeLessThanOrEqual(235);
    // A rating the publication withheld (FOI exemptions, "No DCA") reads as not assessed, not as no report.
    const withheld = current.filter((p) => overall(p) === "not-assessed");
    // 12 in 2023; no current project is left without a status report.
    expect(withheld.length).toBeGreaterThanOrEqual(10);
    expect(rated.length + withheld.length).toBe(current.length);
  });

  it("does not split departments by letter case", () => {
    const portfolios = readdirSync(projectsDir())
      .map(readDoc)
      .filter((d) => d["kind"] === "Portfolio")
      .map((d) => String(d["id"]));
    expect(portfolios).toContain("DEPT-MOD");
    expect(portfolios).not.toContain("DEPT-MoD");
    expect(new Set(portfolios.map((p) => p.toUpperCase())).size).toBe(portfolios.length);
    expect(portfolios.length).toBeLessThan(35);
  });

  it("keeps long-running projects as one document with one history entry per publication at most", async () => {
    const result = await runCli(["history", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir });
    expect(result.stderr).toBe("");
    const history = JSON.parse(result.stdout) as {
      projects: { id: string; entries: { date: string; overall?: string }[] }[];
    };
    const snapshots = new Set(years.map(snapshot));
    for (const [id, first, last] of [
      ["GMPP-crossrail", "2013-09-30", "2023-03-31"],
      ["GMPP-emergency-services-mobile-communications-programme-esmcp", "2013-09-30", "2023-03-31"],
      ["GMPP-hs2-phase2a", "2021-03-31", "2023-03-31"],
    ] as const) {
      const project = history.projects.find((p) => p.id === id);
      expect(project, id).toBeDefined();
      const dates = project!.entries.map((e) => e.date);
      expect(new Set(dates).size, id).toBe(dates.length);
      for (const date of dates) expect(snapshots.has(date) || date === "2015-01-15", `${id} ${date}`).toBe(true);
      expect(dates[0]).toBe(first);
      expect(dates[dates.length - 1]).toBe(last);
    }
    // ESMCP's rating moved in most publications: each move is one entry of the one project.
    const esmcp = history.projects.find(
      (p) => p.id === "GMPP-emergency-services-mobile-communications-programme-esmcp",
    )!;
    expect(esmcp.entries.length).toBeGreaterThanOrEqual(7);
  });

  it("lists every project whose rating worsened from 2022 to 2023 in the diff", async () => {
    const scale = ["red", "amber-red", "amber", "amber-green", "green"];
    const rating = (r: Row) => {
      const text = (r.dca_ipa.trim() || r.dca_sro.trim()).toLowerCase().replace(/\s+/g, "").replace("/", "-");
      return scale.indexOf(text);
    };
    // GMPP ids as the mapping keeps them: upper case, DOH_ written DH_.
    const gmppId = (r: Row) => r.gmpp_id.toUpperCase().replace(/^DOH_/, "DH_");
    const byId = (year: string) =>
      new Map(rows.filter((r) => r.publication_year === year && r.gmpp_id !== "").map((r) => [gmppId(r), rating(r)]));
    const before = byId("2022");
    const after = byId("2023");
    const worsened = [...after]
      .filter(([id, to]) => to >= 0 && (before.get(id) ?? -1) >= 0 && to < before.get(id)!)
      .map(([id]) => id);
    expect(worsened.length).toBeGreaterThan(15);
    const result = await runCli(
      ["diff", commits.get("2022")!, commits.get("2023")!, "--format", "json", "--as-of", "2026-11-30"],
      { cwd: dir },
    );
    const diff = JSON.parse(result.stdout) as { changes: { kind: string; id: string; direction?: string }[] };
    const gmppIds = new Map(projects().map((p) => [String(p["x-gmpp-id"] ?? "").toUpperCase(), String(p["id"])]));
    const listed = new Set(
      diff.changes.filter((c) => c.kind === "Project" && c.direction === "worsened").map((c) => c.id),
    );
    const expected = worsened.map((id) => gmppIds.get(id)!);
    expect(expected.filter((id) => !listed.has(id))).toEqual([]);
    expect(listed.size).toBe(expected.length);
  });

  it("keeps hand edits (a sponsor, a comment, a milestone) through every later import", () => {
    const text = readFileSync(path.join(projectsDir(), crossrailFile), "utf8");
    expect(text).toContain("sponsor: Andrew Wolstenholme # SRO, added by hand\n");
    expect(text).toContain("milestones:\n  - id: M1\n    name: Central section opens\n");
    const doc = readDoc(crossrailFile);
    // The fields the mapping owns follow the last publication that lists the project.
    expect(doc["name"]).toBe("Crossrail Programme");
    expect(doc["x-gmpp-id"]).toBe("DFT_0001_1112-Q1");
    // The first publication's dates stay the baseline; the forecast follows each publication.
    expect(doc["schedule"]).toMatchObject({ baselineFinish: "2019-12-31" });
    // 2016's import updated the hand-edited file rather than replacing it.
    const plan2016 = plans.get("2016")!;
    expect(plan2016.summary["created"]).toBeLessThan(100);
  });

  it("names every rejected row by key and reason", () => {
    for (const [year, plan] of plans) {
      for (const r of plan.rejected) {
        expect(r.key, `${year} row ${r.row}`).toBeTruthy();
        expect(r.reasons.join(" "), `${year} row ${r.row}`).toMatch(/column "|columns "|no value/);
      }
    }
  });

  it("leaves a repository that validates", async () => {
    const result = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(result.stdout).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, "projects", "DEPT-DFT.yaml"))).toBe(true);
  });
});
