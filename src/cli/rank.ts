import { InvalidArgumentError, Option } from "commander";
import { PLAN_KINDS } from "../commands/load-kinds.js";
import type { CliContext } from "./index.js";
import { asOfOption, collect, parseCount } from "./options.js";

const FORMATS = ["table", "json", "csv", "markdown"] as const;
type Format = (typeof FORMATS)[number];

/** `pmo rank` and `pmo select`: prioritisation and selection within a budget. */
export function registerRank(ctx: CliContext): void {
  ctx.program
    .command("rank")
    .description(
      "rank a portfolio's projects by its prioritisation method, with the cumulative cost and the funding cut line",
    )
    .argument("[portfolio]", "a portfolio id (default: every portfolio with active projects)")
    .option("--explain", "show each score's arithmetic")
    .addOption(new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("table"))
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Scores each active project by its portfolio's prioritisation.method: weighted-sum (criterion
weight x score / sum of weights; an alignment criterion scores contributions to objectives)
or wsjf (cost of delay / job size). Ties go to the lower cost, then the id. The envelope is
filled in funding order (committed work first, or strictly by rank) and the cut line falls
before the first project that no longer fits. Unknown costs are left out of the cumulative
cost and listed with their rank, never counted as 0. See docs/prioritisation.md.

Examples:
  $ pmo rank
  $ pmo rank PF-ASSET --explain
  $ pmo -C examples/meridian-water rank PF-DIGITAL --format markdown --as-of 2026-11-30
  $ pmo rank --format csv > ranking.csv`,
    )
    .action(
      async (
        portfolio: string | undefined,
        opts: { explain?: boolean; format: Format; asOf?: string; config?: string },
      ) => {
        await ctx.prestartLoad(ctx.dirOf(undefined), { kinds: PLAN_KINDS, config: opts.config });
        const { runRank } = await import("../commands/rank.js");
        ctx.setExit(
          await runRank(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              asOf: opts.asOf ?? (await ctx.today()),
              ...(portfolio !== undefined && { portfolio }),
              explain: opts.explain === true,
              format: opts.format,
            },
            await ctx.io(),
          ),
        );
      },
    );

  ctx.program
    .command("select")
    .description("the projects that maximise total value within a budget (exact), with the efficient frontier")
    .argument("[portfolio]", "a portfolio id (default: every portfolio with an envelope)")
    .option(
      "-b, --budget <amount>",
      "the budget: an amount (2500000, 2.5M, 800k) or a share of the envelope (80%); default: the envelope",
    )
    .addOption(new Option("--include <id>", "a project that must be funded (repeatable)").argParser(collect))
    .addOption(new Option("--exclude <id>", "a project that must not be funded (repeatable)").argParser(collect))
    .addOption(
      new Option(
        "--funding-order <order>",
        "committed-first: committed work is funded, the rest compete; rank: everything competes (default: the portfolio's)",
      ).choices(["committed-first", "rank"]),
    )
    .option("--chart <file>", "write the efficient frontier as an SVG chart (one portfolio)")
    .addOption(new Option("--levels <n>", "budget levels of the efficient frontier").argParser(parseLevels).default(10))
    .addOption(new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("table"))
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Maximises the total weighted score (or cost of delay, for WSJF) of the funded projects
within the budget, exactly (branch and bound, proved optimal), respecting dependencies
between projects (none is funded without what it depends on), exclusiveGroup (at most one
project of a group) and --include/--exclude. Projects with an unknown cost or score are not
considered, and listed. Exit 1 when no selection fits (the must-funds cost too much).

Examples:
  $ pmo select PF-ASSET
  $ pmo select PF-ASSET --budget 80% --funding-order rank     # with 20% less, what stops?
  $ pmo select PF-DIGITAL --budget 40M --include PRJ-019 --exclude PRJ-021
  $ pmo select PF-ASSET --chart frontier.svg --levels 12
  $ pmo select --budget 90% --format json`,
    )
    .action(
      async (
        portfolio: string | undefined,
        opts: {
          budget?: string;
          include?: string[];
          exclude?: string[];
          fundingOrder?: "committed-first" | "rank";
          chart?: string;
          levels: number;
          format: Format;
          asOf?: string;
          config?: string;
        },
      ) => {
        await ctx.prestartLoad(ctx.dirOf(undefined), { kinds: PLAN_KINDS, config: opts.config });
        const { runSelect } = await import("../commands/rank.js");
        ctx.setExit(
          await runSelect(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              asOf: opts.asOf ?? (await ctx.today()),
              ...(portfolio !== undefined && { portfolio }),
              ...(opts.budget !== undefined && { budget: opts.budget }),
              include: opts.include ?? [],
              exclude: opts.exclude ?? [],
              ...(opts.fundingOrder !== undefined && { fundingOrder: opts.fundingOrder }),
              ...(opts.chart !== undefined && { chart: opts.chart }),
              levels: opts.levels,
              format: opts.format,
            },
            await ctx.io(),
          ),
        );
      },
    );
}

function parseLevels(value: string): number {
  const n = parseCount(value);
  if (n < 2 || n > 100) throw new InvalidArgumentError(`expected 2 to 100 budget levels (got ${value})`);
  return n;
}

function parseIterations(value: string): number {
  const n = parseCount(value);
  if (n < 1) throw new InvalidArgumentError("expected at least 1 iteration");
  return n;
}

/** `pmo compare`: scenarios as branches, side by side. */
export function registerCompare(ctx: CliContext): void {
  ctx.program
    .command("compare")
    .description(
      "two or more git refs (scenario branches) side by side: money per portfolio, ranks, the funded set, status mix",
    )
    .argument("<refs...>", "branches, tags, commits or folders; working-tree for the files as they are")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["table", "markdown", "json"]).default("table"),
    )
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file for every state (default: each state's own pmo.config.yaml)")
    .option("--p80", "run the schedule forecast of each state (Monte Carlo, as pmo forecast) and show P80 finishes")
    .addOption(
      new Option("-n, --iterations <n>", "Monte Carlo iterations per state with --p80")
        .argParser(parseIterations)
        .default(2000),
    )
    .addHelpText(
      "after",
      `
Each state is read from git without a checkout (or from a folder), validated and ranked like
pmo rank. Per portfolio: the envelope, what it leaves for the portfolio's own projects, the
committed forecast, the funded set and its cost, what falls below the line, unknown costs and
unscored projects, and the status mix; then each project's rank and funding in each state.
With --p80, also the latest P80 finish of the portfolio's projects, how many would miss their
committed finish at P80, and each project's P80 (pmo forecast's simulation, fixed seed).
A scenario such as "what if we cut 20%?" is a branch a reviewer can read.

Examples:
  $ pmo compare main scenario/cut-20pct
  $ pmo compare v2026-q3 main working-tree --format markdown > scenarios.md
  $ pmo -C examples/meridian-water compare main HEAD --as-of 2026-11-30 --format json
  $ pmo compare main scenario/cut-20pct --p80`,
    )
    .action(
      async (
        refs: string[],
        opts: {
          format: "table" | "markdown" | "json";
          asOf?: string;
          config?: string;
          p80?: boolean;
          iterations: number;
        },
      ) => {
        const { runCompare } = await import("../commands/compare.js");
        ctx.setExit(
          await runCompare(
            {
              dir: ctx.dirOf(undefined),
              refs,
              format: opts.format,
              asOf: opts.asOf ?? (await ctx.today()),
              ...(opts.config !== undefined && { config: opts.config }),
              ...(opts.p80 === true && { p80: { iterations: opts.iterations } }),
            },
            await ctx.io(),
          ),
        );
      },
    );
}
