import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../core/errors.js";
import { fixPdfMetadata, type PdfMetadata } from "../core/report/index.js";

/** Where a Chromium or Chrome usually is, in the order pmo looks. */
const KNOWN_CHROMIUMS: Record<string, string[]> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/usr/bin/microsoft-edge",
  ],
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};

export const INSTALL_CHROMIUM =
  "install one (Debian or Ubuntu: apt-get install chromium; macOS: brew install --cask chromium; any system: npx playwright install chromium), or name it with --chromium PATH or the PMO_CHROMIUM environment variable";

/** What the CLI knows about the browser to use: the option, the environment, the platform. */
export interface ChromiumChoice {
  option?: string;
  env?: string;
  platform: string;
}

/**
 * The browser that prints the PDF: the one the user named (--chromium, else PMO_CHROMIUM),
 * which must exist; otherwise the first of the usual places, then the Chromium that
 * `npx playwright install chromium` downloads. A clear usage error (exit 2) when there is none.
 */
export async function findChromium(named: ChromiumChoice, cwd: string): Promise<string> {
  const explicit = named.option ?? named.env;
  if (explicit !== undefined && explicit !== "") {
    const from = named.option !== undefined ? "--chromium" : "PMO_CHROMIUM";
    const resolved = path.resolve(cwd, explicit);
    if (!existsSync(resolved)) throw new UsageError(`${from} ${explicit}: no such file; ${INSTALL_CHROMIUM}`);
    return resolved;
  }
  for (const candidate of KNOWN_CHROMIUMS[named.platform] ?? []) if (existsSync(candidate)) return candidate;
  const { chromium } = await importPlaywright();
  try {
    const downloaded = chromium.executablePath();
    if (downloaded && existsSync(downloaded)) return downloaded;
  } catch {
    // Playwright knows no browser of its own for this platform: fall through to the error.
  }
  throw new UsageError(
    `--format pdf needs Chromium (or Chrome) to print the report, and none was found; ${INSTALL_CHROMIUM}`,
  );
}

export interface PdfOptions {
  executable: string;
  /** CSS page size from the stylesheet (`--paper`) decides the paper; this is its fallback. */
  paper: "a4" | "letter";
  metadata: PdfMetadata;
}

/**
 * Prints one self-contained HTML page to PDF in headless Chromium, with the page sizes, margins,
 * running headers and page numbers of the report's print stylesheet (`@page` rules), tagged
 * (structure for screen readers) and with an outline from the headings. The page is loaded
 * from a private temporary file with every request outside it refused, as the report's
 * Content-Security-Policy says; the file is removed whatever happens.
 */
export async function renderPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const { chromium } = await importPlaywright();
  const dir = mkdtempSync(path.join(os.tmpdir(), "pmo-pdf-"));
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    const file = path.join(dir, "report.html");
    writeFileSync(file, html);
    try {
      browser = await chromium.launch({
        executablePath: options.executable,
        // No sandbox (it needs privileges CI containers lack); no GPU; nothing that calls home.
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
        ],
        timeout: 120_000,
      });
    } catch (error) {
      throw new UsageError(
        `cannot start ${options.executable} to print the PDF: ${firstLine(error)}; ${INSTALL_CHROMIUM}`,
      );
    }
    const context = await browser.newContext({
      locale: "en-GB",
      timezoneId: "UTC",
      colorScheme: "light",
      javaScriptEnabled: false,
    });
    const url = pathToFileURL(file).href;
    await context.route("**/*", (route) =>
      route.request().url() === url ? route.continue() : route.abort("blockedbyclient"),
    );
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      format: options.paper === "letter" ? "Letter" : "A4",
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    });
    return fixPdfMetadata(pdf, options.metadata);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`printing the PDF with ${options.executable} failed: ${firstLine(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importPlaywright(): Promise<typeof import("playwright-core")> {
  try {
    return await import("playwright-core");
  } catch {
    throw new UsageError(
      "--format pdf needs the playwright-core package, which is missing from this installation of pmo: reinstall pmo (npm install @pmo-as-code/pmo)",
    );
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split("\n")[0]!
    .replace(/^\w+\.\w+: /, "");
}
