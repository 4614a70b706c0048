import { Option } from "commander";
import type { CliContext } from "./index.js";
import { version } from "./index.js";
import { asOfOption, collect, FAIL_SEVERITY_CHOICES, parseCount } from "./options.js";

/** `pmo check [dir]`: validation and the governance rules, the CI gate. */
export function registerCheck(ctx: CliContext): void {
  ctx.program
    .command("check")
    .description("check governance rules (and validation) — the CI gate")
    .argument("[dir]", "the repository folder (default: the current folder, or -C)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .option(
      "-f, --format <format>",
      "output format, or format=file to write it to a file; repeatable (stylish, json, sarif, junit, github, markdown)",
      collect,
    )
    .option("-o, --output <file>", "write the terminal format to this file instead")
    .addOption(
      new Option("--fail-severity <severity>", "lowest severity that fails the check")
        .choices([...FAIL_SEVERITY_CHOICES])
        .default("error"),
    )
    .option("--max-warnings <n>", "fail when there are more than <n> warnings", parseCount)
    .option("-q, --quiet", "show errors only (warnings still count for --max-warnings)")
    .option(
      "--new-since <ref>",
      "only findings absent at this git ref (or folder) count; the others are shown as existing",
    )
    .addHelpText(
      "after",
      `
Runs validation, then the governance rules of the presets in pmo.config.yaml (or, without
one, of the engagement's PMO type), with waivers and inline suppressions applied.
Exit 0 when nothing is at or above --fail-severity, 1 when something is, 2 for usage
or config errors.

Examples:
  $ pmo check
  $ pmo check examples/meridian-water --as-of 2026-11-30
  $ pmo check --format stylish --format sarif=pmo.sarif --format junit=pmo-junit.xml
  $ pmo check --format github --fail-severity warn
  $ pmo check --format markdown --output check.md --max-warnings 10
  $ pmo check --new-since origin/main --fail-severity warn   # fail only on findings the branch adds`,
    )
    .action(
      async (
        dir: string | undefined,
        opts: {
          asOf?: string;
          config?: string;
          format?: string[];
          output?: string;
          failSeverity: "error" | "warn" | "info";
          maxWarnings?: number;
          quiet?: boolean;
          newSince?: string;
        },
      ) => {
        await ctx.prestartLoad(ctx.dirOf(dir), { config: opts.config });
        const { runCheckCommand } = await import("../commands/check.js");
        ctx.setExit(
          await runCheckCommand(
            {
              dir: ctx.dirOf(dir),
              asOf: opts.asOf ?? (await ctx.today()),
              config: opts.config,
              formats: (opts.format ?? []).map((spec) => formatSpec(spec, ctx.dirOf)),
              output: opts.output,
              failSeverity: opts.failSeverity,
              maxWarnings: opts.maxWarnings,
              quiet: opts.quiet === true,
              version: version(),
              newSince: opts.newSince,
            },
            await ctx.io(),
          ),
        );
      },
    );
}

/** `--format NAME[=FILE]`: `md` is `markdown`, as everywhere, and FILE is taken relative to -C like every path. */
function formatSpec(spec: string, pathOf: (p: string) => string): string {
  const eq = spec.indexOf("=");
  const name = eq >= 0 ? spec.slice(0, eq) : spec;
  const canonical = name === "md" ? "markdown" : name;
  if (eq < 0) return canonical;
  const file = spec.slice(eq + 1);
  return `${canonical}=${file === "" ? "" : pathOf(file)}`;
}
