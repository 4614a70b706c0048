import type { CliContext } from "./index.js";
import { deprecatedAlias } from "./options.js";

/** `pmo schema [kind]`: the JSON Schema of a kind, or every schema written to a folder. */
export function registerSchema(ctx: CliContext): void {
  const command = ctx.program
    .command("schema")
    .description("print the JSON Schema of a document kind (or list the schemas)")
    .argument(
      "[kind]",
      "engagement, portfolio, project, risk, issue, decision, person, config, import-mapping or common",
    )
    .option("--out-dir <dir>", "write every schema to <dir> as <name>.schema.json, for editors and other tools")
    .addHelpText(
      "after",
      `
Examples:
  $ pmo schema                # list the schemas
  $ pmo schema project > project.schema.json
  $ pmo schema --out-dir .vscode/schemas`,
    )
    .action(async (kind: string | undefined, opts: { outDir?: string }) => {
      const { runSchema } = await import("../commands/schema.js");
      ctx.setExit(
        await runSchema({ kind, ...(opts.outDir !== undefined && { out: ctx.dirOf(opts.outDir) }) }, await ctx.io()),
      );
    });
  deprecatedAlias(command, "-o", "--out-dir", ctx.host.stderr);
  deprecatedAlias(command, "--out", "--out-dir", ctx.host.stderr);
}
