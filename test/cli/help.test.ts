import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

/**
 * `pmo --help` and every command's `--help`, as one golden file: the command table in
 * src/cli/commands.ts must keep the order, options and help text users see.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");

async function helpOf(args: string[]): Promise<string> {
  const result = await runCli([...args, "--help"], { cwd: projectRoot });
  return `$ pmo ${[...args, "--help"].join(" ")}\n${result.stdout}${result.stderr}exit ${result.code}\n`;
}

/** The command names `pmo --help` lists, read from its Commands section. */
function commandNames(help: string): string[] {
  const section = help.split("\nCommands:\n")[1]?.split("\n\n")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter((name) => name !== "help");
}

describe("pmo --help", () => {
  it("lists every command with its options and examples, unchanged", async () => {
    const top = await helpOf([]);
    const names = commandNames(top);
    expect(names.length).toBeGreaterThan(10);
    const pages = [top];
    for (const name of names) {
      const page = await helpOf([name]);
      pages.push(page);
      for (const sub of commandNames(page)) pages.push(await helpOf([name, sub]));
    }
    await expect(pages.join("\n")).toMatchFileSnapshot(path.join(projectRoot, "test/cli/help.golden.txt"));
  });
});
