import type { Diagnostic } from "../../model/diagnostic.js";
import { codeFrame } from "./codeframe.js";
import type { FormatContext } from "./index.js";
import { describeWaiver } from "./waiver.js";

const SYMBOL = { error: "✖", warn: "⚠", info: "ℹ" } as const;

/**
 * The default terminal output: problems grouped by file, each with its position, severity,
 * message and rule, the source line with a caret, and how to fix it; then one summary line.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const { palette } = ctx;
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push("");
      currentFile = d.file;
      out.push(palette.underline(d.file));
    }
    const severity =
      d.severity === "error"
        ? palette.red("error")
        : d.severity === "warn"
          ? palette.yellow("warning")
          : palette.blue("info");
    out.push(`  ${palette.dim(`${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${palette.dim(d.ruleId)}`);
    const source = ctx.sources.get(d.sourceKey ?? d.file);
    if (
      source !== undefined &&
      !(d.line === 1 && d.column === 1 && d.pointer === "" && d.ruleId === "unreadable-file")
    ) {
      const frame = codeFrame(source, d.line, d.column, d.endLine, d.endColumn, palette);
      if (frame) out.push(indent(frame, 4));
    }
    if (d.hint) out.push(`    ${palette.dim("hint:")} ${d.hint}`);
  }
  const waived = ctx.waived ?? [];
  if (waived.length > 0) {
    if (diagnostics.length > 0) out.push("");
    out.push(palette.bold("Waived"));
    for (const d of waived) {
      out.push(`  ${palette.dim(`${d.file}:${d.line}:${d.column}`)}  ${palette.dim(d.ruleId)}  ${d.message}`);
      out.push(`    ${palette.dim(describeWaiver(d.waiver))}`);
    }
  }
  const summary = summarise(diagnostics);
  if (diagnostics.length > 0 || waived.length > 0) out.push("");
  out.push(summaryLine(summary, ctx));
  return out.join("\n") + "\n";
}

export interface Summary {
  problems: number;
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export function summarise(diagnostics: readonly Diagnostic[]): Summary {
  // One pass: a check of a large repository summarises tens of thousands of findings.
  const files = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    files.add(d.file);
    if (d.severity === "error") errors++;
    else if (d.severity === "warn") warnings++;
    else if (d.severity === "info") infos++;
  }
  return { problems: diagnostics.length, errors, warnings, infos, files: files.size };
}

function summaryLine(s: Summary, ctx: FormatContext): string {
  const { palette } = ctx;
  const text = summaryText(s, ctx);
  if (s.problems === 0) return palette.green(text);
  const color = s.errors > 0 ? palette.red : s.warnings > 0 ? palette.yellow : palette.blue;
  return color(palette.bold(text));
}

/**
 * The summary as plain text, e.g. `✖ 7 problems (2 errors, 5 warnings) in 3 files, 1 waived`
 * or `✔ no problems in 12 documents`. The waived count appears only when something was waived.
 */
export function summaryText(s: Summary, ctx: Pick<FormatContext, "documents" | "waived" | "notPmo">): string {
  const notPmo = ctx.notPmo
    ? `; ${ctx.notPmo === 1 ? "1 YAML file is not a pmo document" : `${ctx.notPmo} YAML files are not pmo documents`}`
    : "";
  const checked = ctx.documents !== undefined ? ` in ${plural(ctx.documents, "document")}` : "";
  const existing = ctx.waived?.filter((d) => d.waiver.source === "baseline").length ?? 0;
  const waivedCount = (ctx.waived?.length ?? 0) - existing;
  const waived = `${waivedCount > 0 ? `, ${waivedCount} waived` : ""}${existing > 0 ? `, ${existing} existing` : ""}`;
  if (s.problems === 0) return `✔ no problems${checked}${waived}${notPmo}`;
  const parts = [plural(s.errors, "error"), plural(s.warnings, "warning")];
  if (s.infos) parts.push(plural(s.infos, "info", "infos"));
  const symbol = s.errors > 0 ? SYMBOL.error : s.warnings > 0 ? SYMBOL.warn : SYMBOL.info;
  return `${symbol} ${plural(s.problems, "problem")} (${parts.join(", ")}) in ${plural(s.files, "file")}${waived}${notPmo}`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
}
