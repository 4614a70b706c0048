import stringWidth from "string-width";
import type { Palette } from "./colors.js";

/** Lines of context shown before the problem line. */
const CONTEXT_BEFORE = 1;
/** Longest source line shown in full; longer ones are cut around the column. */
const MAX_WIDTH = 160;

/**
 * Renders the source around a 1-based position like a compiler does: the line before, the
 * problem line marked with `>`, and a caret line under the reported columns. Columns count
 * UTF-16 code units (JavaScript string positions); the caret is placed by display width, so
 * that it stands under the right character after wide (CJK, emoji) characters and is as wide
 * as what it marks.
 */
export function codeFrame(
  source: string,
  line: number,
  column: number,
  endLine: number | undefined,
  endColumn: number | undefined,
  palette: Palette,
): string {
  const lines = source.split(/\r?\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - CONTEXT_BEFORE);
  const gutter = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    const text = clip(expandTabs(lines[n - 1] ?? ""));
    const marker = n === line ? palette.red(">") : " ";
    out.push(`${marker} ${palette.dim(String(n).padStart(gutter) + " |")} ${text}`);
  }
  const raw = expandTabs(lines[line - 1] ?? "");
  const start = visualColumn(raw, column);
  const sameLine = endLine === line && endColumn !== undefined && endColumn > column;
  const end = sameLine ? visualColumn(raw, endColumn) : start + Math.max(1, stringWidth(characterAt(raw, column - 1)));
  const width = Math.max(1, Math.min(end - start, MAX_WIDTH - start));
  out.push(
    `  ${" ".repeat(gutter)} ${palette.dim("|")} ${" ".repeat(Math.max(0, start - 1))}${palette.red("^".repeat(width))}`,
  );
  return out.join("\n");
}

/** Tabs are shown as visible arrows so that a tab-indentation error is easy to see. */
function expandTabs(text: string): string {
  return text.replace(/\t/g, "→");
}

/** The 1-based display column of the 1-based code-unit column `column` of `line`. */
function visualColumn(line: string, column: number): number {
  return Math.min(stringWidth(line.slice(0, Math.max(0, column - 1))) + 1, MAX_WIDTH);
}

/** The whole character (both halves of a surrogate pair) at code-unit index `index`. */
function characterAt(line: string, index: number): string {
  const code = line.codePointAt(index);
  return code === undefined ? "" : String.fromCodePoint(code);
}

function clip(text: string): string {
  return text.length > MAX_WIDTH ? text.slice(0, MAX_WIDTH - 1) + "…" : text;
}
