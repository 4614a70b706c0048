import path from "node:path";
import { Option } from "commander";
import { asOfOption, collect } from "./options.js";
import type { CliContext } from "./index.js";

/** `pmo init [dir]`. */
export function registerInit(ctx: CliContext): void {
  ctx.program
    .command("init")
    .description("scaffold a new engagement repository: engagement, config, examples, CI, editor settings")
    .argument("[dir]", "the folder to create it in (default: the current folder)")
    .option("--client <name>", "the client's name (default: from the folder name)")
    .addOption(
      new Option(
        "--type <type>",
        "PMO type: strategic, tactical, operational or project; repeatable or comma-separated (default: tactical)",
      ).argParser(collect),
    )
    .option("--phase <phase>", "engagement phase: preparation, design, deployment or monitoring (default: preparation)")
    .option("--cadence <cadence>", "reporting cadence: weekly, fortnightly, monthly or quarterly (default: monthly)")
    .option("--currency <code>", "ISO 4217 currency code (default: EUR)")
    .option("--provider <name>", "the organisation running the PMO (default: PMO provider)")
    .option("-y, --yes", "ask nothing: take the flags given and the defaults for the rest")
    .option(
      "--pmo-source <spec>",
      "where the scaffold's package.json installs pmo from: a version, a git URL or a tarball (default: where this pmo came from)",
    )
    .option("--force", "overwrite files that already exist")
    .addOption(asOfOption())
    .addHelpText(
      "after",
      `
In a terminal, pmo init asks for what the flags do not give; with --yes, or when input is
not a terminal (CI, scripts), it never asks and takes the defaults. It writes the
engagement, pmo.config.yaml with the presets of the PMO types, an example portfolio,
project, risk and roster entry, the JSON Schemas with VS Code settings, .editorconfig,
a package.json with pmo as a dev dependency, GitHub Actions and GitLab CI pipelines
(npm ci, then npx pmo) and a README. Run npm install once and commit package-lock.json:
the pipelines install exactly what it pins. --pmo-source says where package.json gets
pmo from (default: where the running pmo was installed from: its tarball or git URL, or
its version on the registry). It never overwrites a file unless
--force: if any exists, it lists them and writes nothing (exit 2). The result passes
pmo check.

Examples:
  $ pmo init acme-water
  $ pmo init acme-water --yes --client "Acme Water" --type strategic,tactical --currency GBP
  $ pmo init --yes --type project --cadence weekly
  $ pmo init acme-water --yes --pmo-source ./vendor/pmo-as-code-pmo-0.1.0.tgz`,
    )
    .action(
      async (
        dir: string | undefined,
        opts: {
          client?: string;
          type?: string[];
          phase?: string;
          cadence?: string;
          currency?: string;
          provider?: string;
          yes?: boolean;
          force?: boolean;
          asOf?: string;
          pmoSource?: string;
        },
      ) => {
        const { runInit } = await import("../commands/init.js");
        const { version, installSource, PACKAGE_NAME } = await import("./host.js");
        const stdin = ctx.host.stdin;
        const interactive = opts.yes !== true && stdin?.isTTY === true;
        let close = (): void => {};
        let ask: ((question: string) => Promise<string>) | undefined;
        if (interactive && stdin) {
          const { createInterface } = await import("node:readline/promises");
          // Line mode: the terminal echoes and edits the line; no escape codes in the output. Lines
          // are read through the iterator, which buffers them: answers typed ahead or pasted at
          // once are not lost between questions. At the end of input, the defaults apply.
          const rl = createInterface({ input: stdin, terminal: false, crlfDelay: Infinity });
          const lines = rl[Symbol.asyncIterator]();
          ask = async (question) => {
            ctx.host.stderr.write(question);
            const line = await lines.next();
            return line.done === true ? "" : line.value;
          };
          close = () => rl.close();
        }
        try {
          ctx.setExit(
            await runInit(
              {
                dir: ctx.dirOf(dir),
                client: opts.client,
                types: opts.type,
                phase: opts.phase,
                cadence: opts.cadence,
                currency: opts.currency,
                provider: opts.provider,
                ask,
                force: opts.force === true,
                asOf: opts.asOf ?? (await ctx.today()),
                version: version(),
                pmoPackage: {
                  name: PACKAGE_NAME,
                  source:
                    opts.pmoSource === undefined
                      ? installSource()
                      : tarballRelativeTo(opts.pmoSource, ctx.host.cwd, ctx.dirOf(dir)),
                },
              },
              await ctx.io(),
            ),
          );
        } finally {
          close();
        }
      },
    );
}

/** A tarball path given on the command line (relative to the current folder) as the file: spec
 * package.json needs (relative to the new repository); other specs are npm's to read. */
function tarballRelativeTo(spec: string, cwd: string, repo: string): string {
  const file = spec.startsWith("file:") ? spec.slice("file:".length) : spec;
  if (!/\.(tgz|tar\.gz)$/.test(file) || /^[a-z+]+:\/\//.test(file)) return spec;
  const relative = path.relative(path.resolve(repo), path.resolve(cwd, file)).split(path.sep).join("/");
  return `file:${relative.startsWith(".") ? relative : `./${relative}`}`;
}
