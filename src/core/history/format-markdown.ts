import { describeRange, describeScaleChange, ENTRY_HEADER, entryCells, periodCells, periodHeader } from "./columns.js";
import type { History } from "./types.js";

/** Markdown for a wiki page or a report: a portfolio table, then a folded table per project. */
export function formatHistoryMarkdown(history: History): string {
  const out = [`## pmo history ${describeRange(history)}`, ""];
  if (history.periods.length === 0) return [...out, "No commits touch the pmo folder in this range."].join("\n") + "\n";
  out.push(...table([periodHeader(history), ...history.periods.map((p) => periodCells(history, p))]));
  for (const c of history.scaleChanges) out.push("", escapeMarkdown(describeScaleChange(c)));
  for (const project of history.projects) {
    out.push(
      "",
      "<details>",
      `<summary>${escapeMarkdown(`${project.id}${project.name ? ` ${project.name}` : ""}`)}: ${project.entries.length} ${project.entries.length === 1 ? "change" : "changes"}</summary>`,
      "",
    );
    out.push(...table([ENTRY_HEADER, ...project.entries.map(entryCells)]), "", "</details>");
  }
  return out.join("\n") + "\n";
}

function table(rows: string[][]): string[] {
  const [head, ...body] = rows as [string[], ...string[][]];
  return [
    `| ${head.map(escapeMarkdown).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...body.map((r) => `| ${r.map(escapeMarkdown).join(" | ")} |`),
  ];
}

function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`);
}
