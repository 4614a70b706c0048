import type { Palette } from "../format/index.js";
import { describeRange, describeScaleChange, ENTRY_HEADER, entryCells, periodCells, periodHeader } from "./columns.js";
import type { History } from "./types.js";

/** Terminal output: the portfolio per period, then each project's changes. Plain aligned columns. */
export function formatHistoryTable(history: History, palette: Palette): string {
  const out = [palette.bold(`pmo history ${describeRange(history)}`), ""];
  if (history.periods.length === 0) return [...out, "No commits touch the pmo folder in this range."].join("\n") + "\n";
  out.push(
    palette.bold("Portfolio"),
    ...align([periodHeader(history), ...history.periods.map((p) => periodCells(history, p))], 2),
  );
  for (const c of history.scaleChanges) out.push("", `  ${describeScaleChange(c)}`);
  if (history.projects.length > 0) out.push("", palette.bold("Projects"));
  for (const project of history.projects) {
    out.push(`  ${palette.bold(project.id)}${project.name ? ` ${project.name}` : ""}`);
    out.push(...align([ENTRY_HEADER, ...project.entries.map(entryCells)], 4));
  }
  return out.join("\n") + "\n";
}

/** Left-aligned text, right-aligned numbers, two spaces between columns. */
function align(rows: string[][], indent: number): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const numeric = rows[0]!.map((_, i) => rows.slice(1).every((r) => /^-?[\d,.]+$|^-$/.test(r[i] ?? "")));
  return rows.map(
    (r) =>
      " ".repeat(indent) +
      r
        .map((cell, i) => {
          const pad = " ".repeat(widths[i]! - [...cell].length);
          return numeric[i] ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
  );
}
