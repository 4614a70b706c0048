import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { parse as parseYaml } from "yaml";
import { cellText, readWorkbook } from "../../src/core/import/xlsx-source.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * `pmo import xlsx`: a workbook made in the test by write-excel-file (a title row above the
 * header, a second sheet, dates as Excel dates, numbers as numbers), read as a CSV would be.
 */
const MAPPING = `kind: Project
key: [id]
fields:
  id: { column: Ref, template: "PRJ-{{value}}" }
  name: Project
  portfolio: { column: Dept, template: "PF-{{value}}", case: upper }
  schedule.baselineFinish: Finish
  budget.approved: { column: Budget (m), scale: 1000000 }
  status.asOf: { column: Reported, when: status.overall }
  status.overall: { column: RAG, map: { G: green, A: amber, R: red } }
constants:
  stage: delivery
  budget.currency: EUR
parents:
  portfolio:
    fields: { name: "{{column:Dept}}", owner: PMO }
`;

async function workbook(rag = "A"): Promise<Buffer> {
  const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: "dd/mm/yyyy" });
  return writeXlsxFile([
    { sheet: "Notes", data: [[{ value: "Nothing to import here" }]] },
    {
      sheet: "Projects",
      data: [
        [{ value: "Portfolio return, November" }],
        [
          { value: "Ref" },
          { value: "Project" },
          { value: "Dept" },
          { value: "Finish" },
          { value: "Budget (m)" },
          { value: "Reported" },
          { value: "RAG" },
        ],
        [
          { value: 1 },
          { value: "Bridge" },
          { value: "roads" },
          date("2027-06-30"),
          { value: 12.5 },
          date("2026-11-27"),
          { value: rag },
        ],
        [
          { value: 2 },
          { value: "Tunnel" },
          { value: "Roads" },
          date("2028-01-31"),
          { value: 1250.75 },
          date("2026-11-27"),
          { value: "Purple" },
        ],
        [{ value: 3 }, { value: "School" }, { value: "Education" }, date("2026-12-31"), { value: 0.4 }, null, null],
      ],
    },
  ] as never).toBuffer();
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeRepo(dir);
});

describe("pmo import xlsx", () => {
  it("reads a sheet by name or position below a title row, with Excel dates and numbers", async () => {
    const bytes = await workbook();
    const byName = await readWorkbook(bytes, "projects", 2);
    expect(byName.sheet).toBe("Projects");
    expect(byName.sheets).toEqual(["Notes", "Projects"]);
    expect(byName.header).toEqual(["Ref", "Project", "Dept", "Finish", "Budget (m)", "Reported", "RAG"]);
    expect(byName.rows[0]).toEqual({
      row: 3,
      line: 3,
      cells: ["1", "Bridge", "roads", "2027-06-30", "12.5", "2026-11-27", "A"],
    });
    expect(byName.rows[2]!.cells).toEqual(["3", "School", "Education", "2026-12-31", "0.4", "", ""]);
    expect((await readWorkbook(bytes, 2, 2)).rows).toEqual(byName.rows);
    await expect(readWorkbook(bytes, "Risks", 1)).rejects.toThrow(
      'the workbook has no sheet "Risks" (its sheets: "Notes", "Projects")',
    );
    await expect(readWorkbook(bytes, 3, 1)).rejects.toThrow("the workbook has 2 sheets");
    await expect(readWorkbook(new TextEncoder().encode("not a zip"), undefined, 1)).rejects.toThrow(
      /not an Excel workbook/,
    );
  });

  it("gives cells the text a CSV export would hold", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1250.75)).toBe("1250.75");
    expect(cellText(new Date("2026-11-27T00:00:00Z"))).toBe("2026-11-27");
    expect(cellText(new Date("2026-11-27T13:45:00Z"))).toBe("2026-11-27T13:45:00");
    expect(cellText(true)).toBe("true");
    expect(cellText(null)).toBe("");
  });

  it("imports the sheet with the same mappings as csv, and syncs it the next month", async () => {
    const dir = makeRepo({
      "engagement.yaml": ENGAGEMENT,
      "pmo.config.yaml": "ignore: [mapping.yaml]\n",
      "mapping.yaml": MAPPING,
    });
    dirs.push(dir);
    writeFileSync(path.join(dir, "portfolio.xlsx"), await workbook());
    const args = [
      "import",
      "xlsx",
      "portfolio.xlsx",
      "--sheet",
      "Projects",
      "--header-row",
      "2",
      "--mapping",
      "mapping.yaml",
      "--out-dir",
      "projects",
      "--sync",
      "--as-of",
      "2026-11-30",
    ];
    const first = await runCli(args, { cwd: dir });
    expect(first.stdout).toContain(
      'plan for portfolio.xlsx (sheet "Projects", header row 2): 3 rows as Project documents in projects/',
    );
    expect(first.stdout).toContain(
      '  ! row 4 (line 4, key "PRJ-2"): status.overall (column "RAG"): "Purple" is not in the value map (known: "g", "a", "r")',
    );
    expect(first.stdout).toMatch(/Plan: 2 to create, 0 to update, 0 unchanged, 1 rejected/);
    expect(first.code).toBe(1);
    const bridge = parseYaml(readFileSync(path.join(dir, "projects", "PRJ-1.yaml"), "utf8")) as Record<string, unknown>;
    expect(bridge).toMatchObject({
      name: "Bridge",
      portfolio: "PF-ROADS",
      schedule: { baselineFinish: "2027-06-30" },
      budget: { approved: 12500000 },
      status: { asOf: "2026-11-27", overall: "amber" },
    });

    writeFileSync(path.join(dir, "portfolio.xlsx"), await workbook("R"));
    const second = await runCli([...args, "--format", "json"], { cwd: dir });
    const plan = JSON.parse(second.stdout) as { updated: { id: string; changes: unknown[] }[] };
    expect(plan.updated).toEqual([
      {
        row: 3,
        key: "PRJ-1",
        id: "PRJ-1",
        file: "projects/PRJ-1.yaml",
        changes: [{ path: "status.overall", before: "amber", after: "red" }],
      },
    ]);
  });

  it("says which sheets there are when --sheet names none", async () => {
    const dir = makeRepo({ "book.xlsx": await workbook() });
    dirs.push(dir);
    const result = await runCli(
      [
        "import",
        "xlsx",
        "book.xlsx",
        "--sheet",
        "Risks",
        "--kind",
        "risk",
        "--out-dir",
        "raid",
        "--as-of",
        "2026-11-30",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cannot read book.xlsx: the workbook has no sheet "Risks" (its sheets: "Notes", "Projects")',
    );
  });
});
