import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const project = (id: string, extra = "", apiVersion = "pmo/v1") =>
  `apiVersion: ${apiVersion}\nkind: Project\nid: ${id}\nname: Project ${id}\nstage: delivery\n${extra}budget: { approved: 1000, actual: 400 }\npercentComplete: 50\n`;

describe("pmo evm on a repository with invalid documents", () => {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "p1.yaml": project("P1"),
    // Fails its schema (the loader finds it while reading): left out, with a warning.
    "p2.yaml": project("P2", "colour: blue\n"),
    // An apiVersion pmo does not read: its fields cannot be trusted either.
    "p3.yaml": project("P3", "", "pmo/v0"),
    // A person that fails its schema: earned value reads no people, so it is not counted.
    "people.yaml": "apiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\ncolour: blue\n",
  });
  afterAll(() => removeRepo(dir));

  it("measures the valid projects and says how many documents it left out", async () => {
    const result = await runCli(["evm", dir, "--as-of", "2026-01-05", "--format", "json", "--no-color"], { cwd: dir });
    expect(result.stderr).toBe("warning: 2 documents fail schema validation and are left out; run pmo validate\n");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { projects: { id: string; figures: { ev: { value: number } } }[] };
    expect(report.projects.map((p) => [p.id, p.figures.ev.value])).toEqual([["P1", 500]]);
  });
});
