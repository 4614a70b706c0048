import path from "node:path";
import { existsSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, type AddHelpTextContext, type Option } from "commander";
import type { CommandIO } from "../commands/io.js";
import type { Palette } from "../core/format/index.js";
import type { ExitCode } from "../model/diagnostic.js";
import type { Kind } from "../model/document.js";
import { COMMANDS } from "./commands.js";
import { version, type Host } from "./host.js";
import { reflowProse, tableWidth, terminalWidth } from "./terminal.js";

/** The commander program: the global options, the command table, the colour decision, and the mapping of errors to exit codes. */
export async function runProgram(argv: readonly string[], host: Host): Promise<number> {
  let exitCode: number = 0;
  let ioCache: CommandIO | undefined;
  const getIO = async (): Promise<CommandIO> =>
    (ioCache ??= await makeIO(host, program.opts<{ color?: boolean }>().color));
  let loadBegun = false;
  const program = buildProgram(
    host,
    (code) => (exitCode = code),
    getIO,
    () => (loadBegun = true),
  );
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    return handleError(error, host, ioCache);
  } finally {
    // A load begun for a command that stopped before loading is not left for a later command.
    if (loadBegun) (await import("../core/load/index.js")).dropEarlyLoad();
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
  /**
   * Begins a large repository's load now, before the command's own modules load and its config
   * is read (core/load prestartLoad): for a command whose load of `root` checks the schemas,
   * reads `load.kinds` (every kind when absent) and takes its config from `load.config`
   * (--config) or the repository. A load that turns out to be another is simply not used.
   */
  prestartLoad(
    root: string,
    load?: { kinds?: readonly Kind[] | undefined; config?: string | undefined },
  ): Promise<void>;
}

/**
 * pmo's commands: help text added with addHelpText is prose written once and re-flowed to the
 * width of the terminal it is shown in (see terminal.ts); subcommands are made the same way.
 */
class PmoCommand extends Command {
  override createCommand(name?: string): Command {
    return new PmoCommand(name);
  }

  override addHelpText(
    position: "beforeAll" | "before" | "after" | "afterAll",
    text: string | ((context: AddHelpTextContext) => string),
  ): this {
    if (typeof text !== "string") return super.addHelpText(position, text);
    return super.addHelpText(position, (context) => {
      const output = context.command.configureOutput();
      const width = (context.error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
      const helper = context.command.createHelp();
      return reflowProse(text, width, (paragraph, w) => helper.boxWrap(paragraph, w));
    });
  }

  override addOption(option: Option): this {
    if (option.long === "--format") acceptMarkdownSpellings(option);
    return super.addOption(option);
  }
}

/**
 * `--format md` and `--format markdown` are the same everywhere: help shows `markdown`, either
 * is accepted, and the command receives the spelling it declared.
 */
function acceptMarkdownSpellings(option: Option): void {
  const declared = option.argChoices;
  const spelling = declared?.find((c) => c === "md" || c === "markdown");
  if (declared === undefined || spelling === undefined) return;
  const shown = declared.map((c) => (c === "md" ? "markdown" : c));
  option.argChoices = shown;
  option.parseArg = <T>(value: string): T => {
    const chosen = value === "md" || value === "markdown" ? spelling : value;
    if (!declared.includes(chosen)) throw new InvalidArgumentError(`Allowed choices are ${shown.join(", ")}.`);
    return chosen as T;
  };
}

/** Options naming a file or folder: like positional paths, they are taken relative to -C. */
const PATH_OPTIONS = ["output", "outDir", "templates", "chart"] as const;

function buildProgram(host: Host, setExit: SetExit, io: GetIO, loadBegun: () => void): Command {
  const program = new PmoCommand("pmo")
    .description("PMO as code: validate, check and report on a repository of portfolio, project and RAID YAML files")
    .version(version(), "-V, --version", "print the pmo version")
    .helpOption("-h, --help", "show help")
    .option("-C, --dir <dir>", "run as if pmo was started in <dir>")
    .option("--color", "force coloured output")
    .option("--no-color", "disable coloured output (NO_COLOR and FORCE_COLOR are honoured too)")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    // Wrap option descriptions even in a narrow window (commander's default gives up below 40 columns).
    .configureHelp({ minWidthToWrap: 24 })
    .configureOutput({
      writeOut: (s) => host.stdout.write(s),
      writeErr: (s) => host.stderr.write(s),
      getOutHelpWidth: () => terminalWidth(host.stdout, host.env),
      getErrHelpWidth: () => terminalWidth(host.stderr, host.env),
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
  const dirOf = (positional: string | undefined): string =>
    path.resolve(host.cwd, program.opts<{ dir?: string }>().dir ?? ".", positional ?? ".");
  const prestartLoad: CliContext["prestartLoad"] = async (root, load = {}) => {
    const { prestartLoad: begin } = await import("../core/load/index.js");
    loadBegun();
    begin(root, { schema: true, kinds: load.kinds, config: load.config });
  };

  for (const register of COMMANDS)
    register({ program, host, setExit, io, dirOf, today: () => today(host), prestartLoad });

  // Paths in options are read as if pmo was started in -C, like positional folders. A --config
  // that exists only relative to the folder pmo was started in is still read from there, with a
  // deprecation notice: that was where it was looked for before 0.2.
  program.hook("preAction", (_program, action) => {
    const chdir = program.opts<{ dir?: string }>().dir;
    for (const name of PATH_OPTIONS) {
      const value = action.getOptionValue(name);
      if (typeof value === "string" && value !== "" && value !== "-") action.setOptionValue(name, dirOf(value));
    }
    const config = action.getOptionValue("config");
    if (typeof config !== "string") return;
    const resolved = dirOf(config);
    const legacy = path.resolve(host.cwd, config);
    if (chdir !== undefined && !existsSync(resolved) && existsSync(legacy)) {
      host.stderr.write(
        `warning: --config ${config} was read relative to the current folder; it is now taken relative to -C ${chdir}, like every other path, and from pmo 0.3 only there: pass --config ${path.relative(path.resolve(host.cwd, chdir), legacy).split(path.sep).join("/")}\n`,
      );
      action.setOptionValue("config", legacy);
    } else {
      action.setOptionValue("config", resolved);
    }
  });

  return program;
}

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
    width: terminalWidth(host.stdout, host.env),
    tableWidth: tableWidth(host.stdout, host.env),
  };
}

/** Text as it is: what chalk gives at colour level 0, without loading chalk. */
const plain = (s: string): string => s;
const NO_COLOUR: Palette = {
  red: plain,
  yellow: plain,
  blue: plain,
  green: plain,
  dim: plain,
  bold: plain,
  underline: plain,
};

async function palette(color: boolean): Promise<Palette> {
  if (!color) return NO_COLOUR;
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
  const { UsageError, describeEnvironmentFailure } = await import("../core/errors.js");
  const environment = describeEnvironmentFailure(error);
  if (environment !== undefined) {
    host.stderr.write(`error: ${environment}\n`);
    return 2;
  }
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
