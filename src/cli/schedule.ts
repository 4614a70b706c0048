import { Option } from "commander";
import { SCHEDULE_KINDS } from "../commands/load-kinds.js";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo schedule`: the critical path method over the repository's milestones and activities. */
export function registerSchedule(ctx: CliContext): void {
  ctx.program
    .command("schedule")
    .description(
      "critical path schedule across projects: early and late dates, total and free float, critical paths, what drives a date",
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["table", "markdown", "json"]).default("table"),
    )
    .option("--critical", "show only critical items (zero total float)")
    .option(
      "--milestone <ref>",
      "show what drives one milestone's date (PRJ-001/M2, or M2 when only one project has it)",
    )
    .option(
      "-b, --baseline <name>",
      "measure today's dates against baseline NAME (the git tag pmo-baseline/NAME): variance per item and project finish",
    )
    .option("-o, --output <file>", "write the output to this file instead (written atomically)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Every milestone and activity is a node; every dependsOn entry a link (finish-to-start,
start-to-start, finish-to-finish or start-to-finish, with a lag or lead), within and
across projects. An item with a duration is scheduled by the network from its project's
start; a milestone without one is held at its forecast (else baseline) and gets its float
from the dates. Actual dates are facts; once a project records progress, work not done
cannot happen before --as-of. Floats count the engagement's schedule days (calendar days
unless scheduling.days is working). See docs/schedule.md.

Examples:
  $ pmo schedule
  $ pmo schedule --critical
  $ pmo schedule --milestone PRJ-014/M3
  $ pmo schedule --format json > schedule.json
  $ pmo schedule --baseline 2026-Q3
  $ pmo -C examples/meridian-water schedule --format markdown --as-of 2026-11-30`,
    )
    .action(
      async (opts: {
        format: "table" | "markdown" | "json";
        critical?: boolean;
        milestone?: string;
        output?: string;
        baseline?: string;
        asOf?: string;
        config?: string;
      }) => {
        await ctx.prestartLoad(ctx.dirOf(undefined), { kinds: SCHEDULE_KINDS, config: opts.config });
        const { runSchedule } = await import("../commands/schedule.js");
        ctx.setExit(
          await runSchedule(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              asOf: opts.asOf ?? (await ctx.today()),
              format: opts.format,
              critical: opts.critical ?? false,
              milestone: opts.milestone,
              output: opts.output,
              baseline: opts.baseline,
            },
            await ctx.io(),
          ),
        );
      },
    );
}
