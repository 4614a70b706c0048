import type { Diagnostic } from "../../model/diagnostic.js";
import type { FormatContext } from "./index.js";

const COMMAND = { error: "error", warn: "warning", info: "notice" } as const;

/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=..,line=..::message` line
 * per finding, which the runner turns into annotations on the pull request's diff. Waived
 * findings are not annotated (they were accepted); a final notice says how many there were.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const lines = diagnostics.map((d) => {
    const props: [string, string | number | undefined][] = [
      ["file", d.file.replace(/\\/g, "/")],
      ["line", d.line],
      ["col", d.column],
      ["endLine", d.endLine],
      ["endColumn", d.endLine !== undefined ? d.endColumn : undefined],
      ["title", d.ruleId],
    ];
    const list = props
      .filter((p): p is [string, string | number] => p[1] !== undefined)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(",");
    const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
    return `::${COMMAND[d.severity]} ${list}::${escapeData(message)}`;
  });
  const waived = ctx.waived?.length ?? 0;
  if (waived > 0)
    lines.push(
      `::notice title=pmo::${escapeData(`${waived} ${waived === 1 ? "finding was" : "findings were"} waived and not annotated`)}`,
    );
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

/** The runner's escaping for a command's message (actions/toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** The runner's escaping for a property value (actions/toolkit `escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
