import path from "node:path";
import { stringify as toYaml } from "yaml";
import { wrapProse } from "../core/format/index.js";
import { buildShowView, renderTable, showData, type ShowView } from "../core/query/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { openQueryWorkspace, paintWith } from "./query-workspace.js";

export const SHOW_FORMATS = ["text", "json", "yaml"] as const;

export interface ShowCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  id: string;
  format: (typeof SHOW_FORMATS)[number];
}

/** `pmo show <id>`: one entity and the entities linked to it, either way round. */
export async function runShow(options: ShowCommandOptions, io: CommandIO): Promise<ExitCode> {
  const { root, ctx } = await openQueryWorkspace(options, io);
  const view = buildShowView(options.id, ctx);
  if (options.format === "json") io.stdout(JSON.stringify(showData(view, ctx.relations), null, 2) + "\n");
  else if (options.format === "yaml") io.stdout(toYaml(showData(view, ctx.relations), { lineWidth: 0 }));
  else io.stdout(renderText(view, shownPath(root, view.doc.file, io.cwd), io));
  return ExitCode.Clean;
}

/** The file as it can be opened from where the command ran, as `pmo validate` prints it. */
function shownPath(root: string, file: string, cwd: string): string {
  return path.relative(cwd, path.join(root, file)).split(path.sep).join("/");
}

function renderText(view: ShowView, file: string, io: CommandIO): string {
  const { palette } = io;
  const paint = paintWith(io);
  const out: string[] = [palette.bold(view.heading), palette.dim(`${view.kind} in ${file}`), ""];

  const columns = io.width ?? 80;
  const width = Math.max(0, ...view.facts.map((f) => f.label.length)) + 1;
  for (const fact of view.facts) {
    // A long fact (the budget line) wraps under its own text, not under its label.
    const indent = 2 + width + 2;
    const lines = wrapProse(fact.text, Math.max(20, columns - indent)).map((line) =>
      fact.tone ? paint(fact.tone, line) : line,
    );
    out.push(
      `  ${`${fact.label}:`.padEnd(width + 1)} ${lines[0] ?? ""}`,
      ...lines.slice(1).map((line) => `${" ".repeat(indent)}${line}`),
    );
  }
  for (const p of view.paragraphs) {
    // Folded YAML arrives as one long line, literal YAML with the author's line breaks:
    // either way the prose is re-flowed to the terminal's width.
    out.push(
      "",
      palette.bold(p.label),
      ...wrapProse(p.text, columns - 2).map((line) => (line === "" ? "" : `  ${line}`)),
    );
  }
  for (const section of view.sections) {
    out.push("");
    if (section.items.length === 0) {
      out.push(`${palette.bold(section.title)} ${palette.dim("(none)")}`);
      continue;
    }
    out.push(`${palette.bold(section.title)} ${palette.dim(`(${section.items.length})`)}`);
    const table = renderTable(
      section.columns.map((c) => c.header),
      section.items.map((item) =>
        section.columns.map((c) => {
          const value = item[c.key];
          const text = value === undefined || value === null ? "" : (c.format ?? String)(value);
          const tone = c.tone?.(item);
          return tone ? { text, tone } : { text };
        }),
      ),
      {
        align: section.columns.map((c) => c.align),
        paint,
        header: palette.dim,
        ...(io.tableWidth !== undefined && { width: io.tableWidth - 2 }),
      },
    );
    out.push(
      ...table
        .trimEnd()
        .split("\n")
        .map((line) => `  ${line}`),
    );
  }
  return out.join("\n") + "\n";
}
