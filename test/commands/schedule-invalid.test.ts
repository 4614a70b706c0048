import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const project = (id: string, extra = "") =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nstage: planning\n${extra}schedule: { baselineStart: 2026-01-05 }\nmilestones:\n  - { id: M1, name: Build, duration: 10 }\n`;

describe("pmo schedule and pmo forecast on a repository with invalid documents", () => {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "p1.yaml": project("P1"),
    // Fails its schema: left out of both, with a warning.
    "p2.yaml": project("P2", "colour: blue\n"),
    // A risk that fails its schema: the schedule does not read risks at all; the forecast does.
    "r.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: R1\ntitle: Broken\nprobability: high\n",
    // A person that fails its schema: neither reads people (the schedule reads only the
    // engagement and the projects), so neither counts it.
    "people.yaml": "apiVersion: pmo/v1\nkind: Person\nid: ann\nname: Ann\ncolour: blue\n",
  });
  afterAll(() => removeRepo(dir));

  it("schedules the valid projects and says how many documents it left out", async () => {
    const result = await runCli(["-C", dir, "schedule", "--as-of", "2026-01-05", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "warning: 1 document fails validation and is left out of the schedule; run pmo validate\n",
    );
    expect((JSON.parse(result.stdout) as { items: { key: string }[] }).items.map((i) => i.key)).toEqual(["P1/M1"]);
  });

  it("the forecast reads risks too, so it counts the broken risk", async () => {
    const result = await runCli(
      ["-C", dir, "forecast", "--as-of", "2026-01-05", "--format", "json", "--iterations", "100"],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "warning: 2 documents fail validation and are left out of the forecast; run pmo validate\n",
    );
  });
});
