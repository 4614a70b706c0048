import Table from "cli-table3";
import type { Cell, Tone } from "./columns.js";

/** Colours a cell's text; the command builds it from the injected palette. */
export type Paint = (tone: Tone, text: string) => string;

export interface TableOptions {
  align?: readonly ("left" | "right" | undefined)[];
  paint: Paint;
  /** Emphasis for the header row (bold with colour on, identity without). */
  header: (text: string) => string;
}

// Borderless, like `git branch -v` or `kubectl get`: easy to read and to grep, and columns
// still line up because cli-table3 measures width without colour codes.
const CHARS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

/** A terminal table; every line ends in a newline and carries no trailing spaces. */
export function renderTable(headers: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions): string {
  const table = new Table({
    head: headers.map((h) => options.header(h)),
    chars: CHARS,
    // No colours of cli-table3's own: with colour off the output must be plain text.
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0, compact: true },
    colAligns: headers.map((_, i) => options.align?.[i] ?? "left"),
  });
  for (const row of rows) table.push(row.map((cell) => (cell.tone ? options.paint(cell.tone, cell.text) : cell.text)));
  return (
    table
      .toString()
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n") + "\n"
  );
}
