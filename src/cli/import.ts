import { type Command, InvalidArgumentError, Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption, deprecatedAlias } from "./options.js";

interface SheetOpts {
  kind?: string;
  mapping?: string;
  outDir: string;
  dryRun?: boolean;
  force?: boolean;
  sync?: boolean;
  missing: "report" | "close" | "remove";
  where?: string[];
  format: "text" | "json";
  asOf?: string;
  config?: string;
}

const SHEET_HELP = `With --sync the sheet is the source of the fields its mapping fills: each row updates the
document with the same key (the mapping's key: fields, e.g. the GMPP id, else the project
name; compared ignoring case and punctuation), rows with a new key create documents, and
fields, milestones and comments added by hand stay as they are. The plan (created, updated
with each field's change, unchanged, rejected, no longer in the sheet) is printed, then all
files are written together or none is.

Every row is converted and validated (schema, and integrity with the repository the output
folder is in, if any) before anything is written. Rows that cannot be imported are listed
with their row number (the header is row 1) and line, and the rest are written. Existing
files are never overwritten without --force. Exit 0 when every row was imported, 1 when some
were rejected, 2 for usage or mapping errors.`;

/** The options `import csv` and `import xlsx` share. */
function sheetOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "-k, --kind <kind>",
        "what each row becomes: project, risk, issue, decision or person (or kind: in the mapping)",
      ),
    )
    .option(
      "-m, --mapping <file>",
      "mapping file: columns to fields, value maps, formats, defaults, id template (default: headers are field paths, as pmo export csv writes them)",
    )
    .requiredOption("--out-dir <dir>", "folder to write the documents to, one <id>.yaml per document")
    .option("-n, --dry-run", "read, convert and validate, but write nothing")
    .option("--force", "overwrite files that exist already")
    .option(
      "-s, --sync",
      "update the documents the rows describe (matched by the mapping's key), keeping everything else in their files; print the plan first",
    )
    .addOption(
      new Option(
        "--missing <action>",
        "with --sync, documents in --out-dir the sheet no longer has: report them, close them (stage: closed) or remove them",
      )
        .choices(["report", "close", "remove"])
        .default("report"),
    )
    .option(
      "-w, --where <column=value>",
      "only rows whose cell in this column has this value (repeatable)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option("--format <format>", "output of --sync: the plan as text or JSON")
        .choices(["text", "json"])
        .default("text"),
    )
    .option(
      "-c, --config <file>",
      "config file of the repository the folder is in, for its ignore list (default: its pmo.config.yaml)",
    )
    .addOption(asOfOption());
}

async function sheetRun(ctx: CliContext, file: string, opts: SheetOpts) {
  return {
    file: ctx.dirOf(file),
    ...(opts.kind !== undefined && { kind: opts.kind }),
    ...(opts.mapping !== undefined && { mapping: ctx.dirOf(opts.mapping) }),
    out: ctx.dirOf(opts.outDir),
    dryRun: opts.dryRun === true,
    force: opts.force === true,
    sync: opts.sync === true,
    missing: opts.missing,
    ...(opts.where !== undefined && { where: opts.where }),
    format: opts.format,
    asOf: opts.asOf ?? (await ctx.today()),
    ...(opts.config !== undefined && { config: opts.config }),
  };
}

function parsePositive(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new InvalidArgumentError("expected a whole number from 1");
  return Number(text);
}

/** `pmo import csv|xlsx|msproject`. */
export function registerImport(ctx: CliContext): void {
  const command = ctx.program
    .command("import")
    .description("create documents from a spreadsheet (CSV export or Excel workbook) or a Microsoft Project plan (XML)")
    .addHelpText(
      "after",
      `
Examples:
  $ pmo import csv projects.csv --mapping mapping.yaml --out-dir projects/imported --dry-run
  $ pmo import csv risks.csv --kind risk --out-dir raid/risks
  $ pmo import xlsx portfolio.xlsx --sheet Projects --mapping mapping.yaml --out-dir projects --sync
  $ pmo import msproject plan.xml --id PRJ-020 --portfolio PF-DIGITAL --out-dir projects/digital

See docs/import-export.md for mapping files.`,
    );

  const csv = sheetOptions(
    command
      .command("csv")
      .description(
        "one document per row of a CSV file, following a mapping file; rows that cannot be imported are listed",
      )
      .argument("<file>", 'the CSV file (UTF-8 with or without BOM, or Windows-1252; "," or ";" delimited)'),
  )
    .addHelpText(
      "after",
      `
${SHEET_HELP}

Examples:
  $ pmo import csv gmpp.csv --mapping examples/import/gmpp-projects.yaml --out-dir imported --dry-run
  $ pmo import csv projects.csv --kind project --out-dir projects     # a file from pmo export csv
  $ pmo import csv gmpp.csv --mapping gmpp.yaml --out-dir projects/gmpp --sync --where publication_year=2023 --missing close --dry-run`,
    )
    .action(async (file: string, opts: SheetOpts) => {
      const { runImportCsv } = await import("../commands/import.js");
      ctx.setExit(await runImportCsv(await sheetRun(ctx, file, opts), await ctx.io()));
    });

  const xlsx = sheetOptions(
    command
      .command("xlsx")
      .description(
        "one document per row of a sheet of an Excel workbook (.xlsx), following a mapping file, as import csv",
      )
      .argument("<file>", "the workbook (.xlsx)")
      .option("--sheet <name|n>", "the sheet: its name, or its position from 1 (default: the first)")
      .option("--header-row <n>", "the row that holds the column headers, from 1 (default: 1)", parsePositive),
  )
    .addHelpText(
      "after",
      `
Cells are read as a CSV export holds them: numbers as written by JavaScript (no thousands
separators), dates as YYYY-MM-DD, the mapping's blanks, formats and value maps as for csv.

${SHEET_HELP}

Examples:
  $ pmo import xlsx portfolio.xlsx --sheet Projects --mapping mapping.yaml --out-dir projects --dry-run
  $ pmo import xlsx portfolio.xlsx --sheet 2 --header-row 3 --mapping mapping.yaml --out-dir projects --sync`,
    )
    .action(async (file: string, opts: SheetOpts & { sheet?: string; headerRow?: number }) => {
      const { runImportXlsx } = await import("../commands/import.js");
      ctx.setExit(
        await runImportXlsx(
          {
            ...(await sheetRun(ctx, file, opts)),
            ...(opts.sheet !== undefined && { sheet: opts.sheet }),
            ...(opts.headerRow !== undefined && { headerRow: opts.headerRow }),
          },
          await ctx.io(),
        ),
      );
    });

  const msproject = command
    .command("msproject")
    .description(
      "a Microsoft Project XML plan (MSPDI) as a project with its schedule, milestones and their dependencies",
    )
    .argument("<file>", "the plan, saved from Microsoft Project as XML")
    .option("--id <id>", "the project's id (default: from the plan's title)")
    .option("--name <name>", "the project's name (default: the plan's title)")
    .option("--portfolio <id>", "the portfolio the project belongs to")
    .option("--out-dir <dir>", "folder to write <id>.yaml to (default: the current folder)")
    .option("-n, --dry-run", "convert and validate, but write nothing")
    .option("--force", "overwrite the file if it exists already")
    .option(
      "-c, --config <file>",
      "config file of the repository the folder is in, for its ignore list (default: its pmo.config.yaml)",
    )
    .addOption(asOfOption())
    .addHelpText(
      "after",
      `
Milestone tasks become milestones M<UID> with baseline (baseline 0 finish), forecast
(current finish) and actual dates; links between tasks become milestone dependencies,
followed through the ordinary and summary tasks in between. The project's schedule comes
from the plan's summary task.

Examples:
  $ pmo import msproject plan.xml --dry-run
  $ pmo import msproject plan.xml --id PRJ-020 --portfolio PF-DIGITAL --out-dir projects/digital`,
    )
    .action(
      async (
        file: string,
        opts: {
          id?: string;
          name?: string;
          portfolio?: string;
          outDir?: string;
          dryRun?: boolean;
          force?: boolean;
          asOf?: string;
          config?: string;
        },
      ) => {
        const { runImportMsProject } = await import("../commands/import.js");
        ctx.setExit(
          await runImportMsProject(
            {
              file: ctx.dirOf(file),
              ...(opts.id !== undefined && { id: opts.id }),
              ...(opts.name !== undefined && { name: opts.name }),
              ...(opts.portfolio !== undefined && { portfolio: opts.portfolio }),
              out: ctx.dirOf(opts.outDir),
              dryRun: opts.dryRun === true,
              force: opts.force === true,
              asOf: opts.asOf ?? (await ctx.today()),
              ...(opts.config !== undefined && { config: opts.config }),
            },
            await ctx.io(),
          ),
        );
      },
    );

  for (const sub of [csv, xlsx, msproject]) {
    deprecatedAlias(sub, "-o", "--out-dir", ctx.host.stderr);
    deprecatedAlias(sub, "--out", "--out-dir", ctx.host.stderr);
    deprecatedAlias(sub, "-f", "--force", ctx.host.stderr);
  }
}
