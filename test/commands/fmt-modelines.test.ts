import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/** `pmo fmt --modelines`: editor modelines added only when asked, to each document without one. */
const repos: string[] = [];
afterEach(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

const RISK = (id: string) =>
  `apiVersion: pmo/v1\nkind: Risk\nid: ${id}\ntitle: Risk ${id}\nprobability: 2\nimpact: 3\nstatus: open\n`;
const MODELINE = "# yaml-language-server: $schema=../schemas/risk.schema.json\n";

async function repo(): Promise<string> {
  const dir = makeRepo({
    "engagement.yaml": `# The engagement\n${ENGAGEMENT}`,
    // Three risks in one file: the second has its modeline already, the first a comment.
    "raid/risks.yaml": `# Supplier risks\n${RISK("RSK-001")}---\n${MODELINE}${RISK("RSK-002")}---\n${RISK("RSK-003")}`,
  });
  repos.push(dir);
  expect((await runCli(["schema", "--out-dir", "schemas"], { cwd: dir })).code).toBe(0);
  return dir;
}

describe("pmo fmt --modelines", () => {
  it("adds nothing without the option: a file without modelines is in canonical form", async () => {
    const dir = await repo();
    const check = await runCli(["fmt", "--check"], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("");
  });

  it("adds a modeline to each document that lacks one, keeps the others, and is then a fixed point", async () => {
    const dir = await repo();
    const check = await runCli(["fmt", "--check", "--modelines"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("engagement.yaml\nraid/risks.yaml\n");

    const result = await runCli(["fmt", "--modelines"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, "engagement.yaml"), "utf8")).toBe(
      `# yaml-language-server: $schema=schemas/engagement.schema.json\n# The engagement\n${ENGAGEMENT}`,
    );
    expect(readFileSync(path.join(dir, "raid/risks.yaml"), "utf8")).toBe(
      `${MODELINE}# Supplier risks\n${RISK("RSK-001")}---\n${MODELINE}${RISK("RSK-002")}---\n${MODELINE}${RISK("RSK-003")}`,
    );

    expect((await runCli(["fmt", "--check", "--modelines"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["fmt", "--check"], { cwd: dir })).code).toBe(0);
    const validate = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
    expect(validate.code).toBe(0);
  });

  it("needs the schemas in schemas/, and says how to write them", async () => {
    const dir = makeRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    const result = await runCli(["fmt", "--modelines"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: --modelines points each document to its kind's schema in schemas/, which holds no pmo schemas; write them there first: pmo schema --out-dir schemas\n",
    );
    expect(readFileSync(path.join(dir, "engagement.yaml"), "utf8")).toBe(ENGAGEMENT);
  });
});
