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
status: { asOf: 2026-11-20, overall: green }
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
  runCli(["report", dir, "--as-of", "2026-11-30", "--out", "out", ...args], { cwd: dir });
const pageSize = (html: string): string | undefined => /@page \{\n {2}size: ([^;]+);/.exec(html)?.[1];

describe("pmo report: the print stylesheet's paper", () => {
  it("is A4 by default, with a landscape page of the same paper for wide tables", async () => {
    const dir = repo();
    expect((await report(dir)).code).toBe(0);
    const html = readFileSync(path.join(dir, "out/index.html"), "utf8");
    expect(pageSize(html)).toBe("A4");
    expect(html).toContain("@page wide { size: A4 landscape; }");
    expect(html).toContain(`@bottom-right { content: "Page " counter(page) " of " counter(pages);`);
  });

  it("is the config's report.paper, and --paper wins over it", async () => {
    const dir = repo({ "pmo.config.yaml": "report:\n  paper: letter\n" });
    expect((await report(dir)).code).toBe(0);
    expect(pageSize(readFileSync(path.join(dir, "out/index.html"), "utf8"))).toBe("letter");
    expect((await report(dir, "--paper", "a4")).code).toBe(0);
    expect(pageSize(readFileSync(path.join(dir, "out/index.html"), "utf8"))).toBe("A4");
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
