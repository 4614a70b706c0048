import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatSource } from "../../src/core/fmt/index.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

const example = path.resolve(import.meta.dirname, "../../examples/meridian-water");
const project = (id: string, portfolio = "PF-A") =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: P\nportfolio: ${portfolio}\nstage: planning\n`;

function repo(files: Record<string, string>): string {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, ...files });
  repos.push(dir);
  return dir;
}

describe("pmo new", () => {
  it.each([
    // kind, flags, expected path of the new file in the bundled example
    ["project", [], "projects/asset-renewal/PRJ-033.yaml"],
    ["project", ["--portfolio", "PF-DIGITAL"], "projects/digital/PRJ-033.yaml"],
    ["risk", [], "raid/risks/RSK-047.yaml"],
    ["issue", [], "raid/issues/ISS-014.yaml"],
    ["decision", [], "raid/decisions/DEC-024.yaml"],
    ["portfolio", ["--name", "Water quality"], "portfolios/PF-WATER.yaml"],
    ["person", ["--name", "Zoë O'Neil"], "people/zoe.oneil.yaml"],
    ["people", ["--id", "j.doe"], "people/j.doe.yaml"],
  ])("%s %j in the bundled example goes to %s", async (kind, flags, expected) => {
    const result = await runCli(["-C", example, "new", kind, ...flags, "--dry-run", "--as-of", "2026-11-30"], {
      cwd: example,
    });
    expect(result.stderr).toBe(`would write ${expected}\n`);
    expect(result.code).toBe(0);
    // The document is valid YAML already in canonical form.
    expect(formatSource("new.yaml", result.stdout)).toEqual({ ok: true, changed: false, text: result.stdout });
  });

  it("follows the repository's id pattern, keeps its zero padding and skips ids other kinds use", async () => {
    const dir = repo({
      "p/P-0007.yaml": project("P-0007"),
      "p/P-0012.yaml": project("P-0012"),
      "q/PRJ-001.yaml": project("PRJ-001"),
      "x.yaml": `apiVersion: pmo/v1\nkind: Decision\nid: P-0013\ntitle: D\nstatus: proposed\n`,
    });
    const result = await runCli(["new", "project", "--name", "Next"], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: "p/P-0014.yaml\n", stderr: "" });
    expect(readFileSync(path.join(dir, "p/P-0014.yaml"), "utf8")).toContain("id: P-0014\nname: Next\n");
  });

  it("refuses a --portfolio or --project the repository does not hold (the document would not validate)", async () => {
    const dir = repo({
      "portfolios/PF-A.yaml": `apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\n`,
      "p/P-0007.yaml": project("P-0007"),
    });
    expect(await runCli(["new", "project", "--portfolio", "PF-B", "--dry-run"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: --portfolio PF-B: the repository has no portfolio PF-B (portfolios: PF-A)\n",
    });
    expect((await runCli(["new", "risk", "--project", "PF-A", "--dry-run"], { cwd: dir })).stderr).toBe(
      "error: --project PF-A: the repository has no project PF-A; PF-A is the portfolio in portfolios/PF-A.yaml (projects: P-0007)\n",
    );
    expect((await runCli(["new", "portfolio", "--portfolio", "PF-A", "--dry-run"], { cwd: dir })).code).toBe(0);
  });

  it("writes a document that passes validation, in the conventional folder of an empty repository", async () => {
    const dir = repo({ "people.yaml": `apiVersion: pmo/v1\nkind: Person\nid: ann.lee\nname: Ann Lee\n` });
    expect(
      (
        await runCli(["new", "risk", "--owner", "ann.lee", "--name", "Supplier fails", "--as-of", "2026-11-30"], {
          cwd: dir,
        })
      ).stdout,
    ).toBe("raid/risks/RSK-001.yaml\n");
    expect(readFileSync(path.join(dir, "raid/risks/RSK-001.yaml"), "utf8")).toBe(`apiVersion: pmo/v1
kind: Risk
id: RSK-001
title: Supplier fails
type: threat
# Scored at the middle of the engagement's scale (1 to 5 and 1 to 5) until it is assessed.
probability: 3
impact: 3
owner: ann.lee
status: open
response: mitigate
raised: 2026-11-30
`);
    expect((await runCli(["new", "issue", "--owner", "ann.lee", "--as-of", "2026-11-30"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["new", "decision"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["new", "project"], { cwd: dir })).code).toBe(0);
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.stdout).toContain("no problems");
    expect(validate.code).toBe(0);
  });

  it("adds a schema modeline when the repository has a schemas folder", async () => {
    const dir = repo({ "schemas/project.schema.json": "{}", "projects/a/PRJ-001.yaml": project("PRJ-001") });
    await runCli(["new", "project", "--folder", "projects/b"], { cwd: dir });
    expect(readFileSync(path.join(dir, "projects/b/PRJ-002.yaml"), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/project\.schema\.json\n/,
    );
  });

  it.each([
    [
      ["new", "engagement"],
      'error: unknown kind "engagement": expected one of portfolio, project, risk, issue, decision, person; an engagement is created with pmo init\n',
    ],
    [["new", "project", "--id", "PRJ-001"], "error: id PRJ-001 is already used by the project in p/PRJ-001.yaml\n"],
    [
      ["new", "project", "--id", "9lives"],
      'error: "9lives" is not a valid id: a letter followed by letters, digits, _, . or -, at most 64 characters\n',
    ],
    [["new", "person"], "error: a person needs --name (the id is made from it, e.g. jane.doe) or --id\n"],
    [["new", "project", "--folder", "../elsewhere"], "error: --folder ../elsewhere is outside the repository .\n"],
  ])("refuses %j with exit 2", async (args, stderr) => {
    const dir = repo({ "p/PRJ-001.yaml": project("PRJ-001") });
    expect(await runCli(args, { cwd: dir })).toEqual({ code: 2, stdout: "", stderr });
  });

  it("never overwrites a file", async () => {
    const dir = repo({ "p/PRJ-001.yaml": project("PRJ-001"), "p/PRJ-002.yaml": "# not a pmo document\n" });
    expect(await runCli(["new", "project"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: p/PRJ-002.yaml already exists; pmo new never overwrites a file (choose another --id or --folder)\n",
    });
    expect(readFileSync(path.join(dir, "p/PRJ-002.yaml"), "utf8")).toBe("# not a pmo document\n");
  });
});
