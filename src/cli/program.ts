import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { CommandIO } from "../commands/io.js";
import type { Palette } from "../core/format/colors.js";
import type { ExitCode } from "../model/diagnostic.js";
import { COMMANDS } from "./commands.js";
import { version, type Host } from "./host.js";
import { asOfOption, collect, FAIL_SEVERITY_CHOICES, parseCount } from "./options.js";

/** The commander program: every command, the colour decision, and the mapping of errors to exit codes. */
export async function runProgram(argv: readonly string[], host: Host): Promise<number> {
  let exitCode: number = 0;
  let ioCache: CommandIO | undefined;
  const getIO = async (): Promise<CommandIO> => (ioCache ??= await makeIO(host, program.opts<{ color?: boolean }>().color));
  const program = buildProgram(host, (code) => (exitCode = code), getIO);
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    return handleError(error, host, ioCache);
  }
  return exitCode;
}

export type SetExit = (code: ExitCode) => void;
export type GetIO = () => Promise<CommandIO>;

/** What a command registration needs from the program (see src/cli/commands.ts). */
export interface CliContext {
  program: Command;
  host: Host;
  setExit: SetExit;
  io: GetIO;
  /** The repository folder: a positional folder taken relative to -C. */
  dirOf(positional: string | undefined): string;
  /** Today's local date, the default --as-of. */
  today(): Promise<string>;
}

function buildProgram(host: Host, setExit: SetExit, io: GetIO): Command {
  const program = new Command("pmo")
    .description("PMO as code: validate, check and report on a repository of portfolio, project and RAID YAML files")
    .version(version(), "-V, --version", "print the pmo version")
    .helpOption("-h, --help", "show help")
    .option("-C, --dir <dir>", "run as if pmo was started in <dir>")
    .option("--color", "force coloured output")
    .option("--no-color", "disable coloured output (NO_COLOR and FORCE_COLOR are honoured too)")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => host.stdout.write(s),
      writeErr: (s) => host.stderr.write(s),
    })
    .addHelpText(
      "after",
      `
Exit codes: 0 clean, 1 problems found, 2 usage, config or internal error.

Examples:
  $ pmo validate examples/meridian-water --as-of 2026-11-30
  $ pmo -C examples/meridian-water ls projects --where stage=delivery
  $ pmo schema project`,
    );

  // A positional folder is taken relative to -C, as git does with paths after -C.
  const dirOf = (positional: string | undefined): string => path.resolve(host.cwd, program.opts<{ dir?: string }>().dir ?? ".", positional ?? ".");

  program
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
      const { runValidate } = await import("../commands/validate.js");
      setExit(await runValidate({ dir: dirOf(dir), asOf: opts.asOf ?? (await today(host)), format: opts.format, config: opts.config }, await io()));
    });

  program
    .command("ls")
    .description("list projects, risks, issues, decisions, portfolios or people as a table, JSON or CSV")
    .argument("<kind>", "projects, portfolios, risks, issues, decisions, people or engagements (singular works too)")
    .addOption(new Option("-w, --where <filter>", "keep documents where field=value, field!=value or field=a,b (repeatable; all must match)").argParser(collect))
    .option("-s, --sort <field>", "sort by a column or field path; -field for descending (default: id)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .addHelpText(
      "after",
      `
Fields are dotted paths into the documents (status.overall, budget.forecast,
milestones.forecast) or column names (score, for, finish). Lists match when any element does.

Examples:
  $ pmo ls projects
  $ pmo ls projects --where stage=delivery,planning --where status.overall=red
  $ pmo ls risks --where status=open --sort -score
  $ pmo ls issues --where owner!=owen.hughes --format csv > issues.csv
  $ pmo -C examples/meridian-water ls portfolios --format json`,
    )
    .action(async (kind: string, opts: { where?: string[]; sort?: string; format: "table" | "json" | "csv"; asOf?: string; config?: string }) => {
      const { runLs } = await import("../commands/ls.js");
      setExit(
        await runLs(
          { dir: dirOf(undefined), config: opts.config, asOf: opts.asOf ?? (await today(host)), kind, where: opts.where ?? [], sort: opts.sort, format: opts.format },
          await io(),
        ),
      );
    });

  program
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
      setExit(await runShow({ dir: dirOf(undefined), config: opts.config, asOf: opts.asOf ?? (await today(host)), id, format: opts.format }, await io()));
    });

  program
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
      setExit(await runSchema({ kind, ...(opts.out !== undefined && { out: dirOf(opts.out) }) }, await io()));
    });

  program
    .command("check")
    .description("check governance rules (and validation) — the CI gate")
    .argument("[dir]", "the repository folder (default: the current folder, or -C)")
    .addOption(asOfOption())
    .option("-c, --config <file>", "config file (default: pmo.config.yaml in the repository)")
    .option("-f, --format <format>", "output format, or format=file to write it to a file; repeatable (stylish, json, sarif, junit, github, markdown)", collect)
    .option("-o, --output <file>", "write the terminal format to this file instead")
    .addOption(new Option("--fail-severity <severity>", "lowest severity that fails the check").choices([...FAIL_SEVERITY_CHOICES]).default("error"))
    .option("--max-warnings <n>", "fail when there are more than <n> warnings", parseCount)
    .option("-q, --quiet", "show errors only (warnings still count for --max-warnings)")
    .option("--new-since <ref>", "only findings absent at this git ref (or folder) count; the others are shown as existing")
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
    .action(async (dir: string | undefined, opts: { asOf?: string; config?: string; format?: string[]; output?: string; failSeverity: "error" | "warn" | "info"; maxWarnings?: number; quiet?: boolean; newSince?: string }) => {
      const { runCheckCommand } = await import("../commands/check.js");
      setExit(
        await runCheckCommand(
          { dir: dirOf(dir), asOf: opts.asOf ?? (await today(host)), config: opts.config, formats: opts.format ?? [], output: opts.output, failSeverity: opts.failSeverity, maxWarnings: opts.maxWarnings, quiet: opts.quiet === true, version: version(), newSince: opts.newSince },
          await io(),
        ),
      );
    });

  program
    .command("rules")
    .description("list the governance rules with their group, severity and presets")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .option("--preset <name>", "only the rules a preset enables, at its severities (recommended, strict, strategic, tactical, operational, project)")
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
      setExit(await runRules(opts, await io()));
    });

  program
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
      setExit(await runExplain({ rule }, await io()));
    });

  for (const register of COMMANDS) register({ program, host, setExit, io, dirOf, today: () => today(host) });

  return program;
}

/** Accumulates a repeatable option's values. */






async function today(host: Host): Promise<string> {
  const { localToday } = await import("../core/dates.js");
  return localToday(host.now());
}

/** Colour: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return isTTY === true && env["TERM"] !== "dumb";
}

async function makeIO(host: Host, flag: boolean | undefined): Promise<CommandIO> {
  const color = colorEnabled(flag, host.env, host.stdout.isTTY);
  return {
    stdout: (s) => void host.stdout.write(s),
    stderr: (s) => void host.stderr.write(s),
    palette: await palette(color),
    color,
    cwd: host.cwd,
  };
}

async function palette(color: boolean): Promise<Palette> {
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    red: (s) => chalk.red(s),
    yellow: (s) => chalk.yellow(s),
    blue: (s) => chalk.blue(s),
    green: (s) => chalk.green(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
    underline: (s) => chalk.underline(s),
  };
}

async function handleError(error: unknown, host: Host, io: CommandIO | undefined): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    return 2; // commander has already printed the message
  }
  const { UsageError } = await import("../core/errors.js");
  if (error instanceof UsageError) {
    host.stderr.write(`error: ${error.message}\n`);
    if (error.diagnostics.length > 0) {
      const { FORMATTERS } = await import("../core/format/index.js");
      const colors = io?.palette ?? (await palette(false));
      host.stderr.write(FORMATTERS["stylish"]!(error.diagnostics, { palette: colors, sources: error.sources }));
    }
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  host.stderr.write(`error: internal error: ${message}\n`);
  if (host.env["PMO_DEBUG"]) host.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  else host.stderr.write("This is a bug in pmo. Run again with PMO_DEBUG=1 to see the stack trace, and report it.\n");
  return 2;
}
