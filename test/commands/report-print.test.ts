import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const PROJECT = (id: string): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: Project ${id}
stage: delivery
status: { asOf: 2026-11-28, overall: green }
`;

const repos: string[] = [];
afterEach(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

function repo(extra: Record<string, string> = {}): string {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, "projects/PRJ-1.yaml": PROJECT("PRJ-1"), ...extra });
  repos.push(dir);
  return dir;
}

const report = (dir: string, ...args: string[]) =>
  runCli(["report", dir, "--as-of", "2026-11-30", "--out-dir", "out", ...args], { cwd: dir });
const pageSize = (html: string): string | undefined => /@page \{\n {2}size: ([^;]+);/.exec(html)?.[1];

describe("pmo report: the print stylesheet's paper", () => {
  // A site's pages share the stylesheet report.css; one file (--single) carries it inline.
  it.each([
    ["a site's report.css", [], "out/report.css"],
    ["one file's inline styles", ["--single"], "out/report.html"],
  ])(
    "is A4 by default, with a landscape page of the same paper for wide tables: %s",
    async (_, args, file) => {
      const dir = repo();
      expect((await report(dir, ...args)).code).toBe(0);
      const css = readFileSync(path.join(dir, file), "utf8");
      expect(pageSize(css)).toBe("A4");
      expect(css).toContain("@page wide { size: A4 landscape; }");
      expect(css).toContain(`@bottom-right { content: "Page " counter(page) " of " counter(pages);`);
    },
    // The first report of the file loads every command and rule: slow on a busy machine.
    60_000,
  );

  it("is the config's report.paper, and --paper wins over it", async () => {
    const dir = repo({ "pmo.config.yaml": "report:\n  paper: letter\n" });
    expect((await report(dir)).code).toBe(0);
    expect(pageSize(readFileSync(path.join(dir, "out/report.css"), "utf8"))).toBe("letter");
    expect((await report(dir, "--paper", "a4")).code).toBe(0);
    expect(pageSize(readFileSync(path.join(dir, "out/report.css"), "utf8"))).toBe("A4");
  });

  it("refuses a paper it does not know, in the config and on the command line", async () => {
    const dir = repo({ "pmo.config.yaml": "report:\n  paper: a3\n" });
    const fromConfig = await report(dir);
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain(`2:10  error  "a3" is not a valid paper: expected one of a4, letter`);
    const fromFlag = await report(repo(), "--paper", "a3");
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).toContain(`argument 'a3' is invalid. Allowed choices are a4, letter.`);
  });
});

/** Projects with one exception each (and one without), to see what the dashboard selects. */
const EXCEPTIONAL: Record<string, string> = {
  "projects/PRJ-1.yaml": PROJECT("PRJ-1"),
  "projects/PRJ-2.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-2
name: Red one
stage: delivery
status: { asOf: 2026-11-28, overall: red }
`,
  "projects/PRJ-3.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-3
name: Over budget
stage: delivery
budget: { approved: 100000, forecast: 125000 }
status: { asOf: 2026-11-28, overall: amber }
`,
  "projects/PRJ-4.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-4
name: Slipped
stage: delivery
status: { asOf: 2026-11-28, overall: amber }
milestones:
  - { id: M1, name: Handover, baseline: 2026-12-01, forecast: 2027-02-15 }
`,
  "projects/PRJ-5.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-5
name: Stale
stage: delivery
status: { asOf: 2026-09-01, overall: green }
`,
  "projects/PRJ-6.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-6
name: Within tolerance
stage: delivery
budget: { approved: 100000, forecast: 105000 }
status: { asOf: 2026-11-28, overall: green }
milestones:
  - { id: M1, name: Handover, baseline: 2026-12-01, forecast: 2026-12-20 }
`,
  "projects/PRJ-7.yaml": `apiVersion: pmo/v1
kind: Project
id: PRJ-7
name: Closed and red
stage: closed
status: { asOf: 2026-09-01, overall: red }
`,
};

const rowsOf = (html: string, id: string): string[] => {
  const start = html.indexOf(`id="${id}"`);
  const table = html.slice(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
  return [
    ...table.matchAll(
      /<tr><td>(?:<a href="[^"]*">)?(PRJ-\d+)(?:<\/a>)? [^<]*<\/td><td>[^<]*<\/td><td>.*?<\/td><td>(.*?)<\/td><\/tr>/g,
    ),
  ].map((m) => `${m[1]}: ${m[2]}`);
};

describe("pmo report: exceptions", () => {
  it("lists the active projects at the worst status, over budget or slipped beyond tolerance, or stale, the worst first, with why", async () => {
    const dir = repo(EXCEPTIONAL);
    expect((await report(dir)).code).toBe(0);
    const html = readFileSync(path.join(dir, "out/index.html"), "utf8");
    expect(rowsOf(html, "exceptions")).toEqual([
      "PRJ-2: reports Red",
      "PRJ-3: forecast EUR 125k is 25% over approved EUR 100k (tolerance 10%)",
      "PRJ-4: M1 Handover 76 days late against baseline (tolerance 30 days)",
      "PRJ-5: status report 90 days old (valid for 7)",
    ]);
    expect(html).toContain(
      "4 projects of 6 active need attention: 1 at the worst status · 0 worsened since the previous report · 1 slipped beyond tolerance · 1 over budget beyond tolerance · 1 with a stale status report.",
    );
    // At or below the threshold the dashboard is whole: every project's status, no table pages.
    expect(html).toContain("<h2>Status of every project</h2>");
    expect(html).toContain(`<a href="projects/PRJ-6.html">PRJ-6</a> Within tolerance`);
    expect(existsSync(path.join(dir, "out/status-1.html"))).toBe(false);
  });

  it("above report.exceptionsAbove, cuts each list, says how many it left out and pages the full tables", async () => {
    const many: Record<string, string> = {};
    for (let i = 10; i < 32; i++)
      many[`projects/PRJ-${i}.yaml`] = PROJECT(`PRJ-${i}`).replace("overall: green", "overall: red");
    const dir = repo({
      ...EXCEPTIONAL,
      ...many,
      "pmo.config.yaml": "report:\n  exceptionsAbove: 5\n  tableRowsPerPage: 10\n",
    });
    expect((await report(dir)).code).toBe(0);
    const html = readFileSync(path.join(dir, "out/index.html"), "utf8");
    expect(rowsOf(html, "exceptions")).toEqual(
      ["PRJ-10", "PRJ-11", "PRJ-12", "PRJ-13", "PRJ-14", "PRJ-15"].map((id) => `${id}: reports Red`),
    );
    expect(html).toContain("20 more rows not listed here:");
    expect(html).toContain(
      `all 26 exceptions on 3 pages, <a href="exceptions-1.html">from page 1</a> to <a href="exceptions-3.html">page 3</a>`,
    );
    expect(html).toContain(`all 29 projects on 3 pages, <a href="status-1.html">from page 1</a>`);
    expect(html).not.toContain(`scope="rowgroup"`);
    const page3 = readFileSync(path.join(dir, "out/exceptions-3.html"), "utf8");
    expect(page3).toContain("<title>Exceptions (page 3 of 3)</title>");
    expect(page3).toContain(`<a href="exceptions-2.html" rel="prev">previous</a>`);
    // The worst first: every red (ids in code-unit order), then one kind each.
    expect(rowsOf(page3, "exceptions-table").map((r) => r.split(":")[0])).toEqual([
      "PRJ-29",
      "PRJ-30",
      "PRJ-31",
      "PRJ-3",
      "PRJ-4",
      "PRJ-5",
    ]);
    const status = [1, 2, 3].map((n) => readFileSync(path.join(dir, `out/status-${n}.html`), "utf8"));
    expect(status.map((p) => (p.match(/<tr><td><a href="projects\//g) ?? []).length)).toEqual([10, 10, 9]);
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    for (const [file, text] of [
      ["index.html", html],
      ["exceptions-3.html", page3],
      ["status-2.html", status[1]!],
    ] as const) {
      const result = await validator.validateString(text, file);
      expect(
        result.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
      ).toEqual([]);
    }
  });

  it("above report.exceptionsAbove, the risk register keeps the highest 25 risks and writes the whole register as risks.csv", async () => {
    const files: Record<string, string> = { "pmo.config.yaml": "report:\n  exceptionsAbove: 5\n" };
    for (let i = 10; i < 18; i++) files[`projects/PRJ-${i}.yaml`] = PROJECT(`PRJ-${i}`);
    // 30 open risks, scores 1 x 1 to 5 x 5 (RSK-25 and RSK-30 the highest, ties by id), and one closed.
    for (let i = 1; i <= 30; i++) {
      const probability = 1 + Math.floor((i - 1) / 6);
      const impact = 1 + ((i - 1) % 5);
      files[`raid/RSK-${i}.yaml`] =
        `apiVersion: pmo/v1\nkind: Risk\nid: RSK-${i}\ntitle: "=Risk ${i}"\nproject: PRJ-1\nstatus: open\nprobability: ${Math.min(5, probability)}\nimpact: ${impact}\nowner: owner-${i % 30}\nraised: 2026-11-01\nlastReviewed: 2026-11-20\n`;
    }
    files["raid/RSK-99.yaml"] =
      "apiVersion: pmo/v1\nkind: Risk\nid: RSK-99\ntitle: Gone\nproject: PRJ-1\nstatus: closed\nclosed: 2026-11-02\nprobability: 2\nimpact: 2\nraised: 2026-10-01\n";
    const dir = repo(files);
    const result = await report(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(dir, "out/risks.html"), "utf8");
    expect(html).toContain("30 open risks");
    expect(html).toContain(
      `The 25 highest of 30 open risks; every risk of the register, open or not, is in <a href="risks.csv" download>risks.csv</a>.`,
    );
    expect(html).toContain("5 more owners with fewer open risks not listed.");
    const table = html.slice(html.indexOf("Open risks by score"), html.indexOf("<h2>Owners</h2>"));
    expect((table.match(/<tr><td class="num">/g) ?? []).length).toBe(25);
    const csv = readFileSync(path.join(dir, "out/risks.csv"), "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    expect(csv[0]).toBe(
      "id,title,type,status,for,for_name,probability,impact,score,band,owner,response,last_reviewed,review_overdue_days,proximity,cost_impact_currency,cost_impact_most_likely,exposure,open_mitigations",
    );
    expect(csv.length).toBe(1 + 31);
    // Open risks highest first, the closed one last without a band; formula-like titles neutralised.
    expect(csv[1]!.split(",").slice(0, 2)).toEqual(["RSK-25", "'=Risk 25"]);
    expect(csv[31]!.split(",").slice(0, 4)).toEqual(["RSK-99", "Gone", "threat", "closed"]);
    expect(csv[31]!.split(",")[9]).toBe("");
    // A small repository's register is whole, with no CSV.
    const small = repo({ "raid/RSK-1.yaml": files["raid/RSK-1.yaml"]! });
    expect((await report(small)).code).toBe(0);
    expect(existsSync(path.join(small, "out/risks.csv"))).toBe(false);
  });

  it("in one file, the full tables are sections of the page that the dashboard links to", async () => {
    const many: Record<string, string> = {};
    for (let i = 10; i < 20; i++) many[`projects/PRJ-${i}.yaml`] = PROJECT(`PRJ-${i}`);
    const dir = repo({ ...EXCEPTIONAL, ...many, "pmo.config.yaml": "report:\n  exceptionsAbove: 5\n" });
    expect((await report(dir, "--single")).code).toBe(0);
    const html = readFileSync(path.join(dir, "out/report.html"), "utf8");
    expect(html).toContain(`<a href="#status-table">all 17 projects</a>`);
    expect(html).toContain(`<h1 id="status-table">Status of every project</h1>`);
    expect(html).toContain(`<h1 id="exceptions-table">Exceptions</h1>`);
  });
});

const AUDIENCES = `${ENGAGEMENT.replace("reporting: { cadence: weekly }\n", "")}reporting:
  cadence: weekly
  audiences:
    - { name: Steering committee, formats: [pdf], sections: [dashboard, decisions, risks], dashboard: exceptions }
    - { id: pms, name: Project managers, sections: [projects], projects: exceptions }
`;

describe("pmo report --audience", () => {
  it("writes one audience's pack in one file: its sections, its dashboard, its project pages", async () => {
    const dir = repo({ ...EXCEPTIONAL, "engagement.yaml": AUDIENCES });
    const steering = await report(dir, "--audience", "steering-committee");
    expect(steering.stderr).toBe("");
    expect(steering.code).toBe(0);
    const html = readFileSync(path.join(dir, "out/report.html"), "utf8");
    expect(html).toContain("The pack for Steering committee.");
    expect(html).toContain(`<h2 id="exceptions">Exceptions</h2>`);
    // Exception-first although the portfolio is small; the full tables and project pages are not in this pack.
    expect(html).not.toContain('scope="rowgroup"');
    expect(html).toContain("7 projects: every one's status is in the whole report (without --audience).");
    expect(html).toContain(`id="risk-register"`);
    expect(html).toContain(`id="decision-log"`);
    // Sections the audience does not list are neither in the pack nor in its navigation.
    for (const left of ["issue-log", "roadmap", "benefits", "dependencies"]) expect(html).not.toContain(`id="${left}"`);
    expect(html).not.toContain(">Issues</a>");
    expect(html).toContain(">Decisions</a>");
    expect(html).not.toContain(`id="project-PRJ-2"`);
    expect(html).not.toContain(`href="#project-`);

    expect((await report(dir, "--audience", "pms")).code).toBe(0);
    const pms = readFileSync(path.join(dir, "out/report.html"), "utf8");
    expect([...pms.matchAll(/id="project-(PRJ-\d+)"/g)].map((m) => m[1])).toEqual(["PRJ-2", "PRJ-3", "PRJ-4", "PRJ-5"]);
    expect(pms).not.toContain(`id="dashboard"`);
    expect(pms).not.toContain(`id="risk-register"`);
    expect(pms).not.toContain(`id="decision-log"`);
  });

  it("names the audiences there are when the id is not one of them", async () => {
    const dir = repo({ "engagement.yaml": AUDIENCES });
    const result = await report(dir, "--audience", "board");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: --audience board: no such audience; the engagement's reporting.audiences are steering-committee, pms (an audience's id is its id, else its name in lower case with dashes)\n",
    );
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });
});
