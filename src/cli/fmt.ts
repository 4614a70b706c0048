import type { CliContext } from "./index.js";

/** `pmo fmt [paths...] [--check]`. */
export function registerFmt(ctx: CliContext): void {
  ctx.program
    .command("fmt")
    .description("rewrite pmo files in their canonical form (key order, quoting, indentation), keeping comments")
    .argument(
      "[paths...]",
      "files or folders to format (default: every pmo file of the repository, and pmo.config.yaml)",
    )
    .option("--check", "write nothing; list the files that are not in canonical form and exit 1 if there are any")
    .option(
      "--modelines",
      "also add a yaml-language-server modeline to each pmo document without one, pointing to its schema in schemas/",
    )
    .option("-c, --config <file>", "config file, for its ignore list (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Keys follow the order of the kind's JSON Schema, strings are plain when possible and
double-quoted otherwise, dates are unquoted, lists are indented under their key, and every
comment and blank line is kept. Formatting twice changes nothing. Only files that change are
written. A file that does not parse is reported with its position and left untouched (exit 1).
The canonical form is described in docs/fmt.md. Modelines are kept as they are; with
--modelines, a document without one gets the line that lets editors check and complete it
(as pmo init, pmo new and pmo import write them), and --check --modelines fails on a
document that lacks one.

Examples:
  $ pmo fmt
  $ pmo fmt projects/PRJ-019.yaml
  $ pmo fmt --check               # in CI: exit 1 when a file needs formatting
  $ pmo fmt --modelines           # give every document its editor modeline`,
    )
    .action(async (paths: string[], opts: { check?: boolean; config?: string; modelines?: boolean }) => {
      const { runFmt } = await import("../commands/fmt.js");
      const dir = ctx.dirOf(undefined);
      ctx.setExit(
        await runFmt(
          {
            dir,
            paths: paths.map((p) => ctx.dirOf(p)),
            check: opts.check === true,
            config: opts.config,
            modelines: opts.modelines === true,
          },
          await ctx.io(),
        ),
      );
    });
}
