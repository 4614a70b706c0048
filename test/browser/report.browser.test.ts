import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { budgetBars, heatMap, statusBars, timeline, trendLines } from "../../src/core/report/charts/index.js";
import {
  budgetBarsInput,
  heatMapInput,
  portfolioTimelineInput,
  statusBarsInput,
  timelineInput,
  trendLinesInput,
} from "../core/report/charts/fixtures.js";
import {
  axeViolations,
  browserAvailability,
  CHROMIUM,
  chartBoxes,
  horizontalOverflow,
  launchChromium,
  pageGlobal,
  visit,
} from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import {
  inkShare,
  pdfInfo,
  pdfPageImage,
  pdfPagePng,
  pdfPages,
  pdfText,
  popplerAvailability,
  readPdf,
} from "../helpers/pdf.js";

/**
 * The HTML report in a real browser (headless Chromium): every page loads with no console
 * error, no failed request and no request outside the report's own files; every chart renders
 * with a size and an accessible name; the dashboard fits a phone's width. Screenshots (full
 * page, phone and desktop) go to $TMPDIR/pmo-screenshots; with PMO_UPDATE_SCREENSHOT=1 the
 * README's images in docs/images are regenerated too: the dashboard, a project page, the
 * decisions awaiting the board and two pages of the PDF board pack.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
const SHOTS = path.join(os.tmpdir(), "pmo-screenshots");
const README_SHOT = path.join(projectRoot, "docs/images/dashboard.png");
const PROJECT_SHOT = path.join(projectRoot, "docs/images/project-page.png");
const DECISIONS_SHOT = path.join(projectRoot, "docs/images/decisions.png");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const XSS = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>`;

// Chromium and a full report render on a 2-core machine that other jobs share: minutes, not
// seconds, before a test counts as stuck. A test that takes longer than SLOW says so.
const TIMEOUT = 240_000;
const SLOW = 30_000;

const availability = browserAvailability();
if (!availability.run) console.warn(`browser tests skipped: ${availability.reason}`);
const poppler = availability.run ? popplerAvailability() : availability;
if (availability.run && !poppler.run) console.warn(`PDF tests skipped: ${poppler.reason}`);
const PDF_SHOTS = [1, 3].map((page) => ({
  page,
  file: path.join(projectRoot, `docs/images/board-pack-page-${page}.png`),
}));
/** A4 and Letter in PostScript points, as pdfinfo reports them (Chromium rounds to 1/100 mm). */
const PAPER = { a4: { width: 595, height: 842 }, letter: { width: 612, height: 792 } };

describe.skipIf(!availability.run)("report in headless Chromium", { timeout: TIMEOUT }, () => {
  let browser: Browser;
  const temps: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pmo-browser-"));
    temps.push(dir);
    return dir;
  };

  let started = 0;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);
  beforeEach(() => {
    started = performance.now();
  });
  afterEach((context) => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds * 1000 > SLOW)
      console.warn(`slow browser test (${seconds.toFixed(0)} s, the machine may be busy): ${context.task.name}`);
  });

  it("catches what it looks for: console errors, missing files, requests outside the report, inline styles a policy forbids", async () => {
    const dir = tempDir();
    const site = path.join(dir, "site");
    mkdirSync(site);
    writeFileSync(path.join(dir, "outside.css"), "p { color: red; }\n");
    writeFileSync(
      path.join(site, "index.html"),
      [
        `<!doctype html><html lang="en"><head><meta charset="utf-8">`,
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline' https: file:; style-src 'self'">`,
        `<link rel="stylesheet" href="../outside.css"><link rel="stylesheet" href="missing.css">`,
        `</head><body><img src="https://example.invalid/logo.png" alt=""><p style="color: blue">x</p>`,
        `<script>console.error("boom")</script></body></html>`,
      ].join("\n"),
    );
    const { problems, close } = await visit(browser, path.join(site, "index.html"), site, DESKTOP);
    await close();
    const text = problems.join("\n");
    expect(text).toContain("request outside the report: https://example.invalid/logo.png");
    expect(text).toMatch(/request outside the report: file:.*outside\.css/);
    expect(text).toMatch(/failed to load file:.*missing\.css/);
    expect(text).toContain("console error: boom");
    expect(text).toMatch(/console error: .*Content Security Policy/);
  });

  it("renders every chart under a strict Content-Security-Policy, without running labels as code", async () => {
    const dir = tempDir();
    const charts = [
      heatMap(heatMapInput),
      statusBars(statusBarsInput),
      budgetBars(budgetBarsInput),
      timeline(timelineInput),
      timeline(portfolioTimelineInput),
      trendLines(trendLinesInput),
      statusBars({ ...statusBarsInput, title: XSS, rows: [{ label: XSS, counts: { green: 1 } }] }),
      heatMap({ title: "No matrix", probabilityMax: 0, impactMax: 0, counts: [], bands: [] }),
    ];
    writeFileSync(
      path.join(dir, "charts.css"),
      "body { font-family: sans-serif; margin: 16px; } svg { display: block; max-width: 100%; height: auto; margin: 0 0 24px; }\n",
    );
    writeFileSync(
      path.join(dir, "index.html"),
      [
        `<!doctype html><html lang="en"><head><meta charset="utf-8">`,
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">`,
        `<meta name="viewport" content="width=device-width, initial-scale=1">`,
        `<title>Charts</title><link rel="stylesheet" href="charts.css"></head><body><main>`,
        ...charts.map((c) => c.svg),
        `</main></body></html>`,
      ].join("\n"),
    );
    for (const viewport of [PHONE, DESKTOP]) {
      const { page, problems, close } = await visit(browser, path.join(dir, "index.html"), dir, viewport);
      try {
        const boxes = await chartBoxes(page);
        expect(boxes.map((b) => b.label)).toEqual(charts.map((c) => c.title));
        for (const box of boxes) {
          expect(box.width, box.label).toBeGreaterThan(100);
          expect(box.height, box.label).toBeGreaterThan(20);
          expect(box.unresolved, box.label).toEqual([]);
          expect(box.width, box.label).toBeLessThanOrEqual(viewport.width);
        }
        expect(await pageGlobal(page, "pwned")).toBeUndefined();
        expect(await horizontalOverflow(page)).toBe(0);
        await page.screenshot({ path: path.join(SHOTS, `charts-${viewport.width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  // One page per project of the example (32 of them), each audited by axe-core.
  it("opens every page of the bundled example's report with no error, no network request and no serious accessibility violation", async () => {
    const out = path.join(tempDir(), "report");
    const result = await runCli(
      ["report", "examples/meridian-water", "--as-of", "2026-11-30", "--format", "html", "--out-dir", out],
      { cwd: projectRoot },
    );
    // The example lives in this repository, so the report reads its git history; a shallow
    // clone (as CI may make) only shortens the trends, which is what the warning says.
    const stderr = result.stderr
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("warning: this is a shallow clone"));
    expect(stderr).toEqual([]);
    expect(result.code).toBe(0);
    const pages = readdirSync(out, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html"))
      .sort();
    expect(pages).toContain("index.html");
    expect(pages.length).toBeGreaterThan(1);

    const charted: string[] = [];
    const accessibility: string[] = [];
    for (const file of pages) {
      const { page, problems, close } = await visit(browser, path.join(out, file), out, DESKTOP);
      try {
        const boxes = await chartBoxes(page);
        if (boxes.length > 0) charted.push(file);
        for (const box of boxes) {
          expect(box.width, `${file}: ${box.label}`).toBeGreaterThan(0);
          expect(box.height, `${file}: ${box.label}`).toBeGreaterThan(0);
          expect(box.unresolved, `${file}: ${box.label}`).toEqual([]);
        }
        expect(problems, file).toEqual([]);
        accessibility.push(...(await axeViolations(page)).map((v) => `${file}: ${v}`));
      } finally {
        await close();
      }
    }
    expect(accessibility, "axe-core: serious or critical violations").toEqual([]);
    if (process.env["PMO_UPDATE_SCREENSHOT"] === "1") {
      const { page, close } = await visit(browser, path.join(out, "projects/PRJ-007.html"), out, DESKTOP);
      await page.screenshot({ path: PROJECT_SHOT, fullPage: false });
      await close();
    }
    expect(charted).toContain("index.html");

    for (const [name, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      const { page, problems, close } = await visit(browser, path.join(out, "index.html"), out, viewport);
      try {
        expect(await horizontalOverflow(page), `index.html is wider than a ${name}`).toBe(0);
        const shot = path.join(SHOTS, `dashboard-${name}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        if (name === "desktop" && process.env["PMO_UPDATE_SCREENSHOT"] === "1") {
          mkdirSync(path.dirname(README_SHOT), { recursive: true });
          await page.screenshot({ path: README_SHOT, fullPage: false });
          // What awaits the board: from "Needs a decision" to the next section.
          const box = await page.evaluate(() => {
            const { document } = globalThis as unknown as {
              document: {
                querySelectorAll(s: string): { textContent: string | null; getBoundingClientRect(): { top: number } }[];
              };
            };
            const headings = [...document.querySelectorAll("h2")];
            const at = headings.findIndex((h) => h.textContent === "Needs a decision");
            const top =
              headings[at]!.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY;
            const bottom =
              headings[at + 1]!.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY;
            return { top, height: bottom - top };
          });
          await page.screenshot({
            path: DECISIONS_SHOT,
            fullPage: true,
            clip: { x: 0, y: box.top - 8, width: viewport.width, height: box.height },
          });
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it.skipIf(!poppler.run)(
    "prints the board pack to PDF: paper size, text a reader extracts, nothing in the margins, the same bytes twice",
    async () => {
      const dir = tempDir();
      const print = (out: string, paper: "a4" | "letter") =>
        runCli(
          [
            "report",
            "examples/meridian-water",
            "--as-of",
            "2026-11-30",
            "--format",
            "pdf",
            "--paper",
            paper,
            "--chromium",
            CHROMIUM,
            "--out-dir",
            out,
          ],
          { cwd: projectRoot },
        );
      const a4 = path.join(dir, "a4");
      const first = await print(a4, "a4");
      expect(
        first.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("warning: this is a shallow clone")),
      ).toEqual([]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("wrote 1 file to");
      expect(readdirSync(a4).sort()).toEqual([".pmo-report.json", "report.pdf"]);
      const file = path.join(a4, "report.pdf");

      const info = pdfInfo(file);
      expect(info["Title"]).toBe("Meridian Water Capital Programme PMO");
      expect(info["Creator"]).toMatch(/^pmo \d/);
      expect(info["CreationDate"]).toBe("2026-11-30T00:00:00Z");
      expect(info["Tagged"]).toBe("yes");

      const pages = pdfPages(file);
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) {
        // Portrait A4, or landscape A4 for the wide tables.
        const [short, long] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
        expect(Math.round(short), `page ${p.number}`).toBe(PAPER.a4.width);
        expect(Math.round(long), `page ${p.number}`).toBe(PAPER.a4.height);
      }
      expect(
        pages.some((p) => p.width > p.height),
        "the status table of every project is on a landscape page",
      ).toBe(true);

      const text = pdfText(file);
      for (const heading of ["Portfolio dashboard", "Executive summary", "Needs a decision", "Risk register"])
        expect(text).toContain(heading);
      expect(pdfText(file, 1)).toMatch(new RegExp(`Page 1 of ${pages.length}\\b`));

      for (const p of pages) {
        const image = pdfPageImage(file, p.number);
        expect(
          inkShare(image, { left: 0.05, top: 0.05, right: 0.95, bottom: 0.95 }),
          `page ${p.number} has content`,
        ).toBeGreaterThan(0.001);
        // The outer 2% of the page is paper: no tile, table or chart runs off it.
        for (const band of [
          { left: 0, top: 0, right: 0.02, bottom: 1 },
          { left: 0.98, top: 0, right: 1, bottom: 1 },
          { left: 0, top: 0, right: 1, bottom: 0.015 },
          { left: 0, top: 0.985, right: 1, bottom: 1 },
        ]) {
          expect(inkShare(image, band), `page ${p.number}, margin ${JSON.stringify(band)}`).toBe(0);
        }
      }
      if (process.env["PMO_UPDATE_SCREENSHOT"] === "1")
        for (const shot of PDF_SHOTS) pdfPagePng(file, shot.page, shot.file);

      const again = path.join(dir, "again");
      expect((await print(again, "a4")).code).toBe(0);
      expect(readPdf(path.join(again, "report.pdf")).equals(readPdf(file)), "two runs give the same bytes").toBe(true);

      // The steering committee's pack: the exception dashboard, what needs a decision, the risks.
      const steering = path.join(dir, "steering");
      const pack = await runCli(
        [
          "report",
          "examples/meridian-water",
          "--as-of",
          "2026-11-30",
          "--format",
          "pdf",
          "--audience",
          "steering-committee",
          "--chromium",
          CHROMIUM,
          "--out-dir",
          steering,
        ],
        { cwd: projectRoot },
      );
      expect(pack.code).toBe(0);
      const packPages = pdfPages(path.join(steering, "report.pdf"));
      expect(packPages.length, "the board pack of the bundled example fits 12 A4 pages").toBeLessThanOrEqual(12);
      const packText = pdfText(path.join(steering, "report.pdf"));
      for (const heading of ["Portfolio dashboard", "Needs a decision", "Exceptions", "Risk register"])
        expect(packText).toContain(heading);

      const letter = path.join(dir, "letter");
      expect((await print(letter, "letter")).code).toBe(0);
      for (const p of pdfPages(path.join(letter, "report.pdf"))) {
        expect(Math.round(Math.min(p.width, p.height)), `Letter page ${p.number}`).toBe(PAPER.letter.width);
        expect(Math.round(Math.max(p.width, p.height)), `Letter page ${p.number}`).toBe(PAPER.letter.height);
      }
    },
  );
});
