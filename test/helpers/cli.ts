import { Writable } from "node:stream";
import { main, type Host } from "../../src/cli/index.js";

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

class Collector extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Runs the CLI in-process with captured output, no colour and a fixed clock. */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const stdout = new Collector();
  const stderr = new Collector();
  const host: Host = {
    stdout,
    stderr,
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd,
    now: () => new Date(Date.UTC(2026, 10, 30, 12)),
  };
  const code = await main(args, host);
  return { stdout: stdout.text, stderr: stderr.text, code };
}
