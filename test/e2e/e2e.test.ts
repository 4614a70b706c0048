import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

/**
 * Golden end-to-end scenarios: each folder under test/e2e/scenarios holds `args` (the command
 * line after `pmo`, one argument per line, run from the project root), and the expected
 * `stdout`, `stderr` and `exit-code`. Input repositories live in the scenario folder or are the
 * bundled examples. Update the expectations with `npx vitest run test/e2e -u` and review the diff.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
const scenariosDir = path.join(projectRoot, "test/e2e/scenarios");

describe("e2e scenarios", () => {
  const scenarios = readdirSync(scenariosDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of scenarios) {
    it(name, async () => {
      const dir = path.join(scenariosDir, name);
      const args = readFileSync(path.join(dir, "args"), "utf8")
        .split("\n")
        .filter((l) => l !== "");
      const env = existsSync(path.join(dir, "env"))
        ? Object.fromEntries(
            readFileSync(path.join(dir, "env"), "utf8")
              .trim()
              .split("\n")
              .map((l) => l.split("=", 2) as [string, string]),
          )
        : {};
      const result = await runCli(args, { cwd: projectRoot, env });
      await expect(result.stdout).toMatchFileSnapshot(path.join(dir, "stdout"));
      await expect(result.stderr).toMatchFileSnapshot(path.join(dir, "stderr"));
      await expect(`${result.code}\n`).toMatchFileSnapshot(path.join(dir, "exit-code"));
    });
  }
});
