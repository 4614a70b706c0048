import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/errors.js";
import { loadWorkspace } from "../core/load/index.js";
import {
  clientFromFolder,
  INIT_DEFAULTS,
  normaliseAnswers,
  planInit,
  type InitAnswers,
} from "../core/scaffold/index.js";
import { getSchema, schemaNames } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import { CADENCES, ENGAGEMENT_PHASES, PMO_TYPES } from "../model/entities.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath } from "./workspace.js";

/** Asks one question; resolves to the answer, or "" to take the default. */
export type Ask = (question: string) => Promise<string>;

export interface InitCommandOptions {
  /** The folder of the new repository (absolute; created if missing). */
  dir: string;
  /** Values given as flags; the others are asked, or defaulted. */
  client?: string;
  types?: string[];
  phase?: string;
  cadence?: string;
  currency?: string;
  provider?: string;
  /** Present when questions may be asked (a terminal, and no --yes). */
  ask?: Ask;
  force: boolean;
  asOf: string;
  version: string;
  /** pmo's package name and where the scaffold's package.json installs it from. */
  pmoPackage: { name: string; source: string };
}

type Field = "client" | "types" | "phase" | "cadence" | "currency" | "provider";

/**
 * `pmo init [dir]`: scaffolds an engagement repository (docs/commands/init-new.md). Never
 * overwrites a file unless --force: when any file it would write exists, it lists them and
 * writes nothing.
 */
export async function runInit(options: InitCommandOptions, io: CommandIO): Promise<ExitCode> {
  const root = path.resolve(options.dir);
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new UsageError(`${displayPath(root, io.cwd)} is a file, not a folder`);
  const answers = await gatherAnswers(options, root, io);

  const schemas = new Map(schemaNames().map((name) => [name, getSchema(name)] as const));
  const files = planInit(answers, {
    asOf: options.asOf,
    version: options.version,
    pmoPackage: options.pmoPackage,
    schemas,
  });

  if (!options.force) {
    const existing = files
      .filter((f) => existsSync(path.join(root, f.file)))
      .map((f) => displayPath(path.join(root, f.file), io.cwd));
    if (existing.length > 0) {
      throw new UsageError(
        `${existing.length === 1 ? "a file" : `${existing.length} files`} pmo init would write already ${existing.length === 1 ? "exists" : "exist"}; nothing was written (use --force to overwrite):\n${existing.map((f) => `  ${f}`).join("\n")}`,
      );
    }
    if (existsSync(root)) {
      const engagement = (await loadWorkspace(root)).documents.find((d) => d.kind === "Engagement");
      if (engagement)
        throw new UsageError(
          `${displayPath(root, io.cwd)} already holds an engagement (${engagement.file}); nothing was written (use --force to add the scaffold anyway)`,
        );
    }
  }

  for (const file of files) writeFileAtomic(path.join(root, file.file), file.text);
  const shown = displayPath(root, io.cwd);
  io.stdout(`Created the ${answers.client} engagement repository in ${shown}:\n`);
  for (const file of files) io.stdout(`  ${file.file}\n`);
  const cd = shown === "." ? "" : `cd ${shown.includes(" ") ? JSON.stringify(shown) : shown} && `;
  io.stdout(
    `\nNext: ${cd}npm install && git init && npx pmo check\n(npm install writes package-lock.json: commit it, the pipelines run npm ci.)\nEdit the example portfolio, project, risk and decision, or add your own with pmo new.\n`,
  );
  return ExitCode.Clean;
}

const QUESTIONS: Record<Field, { text: string; choices?: readonly string[] }> = {
  client: { text: "Client" },
  types: { text: "PMO type", choices: PMO_TYPES },
  phase: { text: "Phase", choices: ENGAGEMENT_PHASES },
  cadence: { text: "Reporting cadence", choices: CADENCES },
  currency: { text: "Currency (ISO 4217)" },
  provider: { text: "PMO provider" },
};

async function gatherAnswers(options: InitCommandOptions, root: string, io: CommandIO): Promise<InitAnswers> {
  const defaults: Record<Field, string> = {
    client: clientFromFolder(path.basename(root)),
    types: INIT_DEFAULTS.types.join(","),
    phase: INIT_DEFAULTS.phase,
    cadence: INIT_DEFAULTS.cadence,
    currency: INIT_DEFAULTS.currency,
    provider: INIT_DEFAULTS.provider,
  };
  const given: Record<Field, string | undefined> = {
    client: options.client,
    types: options.types && options.types.length > 0 ? options.types.join(",") : undefined,
    phase: options.phase,
    cadence: options.cadence,
    currency: options.currency,
    provider: options.provider,
  };
  const values = { ...defaults };
  for (const field of Object.keys(QUESTIONS) as Field[]) {
    if (given[field] !== undefined) {
      values[field] = given[field]!;
      continue;
    }
    if (!options.ask) continue;
    const { text, choices } = QUESTIONS[field];
    const question = `${text}${choices ? ` (${choices.join(", ")}${field === "types" ? "; several with commas" : ""})` : ""} [${defaults[field]}]: `;
    // Ask again until the answer is usable: a typo should not end the session.
    for (;;) {
      const answer = (await options.ask(question)).trim();
      const candidate = { ...values, [field]: answer === "" ? defaults[field] : answer };
      try {
        normalise(candidate);
        values[field] = candidate[field];
        break;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        io.stderr(`  ${error.message}\n`);
      }
    }
  }
  return normalise(values);
}

function normalise(values: Record<Field, string>): InitAnswers {
  return normaliseAnswers({ ...values, types: [values.types] });
}
