import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const fixture = (name: string) => path.join(root, "test/fixtures/import", name);
const example = path.join(root, "examples/meridian-water");

const PORTFOLIOS = ["environment", "digital-services", "estates"]
  .map((id) => `apiVersion: pmo/v1\nkind: Portfolio\nid: ${id}\nname: ${id}\nowner: Ann Lee\n`)
  .join("---\n");

const repos: string[] = [];
/** A pmo repository (engagement on the dca5 scale, a config file) with the given files. */
function repo(files: Record<string, string> = {}): string {
  return folder({ "engagement.yaml": `${ENGAGEMENT}statusScale: dca5\n`, "pmo.config.yaml": "ignore: []\n", ...files });
}
/** A plain folder, not a repository: imports into it are checked against the schemas only. */
function folder(files: Record<string, string> = {}): string {
  const dir = makeRepo(files);
  repos.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

const yamlOf = (dir: string, file: string) =>
  parseYaml(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;

describe("pmo import csv", () => {
  it("reads a messy file (BOM, ';', multi-line cells, #N/A, £1.90m, DD/MM/YY) and lists the rows it rejects", async () => {
    const dir = repo({ "portfolios.yaml": PORTFOLIOS });
    const result = await runCli(
      [
        "import",
        "csv",
        fixture("projects-bom-semicolon.csv"),
        "--mapping",
        fixture("projects.mapping.yaml"),
        "--out-dir",
        "projects",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    // The rejected rows are problems, on stderr; what was imported is the output, on stdout.
    expect(result.stdout).not.toMatch(/rejected rows/);
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n");
    expect(lines[0]).toBe("rejected rows:");
    expect(lines).toContain(
      '  row 4 (line 5, key "PRJ-103"): schedule.baselineStart (column "Start"): "31/02/2024" is not a date in any of the formats iso, DD/MM/YYYY, DD/MM/YY',
    );
    expect(lines.find((l) => l.startsWith('  row 5 (line 7, key "PRJ-104")'))).toMatch(
      /"Purple" is not in the value map/,
    );
    expect(result.stdout).toMatch(
      /imported 3 of 6 rows of .*projects-bom-semicolon\.csv \(utf-8, ";" delimiter\) as Project documents into projects\/ \(2 rejected, 1 blank row skipped, checked against the repository at \.\)/,
    );
    expect(readdirSync(path.join(dir, "projects")).sort()).toEqual(["PRJ-101.yaml", "PRJ-102.yaml", "PRJ-105.yaml"]);
    expect(yamlOf(dir, "projects/PRJ-101.yaml")).toEqual({
      apiVersion: "pmo/v1",
      kind: "Project",
      id: "PRJ-101",
      name: "Northern flood defences",
      description: "Raise the river wall\non both banks",
      portfolio: "environment",
      stage: "planning",
      schedule: { baselineStart: "2024-04-01", baselineFinish: "2027-03-31" },
      budget: { currency: "GBP", approved: 1900000 },
      status: { asOf: "2026-11-27", overall: "amber-green" },
      tags: ["flood", "capital"],
    });
    const second = yamlOf(dir, "projects/PRJ-102.yaml");
    expect(second["description"]).toBeUndefined();
    expect(second["schedule"]).toEqual({ baselineStart: "2023-09-15", baselineFinish: "2026-06-30" });
    expect(second["budget"]).toEqual({ currency: "GBP", approved: 12131500000 });
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.stdout).toMatch(/no problems|0 problems|✔/);
    expect(validate.code).toBe(0);
  });

  it("checks the documents against the repository: status scale, references", async () => {
    const dir = repo({
      "engagement.yaml": ENGAGEMENT,
      "portfolios.yaml": PORTFOLIOS.replace("id: estates", "id: estate"),
    });
    const result = await runCli(
      [
        "import",
        "csv",
        fixture("projects-bom-semicolon.csv"),
        "--mapping",
        fixture("projects.mapping.yaml"),
        "--out-dir",
        "projects",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    // The engagement uses the rag scale: amber-green is not on it.
    expect(result.stderr).toMatch(/row 2 \(line 2, key "PRJ-101"\): status\.overall \(column "DCA"\): .*amber-green/);
    expect(result.stderr).toMatch(
      /row 7 \(line 9, key "PRJ-105"\): portfolio \(column "[^"]+"\): portfolio refers to "estates", but no Portfolio has that id/,
    );
    expect(result.stdout).toMatch(/imported 1 of 6 rows/);
  });

  it("reads Windows-1252 bytes, and checks probability against the repository's risk scale", async () => {
    const dir = repo();
    const result = await runCli(
      [
        "import",
        "csv",
        fixture("risks-windows-1252.csv"),
        "--mapping",
        fixture("risks.mapping.yaml"),
        "--out-dir",
        "raid",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(result.stdout).toMatch(/\(windows-1252, "," delimiter\)/);
    expect(result.stderr).toMatch(/row 4 \(line 4, key "R3"\): .*probability.*6/);
    expect(result.code).toBe(1);
    expect(yamlOf(dir, "raid/R1.yaml")).toMatchObject({
      title: "Supplier insolvency at Café Nord",
      owner: "Zoë Price",
      raised: "2025-02-03",
      "x-cost-gbp": 250000,
    });
  });

  it("writes nothing with --dry-run, and never overwrites without --force", async () => {
    const dir = repo();
    const args = [
      "import",
      "csv",
      fixture("risks-windows-1252.csv"),
      "--mapping",
      fixture("risks.mapping.yaml"),
      "--out-dir",
      "raid",
      "--as-of",
      "2026-11-30",
    ];
    const dry = await runCli([...args, "--dry-run"], { cwd: dir });
    expect(dry.stdout).toMatch(/would import 2 of 3 rows/);
    expect(dry.stdout).toMatch(/dry run: nothing written/);
    expect(existsSync(path.join(dir, "raid"))).toBe(false);

    mkdirSync(path.join(dir, "raid"));
    writeFileSync(path.join(dir, "raid/R1.yaml"), "# mine\n");
    const refused = await runCli(args, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "error: 1 file exists already; nothing was written (pass --force to overwrite):\n  raid/R1.yaml\n",
    );
    expect(readdirSync(path.join(dir, "raid"))).toEqual(["R1.yaml"]);

    const forced = await runCli([...args, "--force"], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(readFileSync(path.join(dir, "raid/R1.yaml"), "utf8")).toMatch(/^apiVersion: pmo\/v1/);

    // A file replaced keeps its line breaks and byte order mark; a new one is LF.
    writeFileSync(path.join(dir, "raid/R1.yaml"), "\uFEFF# mine\r\n");
    rmSync(path.join(dir, "raid/R2.yaml"));
    const again = await runCli([...args, "--force"], { cwd: dir });
    expect(again.code).toBe(1);
    const replaced = readFileSync(path.join(dir, "raid/R1.yaml"), "utf8");
    expect(replaced).toMatch(/^\uFEFFapiVersion: pmo\/v1\r\nkind: Risk\r\n/);
    expect(replaced.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(readFileSync(path.join(dir, "raid/R2.yaml"), "utf8")).not.toMatch(/\r|\uFEFF/);
  });

  it("reports mapping problems with file, line and column, and columns the file lacks", async () => {
    const dir = repo({
      "map.yaml": "kind: Project\nfields:\n  name: Project name\n  budget.aproved: Budget\n",
      "cols.yaml": "kind: Project\nfields:\n  name: Project nam\n  stage: { column: Stage }\n",
    });
    const typo = await runCli(
      ["import", "csv", fixture("projects-bom-semicolon.csv"), "--mapping", "map.yaml", "--out-dir", "out"],
      { cwd: dir },
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: invalid import mapping map\.yaml\n/);
    expect(typo.stderr).toMatch(/4:3 +error +unknown field "budget\.aproved" for Project/);
    expect(typo.stderr).toMatch(/did you mean "budget\.approved"\?/);

    const cols = await runCli(
      ["import", "csv", fixture("projects-bom-semicolon.csv"), "--mapping", "cols.yaml", "--out-dir", "out"],
      { cwd: dir },
    );
    expect(cols.code).toBe(2);
    expect(cols.stderr).toMatch(/3:9 +error +column "Project nam" is not in .*projects-bom-semicolon\.csv/);
    expect(cols.stderr).toMatch(/did you mean "Project name"\?/);
    expect(cols.stderr).toMatch(/4:20 +error +column "Stage" is not in/);
    expect(cols.stderr).not.toMatch(/\n {4}at /);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("needs a kind, and a readable file", async () => {
    const dir = repo({ "a.csv": 'name\n"unclosed\n' });
    expect((await runCli(["import", "csv", "a.csv", "--out-dir", "x"], { cwd: dir })).stderr).toMatch(/pass --kind/);
    expect(
      (await runCli(["import", "csv", "missing.csv", "--kind", "risk", "--out-dir", "x"], { cwd: dir })).stderr,
    ).toBe("error: no such file: missing.csv\n");
    const broken = await runCli(["import", "csv", "a.csv", "--kind", "project", "--out-dir", "x"], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: cannot read a\.csv:2:1: a quote opened here is never closed/);
    expect(broken.stderr).toMatch(/2:1 +error +a quote opened here is never closed.*csv-syntax/);
    expect(broken.stderr).toMatch(/> 2 \| "unclosed/);
    expect(broken.stderr).toMatch(/hint: close the quote at the end of the cell/);
    expect(broken.stderr).not.toMatch(/Quote Not Closed/);
    expect(existsSync(path.join(dir, "x"))).toBe(false);
    expect(broken.stderr).not.toMatch(/at .*\.js/);
  });
});

describe("export csv -> import csv", () => {
  it.each(["projects", "risks", "issues", "decisions", "people"])("gives the same %s", async (kind) => {
    const dir = folder();
    const exported = await runCli(
      ["-C", example, "export", "csv", "--kind", kind, "--output", path.join(dir, "export.csv")],
      { cwd: dir },
    );
    expect(exported.code).toBe(0);
    const imported = await runCli(
      [
        "import",
        "csv",
        "export.csv",
        "--kind",
        kind.replace(/s$/, "").replace("people", "person"),
        "--out-dir",
        "imported",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(imported.stdout).not.toMatch(/rejected|ignored/);
    const before = await runCli(["-C", example, "export", "json", "--kind", kind], { cwd: dir });
    const after = await runCli(["-C", path.join(dir, "imported"), "export", "json", "--kind", kind], { cwd: dir });
    expect(JSON.parse(after.stdout).documents.length).toBeGreaterThan(0);
    expect(after.stdout).toBe(before.stdout);
  });
});

describe("pmo export", () => {
  it("csv neutralises cells a spreadsheet would run as a formula, and keeps numbers numbers", async () => {
    const dir = folder({
      "r.yaml":
        "apiVersion: pmo/v1\nkind: Risk\nid: R1\ntitle: '=HYPERLINK(\"http://evil\")'\ndescription: '@SUM(A1)'\ncategory: '-2+3'\nprobability: 2\nimpact: 3\nstatus: open\nx-score: -4\n",
    });
    const result = await runCli(["export", "csv", "--kind", "risk"], { cwd: dir });
    expect(result.code).toBe(0);
    const [header, row] = parse(result.stdout, { bom: true }) as string[][];
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("title")).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell("description")).toBe("'@SUM(A1)");
    expect(cell("category")).toBe("'-2+3");
    expect(cell("probability")).toBe("2");
    expect(cell("x-score")).toBe("'-4");
    expect(header!.slice(0, 5)).toEqual(["id", "title", "description", "project", "portfolio"]);
    expect(result.stdout.startsWith("\ufeffid,")).toBe(true);
    expect((await runCli(["export", "csv", "--kind", "risk", "--no-bom"], { cwd: dir })).stdout.startsWith("id,")).toBe(
      true,
    );

    // And the round trip gives the text back.
    const other = folder({ "r.csv": result.stdout });
    await runCli(["import", "csv", "r.csv", "--kind", "risk", "--out-dir", "back", "--as-of", "2026-11-30"], {
      cwd: other,
    });
    expect(yamlOf(other, "back/R1.yaml")).toMatchObject({
      title: '=HYPERLINK("http://evil")',
      description: "@SUM(A1)",
      category: "-2+3",
      "x-score": -4,
    });
  });

  it("csv needs exactly one kind; unknown kinds are usage errors", async () => {
    expect((await runCli(["-C", example, "export", "csv"], { cwd: root })).stderr).toMatch(
      /one kind of document: pass --kind/,
    );
    expect((await runCli(["-C", example, "export", "json", "--kind", "projcts"], { cwd: root })).code).toBe(2);
  });

  it("json refuses a repository with files that do not parse", async () => {
    const dir = repo({ "bad.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: [unclosed\n" });
    const result = await runCli(["export", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/nothing exported/);
  });
});

describe("pmo import msproject", () => {
  it("turns milestone tasks into milestones with baseline, forecast, actual and dependencies", async () => {
    const dir = repo({ "portfolios.yaml": PORTFOLIOS });
    const result = await runCli(
      [
        "import",
        "msproject",
        fixture("plan.xml"),
        "--id",
        "PRJ-020",
        "--portfolio",
        "estates",
        "--out-dir",
        "projects",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /wrote projects\/PRJ-020\.yaml: project PRJ-020 with 3 milestones and 2 milestone dependencies, from 7 tasks/,
    );
    expect(yamlOf(dir, "projects/PRJ-020.yaml")).toEqual({
      apiVersion: "pmo/v1",
      kind: "Project",
      id: "PRJ-020",
      name: "Depot consolidation",
      portfolio: "estates",
      stage: "delivery",
      schedule: {
        baselineStart: "2026-01-05",
        baselineFinish: "2026-08-28",
        forecastFinish: "2026-09-30",
        actualStart: "2026-01-05",
      },
      percentComplete: 35,
      milestones: [
        { id: "M3", name: "Design approved", baseline: "2026-03-20", forecast: "2026-03-31", actual: "2026-03-31" },
        // M6 follows M3 through the link from the Build summary task to the Design summary task.
        { id: "M6", name: "Depot handed over", baseline: "2026-07-31", forecast: "2026-08-14", dependsOn: ["M3"] },
        { id: "M7", name: "Old depots closed", baseline: "2026-08-28", forecast: "2026-09-30", dependsOn: ["M6"] },
      ],
    });

    // Imported again with --force over a file with CRLF line breaks: the new text keeps them.
    const lf = readFileSync(path.join(dir, "projects/PRJ-020.yaml"), "utf8");
    writeFileSync(path.join(dir, "projects/PRJ-020.yaml"), lf.replaceAll("\n", "\r\n"));
    const args = ["import", "msproject", fixture("plan.xml"), "--id", "PRJ-020", "--portfolio", "estates"];
    const again = await runCli([...args, "--out-dir", "projects", "--force", "--as-of", "2026-11-30"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, "projects/PRJ-020.yaml"), "utf8")).toBe(lf.replaceAll("\n", "\r\n"));
  });

  it("reports a plan that would not be valid, and malformed XML with its position", async () => {
    const dir = repo();
    const future = await runCli(
      [
        "import",
        "msproject",
        fixture("plan.xml"),
        "--id",
        "PRJ-020",
        "--portfolio",
        "nowhere",
        "--out-dir",
        "p",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/nowhere/);
    expect(future.stdout).toBe("");
    expect(existsSync(path.join(dir, "p"))).toBe(false);
    writeFileSync(path.join(dir, "bad.xml"), "<Project>\n  <Tasks>\n</Project>\n");
    const bad = await runCli(["import", "msproject", "bad.xml"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.xml\n +3:\d+ +error +not well-formed XML/);
  });
});

describe("pmo schema --out", () => {
  it("writes every schema, side by side", async () => {
    const dir = repo();
    const result = await runCli(["schema", "--out-dir", "schemas"], { cwd: dir });
    expect(result.code).toBe(0);
    const files = readdirSync(path.join(dir, "schemas")).sort();
    expect(files).toEqual(
      readdirSync(path.join(root, "schemas"))
        .filter((f) => f.endsWith(".schema.json"))
        .sort(),
    );
    for (const f of files)
      expect(JSON.parse(readFileSync(path.join(dir, "schemas", f), "utf8"))).toEqual(
        JSON.parse(readFileSync(path.join(root, "schemas", f), "utf8")),
      );
  });
});
