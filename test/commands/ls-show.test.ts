import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const PEOPLE = `apiVersion: pmo/v1
kind: Person
id: ann
name: Ann Archer
role: Portfolio Director
---
apiVersion: pmo/v1
kind: Person
id: bob
name: Bob Baker
`;

const PORTFOLIOS = `apiVersion: pmo/v1
kind: Portfolio
id: PF-A
name: Assets
owner: ann
---
apiVersion: pmo/v1
kind: Portfolio
id: PG-A
name: Assets programme
owner: bob
parent: PF-A
`;

const project = (id: string, fields: string): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
${fields}`;

const FILES = {
  "engagement.yaml": ENGAGEMENT,
  "people.yaml": PEOPLE,
  "portfolios.yaml": PORTFOLIOS,
  "projects/PRJ-2.yaml": project(
    "PRJ-2",
    `name: "Pumps, valves and \\"fittings\\""
portfolio: PF-A
sponsor: ann
manager: bob
stage: delivery
schedule: { baselineFinish: 2026-12-31, forecastFinish: 2027-02-28 }
budget: { approved: 1000000, forecast: 1200000 }
percentComplete: 40
status: { asOf: 2026-11-20, overall: red, schedule: red }
milestones:
  - { id: M1, name: Design, baseline: 2026-03-31, forecast: 2026-04-14, actual: 2026-04-14 }
  - { id: M2, name: Build, baseline: 2026-10-31, forecast: 2026-12-15 }
tags: [pumps]
`,
  ),
  "projects/PRJ-10.yaml": project(
    "PRJ-10",
    `name: Telemetry
portfolio: PG-A
manager: bob
stage: planning
budget: { currency: GBP, approved: 250000 }
status: { asOf: 2026-11-20, overall: green }
dependencies:
  - { project: PRJ-2, type: finish-to-start }
`,
  ),
  "projects/PRJ-1.yaml": project("PRJ-1", "name: Closed one\nportfolio: PF-A\nstage: closed\n"),
  "raid.yaml": `apiVersion: pmo/v1
kind: Risk
id: RSK-1
title: Supplier late
project: PRJ-2
probability: 4
impact: 3
status: open
owner: bob
lastReviewed: 2026-11-01
---
apiVersion: pmo/v1
kind: Risk
id: RSK-2
title: Budget squeeze
portfolio: PF-A
probability: 5
impact: 5
status: open
owner: ann
---
apiVersion: pmo/v1
kind: Issue
id: ISS-1
title: Pump delivery missed
project: PRJ-2
raised: 2026-11-02
status: open
priority: high
owner: bob
risk: RSK-1
due: 2026-11-15
---
apiVersion: pmo/v1
kind: Decision
id: DEC-1
title: Approve delivery
project: PRJ-2
status: approved
decidedBy: ann
date: 2026-01-10
`,
};

let repo: string;
beforeAll(() => {
  repo = makeRepo(FILES);
});
afterAll(() => removeRepo(repo));

const AS_OF = ["--as-of", "2026-11-30"];
const ls = (...args: string[]) => runCli(["ls", ...args, ...AS_OF], { cwd: repo });
const show = (...args: string[]) => runCli(["show", ...args, ...AS_OF], { cwd: repo });

describe("pmo ls", () => {
  it("lists projects in natural id order with the PMO's columns", async () => {
    const result = await ls("projects");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "ID      Name                          Portfolio  Stage     Status  Forecast finish  Approved  Forecast   %  Manager",
        "PRJ-1   Closed one                    PF-A       closed",
        'PRJ-2   Pumps, valves and "fittings"  PF-A       delivery  red     2027-02-28         EUR 1M  EUR 1.2M  40  Bob Baker',
        "PRJ-10  Telemetry                     PG-A       planning  green                    GBP 250k                Bob Baker",
        "",
      ].join("\n"),
    );
  });

  it("accepts singular and any case, filters with =, != and lists, and sorts descending", async () => {
    const ids = async (...args: string[]) =>
      JSON.parse((await ls(...args, "--format", "json")).stdout).map((d: { id: string }) => d.id);
    expect(await ids("Project", "--where", "stage=delivery,planning")).toEqual(["PRJ-2", "PRJ-10"]);
    expect(await ids("PROJECTS", "--where", "stage!=closed", "--where", "status.overall=red")).toEqual(["PRJ-2"]);
    expect(await ids("projects", "--sort", "-id")).toEqual(["PRJ-10", "PRJ-2", "PRJ-1"]);
    expect(await ids("projects", "--sort", "-status")).toEqual(["PRJ-2", "PRJ-10", "PRJ-1"]);
    expect(await ids("projects", "--where", "portfolio=PF-A", "--where", "tags=pumps")).toEqual(["PRJ-2"]);
    expect(await ids("risks", "--sort", "-score")).toEqual(["RSK-2", "RSK-1"]);
    expect(await ids("persons")).toEqual(["ann", "bob"]);
  });

  it("prints JSON documents with their keys in file order", async () => {
    const result = await ls("decisions", "--format", "json");
    expect(Object.keys(JSON.parse(result.stdout)[0])).toEqual([
      "apiVersion",
      "kind",
      "id",
      "title",
      "project",
      "status",
      "decidedBy",
      "date",
    ]);
  });

  it("quotes CSV fields with commas and quotes, and writes plain values", async () => {
    const result = await ls("projects", "--format", "csv", "--where", "id=PRJ-2,PRJ-10");
    const noBom = await ls("projects", "--format", "csv", "--where", "id=PRJ-2,PRJ-10", "--no-bom");
    expect(result.stdout).toBe(`\ufeff${noBom.stdout}`);
    expect(noBom.stdout).toBe(
      [
        "id,name,portfolio,stage,status,finish,currency,approved,forecast,complete,manager",
        'PRJ-2,"Pumps, valves and ""fittings""",PF-A,delivery,red,2027-02-28,EUR,1000000,1200000,40,bob',
        "PRJ-10,Telemetry,PG-A,planning,green,,GBP,250000,,,bob",
        "",
      ].join("\n"),
    );
  });

  it("neutralises text cells a spreadsheet would run as a formula", async () => {
    const dir = makeRepo({
      ...FILES,
      "projects/evil.yaml": project("PRJ-66", 'name: "=HYPERLINK(\\"http://x\\")"\nstage: delivery\n'),
    });
    try {
      const result = await runCli(["ls", "projects", "--format", "csv", "--where", "id=PRJ-66", ...AS_OF], {
        cwd: dir,
      });
      expect(result.stdout.split("\n")[1]).toMatch(/^PRJ-66,"'=HYPERLINK\(""http:\/\/x""\)",/);
    } finally {
      removeRepo(dir);
    }
  });

  it("says so when nothing matches, and exits 0", async () => {
    const result = await ls("risks", "--where", "status=closed");
    expect(result).toMatchObject({ code: 0, stdout: "no risks match status=closed\n" });
  });

  it("keeps colour codes out of JSON and CSV even when colour is forced", async () => {
    for (const format of ["json", "csv"]) {
      const result = await runCli(["--color", "ls", "projects", "--format", format, ...AS_OF], { cwd: repo });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts an ANSI colour code
      expect(result.stdout).not.toMatch(/\u001b\[/);
    }
    const table = await runCli(["--color", "ls", "projects", ...AS_OF], { cwd: repo });
    expect(table.stdout).toContain("\u001b[31mred\u001b[39m");
  });

  it("exits 2 on an unknown kind, naming the close one", async () => {
    const result = await ls("projekts");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown kind "projekts" (did you mean "projects"?)');
  });

  it("exits 2 on an unknown field, naming the known top-level fields", async () => {
    const result = await ls("projects", "--where", "stauts.overall=red");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'unknown field "stauts.overall" for projects (did you mean "status.overall"?); known fields: apiVersion, kind, id, name',
    );
    expect((await ls("projects", "--sort", "budget.forcast")).stderr).toContain('did you mean "budget.forecast"?');
    expect((await ls("projects", "--where", "stage")).code).toBe(2);
  });

  it("honours -C and lists what loaded when some documents have problems", async () => {
    const broken = makeRepo({
      ...FILES,
      "projects/bad.yaml": project("PRJ-3", "name: Bad\nstage: dreaming\n"),
      "oops.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: [\n",
    });
    try {
      const result = await runCli(["-C", broken, "ls", "projects", "--format", "json", ...AS_OF], {
        cwd: path.dirname(broken),
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("warning: 2 documents have problems; run pmo validate\n");
      expect(JSON.parse(result.stdout).map((d: { id: string }) => d.id)).toEqual(["PRJ-1", "PRJ-2", "PRJ-3", "PRJ-10"]);
    } finally {
      removeRepo(broken);
    }
  });
});

describe("pmo show", () => {
  it("shows a project with its people, milestones, RAID and dependents", async () => {
    const result = await show("PRJ-2");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toContain('PRJ-2  Pumps, valves and "fittings"\nProject in projects/PRJ-2.yaml\n');
    expect(out).toContain("  Portfolio:   PF-A (Assets)\n");
    expect(out).toContain("  Sponsor:     Ann Archer (ann)\n");
    expect(out).toContain("  Finish:      baseline 2026-12-31, forecast 2027-02-28 (+59 days)\n");
    // Wrapped at 80 columns (output is not a terminal), continued under the fact's text.
    expect(out).toContain(
      "  Budget:      approved EUR 1,000,000, forecast EUR 1,200,000 (forecast +20%\n               against approved)\n",
    );
    expect(out).toContain(
      [
        "Milestones (2)",
        "  ID  Name    Baseline    Forecast    Actual      Slip (days)",
        "  M1  Design  2026-03-31  2026-04-14  2026-04-14          +14",
        "  M2  Build   2026-10-31  2026-12-15                      +45",
      ].join("\n"),
    );
    expect(out).toContain("Depended on by (1)\n  ID      Name       Type\n  PRJ-10  Telemetry  finish-to-start\n");
    expect(out).toContain("  RSK-1  Supplier late   12  open    Bob Baker\n");
    expect(out).toContain("  ISS-1  Pump delivery missed  high      open    Bob Baker  2026-11-15\n");
    expect(out).toContain("Decisions (1)");
  });

  it("shows a portfolio's sub-portfolios and projects, and a risk's linked issues", async () => {
    const portfolio = (await show("PF-A")).stdout;
    expect(portfolio).toContain(
      "Sub-portfolios (1)\n  ID    Name              Owner      Projects\n  PG-A  Assets programme  Bob Baker         1\n",
    );
    expect(portfolio).toContain("Projects (2)");
    expect(portfolio).toContain("  RSK-2  Budget squeeze   25  open    Ann Archer\n");
    expect((await show("RSK-1")).stdout).toContain("Linked issues (1)\n");
  });

  it("shows what a person owns", async () => {
    const out = (await show("bob")).stdout;
    expect(out).toContain("bob  Bob Baker\nPerson in people.yaml\n");
    expect(out).toContain('  PRJ-2   Pumps, valves and "fittings"  manager  delivery  red     2027-02-28\n');
    expect(out).toContain("  PG-A  Assets programme  owner\n");
    expect(out).toContain("  ISS-1  Pump delivery missed  owner  open\n");
  });

  it("writes JSON and YAML with the document and its related entities", async () => {
    const json = JSON.parse((await show("PRJ-2", "--format", "json")).stdout);
    expect(json).toMatchObject({
      kind: "Project",
      id: "PRJ-2",
      file: "projects/PRJ-2.yaml",
      related: { people: { ann: "Ann Archer", bob: "Bob Baker" } },
    });
    expect(json.document.name).toBe('Pumps, valves and "fittings"');
    expect(json.related.milestones[1]).toEqual({
      id: "M2",
      name: "Build",
      baseline: "2026-10-31",
      forecast: "2026-12-15",
      slipDays: 45,
    });
    expect(json.related.dependents).toEqual([{ id: "PRJ-10", name: "Telemetry", type: "finish-to-start" }]);
    const yaml = (await show("RSK-1", "--format", "yaml")).stdout;
    expect(yaml).toMatch(/^kind: Risk\nid: RSK-1\n/);
    expect(yaml.endsWith("\n")).toBe(true);
  });

  it("exits 2 on an unknown id, suggesting a close one", async () => {
    const result = await show("PRJ-02");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'no document has the id "PRJ-02" (did you mean "PRJ-2"?); run pmo ls <kind> to see the ids\n',
    );
    expect((await show("NOTHING-LIKE-IT")).stderr).not.toContain("did you mean");
  });
});
