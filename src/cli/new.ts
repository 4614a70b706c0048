import { asOfOption } from "./options.js";
import type { CliContext } from "./index.js";

/** `pmo new <kind>`. */
export function registerNew(ctx: CliContext): void {
  ctx.program
    .command("new")
    .description("create a project, risk, issue, decision, portfolio or person from a template, with the next free id")
    .argument("<kind>", "project, risk, issue, decision, portfolio or person")
    .option("--name <text>", "the name (or title, for RAID entries); a person's id is made from it")
    .option("--id <id>", "the id (default: the next free id in the repository's pattern, e.g. PRJ-019)")
    .option("--portfolio <id>", "the portfolio it belongs to (a portfolio's parent, for a portfolio)")
    .option("--project <id>", "the project it belongs to (risks, issues, decisions)")
    .option("--owner <person>", "the owner (the manager of a project, who decides a decision)")
    // Not --dir: that is the global -C, --dir (the repository), which commander also reads here.
    .option("--folder <folder>", "the folder to write to (default: where documents of this kind usually live)")
    .option("--dry-run", "print the document instead of writing it")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Required fields are filled: an enumerated field with a sensible default and a comment saying
so (a project starts as a proposal, a risk is open and scored mid-scale), a name with a
TODO. The file goes to the folder that holds most documents of that kind (for a project with
--portfolio, most of that portfolio's projects). Prints the path of the new file; never
overwrites one.

Examples:
  $ pmo new project --name "Smart meter rollout" --portfolio PF-DIGITAL
  $ pmo new risk --project PRJ-013 --owner chloe.evans --name "Data migration slips"
  $ pmo new person --name "Jane Doe"
  $ pmo new decision --dry-run`,
    )
    .action(
      async (
        kind: string,
        opts: {
          name?: string;
          id?: string;
          portfolio?: string;
          project?: string;
          owner?: string;
          folder?: string;
          dryRun?: boolean;
          asOf?: string;
          config?: string;
        },
      ) => {
        const { runNew } = await import("../commands/new.js");
        ctx.setExit(
          await runNew(
            {
              dir: ctx.dirOf(undefined),
              config: opts.config,
              kind,
              id: opts.id,
              name: opts.name,
              portfolio: opts.portfolio,
              project: opts.project,
              owner: opts.owner,
              folder: opts.folder === undefined ? undefined : ctx.dirOf(opts.folder),
              dryRun: opts.dryRun === true,
              asOf: opts.asOf ?? (await ctx.today()),
            },
            await ctx.io(),
          ),
        );
      },
    );
}
