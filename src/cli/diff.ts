import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo diff <base> [<head>]`: the meaning of a change, for pull-request review. */
export function registerDiff(ctx: CliContext): void {
  ctx.program
    .command("diff")
    .description("what a change means: status, milestones, money, risks and findings between two git refs or folders")
    .argument(
      "[base]",
      "a branch, tag or commit, main...HEAD for the merge base, or a folder (with --baseline: the head)",
    )
    .argument("[head]", "the same, compared with <base> (default: the working tree)")
    .option(
      "-b, --baseline <name>",
      "compare with baseline NAME (the git tag pmo-baseline/NAME, pmo baseline ls) as the base",
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"),
    )
    .option("-o, --output <file>", "write the output to this file instead (written atomically)")
    .option("--exit-code", "exit 1 when anything changed in meaning or in the findings")
    .option(
      "--fail-on <condition>",
      "exit 1 when the change introduces findings: new-findings, or new-findings=<error|warn|info> for that severity and above",
    )
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file for both sides (default: each side's own pmo.config.yaml)")
    .addHelpText(
      "after",
      `
Entities are matched by kind and id wherever their file lives: moving a file is not a change,
and an id changed on otherwise identical content is a rename. Changes are stated as status
transitions, stage moves, money, milestone slips in days, risk scores, owners and weights;
the governance checks run on both sides (with the same --as-of) and the findings introduced
and resolved are listed. Refs are read from git without a checkout. Exit 2 for an unknown
ref, a base missing from a shallow clone, or a folder outside a git repository; exit 1
whenever the head does not validate (it is reported first, never read as deletions).

Examples:
  $ pmo diff main                             # the working tree against main
  $ pmo diff main...HEAD --format markdown    # a pull request: changes since the merge base
  $ pmo diff v1.0 v1.1 --format json
  $ pmo diff --baseline 2026-Q3               # the working tree against a baseline (pmo baseline ls)
  $ pmo diff --baseline 2026-Q3 main          # main against the same baseline
  $ pmo diff origin/main...HEAD --fail-on new-findings=error
  $ pmo -C examples/meridian-water diff HEAD~1 --as-of 2026-11-30`,
    )
    .action(
      async (
        base: string | undefined,
        head: string | undefined,
        opts: {
          format: "text" | "markdown" | "json";
          output?: string;
          exitCode?: boolean;
          failOn?: string;
          asOf?: string;
          config?: string;
          baseline?: string;
        },
      ) => {
        const { runDiff } = await import("../commands/diff.js");
        ctx.setExit(
          await runDiff(
            {
              dir: ctx.dirOf(undefined),
              base,
              head,
              format: opts.format,
              output: opts.output,
              exitCode: opts.exitCode === true,
              failOn: opts.failOn,
              asOf: opts.asOf ?? (await ctx.today()),
              config: opts.config,
              baseline: opts.baseline,
            },
            await ctx.io(),
          ),
        );
      },
    );
}
