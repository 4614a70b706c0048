import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Poppler's command-line tools (pdfinfo, pdftotext, pdftoppm: Debian's poppler-utils, which
 * .ci/run installs) read the PDFs the report prints. Under CI they must be there.
 */
export function popplerAvailability(): { run: true } | { run: false; reason: string } {
  if (spawnSync("pdfinfo", ["-v"]).error === undefined) return { run: true };
  const reason = "pdfinfo not found: install poppler-utils (apt-get install poppler-utils)";
  const ci = process.env["CI"];
  if (ci && ci !== "false" && ci !== "0") throw new Error(`${reason}. Under CI the PDF tests must run.`);
  return { run: false, reason };
}

export interface PdfPage {
  number: number;
  /** Size in points (1/72 inch), as pdfinfo reports it. */
  width: number;
  height: number;
}

/** Page count and every page's size, from pdfinfo. */
export function pdfPages(file: string): PdfPage[] {
  const text = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", file], { encoding: "utf8" });
  return [...text.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    number: Number(m[1]),
    width: Number(m[2]),
    height: Number(m[3]),
  }));
}

/** The document information dictionary as pdfinfo shows it. */
export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
  return Object.fromEntries([...text.matchAll(/^([A-Za-z ]+):\s+(.*)$/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
}

/** The text of one page (or all), as pdftotext extracts it. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", [...range, "-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** A page as a greyscale image (binary PGM from pdftoppm), for looking at what is drawn where. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function pdfPageImage(file: string, page: number, dpi = 36): GreyImage {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return parsePgm(pgm);
}

/** Writes a page as PNG (pdftoppm), e.g. for the README. */
export function pdfPagePng(file: string, page: number, out: string, dpi = 80): void {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    file,
    out.replace(/\.png$/, ""),
  ]);
}

function parsePgm(data: Buffer): GreyImage {
  // "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a binary greymap");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** The share of pixels darker than near-white inside a rectangle (fractions of the page). */
export function inkShare(image: GreyImage, box: { left: number; top: number; right: number; bottom: number }): number {
  const x0 = Math.floor(box.left * image.width);
  const x1 = Math.ceil(box.right * image.width);
  const y0 = Math.floor(box.top * image.height);
  const y1 = Math.ceil(box.bottom * image.height);
  let ink = 0;
  let all = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      all += 1;
      if (image.pixels[y * image.width + x]! < 230) ink += 1;
    }
  }
  return all === 0 ? 0 : ink / all;
}

export function readPdf(file: string): Buffer {
  return readFileSync(file);
}
