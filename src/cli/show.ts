import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo show <id>`: one entity with its related entities. */
export function registerShow(ctx: CliContext): void {
  ctx.program
    .command("show")
    .description("show one entity by id, with its related entities")
    .argument("<id>", "the id of any document: a project, portfolio, risk, issue, decision or person")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "yaml"]).default("text"))
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
A project shows its portfolio, sponsor and manager, milestones with their slip, its risks,
issues and decisions, and the projects that depend on it; a portfolio its sub-portfolios and
projects; a risk its mitigations and linked issues; a person everything they own.

Examples:
  $ pmo show PRJ-001
  $ pmo show PF-ASSET --format json
  $ pmo -C examples/meridian-water show owen.hughes`,
    )
    .action(async (id: string, opts: { format: "text" | "json" | "yaml"; asOf?: string; config?: string }) => {
      const { runShow } = await import("../commands/show.js");
      ctx.setExit(
        await runShow(
          {
            dir: ctx.dirOf(undefined),
            config: opts.config,
            asOf: opts.asOf ?? (await ctx.today()),
            id,
            format: opts.format,
          },
          await ctx.io(),
        ),
      );
    });
}
