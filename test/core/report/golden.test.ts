import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlValidate } from "html-validate";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

/**
 * Golden output of `pmo report` on the bundled example, in both formats. The example is copied
 * out of the git checkout first so that the footer carries no commit (which changes with
 * every commit of pmo itself). Update with `npx vitest run test/core/report -u` and review.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const goldenDir = path.join(projectRoot, "test/core/report/__golden__");
const work = mkdtempSync(path.join(os.tmpdir(), "pmo-report-golden-"));
const repo = path.join(work, "meridian-water");
cpSync(path.join(projectRoot, "examples/meridian-water"), repo, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8", withFileTypes: false })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /\.(html|md|svg|json|css)$/.test(f))
    .sort();
}

/**
 * html-validate's recommended rules, with one off: long-title, because page titles are
 * project names from the repository and a long one is truncated by the browser, not invalid.
 */
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

describe.each(["html", "md"] as const)("pmo report --format %s on examples/meridian-water", (format) => {
  const out = path.join(work, `out-${format}`);

  it("writes the site and matches the golden files", async () => {
    const result = await runCli(["report", repo, "--as-of", "2026-11-30", "--format", format, "--out-dir", out], {
      cwd: work,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const files = listFiles(out);
    expect(files).toContain(`index.${format}`);
    expect(files).toContain(`projects/PRJ-013.${format}`);
    expect(files).toContain(".pmo-report.json");
    for (const file of files) {
      await expect(readFileSync(path.join(out, file), "utf8")).toMatchFileSnapshot(path.join(goldenDir, format, file));
    }
  });

  it("is byte-identical on a second run", async () => {
    const again = path.join(work, `again-${format}`);
    await runCli(["report", repo, "--as-of", "2026-11-30", "--format", format, "--out-dir", again], { cwd: work });
    const files = listFiles(out);
    expect(listFiles(again)).toEqual(files);
    for (const file of files)
      expect(readFileSync(path.join(again, file), "utf8")).toBe(readFileSync(path.join(out, file), "utf8"));
  });

  if (format === "html") {
    it("is valid HTML with a restrictive Content-Security-Policy and no external reference", async () => {
      for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
        const text = readFileSync(path.join(out, file), "utf8");
        const report = await validator.validateString(text, file);
        expect(
          report.results.flatMap((r) =>
            r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
          ),
        ).toEqual([]);
        // The pages of a site share one stylesheet, the only file a page may load.
        expect(text).toContain(`content="default-src 'none'; style-src 'self'; img-src data:;`);
        expect(text).toMatch(/<link rel="stylesheet" href="(?:\.\.\/)?report\.css">/);
        expect(text).not.toContain("<style");
        expect(text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
        expect(text).not.toMatch(/@import|url\(\s*['"]?http/);
      }
    });
  }
});

describe("pmo report --pack board on examples/meridian-water", () => {
  const out = path.join(work, "out-pack");

  it("writes the board pack as one page that matches its golden file and is valid HTML", async () => {
    const result = await runCli(["report", repo, "--as-of", "2026-11-30", "--pack", "board", "--out-dir", out], {
      cwd: work,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(listFiles(out)).toEqual([".pmo-report.json", "report.html"]);
    const text = readFileSync(path.join(out, "report.html"), "utf8");
    await expect(text).toMatchFileSnapshot(path.join(goldenDir, "html-pack", "report.html"));
    // One file stands alone: its styles are inline, it links no stylesheet.
    expect(text).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(text).toContain("<style>");
    expect(text).not.toContain('rel="stylesheet"');
    const report = await validator.validateString(text, "report.html");
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
    // Every section of the pack, and one block per approved, active project instead of its page.
    for (const id of [
      "dashboard",
      "decision-log",
      "roadmap",
      "risk-register",
      "issue-log",
      "dependencies",
      "benefits",
      "portfolios",
    ])
      expect(text, id).toContain(`id="${id}"`);
    expect(text.match(/<article class="block"/g)?.length).toBe(14);
    expect(text).not.toContain("<h2>Status</h2>");
    // The proposals' table keeps its total, with no empty body where its rows per portfolio were.
    expect(text).toContain(`<caption>GBP: proposals, not approved (forecast as proposed)</caption>`);
    expect(text).not.toMatch(/<tbody>\s*<\/tbody>/);
  });

  it("writes the board pack in Markdown too: one page with the same sections, its charts as files beside it", async () => {
    const mdOut = path.join(work, "md-pack");
    const result = await runCli(
      ["report", repo, "--as-of", "2026-11-30", "--pack", "board", "--format", "md", "--out-dir", mdOut],
      { cwd: work },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(listFiles(mdOut)).toEqual([
      ".pmo-report.json",
      "charts/risk-heat-map.svg",
      "charts/roadmap.svg",
      "charts/status-by-portfolio.svg",
      "report.md",
    ]);
    const text = readFileSync(path.join(mdOut, "report.md"), "utf8");
    await expect(text).toMatchFileSnapshot(path.join(goldenDir, "md-pack", "report.md"));
    for (const id of ["dashboard", "decision-log", "roadmap", "risk-register", "issue-log", "dependencies", "benefits"])
      expect(text, id).toContain(`<a id="${id}"></a>`);
    for (const chart of ["risk-heat-map", "roadmap", "status-by-portfolio"])
      expect(text).toContain(`](charts/${chart}.svg)`);
    // The same blocks as the HTML pack: one per approved, active project.
    expect(text.match(/^### PRJ-/gm)?.length).toBe(14);
  });
});
