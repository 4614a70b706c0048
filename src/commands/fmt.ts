import { existsSync, readFileSync, realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE, loadConfig } from "../core/config/index.js";
import { UsageError } from "../core/errors.js";
import { formatSource } from "../core/fmt/index.js";
import { FORMATTERS } from "../core/format/index.js";
import {
  comparePaths,
  decodeSource,
  discoverFiles,
  isDirectory,
  looksLikePmo,
  normaliseLineBreaks,
} from "../core/load/index.js";
import { sortDiagnostics } from "../core/validate/index.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath, refuseLinkOutOfRepository } from "./workspace.js";

export interface FmtCommandOptions {
  /** The repository folder (already resolved against -C). */
  dir: string;
  /** Files or folders to format, resolved against -C; empty means the whole repository. */
  paths: string[];
  /** List the files that would change, write nothing, exit 1 if there are any. */
  check: boolean;
  config?: string;
  /** Add a yaml-language-server modeline to each pmo document without one (--modelines). */
  modelines?: boolean;
}

/**
 * `pmo fmt`: rewrites pmo files in their canonical form (docs/fmt.md). Only files whose text
 * changes are written, each atomically. A file that does not parse is reported and left alone;
 * the others are still formatted. Exit 0 when done (or, with --check, when nothing would change),
 * 1 when a file does not parse or (with --check) would change, 2 for usage errors.
 */
export async function runFmt(options: FmtCommandOptions, io: CommandIO): Promise<ExitCode> {
  const root = path.resolve(options.dir);
  if (!(await isDirectory(root)))
    throw new UsageError(
      `no such folder: ${displayPath(root, io.cwd)} (pass the folder that holds the pmo repository, or run pmo inside it)`,
    );
  const files =
    options.paths.length === 0
      ? await repositoryFiles(root, options.config)
      : await namedFiles(options.paths, io.cwd, root);
  // Modelines point to the schemas where pmo init puts them, as pmo new and pmo import write them.
  const schemas = path.join(root, "schemas");
  if (options.modelines === true && !existsSync(path.join(schemas, "project.schema.json"))) {
    throw new UsageError(
      `--modelines points each document to its kind's schema in ${displayPath(schemas, io.cwd)}/, which holds no pmo schemas; write them there first: pmo schema --out-dir schemas`,
    );
  }
  const modelineFor =
    (file: string) =>
    (kind: string): string | undefined => {
      const schema = path.join(schemas, `${kind.toLowerCase()}.schema.json`);
      return existsSync(schema) ? path.relative(path.dirname(file), schema).split(path.sep).join("/") : undefined;
    };

  const problems: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const changed: string[] = [];
  const written = new Set<string>();
  let formatted = 0;
  for (const { file, schema, named } of files) {
    const shown = displayPath(file, io.cwd);
    // A symbolic link is formatted through to its target, once, and never replaced by a file.
    const real = realpathSync(file);
    if (written.has(real)) continue;
    written.add(real);
    const bytes = readFileSync(real);
    const text = decodeSource(shown, bytes);
    if (typeof text !== "string") {
      problems.push(text);
      continue;
    }
    // Other tools' YAML in the repository is theirs to format, unless named on the command line.
    if (!named && schema === undefined && !looksLikePmo(text, path.relative(root, file).split(path.sep).join("/")))
      continue;
    const result = formatSource(shown, text, {
      schema,
      ...(options.modelines === true && { modeline: modelineFor(file) }),
    });
    if (!result.ok) {
      problems.push(...result.diagnostics);
      sources.set(shown, normaliseLineBreaks(text.replace(/^\uFEFF/, "")));
      continue;
    }
    formatted++;
    if (!result.changed) continue;
    if (!options.check) writeFileAtomic(real, result.text);
    // Said as soon as it is done, so that a run stopped part-way has listed what it wrote.
    changed.push(shown);
    io.stdout(`${shown}\n`);
  }

  if (problems.length > 0) {
    io.stderr(
      FORMATTERS["stylish"]!(sortDiagnostics(problems), { palette: io.palette, sources, documents: formatted }),
    );
  }
  const count = (n: number): string => `${n} ${n === 1 ? "file" : "files"}`;
  const unchanged = formatted - changed.length;
  const failed = [...new Set(problems.map((p) => p.file))];
  const notFormatted =
    failed.length > 0
      ? `; ${count(failed.length)} not formatted (left as ${failed.length === 1 ? "it is" : "they are"}): ${failed.join(", ")}`
      : "";
  if (options.check) {
    io.stderr(
      `${changed.length > 0 ? `${changed.length} of ${count(formatted)} not in canonical form; run pmo fmt to rewrite ${changed.length === 1 ? "it" : "them"}` : `${count(formatted)} in canonical form`}${notFormatted}\n`,
    );
    return changed.length > 0 || problems.length > 0 ? ExitCode.Findings : ExitCode.Clean;
  }
  io.stderr(`${count(changed.length)} rewritten, ${unchanged} already in canonical form${notFormatted}\n`);
  return problems.length > 0 ? ExitCode.Findings : ExitCode.Clean;
}

interface Target {
  /** Absolute path. */
  file: string;
  /** The schema keys are ordered by when the file holds no pmo documents ("config"). */
  schema?: string;
  /** Named on the command line: formatted even if it holds no pmo document. */
  named?: boolean;
}

const configSchemaOf = (file: string): string | undefined =>
  path.basename(file) === CONFIG_FILE ? "config" : undefined;

/** Every YAML file the loader would read, plus the config file: the default of `pmo fmt`. */
async function repositoryFiles(root: string, explicitConfig: string | undefined): Promise<Target[]> {
  const config = await loadConfig(root, explicitConfig);
  const discovered = await discoverFiles(root, { ignore: config.ignore });
  const configFile = explicitConfig ? path.resolve(explicitConfig) : path.join(root, CONFIG_FILE);
  const targets: Target[] = discovered.files.map((rel) => ({ file: path.join(root, rel) }));
  const existing = targets.find((t) => t.file === configFile);
  if (existing) existing.schema = "config";
  else if (await isFile(configFile)) targets.unshift({ file: configFile, schema: "config" });
  return targets;
}

/** Files and folders named on the command line; a folder stands for the YAML files in it. */
async function namedFiles(paths: readonly string[], cwd: string, root: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const given of paths) {
    const target = path.resolve(cwd, given);
    // A path through a linked folder that leaves the repository is refused, as discovery skips it.
    if (existsSync(target)) refuseLinkOutOfRepository(target, cwd, root);
    if (await isDirectory(target)) {
      const found = await discoverFiles(target);
      targets.push(...found.files.map((rel) => ({ file: path.join(target, rel), schema: configSchemaOf(rel) })));
    } else if (await isFile(target)) {
      targets.push({ file: target, schema: configSchemaOf(target), named: true });
    } else {
      throw new UsageError(`no such file or folder: ${displayPath(target, cwd)}`);
    }
  }
  const seen = new Set<string>();
  return targets.filter((t) => !seen.has(t.file) && seen.add(t.file)).sort((a, b) => comparePaths(a.file, b.file));
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
