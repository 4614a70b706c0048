import type { Diagnostic } from "../../model/diagnostic.js";

/**
 * Inline suppressions: a YAML comment that waives a rule where it fires, with a reason.
 *
 *     status:   # pmo-ignore status-report-stale -- PM on leave, report due 4 Dec
 *     # pmo-ignore milestone-forecast-stale, schedule-rag-consistent -- see DEC-031
 *     # pmo-ignore-file project-in-portfolio -- pilot run outside the portfolios
 *
 * `pmo-ignore` covers findings on its own line (as a trailing comment) or on the next line
 * (on a line of its own); `pmo-ignore-file` covers the whole file. The reason after `--` is
 * required: an exception nobody can explain is not a reviewed exception.
 */
export interface Suppression {
  file: string;
  /** The line of the comment (1-based). */
  line: number;
  column: number;
  rules: string[];
  reason: string;
  /** The lines it covers; undefined for a whole-file suppression. */
  lines?: readonly number[];
}

const DIRECTIVE = /#\s*pmo-(ignore|ignore-file)\b(.*)$/;

export function findSuppressions(file: string, text: string): { suppressions: Suppression[]; problems: Diagnostic[] } {
  const suppressions: Suppression[] = [];
  const problems: Diagnostic[] = [];
  if (!text.includes("pmo-ignore")) return { suppressions, problems };
  const lines = text.split(/\r?\n/);
  lines.forEach((content, index) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const line = index + 1;
    const column = match.index + 1;
    const [spec, ...reasonParts] = match[2]!.split("--");
    const rules = spec!.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join("--").trim();
    const at = { file, line, column, pointer: "" };
    if (rules.length === 0) {
      problems.push({
        ...at,
        ruleId: "inline-suppression",
        severity: "error",
        message: `pmo-${match[1]} names no rule`,
        hint: "write # pmo-ignore <rule-id> -- <reason>",
      });
      return;
    }
    if (!reason) {
      problems.push({
        ...at,
        ruleId: "inline-suppression",
        severity: "error",
        message: `pmo-${match[1]} ${rules.join(", ")} has no reason`,
        hint: "add the reason after --, e.g. # pmo-ignore status-report-stale -- PM on leave until 4 Dec",
      });
      return;
    }
    const ownLine = content.slice(0, match.index).trim() === "";
    const covered = match[1] === "ignore-file" ? undefined : ownLine ? [line, line + 1] : [line];
    suppressions.push({ file, line, column, rules, reason, lines: covered });
  });
  return { suppressions, problems };
}
