import type { CliContext } from "./index.js";

/** `pmo schema [kind]`: the JSON Schema of a kind, or every schema written to a folder. */
export function registerSchema(ctx: CliContext): void {
  ctx.program
    .command("schema")
    .description("print the JSON Schema of a document kind (or list the schemas)")
    .argument("[kind]", "engagement, portfolio, project, risk, issue, decision, person, config, import-mapping or common")
    .option("-o, --out <dir>", "write every schema to <dir> as <name>.schema.json, for editors and other tools")
    .addHelpText(
      "after",
      `
Examples:
  $ pmo schema                # list the schemas
  $ pmo schema project > project.schema.json
  $ pmo schema --out .vscode/schemas`,
    )
    .action(async (kind: string | undefined, opts: { out?: string }) => {
      const { runSchema } = await import("../commands/schema.js");
      ctx.setExit(await runSchema({ kind, ...(opts.out !== undefined && { out: ctx.dirOf(opts.out) }) }, await ctx.io()));
    });
}
