import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const PROJECT = (id: string): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
stage: delivery
status: { asOf: 2026-11-28, overall: red }
`;

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

describe("pmo report --format markdown: links to the full tables", () => {
  it("stay inside their sentence, on its line", async () => {
    const files: Record<string, string> = {
      "engagement.yaml": ENGAGEMENT,
      "pmo.config.yaml": "report:\n  exceptionsAbove: 5\n  tableRowsPerPage: 10\n",
    };
    for (let i = 10; i < 40; i++) files[`projects/PRJ-${i}.yaml`] = PROJECT(`PRJ-${i}`);
    const dir = makeRepo(files);
    repos.push(dir);
    const result = await runCli(
      ["report", dir, "--as-of", "2026-11-30", "--out-dir", "out", "--format", "markdown", "--no-history"],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const md = readFileSync(path.join(dir, "out/index.md"), "utf8");
    const lines = md.split("\n").filter((l) => l.includes("not listed here"));
    expect(lines.length).toBeGreaterThan(0);
    // The sentence ends on the link's line: "... to [page 3](exceptions-3.md)."
    for (const line of lines) expect(line).toMatch(/\]\([a-z-]+-\d+\.md\)\.$/);
    expect(md).not.toMatch(/\.md\)\n[.)]/);
  }, 60_000);

  it("says 'the 1 project that has both' of a variance over one project", async () => {
    const project = (id: string, budget: string) =>
      `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nstage: delivery\nbudget: { currency: EUR${budget} }\nstatus: { asOf: 2026-11-28, overall: green }\n`;
    const dir = makeRepo({
      "engagement.yaml": ENGAGEMENT,
      "projects/P-A.yaml": project("P-A", ", approved: 100000, forecast: 120000"),
      "projects/P-B.yaml": project("P-B", ", forecast: 50000"),
    });
    repos.push(dir);
    const result = await runCli(
      ["report", dir, "--as-of", "2026-11-30", "--out-dir", "out", "--format", "markdown", "--no-history"],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const md = readFileSync(path.join(dir, "out/index.md"), "utf8");
    expect(md).toContain("- The variance compares forecast with approved over the 1 project that has both.");
  }, 60_000);
});
