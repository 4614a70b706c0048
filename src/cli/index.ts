import { defaultHost, version, type Host } from "./host.js";

export { defaultHost, version, type Host } from "./host.js";
export type { CliContext, GetIO, SetExit } from "./program.js";

/**
 * The command-line entry point: the only code that reads argv and the environment, writes to
 * the terminal and picks the exit code. Commands are imported when they run, and
 * `pmo --version` answers before commander and the command table are even loaded.
 */
export async function main(argv: readonly string[], host: Host = defaultHost()): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    host.stdout.write(`${version()}\n`);
    return 0;
  }
  const { runProgram } = await import("./program.js");
  return runProgram(argv, host);
}
