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
const TIMEOUT = 600_000;
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
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
    if (process.env["PMO_UPDATE_SCREENSHOT"] === "1") {
      // The decision log: what awaits the board, with options and recommendation, then the log by status.
      const { page, close } = await visit(browser, path.join(out, "decisions.html"), out, DESKTOP);
      try {
        await page.screenshot({ path: DECISIONS_SHOT, fullPage: false });
      } finally {
        await close();
      }
    }
  });

  it.skipIf(!poppler.run)(
    "prints the board pack to PDF: at most 12 A4 pages, every section, body text at 9 pt or more, nothing in the margins, the same bytes twice",
    async () => {
      const dir = tempDir();
      const print = (out: string, ...extra: string[]) =>
        runCli(
          [
            "report",
            "examples/meridian-water",
            "--as-of",
            "2026-11-30",
            "--format",
            "pdf",
            "--chromium",
            CHROMIUM,
            "--out-dir",
            out,
            ...extra,
          ],
          { cwd: projectRoot },
        );
      const a4 = path.join(dir, "a4");
      const first = await print(a4, "--paper", "a4");
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
      expect(pages.length, "the board pack of the bundled example fits 12 A4 pages").toBeLessThanOrEqual(12);
      expect(pages.length).toBeGreaterThan(4);
      for (const p of pages) {
        // Portrait A4: the pack's tables are laid out for it.
        expect(Math.round(p.width), `page ${p.number}`).toBe(PAPER.a4.width);
        expect(Math.round(p.height), `page ${p.number}`).toBe(PAPER.a4.height);
      }

      // Every section of the pack, and a block for a project in place of its page.
      const text = pdfText(file);
      for (const heading of [
        "Board pack",
        "Summary",
        "Needs a decision",
        "Exceptions",
        "Budget",
        "Slipped or overdue milestones",
        "Decisions awaiting the board",
        "Roadmap",
        "Risks",
        "Highest open risks",
        "Open issues",
        "Dependencies",
        "Benefits",
        "Portfolios and their projects",
        "PF-NETWORK Water Network Performance",
      ])
        expect(text, heading).toContain(heading);
      expect(text).toContain("PRJ-007 Smart metering rollout phase 1");
      expect(text).toMatch(/Recommendation: option A/);
      expect(text).not.toContain("Status of every project");
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
      expect((await print(again, "--paper", "a4")).code).toBe(0);
      expect(readPdf(path.join(again, "report.pdf")).equals(readPdf(file)), "two runs give the same bytes").toBe(true);

      // The whole report is still there to print, with the status of every project on landscape pages.
      const whole = path.join(dir, "whole");
      expect((await print(whole, "--pack", "full")).code).toBe(0);
      const wholePages = pdfPages(path.join(whole, "report.pdf"));
      expect(wholePages.length).toBeGreaterThan(pages.length);
      expect(
        wholePages.some((p) => p.width > p.height),
        "the status table of every project is on a landscape page",
      ).toBe(true);
      expect(pdfText(path.join(whole, "report.pdf"))).toContain("Status of every project");

      // The steering committee's pack: its sections of the board pack only.
      const steering = path.join(dir, "steering");
      expect((await print(steering, "--audience", "steering-committee")).code).toBe(0);
      const packPages = pdfPages(path.join(steering, "report.pdf"));
      expect(packPages.length).toBeLessThanOrEqual(pages.length);
      const packText = pdfText(path.join(steering, "report.pdf"));
      for (const heading of ["Board pack", "Needs a decision", "Exceptions", "Risks"])
        expect(packText).toContain(heading);
      expect(packText).not.toContain("Portfolios and their projects");

      const letter = path.join(dir, "letter");
      expect((await print(letter, "--paper", "letter")).code).toBe(0);
      for (const p of pdfPages(path.join(letter, "report.pdf"))) {
        expect(Math.round(Math.min(p.width, p.height)), `Letter page ${p.number}`).toBe(PAPER.letter.width);
        expect(Math.round(Math.max(p.width, p.height)), `Letter page ${p.number}`).toBe(PAPER.letter.height);
      }
    },
  );

  it("lays the board pack out for print with body text of at least 9 pt and nothing wider than the page", async () => {
    const out = path.join(tempDir(), "pack");
    const result = await runCli(
      ["report", "examples/meridian-water", "--as-of", "2026-11-30", "--pack", "board", "--out-dir", out],
      { cwd: projectRoot },
    );
    expect(result.code).toBe(0);
    const { page, problems, close } = await visit(browser, path.join(out, "report.html"), out, {
      // The width of A4's printable area at 96 px per inch: 210 mm less 2 x 13 mm margins.
      width: Math.floor(((210 - 26) / 25.4) * 96),
      height: 1000,
    });
    try {
      await page.emulateMedia({ media: "print" });
      const sizes = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as {
          document: {
            querySelectorAll(s: string): ArrayLike<{ textContent: string | null; closest(s: string): unknown }>;
          };
          getComputedStyle(e: unknown): { fontSize: string };
        };
        const body = [
          ...Array.from(document.querySelectorAll(".pack p, .pack td, .pack th, .pack li, .pack dd, .pack dt")),
        ]
          .filter((e) => (e.textContent ?? "").trim() !== "" && e.closest("figure") === null)
          .map((e) => Number.parseFloat(getComputedStyle(e).fontSize));
        return { count: body.length, min: Math.min(...body) };
      });
      expect(sizes.count).toBeGreaterThan(100);
      // 9 pt is 12 CSS px.
      expect(sizes.min, "smallest body text, in CSS px").toBeGreaterThanOrEqual(12);
      expect(await horizontalOverflow(page), "the pack is wider than A4's printable width").toBe(0);
      expect(problems).toEqual([]);
      expect((await axeViolations(page)).map(String), "axe-core: serious or critical violations").toEqual([]);
    } finally {
      await close();
    }
  });
});
