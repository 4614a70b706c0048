import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption, parseCount } from "./options.js";

/** `pmo forecast`: Monte Carlo schedule forecast over the repository's network. */
export function registerForecast(ctx: CliContext): void {
  ctx.program
    .command("forecast")
    .description(
      "Monte Carlo schedule forecast: P50/P80/P90 per milestone and project finish, chance of meeting the committed date, criticality",
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["table", "markdown", "json"]).default("table"),
    )
    .addOption(new Option("--iterations <n>", "iterations to simulate").argParser(parseCount).default(10_000))
    .addOption(
      new Option("--seed <n>", "seed of the random numbers (same inputs and seed, same output)")
        .argParser(parseCount)
        .default(20260101),
    )
    .option("-o, --output <file>", "write the output to this file instead (written atomically)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Samples every three-point estimate (an activity's durationEstimate, a dated milestone's
estimate) from a PERT-beta or, when the engagement says scheduling.distribution:
triangular, a triangular distribution, plus each open threat with probabilityPercent,
scheduleImpact and milestones as a risk event, and runs the schedule network each
iteration. Shows P50/P80/P90 dates, the share of iterations meeting the committed date
(baseline, or the date an approved rebaseline records) beside PERT's normal
approximation, the criticality index and, where paths join, the merge bias. The same
inputs and seed give the same bytes on any machine. See docs/schedule.md.

Examples:
  $ pmo forecast
  $ pmo forecast --iterations 100000 --seed 7
  $ pmo forecast --format json > forecast.json
  $ pmo -C examples/meridian-water forecast --format markdown --as-of 2026-11-30`,
    )
    .action(
      async (opts: {
        format: "table" | "markdown" | "json";
        iterations: number;
        seed: number;
        output?: string;
        asOf?: string;
        config?: string;
      }) => {
        const { runForecast } = await import("../commands/forecast.js");
        ctx.setExit(
          await runForecast(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              asOf: opts.asOf ?? (await ctx.today()),
              format: opts.format,
              iterations: opts.iterations,
              seed: opts.seed,
              output: opts.output,
            },
            await ctx.io(),
          ),
        );
      },
    );
}
