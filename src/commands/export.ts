import { UsageError } from "../core/errors.js";
import { formatExportCsv, formatExportJson } from "../core/export/index.js";
import { FORMATTERS } from "../core/format/index.js";
import { resolveKind } from "../core/query/index.js";
import { closestMatch } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { Kind } from "../model/document.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath, openWorkspace, relativeToCwd } from "./workspace.js";

export const EXPORT_FORMATS = ["csv", "json"] as const;

export interface ExportCommandOptions {
  dir: string;
  config?: string;
  format: (typeof EXPORT_FORMATS)[number];
  /** CSV only: start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
  /** As typed: `projects`, `risk`, `Person`; repeatable, or comma-separated. */
  kinds: readonly string[];
  /** Output file, resolved; stdout when absent. */
  out?: string;
}

/**
 * `pmo export csv|json`: the repository for other tools. Refuses a repository with files that
 * do not parse, since the export would silently miss their documents.
 */
export async function runExport(options: ExportCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    const suggestion = closestMatch(options.format, EXPORT_FORMATS);
    throw new UsageError(
      `unknown export format "${options.format}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: expected csv or json`,
    );
  }
  const kinds = options.kinds
    .flatMap((k) => k.split(","))
    .filter((k) => k.trim() !== "")
    .map(kindOf);
  if (options.format === "csv" && new Set(kinds).size !== 1) {
    throw new UsageError("a CSV file holds one kind of document: pass --kind (e.g. --kind projects)");
  }
  const { root, workspace } = await openWorkspace(options, io.cwd);
  if (workspace.diagnostics.length > 0) {
    const diagnostics = relativeToCwd(workspace.diagnostics, root, io.cwd);
    io.stderr(FORMATTERS["stylish"]!(diagnostics, { palette: io.palette, sources: workspace.sources }));
    io.stderr(
      `nothing exported: ${workspace.diagnostics.length === 1 ? "a file does" : "files do"} not parse, so their documents would be missing (pmo validate shows every problem)\n`,
    );
    return ExitCode.Findings;
  }
  const text =
    options.format === "json"
      ? formatExportJson(workspace.documents, [...new Set(kinds)])
      : formatExportCsv(kinds[0]!, workspace.documents, { bom: options.bom ?? true });
  if (options.out === undefined) io.stdout(text);
  else {
    writeFileAtomic(options.out, text);
    io.stderr(`wrote ${displayPath(options.out, io.cwd)}\n`);
  }
  return ExitCode.Clean;
}

function kindOf(word: string): Kind {
  const kind = resolveKind(word);
  if (kind === undefined)
    throw new UsageError(
      `unknown kind "${word}": expected one of projects, portfolios, risks, issues, decisions, people, engagements`,
    );
  return kind;
}
