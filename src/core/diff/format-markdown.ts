import { KIND_TITLES } from "./kinds.js";
import { describePropagation } from "./schedule.js";
import type { DiffResult, EntityChange, FindingChange } from "./types.js";

/**
 * Longest comment the markdown aims for. GitHub refuses comments over 65,536 characters and
 * GitLab notes are capped too; the rest is cut with a note of what was left out.
 */
export const DIFF_MARKDOWN_MAX_CHARS = 60_000;

const CHANGE_WORD = { added: "new", removed: "removed", modified: "modified", renamed: "renamed" } as const;
const SEVERITY = { error: "✖ error", warn: "⚠ warning", info: "ℹ info" } as const;

/**
 * A pull-request comment: the summary first, then one collapsible section per kind and one for
 * the governance delta (introduced findings open, since they are what a reviewer acts on).
 * `maxChars` caps the length; whole entries are cut, never half an entry.
 */
export function formatDiffMarkdown(result: DiffResult, maxChars = DIFF_MARKDOWN_MAX_CHARS): string {
  const s = result.summary;
  const head = [`### pmo diff: ${code(result.base)} → ${code(result.head)}`, "", `**${inline(s.text)}**`];
  if (result.changes.length === 0 && s.findings.introduced === 0 && s.findings.resolved === 0) {
    return [...head, "", "No changes in meaning: the files differ only in layout, comments or order."].join("\n") + "\n";
  }
  let budget = maxChars - head.join("\n").length - 400;
  let cutChanges = 0;
  let cutFindings = 0;
  const take = (text: string): boolean => {
    if (text.length + 1 > budget) return false;
    budget -= text.length + 1;
    return true;
  };
  const sections: string[] = [];

  // What the slips push downstream comes first: it is what the reviewer cannot see in the files.
  const slips = result.schedule.filter((p) => p.pushes.length > 0);
  if (slips.length > 0) {
    const lines = slips.map((p) => `- ${inline(describePropagation(p))}`).filter((line) => take(line));
    sections.push([`<details open>`, `<summary><b>Schedule propagation</b>: ${slips.length} ${slips.length === 1 ? "slip moves" : "slips move"} other dates</summary>`, "", ...lines, "", "</details>"].join("\n"));
  }

  const { introduced, resolved } = result.findings;
  if (introduced.length + resolved.length > 0) {
    const rows: string[] = [];
    for (const [list, word] of [[introduced, "introduced"], [resolved, "resolved"]] as const) {
      for (const f of list) {
        const row = findingRow(word, f);
        if (take(row)) rows.push(row);
        else cutFindings++;
      }
    }
    const title = [introduced.length > 0 ? `${introduced.length} introduced` : "", resolved.length > 0 ? `${resolved.length} resolved` : ""].filter(Boolean).join(", ");
    sections.push(
      [`<details${introduced.length > 0 ? " open" : ""}>`, `<summary><b>Governance</b>: ${title}</summary>`, "", "| | Severity | Rule | Entity | Message | File |", "| --- | --- | --- | --- | --- | --- |", ...rows, "", "</details>"].join("\n"),
    );
  }

  for (const [kind, title] of KIND_TITLES) {
    const changes = result.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    const items: string[] = [];
    for (const c of changes) {
      const item = entry(c);
      if (take(item)) items.push(item);
      else cutChanges++;
    }
    sections.push([`<details>`, `<summary><b>${title}</b>: ${counts(changes)}</summary>`, "", ...items, "", "</details>"].join("\n"));
  }

  const out = [...head, "", ...sections.flatMap((x) => [x, ""])];
  if (cutChanges + cutFindings > 0) {
    const parts = [cutChanges > 0 ? `${cutChanges} ${cutChanges === 1 ? "change" : "changes"}` : "", cutFindings > 0 ? `${cutFindings} ${cutFindings === 1 ? "finding" : "findings"}` : ""].filter(Boolean);
    out.push(`…and ${parts.join(" and ")} not shown to keep this comment within ${groupThousands(maxChars)} characters; run \`pmo diff ${result.base}\` for the full list.`, "");
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

function counts(changes: readonly EntityChange[]): string {
  const n = (t: EntityChange["change"]) => changes.filter((c) => c.change === t).length;
  const worse = changes.filter((c) => c.direction === "worsened").length;
  const better = changes.filter((c) => c.direction === "improved").length;
  const parts = [
    worse ? `${worse} worsened` : "",
    better ? `${better} improved` : "",
    n("added") ? `${n("added")} new` : "",
    n("modified") - worse - better > 0 ? `${n("modified") - worse - better} modified` : "",
    n("renamed") ? `${n("renamed")} renamed` : "",
    n("removed") ? `${n("removed")} removed` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

function entry(c: EntityChange): string {
  const state = c.change === "renamed" ? `renamed from ${code(c.previousId ?? "")}` : c.direction ? `${CHANGE_WORD[c.change]}, **${c.direction}**` : CHANGE_WORD[c.change];
  const moved = c.previousFile ? `, moved from ${code(c.previousFile)}` : "";
  const lines = [`- **${inline(c.id)}**${c.name ? ` ${inline(c.name)}` : ""}: ${state} (${code(c.file)}${moved})`];
  for (const d of c.details) lines.push(`  - ${d.direction === "worsened" ? "🔺 " : d.direction === "improved" ? "🔻 " : ""}${inline(d.text)}`);
  return lines.join("\n");
}

function findingRow(word: "introduced" | "resolved", f: FindingChange): string {
  return `| ${word === "introduced" ? "➕ introduced" : "✔ resolved"} | ${SEVERITY[f.severity]} | ${code(f.ruleId)} | ${f.entity ? code(f.entity) : ""} | ${inline(f.message)} | ${code(`${f.file}:${f.line}`)} |`;
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Text shown literally in Markdown: HTML and Markdown syntax neutralised, on one line. */
function inline(s: string): string {
  return s
    .replace(/ -> /g, " → ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, " ");
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ")}\``;
}
