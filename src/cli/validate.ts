import { Option } from "commander";
import type { CliContext } from "./index.js";
import { asOfOption } from "./options.js";

/** `pmo validate [dir]`: YAML syntax, schemas and references between documents. */
export function registerValidate(ctx: CliContext): void {
  ctx.program
    .command("validate")
    .description("check YAML syntax, schemas and references between documents")
    .argument("[dir]", "the repository folder (default: the current folder, or -C)")
    .addOption(asOfOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Reports every problem at once: YAML syntax, schema errors and cross-file integrity
(duplicate ids, dangling references, cycles, impossible dates, status scale).

Examples:
  $ pmo validate
  $ pmo validate examples/meridian-water --as-of 2026-11-30
  $ pmo validate --format json > validate.json`,
    )
    .action(async (dir: string | undefined, opts: { asOf?: string; format: "stylish" | "json"; config?: string }) => {
      const root = ctx.dirOf(dir);
      await ctx.prestartLoad(root, { config: opts.config });
      const { runValidate } = await import("../commands/validate.js");
      ctx.setExit(
        await runValidate(
          { dir: root, asOf: opts.asOf ?? (await ctx.today()), format: opts.format, config: opts.config },
          await ctx.io(),
        ),
      );
    });
}
