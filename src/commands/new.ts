import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { failureAt, UsageError } from "../core/errors.js";
import { loadHeads, NEW_KINDS, parseNewKind, planNewDocument } from "../core/scaffold/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { displayPath, openConfig, refuseLinkOutOfRepository } from "./workspace.js";

export interface NewCommandOptions {
  /** The repository folder (already resolved against -C). */
  dir: string;
  config?: string;
  kind: string;
  id?: string;
  name?: string;
  portfolio?: string;
  project?: string;
  owner?: string;
  /** --folder: the folder to write into (absolute, resolved against -C). */
  folder?: string;
  dryRun: boolean;
  asOf: string;
}

/**
 * `pmo new <kind>`: a new document from templates/new, with the next free id, in the folder
 * where that kind usually lives. Prints the path (or, with --dry-run, the document). Never
 * overwrites a file.
 */
export async function runNew(options: NewCommandOptions, io: CommandIO): Promise<ExitCode> {
  const kind = parseNewKind(options.kind);
  if (kind === undefined) {
    const hint = options.kind.toLowerCase() === "engagement" ? "; an engagement is created with pmo init" : "";
    throw new UsageError(
      `unknown kind "${options.kind}": expected one of ${NEW_KINDS.map((k) => k.toLowerCase()).join(", ")}${hint}`,
    );
  }
  const { root, config } = await openConfig(options, io.cwd);
  // Kinds, ids, parents and folders: what the next id and the folder are made from, without a full load.
  const documents = await loadHeads(root, config.ignore);
  let folder: string | undefined;
  if (options.folder !== undefined) {
    const relative = path.relative(root, path.resolve(options.folder));
    if (relative.startsWith("..") || path.isAbsolute(relative))
      throw new UsageError(
        `--folder ${displayPath(options.folder, io.cwd)} is outside the repository ${displayPath(root, io.cwd)}`,
      );
    folder = relative.split(path.sep).join("/");
  }
  const schemasFolder = path.join(root, "schemas");
  const planned = planNewDocument(documents, {
    kind,
    id: options.id,
    name: options.name,
    portfolio: options.portfolio,
    project: options.project,
    owner: options.owner,
    folder,
    asOf: options.asOf,
    schemaDir: (target) =>
      existsSync(path.join(schemasFolder, `${kind.toLowerCase()}.schema.json`))
        ? path.relative(path.join(root, target), schemasFolder).split(path.sep).join("/")
        : undefined,
  });
  const target = path.join(root, planned.file);
  // Never written outside the repository through a linked folder (--folder or the kind's own).
  refuseLinkOutOfRepository(target, io.cwd, root);
  const shown = displayPath(target, io.cwd);
  if (options.dryRun) {
    io.stderr(`would write ${shown}\n`);
    io.stdout(planned.text);
    return ExitCode.Clean;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    // "wx": fail rather than replace a file that appeared since the repository was read.
    writeFileSync(target, planned.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new UsageError(
        `${shown} already exists; pmo new never overwrites a file (choose another --id or --folder)`,
      );
    // The file was created before the write failed (a full disk): no partial file stays.
    try {
      rmSync(target, { force: true });
    } catch {
      // Nothing was created, or it cannot be removed: the error below is the one to report.
    }
    throw failureAt(error, target);
  }
  io.stdout(`${shown}\n`);
  return ExitCode.Clean;
}
