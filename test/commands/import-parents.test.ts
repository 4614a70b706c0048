import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * `pmo import csv --sync` with `parents:`: a parent is checked with the repository like every
 * document the import writes. In a repository with a roster (as `pmo init` makes one), a
 * portfolio whose owner is a department's name, not a person, would not validate.
 */
const mapping = (owner: string) => `kind: Project
fields:
  id: { column: Name, template: "P-{{value}}", case: lower }
  name: Name
  portfolio: { column: Dept, template: "PF-{{value}}", case: upper }
constants:
  stage: delivery
parents:
  portfolio:
    fields:
      name: "Department {{column:Dept}}"
      owner: "${owner}"
`;
const SHEET = "Name,Dept\nBridge,roads\nTunnel,roads\nSchool,education\n";
const PERSON = "apiVersion: pmo/v1\nkind: Person\nid: pmo.lead\nname: PMO lead\n";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeRepo));
function repo(owner: string): string {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "people/people.yaml": PERSON,
    "pmo.config.yaml": "ignore: [mapping.yaml]\n",
    "mapping.yaml": mapping(owner),
    "sheet.csv": SHEET,
  });
  dirs.push(dir);
  return dir;
}
const sync = (dir: string) =>
  runCli(
    [
      "import",
      "csv",
      "sheet.csv",
      "--mapping",
      "mapping.yaml",
      "--out-dir",
      "projects",
      "--sync",
      "--as-of",
      "2026-11-30",
    ],
    { cwd: dir },
  );

describe("pmo import csv --sync: parents the mapping creates", () => {
  it("never writes a parent that would not validate: the rows naming it are rejected with its problem, by key", async () => {
    const dir = repo("{{column:Dept}}");
    const result = await sync(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  ! row 2 (line 2, key "P-bridge"): the portfolio PF-ROADS it names would not be valid: owner refers to "roads", but no Person has that id (unresolved-reference)',
    );
    expect(result.stdout).toContain(
      '  ! row 4 (line 4, key "P-school"): the portfolio PF-EDUCATION it names would not be valid: owner refers to "education", but no Person has that id (unresolved-reference)',
    );
    expect(result.stdout).toMatch(/Plan: 0 to create, .*3 rejected/);
    expect(existsSync(path.join(dir, "projects"))).toBe(false);
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.code).toBe(0);
  });

  it("writes parents whose owner is in the roster, and the repository validates", async () => {
    const dir = repo("pmo.lead");
    const result = await sync(dir);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(dir, "projects")).sort()).toEqual([
      "P-bridge.yaml",
      "P-school.yaml",
      "P-tunnel.yaml",
      "PF-EDUCATION.yaml",
      "PF-ROADS.yaml",
    ]);
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.stdout).toContain("no problems");
    expect(validate.code).toBe(0);
  });
});
