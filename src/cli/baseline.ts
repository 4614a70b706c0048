import { Option } from "commander";
import type { CliContext } from "./index.js";

/** `pmo baseline create|ls|show`: baselines as annotated git tags approved by decisions. */
export function registerBaseline(ctx: CliContext): void {
  const command = ctx.program
    .command("baseline")
    .description("baselines as git tags (pmo-baseline/NAME) approved by a decision: create, ls, show")
    .addHelpText(
      "after",
      `
A baseline freezes the repository at a commit, with no second copy of the data: an annotated
tag pmo-baseline/NAME whose message names the approving decision (git records who made it).
pmo evm --baseline NAME and pmo diff --baseline NAME measure against it, read from git without
a checkout. Push the tags to share them: git push origin 'refs/tags/pmo-baseline/*'.

Examples:
  $ pmo baseline create 2026-Q3 --decision DEC-012
  $ pmo baseline create rebaseline-2 --decision DEC-031 --message "Re-plan after the supplier change"
  $ pmo baseline ls
  $ pmo baseline show 2026-Q3
  $ pmo evm --baseline 2026-Q3`,
    );

  command
    .command("create")
    .description("tag the last commit as baseline NAME, approved by an approved decision")
    .argument("<name>", "the baseline's name: letters, digits, '.', '_' and '-' (e.g. 2026-Q3)")
    .requiredOption("-d, --decision <id>", "the approved Decision that approves this baseline")
    .option("-m, --message <text>", "a note kept in the tag")
    .option("--at <rev>", "the commit to freeze (default: HEAD)", "HEAD")
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .action(async (name: string, opts: { decision: string; message?: string; at: string; config?: string }) => {
      const { runBaselineCreate } = await import("../commands/baseline.js");
      ctx.setExit(
        await runBaselineCreate(
          {
            dir: ctx.dirOf(undefined),
            name,
            decision: opts.decision,
            message: opts.message,
            at: opts.at,
            config: opts.config,
          },
          await ctx.io(),
        ),
      );
    });

  command
    .command("ls")
    .description("list the baselines: date, commit, decision, who made it, and whether the decision is approved")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .action(async (opts: { format: "table" | "json"; config?: string }) => {
      const { runBaselineLs } = await import("../commands/baseline.js");
      ctx.setExit(
        await runBaselineLs({ dir: ctx.dirOf(undefined), format: opts.format, config: opts.config }, await ctx.io()),
      );
    });

  command
    .command("show")
    .description("one baseline: its commit, decision, author, note and what it holds")
    .argument("<name>", "the baseline's name")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .action(async (name: string, opts: { format: "table" | "json"; config?: string }) => {
      const { runBaselineShow } = await import("../commands/baseline.js");
      ctx.setExit(
        await runBaselineShow(
          { dir: ctx.dirOf(undefined), name, format: opts.format, config: opts.config },
          await ctx.io(),
        ),
      );
    });
}
