import stringWidth from "string-width";
import { wrapProse } from "../format/index.js";
import type { Cell, Tone } from "./columns.js";

/** Colours a cell's text; the command builds it from the injected palette. */
export type Paint = (tone: Tone, text: string) => string;

export interface TableOptions {
  align?: readonly ("left" | "right" | undefined)[];
  paint: Paint;
  /** Emphasis for the header row (bold with colour on, identity without). */
  header: (text: string) => string;
  /**
   * The terminal's columns. A table wider than this has its widest columns narrowed and their
   * cells (and headers) word-wrapped onto several lines: nothing is cut off. A column never gets
   * narrower than its longest word or 8 columns, and number columns are not narrowed, so a
   * table of many columns may still be wider.
   */
  width?: number;
}

/** No column is narrowed below this (or below its header). */
const MIN_COLUMN = 8;

/** Between two columns. */
const GAP = "  ";
/** Colour codes (SGR), which take no room on the terminal. */
const SGR = new RegExp(`${"\u001b"}\\[(?:\\d*;){0,5}\\d*m`, "g");
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The columns a line of text takes on a terminal, colour codes left out: wide (East Asian)
 * characters count two, combining marks none (string-width, as the code frames and help wrapping
 * measure; cli-table3 measures with an older string-width that agrees on pmo's text).
 */
export function displayWidth(text: string): number {
  // Most texts are printable ASCII (no colour code either): one column per character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return codedWidth(text);
  }
  return text.length;
}

/** displayWidth of a text with a colour code or a character outside printable ASCII. */
function codedWidth(text: string): number {
  const plain = text.includes("\u001b") ? text.replace(SGR, "") : text;
  return PRINTABLE_ASCII.test(plain) ? plain.length : stringWidth(plain);
}

/**
 * A terminal table, borderless like `git branch -v` or `kubectl get`: easy to read and to
 * grep, columns two spaces apart and lined up by display width (colour codes take no room).
 * Every line ends in a newline and carries no trailing spaces; a cell of several lines makes
 * its row that many lines high. Laid out here in one pass over the cells: cli-table3's layout
 * (built for cells spanning rows and columns) costs time growing with the square of the rows,
 * 8 s for a table of 2,468 projects.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions,
): string {
  if (options.width === undefined) {
    const table = singleLineTable(headers, rows, options);
    if (table !== undefined) return table;
  }
  const limits = options.width === undefined ? null : columnLimits(headers, rows, options.width, options.align);
  const split = (text: string, c: number): string[] => {
    const limit = limits?.[c];
    if (limit === undefined) return text.split("\n");
    return text.split("\n").flatMap((line) => (displayWidth(line) > limit ? wrapProse(line, limit) : [line]));
  };
  // Each line of a cell is coloured on its own, so that a colour never runs into the next column.
  const lines: string[][][] = [headers.map((h, c) => split(h, c).map(options.header))];
  for (const row of rows)
    lines.push(
      row.map((cell, c) => split(cell.text, c).map((line) => (cell.tone ? options.paint(cell.tone, line) : line))),
    );
  const columns = Math.max(0, ...lines.map((row) => row.length));
  const widths = new Array<number>(columns).fill(0);
  const measured = lines.map((row) =>
    row.map((cellLines, c) => {
      const w = cellLines.map(displayWidth);
      widths[c] = Math.max(widths[c]!, ...w);
      return w;
    }),
  );
  const out: string[] = [];
  lines.forEach((row, r) => {
    const height = Math.max(1, ...row.map((cellLines) => cellLines.length));
    for (let k = 0; k < height; k++) {
      let line = "";
      for (let c = 0; c < columns; c++) {
        const text = row[c]?.[k] ?? "";
        const pad = " ".repeat(widths[c]! - (measured[r]![c]?.[k] ?? 0));
        line += (c > 0 ? GAP : "") + (options.align?.[c] === "right" ? pad + text : text + pad);
      }
      out.push(line.trimEnd());
    }
  });
  return out.join("\n") + "\n";
}

/**
 * renderTable for rows of plain texts (no tones): the same text, without a cell object per
 * text, and for one-line texts without keeping anything per cell between its two passes, so
 * that a table of 55,000 rows (pmo schedule on 10,000 projects) leaves little for the
 * collector to copy.
 */
export function renderTextTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: Omit<TableOptions, "paint">,
): string {
  let multiline = headers.some((h) => h.includes("\n"));
  for (let r = 0; r < rows.length && !multiline; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length && !multiline; c++) multiline = row[c]!.includes("\n");
  }
  if (options.width !== undefined || multiline)
    return renderTable(
      headers,
      rows.map((row) => row.map((text) => ({ text }))),
      { ...options, paint: (_tone, text) => text },
    );
  return lineLayout(
    headers.map((h) => options.header(h)),
    rows,
    options.align,
  );
}

/**
 * renderTable's layout of a table whose cells (and headers) are all one line each, without a
 * width to fit: a schedule of 55,000 rows. Undefined when a header or a cell holds a line break,
 * which the general layout handles; the same text either way.
 */
function singleLineTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions,
): string | undefined {
  for (const h of headers) if (h.includes("\n")) return undefined;
  for (const row of rows) for (const cell of row) if (cell.text.includes("\n")) return undefined;
  return lineLayout(
    headers.map((h) => options.header(h)),
    rows.map((row) => row.map((cell) => (cell.tone ? options.paint(cell.tone, cell.text) : cell.text))),
    options.align,
  );
}

/**
 * The layout of one-line texts (already painted), the header row first: two passes over the
 * texts, one to measure the columns and one to pad them, without the per-cell arrays of lines
 * the general layout needs.
 */
function lineLayout(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: TableOptions["align"],
): string {
  let columns = header.length;
  for (const row of rows) if (row.length > columns) columns = row.length;
  const widths = new Array<number>(columns).fill(0);
  // Each text's width, measured once (row r's at r * columns + c; the header is row 0) for both passes.
  const measured = new Int32Array((rows.length + 1) * columns);
  const measure = (row: readonly string[], r: number): void => {
    for (let c = 0; c < row.length; c++) {
      const w = displayWidth(row[c]!);
      measured[r * columns + c] = w;
      if (w > widths[c]!) widths[c] = w;
    }
  };
  measure(header, 0);
  for (let r = 0; r < rows.length; r++) measure(rows[r]!, r + 1);
  const right = widths.map((_, c) => align?.[c] === "right");
  const lineOf = (row: readonly string[], r: number): string => {
    let line = "";
    for (let c = 0; c < columns; c++) {
      const text = row[c] ?? "";
      const pad = spaces(widths[c]! - measured[r * columns + c]!);
      if (c > 0) line += GAP;
      line += right[c] ? pad + text : text + pad;
    }
    return line.trimEnd();
  };
  const out = new Array<string>(rows.length + 1);
  out[0] = lineOf(header, 0);
  for (let r = 0; r < rows.length; r++) out[r + 1] = lineOf(rows[r]!, r + 1);
  return out.join("\n") + "\n";
}

/** `n` spaces, remembered: a table pads a few widths over and over. */
function spaces(n: number): string {
  let s = SPACES[n];
  if (s === undefined) {
    s = " ".repeat(n);
    if (n < 256) SPACES[n] = s;
  }
  return s;
}
const SPACES: string[] = [];

/**
 * The widest each column may be for the table to fit `width`: the widest columns are narrowed
 * first, one column at a time, none below its longest word (header included) or MIN_COLUMN, and
 * right-aligned (number) columns not at all. Undefined for a column left as it is.
 */
function columnLimits(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  width: number,
  align: TableOptions["align"],
): (number | undefined)[] {
  const columns = Math.max(headers.length, ...rows.map((r) => r.length));
  const natural = new Array<number>(columns).fill(0);
  const floor = new Array<number>(columns).fill(MIN_COLUMN);
  const measure = (text: string, c: number): void => {
    for (const line of text.split("\n")) {
      natural[c] = Math.max(natural[c]!, displayWidth(line));
      for (const word of line.split(/\s+/)) floor[c] = Math.max(floor[c]!, displayWidth(word));
    }
  };
  headers.forEach((h, c) => {
    measure(h, c);
  });
  for (const row of rows)
    row.forEach((cell, c) => {
      measure(cell.text, c);
    });
  natural.forEach((w, c) => {
    if (align?.[c] === "right") floor[c] = w;
  });
  const limits = [...natural];
  let total = limits.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, columns - 1);
  while (total > width) {
    let widest = -1;
    limits.forEach((w, c) => {
      if (w > floor[c]! && (widest < 0 || w > limits[widest]!)) widest = c;
    });
    if (widest < 0) break;
    limits[widest]!--;
    total--;
  }
  return limits.map((w, c) => (w < natural[c]! ? w : undefined));
}
