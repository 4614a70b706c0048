import type { Palette } from "./colors.js";

/** Lines of context shown before the problem line. */
const CONTEXT_BEFORE = 1;
/** Longest source line shown in full; longer ones are cut around the column. */
const MAX_WIDTH = 160;

/**
 * Renders the source around a 1-based position like a compiler does: the line before, the
 * problem line marked with `>`, and a caret line under the reported columns.
 */
export function codeFrame(source: string, line: number, column: number, endLine: number | undefined, endColumn: number | undefined, palette: Palette): string {
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
  const raw = lines[line - 1] ?? "";
  const start = visualColumn(raw, column);
  const sameLine = endLine === line && endColumn !== undefined && endColumn > column;
  const end = sameLine ? visualColumn(raw, endColumn) : start + 1;
  const width = Math.max(1, Math.min(end - start, MAX_WIDTH - start));
  out.push(`  ${" ".repeat(gutter)} ${palette.dim("|")} ${" ".repeat(Math.max(0, start - 1))}${palette.red("^".repeat(width))}`);
  return out.join("\n");
}

/** Tabs are shown as visible arrows so that a tab-indentation error is easy to see. */
function expandTabs(text: string): string {
  return text.replace(/\t/g, "→");
}

function visualColumn(_line: string, column: number): number {
  return Math.min(column, MAX_WIDTH);
}

function clip(text: string): string {
  return text.length > MAX_WIDTH ? text.slice(0, MAX_WIDTH - 1) + "…" : text;
}
