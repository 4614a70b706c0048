import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyAtomically } from "../../src/commands/import.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/** `pmo import csv --sync`: a sheet that arrives again, changed, updates the documents it describes. */
const MAPPING = `kind: Project
key: [x-ref, { field: name, ignoreWords: [programme] }]
fields:
  id: { column: Name, template: "P-{{value}}", case: lower }
  name: Name
  portfolio: { column: Dept, template: "PF-{{value}}", case: upper }
  status.asOf: { column: Date, when: status.overall }
  status.overall: { column: [Rating, Own rating], map: { Green: green, Amber: amber, Red: red } }
  budget.approved: { column: Budget, scale: 1000000 }
  schedule.baselineFinish: { column: Finish, once: true }
  schedule.forecastFinish: Finish
  x-ref: Ref
skip:
  - { column: Name, matches: "^total" }
constants:
  stage: delivery
  budget.currency: EUR
parents:
  portfolio:
    fields:
      name: "Department {{column:Dept}}"
      owner: Portfolio office
`;
const HEADER = "Ref,Name,Dept,Date,Rating,Own rating,Budget,Finish\n";
const MONTH1 = `${HEADER}R1,Bridge,roads,2026-01-31,Green,,10,2027-06-30
,Tunnel programme,Roads,2026-01-31,Amber,,20,2028-01-31
,School,Education,2026-01-31,,Red,5,2026-12-31
Total,Total,,,,,35,
`;
const MONTH2 = `${HEADER}R1,Bridge (renamed),ROADS,2026-02-28,Amber,,12,2027-09-30
,Tunnel,roads,2026-02-28,Amber,,20,2028-01-31
,Library,education,2026-02-28,Purple,,3,2027-03-31
`;

const dirs: string[] = [];
function repo(): string {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "pmo.config.yaml": "ignore: [mapping.yaml]\n",
    "mapping.yaml": MAPPING,
    "month1.csv": MONTH1,
    "month2.csv": MONTH2,
  });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) removeRepo(dir);
});
const sync = (dir: string, csv: string, ...extra: string[]) =>
  runCli(
    [
      "import",
      "csv",
      csv,
      "--mapping",
      "mapping.yaml",
      "--out-dir",
      "projects",
      "--sync",
      "--as-of",
      "2026-11-30",
      ...extra,
    ],
    { cwd: dir },
  );
const doc = (dir: string, file: string) =>
  parseYaml(readFileSync(path.join(dir, "projects", file), "utf8")) as Record<string, unknown>;

describe("pmo import csv --sync", () => {
  it("creates the documents and the parents the rows name, and prints the plan", async () => {
    const dir = repo();
    const result = await sync(dir, "month1.csv");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+ portfolio PF-ROADS (projects/PF-ROADS.yaml)");
    expect(result.stdout).toContain("+ P-bridge (row 2, projects/P-bridge.yaml)");
    expect(result.stdout).toMatch(
      /Plan: 3 to create, 0 to update, 0 unchanged, 0 rejected, 0 no longer in the sheet \(reported, kept as they are\); 2 parents to create, 1 row left out by the row filters\./,
    );
    expect(readdirSync(path.join(dir, "projects")).sort()).toEqual([
      "P-bridge.yaml",
      "P-school.yaml",
      "P-tunnel-programme.yaml",
      "PF-EDUCATION.yaml",
      "PF-ROADS.yaml",
    ]);
    expect(doc(dir, "PF-ROADS.yaml")).toMatchObject({
      kind: "Portfolio",
      name: "Department roads",
      owner: "Portfolio office",
    });
    // The SRO's own rating when the assessor's is blank.
    expect(doc(dir, "P-school.yaml")["status"]).toEqual({ asOf: "2026-01-31", overall: "red" });
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.stdout).not.toMatch(/error/);
    expect(validate.code).toBe(0);
  });

  it("updates only the fields the mapping owns, keeps hand edits, and reports rows and documents it cannot match", async () => {
    const dir = repo();
    await sync(dir, "month1.csv");
    const bridge = path.join(dir, "projects", "P-bridge.yaml");
    writeFileSync(
      bridge,
      readFileSync(bridge, "utf8").replace(
        "stage: delivery\n",
        "stage: delivery\n# agreed at the board\nsponsor: Ann Lee\n",
      ) + "milestones:\n  - id: M1\n    name: Deck poured\n    baseline: 2026-09-30\n",
    );
    const before = readFileSync(bridge, "utf8");

    const dry = await sync(dir, "month2.csv", "--dry-run");
    expect(dry.stdout).toContain("dry run: nothing written");
    expect(readFileSync(bridge, "utf8")).toBe(before);

    const result = await sync(dir, "month2.csv");
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    // Matched by its reference although its name changed; by name (without "programme") without one.
    expect(lines).toContain("  ~ P-bridge (row 2, projects/P-bridge.yaml)");
    expect(lines).toContain('      name: "Bridge" -> "Bridge (renamed)"');
    expect(lines).toContain('      status.overall: "green" -> "amber"');
    expect(lines).toContain('      schedule.forecastFinish: "2027-06-30" -> "2027-09-30"');
    expect(lines).toContain(
      '  ! row 4 (line 4, key "Library"): status.overall (columns "Rating", then "Own rating"): "Purple" is not in the value map (known: "green", "amber", "red")',
    );
    expect(lines).toContain('  ? P-school "School" (projects/P-school.yaml, no longer in the sheet)');
    expect(result.stdout).toMatch(/Plan: 0 to create, 2 to update, 0 unchanged, 1 rejected, 1 no longer in the sheet/);

    const text = readFileSync(bridge, "utf8");
    expect(text).toContain("# agreed at the board\nsponsor: Ann Lee\n");
    expect(text).toContain("milestones:\n  - id: M1\n    name: Deck poured\n");
    const value = doc(dir, "P-bridge.yaml");
    expect(value["name"]).toBe("Bridge (renamed)");
    // The baseline is written once; the forecast follows the sheet.
    expect(value["schedule"]).toEqual({ baselineFinish: "2027-06-30", forecastFinish: "2027-09-30" });
    expect(value["budget"]).toEqual({ currency: "EUR", approved: 12000000 });
    expect(doc(dir, "P-tunnel-programme.yaml")["name"]).toBe("Tunnel");
    expect(existsSync(path.join(dir, "projects", "P-library.yaml"))).toBe(false);
  });

  it("prints the plan as JSON, and closes or removes what the sheet no longer has", async () => {
    const dir = repo();
    await sync(dir, "month1.csv");
    const json = await sync(dir, "month2.csv", "--format", "json", "--missing", "close");
    const plan = JSON.parse(json.stdout) as Record<string, unknown> & {
      summary: Record<string, number>;
      rejected: { key: string; reasons: string[] }[];
      missing: { id: string; action: string }[];
      updated: { id: string; changes: { path: string; before?: unknown; after?: unknown }[] }[];
    };
    expect(plan["written"]).toBe(true);
    expect(plan.summary).toMatchObject({ created: 0, updated: 2, unchanged: 0, rejected: 1, missing: 1 });
    expect(plan.rejected[0]!.key).toBe("Library");
    expect(plan.missing).toEqual([{ id: "P-school", name: "School", file: "projects/P-school.yaml", action: "close" }]);
    expect(plan.updated.find((u) => u.id === "P-bridge")!.changes).toContainEqual({
      path: "budget.approved",
      before: 10000000,
      after: 12000000,
    });
    expect(doc(dir, "P-school.yaml")["stage"]).toBe("closed");

    const again = await sync(dir, "month2.csv", "--missing", "remove");
    expect(again.stdout).toMatch(
      /0 to update, 2 unchanged, 1 rejected, 0 no longer in the sheet \(removed\); 1 closed earlier and still absent/,
    );
    writeFileSync(
      path.join(dir, "projects", "P-school.yaml"),
      readFileSync(path.join(dir, "projects", "P-school.yaml"), "utf8").replace("stage: closed", "stage: delivery"),
    );
    const removed = await sync(dir, "month2.csv", "--missing", "remove");
    expect(removed.stdout).toContain("  - P-school");
    expect(existsSync(path.join(dir, "projects", "P-school.yaml"))).toBe(false);
  });

  it("writes all files or none: a file that cannot be written leaves the repository as it was", async () => {
    const dir = repo();
    await sync(dir, "month1.csv");
    // A folder where the new document's file would go: the write fails after others succeeded.
    const first = await sync(dir, "month2.csv", "--dry-run", "--format", "json");
    expect(JSON.parse(first.stdout).written).toBe(false);
    const csv = MONTH2.replace("Purple", "Green");
    writeFileSync(path.join(dir, "month2.csv"), csv);
    mkdirSync(path.join(dir, "projects", "P-library.yaml"));
    writeFileSync(path.join(dir, "projects", "P-library.yaml", "keep"), "");
    const before = readFileSync(path.join(dir, "projects", "P-bridge.yaml"), "utf8");
    const result = await sync(dir, "month2.csv");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/could not write the import, nothing was changed/);
    expect(readFileSync(path.join(dir, "projects", "P-bridge.yaml"), "utf8")).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith(".pmo-import-"))).toEqual([]);
  });

  it("undoes the steps taken when a later one fails", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "a.yaml"), "old\n");
    writeFileSync(path.join(dir, "not-a-folder"), "");
    expect(() =>
      applyAtomically(
        dir,
        [
          { absolute: path.join(dir, "a.yaml"), text: "new\n" },
          { absolute: path.join(dir, "new", "b.yaml"), text: "b\n" },
          { absolute: path.join(dir, "not-a-folder", "c.yaml"), text: "c\n" },
        ],
        [path.join(dir, "month1.csv")],
      ),
    ).toThrow(/nothing was changed/);
    expect(readFileSync(path.join(dir, "a.yaml"), "utf8")).toBe("old\n");
    expect(existsSync(path.join(dir, "new"))).toBe(false);
    expect(existsSync(path.join(dir, "month1.csv"))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(".pmo-import-"))).toEqual([]);
  });

  it("creates new files in place and removes them all when a later one cannot be written", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "not-a-folder"), "");
    const before = readdirSync(dir).sort();
    expect(() =>
      applyAtomically(
        dir,
        [
          { absolute: path.join(dir, "one.yaml"), text: "one\n" },
          { absolute: path.join(dir, "deep", "er", "two.yaml"), text: "two\n" },
          { absolute: path.join(dir, "not-a-folder", "three.yaml"), text: "three\n" },
        ],
        [],
      ),
    ).toThrow(/could not write the import, nothing was changed/);
    expect(readdirSync(dir).sort()).toEqual(before);
    applyAtomically(dir, [{ absolute: path.join(dir, "deep", "one.yaml"), text: "one\n" }], []);
    expect(readFileSync(path.join(dir, "deep", "one.yaml"), "utf8")).toBe("one\n");
    expect(readdirSync(dir).filter((f) => f.startsWith(".pmo-import-"))).toEqual([]);
  });

  it("keeps each updated file's line breaks, byte order mark and end; new files are LF", async () => {
    const dir = repo();
    await sync(dir, "month1.csv");
    const file = (name: string) => path.join(dir, "projects", name);
    const lf = {
      bridge: readFileSync(file("P-bridge.yaml"), "utf8"),
      tunnel: readFileSync(file("P-tunnel-programme.yaml"), "utf8"),
    };
    // As a Windows checkout (git's core.autocrlf) has them, one with a BOM and no final line break.
    writeFileSync(file("P-bridge.yaml"), lf.bridge.replaceAll("\n", "\r\n"));
    writeFileSync(file("P-tunnel-programme.yaml"), `\uFEFF${lf.tunnel.replaceAll("\n", "\r\n").slice(0, -2)}`);
    const result = await sync(dir, "month2.csv");
    expect(result.stdout).toContain("  ~ P-bridge (row 2, projects/P-bridge.yaml)");
    expect(result.stdout).toContain("  ~ P-tunnel-programme (row 3, projects/P-tunnel-programme.yaml)");
    const bridge = readFileSync(file("P-bridge.yaml"), "utf8");
    const tunnel = readFileSync(file("P-tunnel-programme.yaml"), "utf8");
    expect(bridge).toContain("name: Bridge (renamed)\r\n");
    expect(bridge.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(bridge.endsWith("\r\n")).toBe(true);
    expect(tunnel.startsWith("\uFEFFapiVersion: pmo/v1\r\n")).toBe(true);
    expect(tunnel).toContain("name: Tunnel\r\n");
    expect(tunnel.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(tunnel.endsWith("\r\n")).toBe(false);
    // The same edit as on the LF files, line for line.
    await sync(dir, "month1.csv");
    writeFileSync(file("P-bridge.yaml"), lf.bridge);
    writeFileSync(file("P-tunnel-programme.yaml"), lf.tunnel);
    await sync(dir, "month2.csv");
    expect(bridge).toBe(readFileSync(file("P-bridge.yaml"), "utf8").replaceAll("\n", "\r\n"));
    expect(tunnel).toBe(
      `\uFEFF${readFileSync(file("P-tunnel-programme.yaml"), "utf8").replaceAll("\n", "\r\n").slice(0, -2)}`,
    );
    expect(readFileSync(file("P-school.yaml"), "utf8")).not.toContain("\r");
  });

  it("needs COLUMN=VALUE for --where", async () => {
    const dir = repo();
    const result = await sync(dir, "month1.csv", "--where", "Dept");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--where "Dept": expected COLUMN=VALUE/);
  });
});
