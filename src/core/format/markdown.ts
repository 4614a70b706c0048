import type { Diagnostic, Severity } from "../../model/diagnostic.js";
import type { FormatContext, WaivedDiagnostic } from "./index.js";
import { summarise, summaryText } from "./stylish.js";
import { describeWaiver } from "./waiver.js";

/**
 * Most rows in one table. GitHub comments hold at most 65,536 characters; 200 rows of
 * ordinary messages stay well under it and are already more than a reviewer reads.
 */
export const MARKDOWN_MAX_ROWS = 200;

const RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
const LABEL: Record<Severity, string> = { error: "✖ error", warn: "⚠ warning", info: "ℹ info" };

/**
 * A pull-request comment: the summary as a heading, the problems as a table (errors first,
 * then by file and position), and waived findings folded away in a <details> block.
 */
export function formatMarkdown(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const out = [`### pmo check: ${summaryText(summarise(diagnostics), ctx)}`];
  if (diagnostics.length > 0) {
    // Array.prototype.sort is stable: within a severity the given file/line order is kept.
    const rows = [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    out.push("", "| Severity | File | Line | Rule | Message |", "| --- | --- | --- | --- | --- |");
    for (const d of rows.slice(0, MARKDOWN_MAX_ROWS)) {
      out.push(`| ${LABEL[d.severity]} | ${code(d.file)} | ${d.line} | ${code(d.ruleId)} | ${cell(d.message)} |`);
    }
    out.push(...cutNote(rows.length, "problem"));
  }
  const waived = ctx.waived ?? [];
  if (waived.length > 0) {
    out.push(
      "",
      "<details>",
      `<summary>${waived.length} waived ${waived.length === 1 ? "finding" : "findings"}</summary>`,
      "",
    );
    out.push("| File | Line | Rule | Message | Waiver |", "| --- | --- | --- | --- | --- |");
    for (const d of waived.slice(0, MARKDOWN_MAX_ROWS)) out.push(waivedRow(d));
    out.push(...cutNote(waived.length, "waived finding"));
    out.push("", "</details>");
  }
  return out.join("\n") + "\n";
}

function waivedRow(d: WaivedDiagnostic): string {
  return `| ${code(d.file)} | ${d.line} | ${code(d.ruleId)} | ${cell(d.message)} | ${cell(describeWaiver(d.waiver))} |`;
}

function cutNote(total: number, noun: string): string[] {
  const cut = total - MARKDOWN_MAX_ROWS;
  if (cut <= 0) return [];
  return ["", `…and ${cut} more ${cut === 1 ? noun : `${noun}s`} not shown; run \`pmo check\` for the full list.`];
}

/**
 * Text in a table cell, shown literally: HTML and Markdown syntax are neutralised, a pipe
 * would end the cell and a line break the row.
 */
function cell(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, "<br>");
}

/** A code span for file names and rule ids; backticks cannot occur inside one, pipes must be escaped even there. */
function code(s: string): string {
  return `\`${s
    .replace(/`/g, "'")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, " ")}\``;
}
