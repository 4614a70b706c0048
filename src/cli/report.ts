import { Option } from "commander";
import type { CliContext } from "./index.js";
import { version } from "./index.js";
import { asOfOption, collect, deprecatedAlias, parseCount } from "./options.js";

export function registerReport(ctx: CliContext): void {
  const { program, setExit, io, dirOf } = ctx;
  const command = program
    .command("report")
    .description(
      "write the status report: portfolio dashboard, a page per project, risk register and engagement page (HTML or Markdown)",
    )
    .argument("[dir]", "the repository folder (default: the current folder, or -C)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["html", "md", "pdf"]).default("html"))
    .option("--out-dir <dir>", "folder to write the report into", "report")
    .addOption(asOfOption())
    .option("--single", "write one file (report.html or report.md) instead of a site")
    .addOption(
      new Option(
        "--pack <contents>",
        "board: the board pack, a few pages for a steering committee; full: the whole report (default: board for --format pdf, full otherwise)",
      ).choices(["board", "full"]),
    )
    .addOption(
      new Option(
        "--paper <size>",
        "paper of the print stylesheet and the PDF (default: the config's report.paper, else a4)",
      ).choices(["a4", "letter"]),
    )
    .option(
      "--audience <id>",
      "the pack of one audience of the engagement's reporting.audiences, in one file (see docs/commands/report.md)",
    )
    .option(
      "--chromium <path>",
      "the Chromium or Chrome that prints --format pdf (default: $PMO_CHROMIUM, else the usual places)",
    )
    .option(
      "-t, --templates <dir>",
      "folder of templates and partials that override the built-in ones by name (see docs/templates.md)",
    )
    .addOption(
      new Option(
        "--forecast-iterations <n>",
        "iterations of the schedule forecast on the dependencies and project pages (0 leaves it out; default 2000, and none above 500 projects)",
      ).argParser(parseCount),
    )
    .option("--force", "overwrite files in --out-dir that pmo did not write")
    .option("--no-history", "leave out the trend charts and what changed state, which read the git history")
    .addOption(
      new Option(
        "--since <date>",
        "start the dashboard's trend at this date, YYYY-MM-DD (default: the first commit)",
      ).argParser((value: string) => asOfOption().parseArg!(value, undefined)),
    )
    .option(
      "-b, --baseline <name>",
      "measure against baseline NAME (the git tag pmo-baseline/NAME): its budgets, baseline dates and planned value, today's progress",
    )
    .addOption(
      new Option(
        "--compare <ref>",
        "add a scenario comparison page: this report beside REF (a branch, tag, commit or folder, read from git without a checkout), as pmo compare sets them; repeatable",
      ).argParser(collect),
    )
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Renders everything in memory, then writes it atomically: an error leaves no partial report.
--out-dir keeps a manifest (.pmo-report.json) of the files pmo wrote, so a re-run replaces its
own files (and removes pages of deleted projects) but never a file it did not write, unless
--force. The same files and --as-of give byte-identical output. A repository that does not
validate gets its errors (exit 1) and no report.

Inside a git repository the report also reads the first-parent history of HEAD (one git log,
one git cat-file --batch): trend charts of each project's overall status and forecast at
completion, the portfolio's status per reporting period and forecast drift, and on the
dashboard the projects whose status or stage changed since the previous report (one
reporting cadence before --as-of). The dashboard's trend runs from the first commit (or
--since) to --as-of, by the cadence's period, or by month, quarter or year when that would
make more than 24 periods. Outside git, or with --no-history, the report says that these
are left out.

--compare REF adds scenarios.html: per portfolio, the envelope, the funded set and its cost,
what falls below the line and the status mix of this report beside those of REF, each
project's rank and funding in each, and first the projects that cross the cut line (the
model of pmo compare; REF is read with the kinds a comparison reads). A scenario is a branch:
pmo report --compare scenario/cut-20pct shows what a 20% cut would stop.

--format pdf prints the board pack to report.pdf: the exception dashboard and totals, the
decisions awaiting the board with their options and recommendation, the roadmap, the highest
risks, open issues, dependencies, benefits per objective, and each portfolio's message with
one block per project (at most 12 A4 pages for the bundled example, body text 9 pt at 100%).
--pack full prints the whole report instead; --pack board --format html (or markdown) writes
the pack as one page, report.html (report.md, its charts as SVG files beside it). The PDF is laid out by the print stylesheet on A4 or Letter, with running headers
and page numbers, through a headless Chromium: the one --chromium or PMO_CHROMIUM names, else
a system Chromium or Chrome.

Examples:
  $ pmo report examples/meridian-water --as-of 2026-11-30 --out-dir report
  $ pmo report --format markdown --out-dir docs/status
  $ pmo report --single --out-dir board-pack
  $ pmo report --format pdf --paper letter --out-dir board-pack
  $ pmo report --format pdf --pack full --out-dir whole-report
  $ pmo report --format markdown --pack board --out-dir board-pack
  $ pmo report --format pdf --audience steering-committee --out-dir steering
  $ pmo report --templates branding --out-dir report
  $ pmo report --no-history --out-dir report
  $ pmo report --since 2025-01-01 --out-dir report
  $ pmo report --baseline 2026-Q3 --out-dir report-vs-q3
  $ pmo report --compare scenario/cut-20pct --out-dir report`,
    )
    .action(
      async (
        dir: string | undefined,
        opts: {
          format: "html" | "md" | "pdf";
          outDir: string;
          asOf?: string;
          single?: boolean;
          pack?: "board" | "full";
          paper?: "a4" | "letter";
          audience?: string;
          chromium?: string;
          templates?: string;
          force?: boolean;
          history?: boolean;
          config?: string;
          since?: string;
          forecastIterations?: number;
          baseline?: string;
          compare?: string[];
        },
      ) => {
        const { runReport } = await import("../commands/report.js");
        setExit(
          await runReport(
            {
              dir: dirOf(dir),
              asOf: opts.asOf ?? (await ctx.today()),
              config: opts.config,
              format: opts.format,
              out: opts.outDir,
              single: opts.single === true,
              pack: opts.pack,
              paper: opts.paper,
              audience: opts.audience,
              chromium: { option: opts.chromium, env: ctx.host.env["PMO_CHROMIUM"], platform: process.platform },
              templates: opts.templates,
              force: opts.force === true,
              history: opts.history !== false,
              ...(opts.since !== undefined && { since: opts.since }),
              ...(opts.forecastIterations !== undefined && { forecastIterations: opts.forecastIterations }),
              ...(opts.baseline !== undefined && { baseline: opts.baseline }),
              ...(opts.compare !== undefined && { compare: opts.compare }),
              version: version(),
            },
            await io(),
          ),
        );
      },
    );
  deprecatedAlias(command, "-o", "--out-dir", ctx.host.stderr);
  deprecatedAlias(command, "--out", "--out-dir", ctx.host.stderr);
}
