import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * Above report.exceptionsAbove, the decision log, the issue log, the benefits page and the
 * dependencies page keep what needs attention first, say how many rows they left out, and
 * write every row to a CSV file beside them (the risk register's recipe: see
 * report-print.test.ts). Below it, nothing is cut and no CSV is written.
 */
const repos: string[] = [];
afterAll(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

const PORTFOLIO = `apiVersion: pmo/v1
kind: Portfolio
id: PF-1
name: Portfolio one
owner: pat.lee
objectives:
  - { id: OBJ-A, name: Objective A, weight: 60 }
  - { id: OBJ-B, name: Objective B, weight: 40 }
`;

const pad = (i: number): string => String(i).padStart(2, "0");

/** Project i: benefit B1 (the first three at risk, the next two past their planned date), a dependency on the previous project. */
function project(i: number): string {
  const status = i <= 3 ? "at-risk" : "on-track";
  const plannedDate = i > 3 && i <= 5 ? "2026-10-31" : "2027-06-30";
  return `apiVersion: pmo/v1
kind: Project
id: PRJ-${pad(i)}
name: "${i === 1 ? "=HYPERLINK(1)" : `Project ${i}`}"
portfolio: PF-1
stage: delivery
status: { asOf: 2026-11-28, overall: green }
schedule: { baselineStart: 2026-01-05, baselineFinish: 2027-${pad(1 + (i % 12))}-01 }
contributions:
  - { objective: OBJ-A, strength: high }
benefits:
  - { id: B1, name: Benefit ${i}, unit: EUR, planned: ${1000 * i}, plannedDate: ${plannedDate}, status: ${status} }
${i > 1 ? `dependencies:\n  - { project: PRJ-${pad(i - 1)}, type: finish-to-start }\n` : ""}`;
}

function largeRepo(): string {
  const files: Record<string, string> = {
    "engagement.yaml": ENGAGEMENT,
    "pmo.config.yaml": "report:\n  exceptionsAbove: 5\n",
    "portfolios/PF-1.yaml": PORTFOLIO,
    "people/pat.lee.yaml": "apiVersion: pmo/v1\nkind: Person\nid: pat.lee\nname: Pat Lee\n",
  };
  for (let i = 1; i <= 30; i++) files[`projects/PRJ-${pad(i)}.yaml`] = project(i);
  // 30 open issues (the first ten critical), 12 closed ones.
  for (let i = 1; i <= 42; i++) {
    const status = i <= 30 ? "open" : "closed";
    const priority = i <= 10 ? "critical" : "low";
    files[`raid/issues/ISS-${pad(i)}.yaml`] =
      `apiVersion: pmo/v1\nkind: Issue\nid: ISS-${pad(i)}\ntitle: "${i === 1 ? "+Issue 1" : `Issue ${i}`}"\nproject: PRJ-01\nraised: 2026-10-01\nstatus: ${status}\npriority: ${priority}\n${status === "closed" ? "resolved: 2026-11-01\n" : ""}`;
  }
  // 30 proposed decisions due day by day from 1 December, 12 approved ones.
  for (let i = 1; i <= 42; i++) {
    files[`raid/decisions/DEC-${pad(i)}.yaml`] =
      i <= 30
        ? `apiVersion: pmo/v1\nkind: Decision\nid: DEC-${pad(i)}\ntitle: "${i === 1 ? "@Decision 1" : `Decision ${i}`}"\nproject: PRJ-01\nstatus: proposed\ndue: 2026-12-${pad(i)}\namount: { value: ${i * 100}, currency: EUR }\n`
        : `apiVersion: pmo/v1\nkind: Decision\nid: DEC-${pad(i)}\ntitle: Decision ${i}\nproject: PRJ-01\nstatus: approved\ndate: 2026-11-${pad(i - 30)}\n`;
  }
  const dir = makeRepo(files);
  repos.push(dir);
  return dir;
}

const report = (dir: string, ...args: string[]) =>
  runCli(["report", dir, "--as-of", "2026-11-30", "--out-dir", "out", ...args], { cwd: dir });
const csvOf = (dir: string, file: string): string[] =>
  readFileSync(path.join(dir, "out", file), "utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split("\n");
const rowsOf = (html: string, from: string, to: string): number =>
  (html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from))).match(/<tr><th scope="row">/g) ?? []).length;

describe("pmo report above report.exceptionsAbove: the log pages are exception-first, every row in CSV", () => {
  // One repository, reported once in HTML and once in Markdown, for every test below.
  let dir = "";
  beforeAll(async () => {
    dir = largeRepo();
    const html = await report(dir);
    expect(html.stderr).toBe("");
    expect(html.code).toBe(0);
    const md = await report(dir, "--format", "md", "--out-dir", "out-md");
    expect(md.stderr).toBe("");
    expect(md.code).toBe(0);
  }, 240_000);

  it("cuts each page, says how many rows it left out and how many the CSV holds, and writes valid HTML", async () => {
    const page = (name: string): string => readFileSync(path.join(dir, "out", name), "utf8");

    const decisions = page("decisions.html");
    expect(decisions).toContain("42 decisions: 30 awaiting a decision");
    expect(rowsOf(decisions, "Decisions awaited, soonest due first", "</table>")).toBe(25);
    expect(decisions).toContain(
      `The 25 due soonest of 30 decisions awaited; every decision of the log (42), with its options and recommendation, is in <a href="decisions.csv" download>decisions.csv</a>.`,
    );
    expect(decisions).not.toContain('<article class="decision"');
    // The record keeps the latest five of each status: 25 of the 30 proposed, 7 of the 12 approved left out.
    expect(decisions).toContain("25 more decisions, earlier, not listed (see decisions.csv).");
    expect(decisions).toContain("7 more decisions, earlier, not listed (see decisions.csv).");

    const issues = page("issues.html");
    expect(rowsOf(issues, 'id="issues-open"', "</table>")).toBe(25);
    expect(rowsOf(issues, 'id="issues-closed"', "</table>")).toBe(5);
    expect(issues).toContain("5 more issues, of lower priority, not listed (see issues.csv).");
    expect(issues).toContain("7 more issues, of lower priority, not listed (see issues.csv).");
    expect(issues).toContain("at most 25 open and 25 in progress, 5 resolved and 5 closed.");
    expect(issues).toContain(
      `Every issue of the log (42), whatever its status, is in <a href="issues.csv" download>issues.csv</a>.`,
    );

    const benefits = page("benefits.html");
    expect(benefits).toContain(
      `Every benefit (30), once each with the objectives it counts towards, is in <a href="benefits.csv" download>benefits.csv</a>.`,
    );
    expect(benefits).toContain("EUR: nothing realised measured yet against 465,000 planned (30 benefits)");
    expect(rowsOf(benefits, "Benefits not realised, at risk or past their planned date", "</table>")).toBe(5);
    expect(benefits).toContain("30 days past its planned date");
    // One row per objective, not a table of benefits each.
    expect(rowsOf(benefits, "<h2>By objective</h2>", "</table>")).toBe(2);

    const dependencies = page("dependencies.html");
    expect(dependencies).toContain("29 project dependencies");
    expect(rowsOf(dependencies, "Project dependencies, tightest margin first", "</table>")).toBe(25);
    expect(dependencies).toContain(
      `The 25 tightest of 29 project dependencies; every project dependency (29) is in <a href="dependencies.csv" download>dependencies.csv</a>.`,
    );

    // The risk register's note starts its sentence with a capital when nothing was cut before it.
    expect(page("risks.html")).toContain(
      `Every risk of the register, open or not, is in <a href="risks.csv" download>risks.csv</a>.`,
    );

    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    for (const [file, text] of [
      ["decisions.html", decisions],
      ["issues.html", issues],
      ["benefits.html", benefits],
      ["dependencies.html", dependencies],
    ] as const) {
      const checked = await validator.validateString(text, file);
      expect(
        checked.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.message}`)),
      ).toEqual([]);
    }
  });

  it("writes every row to the CSV files, formula-like text neutralised", () => {
    const decisions = csvOf(dir, "decisions.csv");
    expect(decisions[0]).toBe(
      "id,title,status,for,for_name,approves,forum,decided_by,date,due,due_days,currency,amount,options,recommended_option,recommended_by,recommendation_rationale,description,rationale",
    );
    expect(decisions.length).toBe(1 + 42);
    // Proposed ones soonest due first, then the others latest first.
    expect(decisions[1]!.split(",").slice(0, 3)).toEqual(["DEC-01", "'@Decision 1", "proposed"]);
    expect(decisions[1]!.split(",").slice(9, 13)).toEqual(["2026-12-01", "1", "EUR", "100"]);
    expect(decisions[31]!.split(",").slice(0, 3)).toEqual(["DEC-42", "Decision 42", "approved"]);

    const issues = csvOf(dir, "issues.csv");
    expect(issues[0]).toBe("id,title,status,for,for_name,priority,owner,raised,due,overdue_days,escalated_to");
    expect(issues.length).toBe(1 + 42);
    expect(issues[1]!.split(",").slice(0, 5)).toEqual(["ISS-01", "'+Issue 1", "open", "PRJ-01", "'=HYPERLINK(1)"]);

    const benefits = csvOf(dir, "benefits.csv");
    expect(benefits[0]).toBe(
      "project,project_name,id,name,objectives,owner,measure,unit,planned,realised,planned_date,realised_date,status,attention",
    );
    expect(benefits.length).toBe(1 + 30);
    expect(benefits[1]).toBe("PRJ-01,'=HYPERLINK(1),B1,Benefit 1,PF-1/OBJ-A,,,EUR,1000,,2027-06-30,,at-risk,at-risk");
    expect(benefits[4]!.split(",").slice(-2)).toEqual(["on-track", "overdue"]);

    const dependencies = csvOf(dir, "dependencies.csv");
    expect(dependencies[0]).toBe(
      "project,project_name,waits_on,waits_on_name,waits_on_status,type,description,predecessor_date,predecessor_slip_days,needed_by,margin_days,settled",
    );
    expect(dependencies.length).toBe(1 + 29);
    expect(dependencies.every((row, i) => i === 0 || row.endsWith(",false"))).toBe(true);
    expect(csvOf(dir, "milestone-links.csv")).toEqual([
      "milestone,milestone_name,project,depends_on,depends_on_name,depends_on_project,type,lag,predecessor_expected,predecessor_slip_days,predecessor_achieved,own_date,network_date,pushed_days,float_days,critical",
    ]);
  });

  it("in Markdown too, with the same notes and CSV files", () => {
    const decisions = readFileSync(path.join(dir, "out-md/decisions.md"), "utf8");
    expect(decisions).toContain(
      "The 25 due soonest of 30 decisions awaited; every decision of the log (42), with its options and recommendation, is in [decisions.csv](decisions.csv).",
    );
    expect(readFileSync(path.join(dir, "out-md/issues.md"), "utf8")).toContain(
      "Every issue of the log (42), whatever its status, is in [issues.csv](issues.csv).",
    );
    for (const file of ["decisions.csv", "issues.csv", "benefits.csv", "dependencies.csv", "milestone-links.csv"])
      expect(readFileSync(path.join(dir, "out-md", file), "utf8")).toBe(
        readFileSync(path.join(dir, "out", file), "utf8"),
      );
  });

  it("cuts nothing in one file, nor at or below the threshold, and writes no CSV", async () => {
    expect((await report(dir, "--single", "--out-dir", "one")).code).toBe(0);
    const single = readFileSync(path.join(dir, "one/report.html"), "utf8");
    expect((single.match(/<article class="decision"/g) ?? []).length).toBe(30);
    expect(existsSync(path.join(dir, "one/decisions.csv"))).toBe(false);

    const small = path.join(dir, "small.config.yaml");
    writeFileSync(small, "report:\n  exceptionsAbove: 30\n");
    expect((await report(dir, "--out-dir", "small", "--config", small)).code).toBe(0);
    for (const file of ["decisions.csv", "issues.csv", "benefits.csv", "dependencies.csv", "milestone-links.csv"])
      expect(existsSync(path.join(dir, "small", file))).toBe(false);
    const issues = readFileSync(path.join(dir, "small/issues.html"), "utf8");
    expect(rowsOf(issues, 'id="issues-open"', "</table>")).toBe(30);
    expect(issues).not.toContain("issues.csv");
  });
});
