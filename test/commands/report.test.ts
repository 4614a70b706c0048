import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const XSS = "<script>alert(1)</script>";

const PROJECT = (id: string, name: string): string => `apiVersion: pmo/v1
kind: Project
id: ${id}
name: "${name}"
stage: delivery
manager: "${name}"
budget: { currency: EUR, approved: 100000, forecast: 120000 }
status: { asOf: 2026-11-20, overall: amber, summary: "${name} [link](https://evil.example) | cell *bold*" }
milestones:
  - { id: M1, name: "${name}", baseline: 2026-12-01, forecast: 2026-12-20 }
`;

const RISK = `apiVersion: pmo/v1
kind: Risk
id: RSK-1
title: "${XSS}"
project: PRJ-1
probability: 4
impact: 4
owner: "${XSS}"
status: open
raised: 2026-09-01
`;

const repos: string[] = [];
afterEach(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

function repo(extra: Record<string, string> = {}): string {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "projects/PRJ-1.yaml": PROJECT("PRJ-1", XSS),
    "risks.yaml": RISK,
    ...extra,
  });
  repos.push(dir);
  return dir;
}

const report = (dir: string, ...args: string[]) =>
  runCli(["report", dir, "--as-of", "2026-11-30", ...args], { cwd: dir });

describe("pmo report", () => {
  it("renders every value from YAML as text in HTML", async () => {
    const dir = repo();
    const result = await report(dir, "--out-dir", "out");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["out/index.html", "out/projects/PRJ-1.html", "out/risks.html"]) {
      const html = readFileSync(path.join(dir, file), "utf8");
      expect(html).not.toContain("<script");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("escapes HTML and Markdown syntax from YAML in Markdown", async () => {
    const dir = repo();
    expect((await report(dir, "--out-dir", "out", "--format", "md")).code).toBe(0);
    const md = readFileSync(path.join(dir, "out/projects/PRJ-1.md"), "utf8");
    expect(md).not.toContain("<script");
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("\\[link\\](https://evil.example) \\| cell \\*bold\\*");
    expect(readdirSync(path.join(dir, "out/charts"))).toContain("timeline-PRJ-1.svg");
    expect(md).toContain("](../charts/timeline-PRJ-1.svg)");
  });

  it("writes apostrophes, equals signs and quotes as they are in Markdown, and one file's header links as anchors", async () => {
    const dir = repo({ "projects/PRJ-2.yaml": PROJECT("PRJ-2", "O'Brien = 'lead' \\\"core\\\"") });
    expect((await report(dir, "--out-dir", "site", "--format", "md")).code).toBe(0);
    const page = readFileSync(path.join(dir, "site/projects/PRJ-2.md"), "utf8");
    expect(page).toContain(`# PRJ-2 O'Brien = 'lead' "core"`);
    expect(page).not.toMatch(/&#x27;|&#x3D;|&quot;/);
    // Exception-first, so that the dashboard links the full tables, sections of the one file.
    writeFileSync(path.join(dir, "pmo.config.yaml"), "report:\n  exceptionsAbove: 1\n");
    expect((await report(dir, "--out-dir", "one", "--format", "md", "--single")).code).toBe(0);
    const single = readFileSync(path.join(dir, "one/report.md"), "utf8");
    expect(single.split("\n")[0]).toContain(" · [Dashboard](#dashboard) · [Risk register](#risk-register)");
    expect(single).toContain("[all 2 projects](#status-table)");
    expect(single).not.toContain("(\\#");
  });

  it("stamps the commit in the footer inside a git repository, and nothing outside one", async () => {
    const dir = repo();
    expect((await report(dir, "--out-dir", "plain")).code).toBe(0);
    expect(readFileSync(path.join(dir, "plain/index.html"), "utf8")).not.toContain("from commit");
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.com",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.com",
        },
      });
    git("init", "-q");
    git("add", "engagement.yaml", "projects", "risks.yaml");
    git("commit", "-q", "-m", "init");
    const sha = git("rev-parse", "HEAD").trim();
    expect((await report(dir, "--out-dir", "in-git")).code).toBe(0);
    expect(readFileSync(path.join(dir, "in-git/index.html"), "utf8")).toContain(`from commit <code>${sha}</code>`);
  });

  it("writes one file with --single, projects as anchors", async () => {
    const dir = repo();
    expect((await report(dir, "--out-dir", "out", "--single")).code).toBe(0);
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual([".pmo-report.json", "report.html"]);
    const html = readFileSync(path.join(dir, "out/report.html"), "utf8");
    expect(html).toContain('id="project-PRJ-1"');
    expect(html).toContain('href="#project-PRJ-1"');
  });

  it("refuses to overwrite files it did not write, unless --force", async () => {
    const dir = repo();
    mkdirSync(path.join(dir, "out"));
    writeFileSync(path.join(dir, "out/index.html"), "mine");
    const refused = await report(dir, "--out-dir", "out");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("out/index.html");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(path.join(dir, "out/index.html"), "utf8")).toBe("mine");
    expect(existsSync(path.join(dir, "out/risks.html"))).toBe(false);

    expect((await report(dir, "--out-dir", "out", "--force")).code).toBe(0);
    expect(readFileSync(path.join(dir, "out/index.html"), "utf8")).toContain("<!DOCTYPE html>");
  });

  it("replaces its own files on a re-run and removes pages of deleted projects", async () => {
    const dir = repo({ "projects/PRJ-2.yaml": PROJECT("PRJ-2", "Second") });
    expect((await report(dir, "--out-dir", "out")).code).toBe(0);
    expect(existsSync(path.join(dir, "out/projects/PRJ-2.html"))).toBe(true);
    writeFileSync(path.join(dir, "out/notes.txt"), "kept");
    removeRepoFile(dir, "projects/PRJ-2.yaml");
    const again = await report(dir, "--out-dir", "out");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("removed 1");
    expect(existsSync(path.join(dir, "out/projects/PRJ-2.html"))).toBe(false);
    expect(readFileSync(path.join(dir, "out/notes.txt"), "utf8")).toBe("kept");
    const manifest = JSON.parse(readFileSync(path.join(dir, "out/.pmo-report.json"), "utf8")) as { files: string[] };
    expect(manifest.files).not.toContain("projects/PRJ-2.html");
  });

  it("leaves no partial report when writing fails halfway", async () => {
    const dir = repo();
    mkdirSync(path.join(dir, "out/projects"), { recursive: true });
    chmodSync(path.join(dir, "out/projects"), 0o500);
    try {
      const result = await report(dir, "--out-dir", "out");
      if (process.getuid?.() === 0) return; // root writes anyway: nothing to observe
      expect(result.code).toBe(2);
      expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["projects"]);
    } finally {
      chmodSync(path.join(dir, "out/projects"), 0o700);
    }
  });

  it("writes nothing for a repository that does not validate", async () => {
    const dir = repo({ "bad.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-9\nname: x\nstage: nowhere\n" });
    const result = await report(dir, "--out-dir", "out");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml\s+5:8/);
    expect(result.stderr).toContain("report not written");
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("--templates overrides a partial by name", async () => {
    const dir = repo({
      "brand/html/partials/footer.hbs":
        '<footer class="site"><p>Acme PMO · as of {{date site.asOf "yyyy-MM-dd"}}</p></footer>\n',
    });
    const result = await report(dir, "--out-dir", "out", "--templates", "brand");
    expect(result.stderr).toBe("");
    const html = readFileSync(path.join(dir, "out/index.html"), "utf8");
    expect(html).toContain("<p>Acme PMO · as of 2026-11-30</p>");
  });

  it("names the template file and line of a misspelt field (strict mode), and writes nothing", async () => {
    const dir = repo({ "brand/html/partials/footer.hbs": "<footer>\n<p>{{site.asof}}</p>\n</footer>\n" });
    const result = await report(dir, "--out-dir", "out", "--templates", "brand");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: template brand/html/partials/footer.hbs:2:6: "asof" is not a field of the view here',
    );
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("reports template syntax errors and unknown partials with their position", async () => {
    const dir = repo({ "brand/html/partials/footer.hbs": "<footer>\n{{> signature}}\n</footer>\n" });
    const result = await report(dir, "--out-dir", "out", "--templates", "brand");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('template brand/html/partials/footer.hbs:2:1: partial "signature" does not exist');
  });

  it("refuses a page template that overrides nothing", async () => {
    const dir = repo({ "brand/html/dashboard.hbs": "x" });
    const result = await report(dir, "--out-dir", "out", "--templates", "brand");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("brand/html/dashboard.hbs overrides no page template");
  });
});

function removeRepoFile(dir: string, file: string): void {
  writeFileSync(path.join(dir, file), "# removed\n");
}
