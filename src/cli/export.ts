import { Argument } from "commander";
import type { CliContext } from "./index.js";
import { collect, deprecatedAlias } from "./options.js";

/** `pmo export csv|json`. */
export function registerExport(ctx: CliContext): void {
  const command = ctx.program
    .command("export")
    .description("the repository as JSON (every document) or CSV (one kind), for other tools and spreadsheets")
    .addArgument(
      new Argument("<format>", "json: one document of the whole repository; csv: one kind, flat").choices([
        "csv",
        "json",
      ]),
    )
    .option(
      "-k, --kind <kind>",
      "only this kind (projects, risks, ...); repeatable or comma-separated; csv needs exactly one",
      collect,
    )
    .option("-o, --output <file>", "write to this file (atomically) instead of standard output")
    .option("--no-bom", "CSV: no UTF-8 byte order mark at the start (spreadsheets need it to read UTF-8)")
    .option("-c, --config <file>", "config file, for its ignore list (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
JSON: {"apiVersion": "pmo/v1", "documents": [...]}, documents sorted by kind then id, keys in
schema order. CSV: a header of field paths (schedule.baselineFinish, status.overall) in
schema order, one row per document; lists and objects as JSON; cells a spreadsheet would run
as a formula (=, +, -, @, also after leading spaces or control characters) start with an
apostrophe; fields holding a comma, quote, CR or LF are quoted (RFC 4180). The file starts
with a UTF-8 byte order mark, so that Excel and LibreOffice read accents and currency signs
right (--no-bom drops it). pmo import csv reads such a file back.

Examples:
  $ pmo export json > repository.json
  $ pmo export json --kind projects --kind risks --output build/pmo.json
  $ pmo export csv --kind projects > projects.csv`,
    )
    .action(
      async (format: "csv" | "json", opts: { kind?: string[]; output?: string; bom: boolean; config?: string }) => {
        const { runExport } = await import("../commands/export.js");
        ctx.setExit(
          await runExport(
            {
              dir: ctx.dirOf(undefined),
              format,
              kinds: opts.kind ?? [],
              bom: opts.bom,
              ...(opts.output !== undefined && { out: ctx.dirOf(opts.output) }),
              ...(opts.config !== undefined && { config: opts.config }),
            },
            await ctx.io(),
          ),
        );
      },
    );
  deprecatedAlias(command, "--out", "--output", ctx.host.stderr);
}
