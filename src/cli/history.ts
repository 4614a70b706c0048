import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo history`: status over time, rebuilt from the git history of the repository. */
export function registerHistory(ctx: CliContext): void {
  ctx.program
    .command("history")
    .description("status over time from git history: per project, per reporting period, and the PMO's own KPIs")
    .addOption(dateOption("--since <date>", "only commits on or after this date, YYYY-MM-DD"))
    .addOption(dateOption("--until <date>", "only commits on or before this date, YYYY-MM-DD"))
    .addOption(
      new Option("--period <period>", "reporting period for the portfolio and KPIs")
        .choices(["week", "month", "quarter", "year"])
        .default("month"),
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["table", "markdown", "json"]).default("table"),
    )
    .option(
      "--no-findings",
      "leave out the findings KPI: no check of each period's last commit (the costly part on a large portfolio)",
    )
    .option("-o, --output <file>", "write the output to this file instead (written atomically)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Rebuilt from the first-parent git history alone, with no other store: for each project
the commits where its overall status, forecast finish or forecast cost changed (date,
author, values); for each week, month, quarter or year the status distribution (not-assessed apart), the
total forecast per currency (projects without one counted, never as 0), the share of
projects with an on-time status report, judged at the end of the period (or --as-of), and
the findings of a full check of the period's last commit, judged on its date, with today's
config. A change of the engagement's status scale is reported as such, not as movements.
The check is most of the time on a large portfolio (one full check per period with a
commit); --no-findings leaves it out, and the findings columns read "-".

Examples:
  $ pmo history
  $ pmo history --since 2026-01-01 --period week
  $ pmo history --period year
  $ pmo history --period year --no-findings
  $ pmo history --format json > history.json
  $ pmo -C examples/meridian-water history --format markdown --as-of 2026-11-30`,
    )
    .action(
      async (opts: {
        since?: string;
        until?: string;
        period: "week" | "month" | "quarter" | "year";
        format: "table" | "markdown" | "json";
        output?: string;
        findings: boolean;
        asOf?: string;
        config?: string;
      }) => {
        const { runHistory } = await import("../commands/history.js");
        ctx.setExit(
          await runHistory(
            {
              dir: ctx.dirOf(undefined),
              since: opts.since,
              until: opts.until,
              period: opts.period,
              format: opts.format,
              output: opts.output,
              findings: opts.findings,
              asOf: opts.asOf ?? (await ctx.today()),
              config: opts.config,
            },
            await ctx.io(),
          ),
        );
      },
    );
}

/** A YYYY-MM-DD option, checked like --as-of. */
function dateOption(flags: string, description: string): Option {
  const checker = asOfOption();
  return new Option(flags, description).argParser((value: string) => checker.parseArg!(value, undefined));
}
