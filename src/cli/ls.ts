import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption, collect } from "./options.js";

/** `pmo ls <kind>`: documents of one kind as a table, JSON or CSV. */
export function registerLs(ctx: CliContext): void {
  ctx.program
    .command("ls")
    .description("list projects, risks, issues, decisions, portfolios or people as a table, JSON or CSV")
    .argument("<kind>", "projects, portfolios, risks, issues, decisions, people or engagements (singular works too)")
    .addOption(
      new Option(
        "-w, --where <filter>",
        "keep documents where field=value, field!=value or field=a,b (repeatable; all must match)",
      ).argParser(collect),
    )
    .option("-s, --sort <field>", "sort by a column or field path; -field for descending (default: id)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--no-bom", "CSV: no UTF-8 byte order mark at the start (spreadsheets need it to read UTF-8)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Fields are dotted paths into the documents (status.overall, budget.forecast,
milestones.forecast) or column names (score, for, finish). Lists match when any element does.

Examples:
  $ pmo ls projects
  $ pmo ls projects --where stage=delivery,planning --where status.overall=red
  $ pmo ls risks --where status=open --sort -score
  $ pmo ls issues --where owner!=owen.hughes --format csv > issues.csv
  $ pmo -C examples/meridian-water ls portfolios --format json`,
    )
    .action(
      async (
        kind: string,
        opts: {
          where?: string[];
          sort?: string;
          format: "table" | "json" | "csv";
          bom: boolean;
          asOf?: string;
          config?: string;
        },
      ) => {
        const { runLs } = await import("../commands/ls.js");
        ctx.setExit(
          await runLs(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              asOf: opts.asOf ?? (await ctx.today()),
              kind,
              where: opts.where ?? [],
              sort: opts.sort,
              format: opts.format,
              bom: opts.bom,
            },
            await ctx.io(),
          ),
        );
      },
    );
}
