import { Option } from "commander";
import { EVM_PLAN_KINDS } from "../commands/load-kinds.js";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo evm`: earned value and earned schedule per project, rolled up per portfolio and engagement. */
export function registerEvm(ctx: CliContext): void {
  ctx.program
    .command("evm")
    .description(
      "earned value and earned schedule: PV, EV, AC, CPI, SPI, EAC, TCPI, SPI(t) per project, rolled up per portfolio and engagement",
    )
    .argument("[dir]", "the repository folder (default: the current folder, or -C)")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json", "csv", "markdown"])
        .default("table"),
    )
    .option("--explain", "show the arithmetic behind every figure (in json too)")
    .option(
      "-b, --baseline <name>",
      "measure against baseline NAME (the git tag pmo-baseline/NAME): its plan, today's progress",
    )
    .option(
      "--history",
      "CPI, SPI, SPI(t) and EAC of every project over the git history, each judged at its commit's date",
    )
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
A project is measured when it is in delivery, closure or closed, or has an earnedValue plan.
BAC is budget.approved, AC budget.actual, EV follows earnedValue.method (percent-complete by
default), PV follows earnedValue.plannedValue (periods, milestones or linear). A figure whose
inputs are missing is shown as ? and the reason is listed, never as 0. Roll-ups add money
only within one currency. Formulas and a worked example: docs/evm.md.

Examples:
  $ pmo evm
  $ pmo evm --explain
  $ pmo evm --format csv > evm.csv
  $ pmo evm --baseline 2026-Q3
  $ pmo evm --history --format csv > cpi-history.csv
  $ pmo -C examples/meridian-water evm --as-of 2026-11-30 --format markdown`,
    )
    .action(
      async (
        dir: string | undefined,
        opts: {
          format: "table" | "json" | "csv" | "markdown";
          explain?: boolean;
          baseline?: string;
          history?: boolean;
          asOf?: string;
          config?: string;
        },
      ) => {
        // --history loads every kind (and git); --baseline reads the tag from git after this load.
        await ctx.prestartLoad(ctx.dirOf(dir), {
          kinds: opts.history === true ? undefined : EVM_PLAN_KINDS,
          config: opts.config,
        });
        const { runEvm } = await import("../commands/evm.js");
        ctx.setExit(
          await runEvm(
            {
              dir: ctx.dirOf(dir),
              format: opts.format,
              explain: opts.explain === true,
              asOf: opts.asOf ?? (await ctx.today()),
              config: opts.config,
              baseline: opts.baseline,
              history: opts.history === true,
            },
            await ctx.io(),
          ),
        );
      },
    );
}
