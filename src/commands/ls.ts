import { formatCsv } from "../core/csv.js";
import {
  cellOf,
  describeFilters,
  kindWords,
  listEntities,
  parseWhere,
  pluralOf,
  renderTable,
  resolveKind,
  WhereSyntaxError,
  type WhereFilter,
} from "../core/query/index.js";
import { UsageError } from "../core/errors.js";
import { closestMatch } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { fieldsOf, openQueryWorkspace, paintWith } from "./query-workspace.js";

export const LS_FORMATS = ["table", "json", "csv"] as const;

export interface LsCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  /** As typed: `projects`, `Risk`, `people`. */
  kind: string;
  where: readonly string[];
  sort?: string;
  format: (typeof LS_FORMATS)[number];
  /** CSV only: start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

/** `pmo ls <kind>`: one kind's documents as a table, JSON or CSV, filtered and sorted. */
export async function runLs(options: LsCommandOptions, io: CommandIO): Promise<ExitCode> {
  const kind = resolveKind(options.kind);
  if (!kind) {
    const plurals = kindWords().filter((w, i, all) => all.indexOf(w) === i);
    const suggestion = closestMatch(options.kind.toLowerCase(), plurals);
    const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
    throw new UsageError(
      `unknown kind "${options.kind}"${hint}: expected one of projects, portfolios, risks, issues, decisions, people, engagements`,
    );
  }
  // Filters are checked before loading, so a malformed one fails fast.
  const where = options.where.map(parseFilter);
  const { workspace, ctx } = await openQueryWorkspace(options, io);
  const { columns, rows } = listEntities(
    { kind, where, ...(options.sort !== undefined && { sort: options.sort }) },
    ctx,
    fieldsOf(kind, workspace),
  );

  if (options.format === "json") {
    io.stdout(
      JSON.stringify(
        rows.map((doc) => doc.value),
        null,
        2,
      ) + "\n",
    );
    return ExitCode.Clean;
  }
  if (options.format === "csv") {
    const records = rows.map((doc) => columns.map((c) => c.value(doc, ctx) ?? ""));
    io.stdout(
      formatCsv(
        columns.map((c) => c.key),
        records,
        { bom: options.bom ?? true },
      ),
    );
    return ExitCode.Clean;
  }
  if (rows.length === 0) {
    io.stdout(
      where.length > 0 ? `no ${pluralOf(kind)} match ${describeFilters(where)}\n` : `no ${pluralOf(kind)} found\n`,
    );
    return ExitCode.Clean;
  }
  const shown = columns.filter((c) => !c.csvOnly);
  io.stdout(
    renderTable(
      shown.map((c) => c.header),
      rows.map((doc) => shown.map((c) => cellOf(c, doc, ctx))),
      {
        align: shown.map((c) => c.align),
        paint: paintWith(io),
        header: io.palette.bold,
        ...(io.tableWidth !== undefined && { width: io.tableWidth }),
      },
    ),
  );
  return ExitCode.Clean;
}

function parseFilter(text: string): WhereFilter {
  try {
    return parseWhere(text);
  } catch (error) {
    if (error instanceof WhereSyntaxError) throw new UsageError(error.message);
    throw error;
  }
}
