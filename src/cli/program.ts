import path from "node:path";
import { Command, CommanderError } from "commander";
import type { CommandIO } from "../commands/io.js";
import type { Palette } from "../core/format/index.js";
import type { ExitCode } from "../model/diagnostic.js";
import { COMMANDS } from "./commands.js";
import { version, type Host } from "./host.js";

/** The commander program: the global options, the command table, the colour decision, and the mapping of errors to exit codes. */
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

  for (const register of COMMANDS) register({ program, host, setExit, io, dirOf, today: () => today(host) });

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
