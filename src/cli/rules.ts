import { Option } from "commander";
import type { CliContext } from "./index.js";

/** `pmo rules`: the governance rules with their group, severity and presets. */
export function registerRules(ctx: CliContext): void {
  ctx.program
    .command("rules")
    .description("list the governance rules with their group, severity and presets")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]).default("table"),
    )
    .option(
      "--preset <name>",
      "only the rules a preset enables, at its severities (recommended, strict, strategic, tactical, operational, project)",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ pmo rules
  $ pmo rules --preset strategic
  $ pmo rules --format json`,
    )
    .action(async (opts: { format: "table" | "json" | "markdown"; preset?: string }) => {
      const { runRules } = await import("../commands/rules.js");
      ctx.setExit(await runRules(opts, await ctx.io()));
    });
}

/** `pmo explain <rule>`: a rule's documentation. */
export function registerExplain(ctx: CliContext): void {
  ctx.program
    .command("explain")
    .description("show a rule's documentation: what it checks, why, options and examples")
    .argument("<rule>", "a rule id, as pmo rules lists them")
    .addHelpText(
      "after",
      `
Examples:
  $ pmo explain budget-rag-consistent
  $ pmo explain schema`,
    )
    .action(async (rule: string) => {
      const { runExplain } = await import("../commands/rules.js");
      ctx.setExit(await runExplain({ rule }, await ctx.io()));
    });
}
