import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium (installed by .ci/run); PMO_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env["PMO_CHROMIUM"] ?? "/usr/bin/chromium";

/**
 * Whether browser tests run here. Without Chromium they are skipped on a laptop, with the
 * reason printed; under CI a missing Chromium is a failure, never a silent skip.
 */
export function browserAvailability(): { run: true } | { run: false; reason: string } {
  if (existsSync(CHROMIUM)) return { run: true };
  const reason = `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set PMO_CHROMIUM`;
  const ci = process.env["CI"];
  if (ci && ci !== "false" && ci !== "0") throw new Error(`${reason}. Under CI the browser tests must run.`);
  return { run: false, reason };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox: CI runs as root. The rest keeps Chromium from calling home, so the only
    // requests a page can make are its own.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface Visit {
  page: Page;
  /** Console errors, page errors, failed requests and requests outside `root`. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens a local HTML file with every request watched: only files under `root` may be loaded;
 * anything else (http, https, ws, other folders) is aborted and reported as a problem, as is
 * any console error (a Content-Security-Policy violation is one), uncaught page error and
 * failed request.
 */
export async function visit(
  browser: Browser,
  file: string,
  root: string,
  viewport: { width: number; height: number },
): Promise<Visit> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: "en-GB",
    timezoneId: "UTC",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  const problems: string[] = [];
  const rootUrl = pathToFileURL(path.resolve(root) + path.sep).href;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(rootUrl)) return route.continue();
    problems.push(`request outside the report: ${url}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(rootUrl))
      problems.push(`failed to load ${request.url()}: ${request.failure()?.errorText ?? "unknown error"}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems, close: () => context.close() };
}

export interface SvgBox {
  label: string;
  width: number;
  height: number;
  /** The accessible name's parts (aria-labelledby) that do not resolve to exactly one element. */
  unresolved: string[];
}

/**
 * The few browser globals the page functions below use. The project compiles without the DOM
 * library (src/ must not use it), so they are declared here, structurally.
 */
interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  querySelector(selector: string): { textContent: string | null } | null;
}
interface PageGlobals {
  document: { querySelectorAll(selector: string): { length: number }; documentElement: { scrollWidth: number } };
  innerWidth: number;
}

/** Every <svg role="img"> of the page with its rendered size and its label's resolution. */
export function chartBoxes(page: Page): Promise<SvgBox[]> {
  return page.$$eval("svg[role=img]", (svgs) =>
    (svgs as unknown as PageElement[]).map((svg) => {
      const { document } = globalThis as unknown as PageGlobals;
      const box = svg.getBoundingClientRect();
      const ids = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
      return {
        label: svg.querySelector("title")?.textContent ?? "(untitled)",
        width: box.width,
        height: box.height,
        unresolved:
          ids.length === 0
            ? ["(no aria-labelledby)"]
            : ids.filter((id) => document.querySelectorAll(`[id="${id}"]`).length !== 1),
      };
    }),
  );
}

/** How far the page is wider than its viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    return Math.max(0, document.documentElement.scrollWidth - innerWidth);
  });
}

/** A global the page set, e.g. one an injected script would set. */
export function pageGlobal(page: Page, name: string): Promise<unknown> {
  return page.evaluate((key) => (globalThis as unknown as Record<string, unknown>)[key], name);
}

/** axe-core's engine, injected into the page under audit (the report's policy allows no script of its own). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The serious and critical accessibility violations axe-core finds on the page (WCAG 2.x A
 * and AA rules and axe's best practices), one line per failing element: rule, impact, the
 * element and what to fix.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const { document } = globalThis as unknown as { document: unknown };
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${v.help} at ${n.target}: ${n.summary.replace(/\s+/g, " ").slice(0, 200)}`,
      ),
    );
}
