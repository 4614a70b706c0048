import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../core/config/index.js";
import { describeEnvironmentFailure, failureAt, UsageError } from "../core/errors.js";
import { documentToYaml } from "../core/export/index.js";
import type { DocumentEdit } from "../core/fmt/index.js";
import {
  formatPlanText,
  decodeMapping,
  importCsv,
  importXlsx,
  msProjectToProject,
  planJson,
  planSync,
  type CsvImport,
  type ExistingDocument,
  type MissingAction,
  type SyncPlan,
  MsProjectError,
  resolveImportKind,
  validatePlannedFiles,
  type ImportKind,
  type RejectedRow,
} from "../core/import/index.js";
import { isDirectory, loadWorkspace } from "../core/load/index.js";
import { ExitCode, type Diagnostic } from "../model/diagnostic.js";
import type { Kind, PmoDocument } from "../model/document.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath, refuseLinkOutOfRepository, repositoryHolding } from "./workspace.js";

/** Options every import shares: where the documents go and how. */
export interface ImportTargetOptions {
  /** Output folder, resolved. */
  out: string;
  dryRun: boolean;
  force: boolean;
  asOf: string;
  /** --config FILE (resolved); default: the pmo.config.yaml of the repository the folder is in. */
  config?: string;
}

export interface ImportCsvOptions extends ImportTargetOptions {
  file: string;
  kind?: string;
  mapping?: string;
  /** `--where COLUMN=VALUE`, as given. */
  where?: readonly string[];
  /** Update the documents the rows describe, matched by the mapping's key. */
  sync?: boolean;
  missing?: MissingAction;
  format?: "text" | "json";
}

export interface ImportMsProjectOptions extends ImportTargetOptions {
  file: string;
  id?: string;
  name?: string;
  portfolio?: string;
}

/** What a sheet gives, whatever its format. */
type SheetImport = Omit<CsvImport, "encoding" | "delimiter">;

const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** `pmo import csv FILE`: one document per row, validated, written one file per document. */
export async function runImportCsv(options: ImportCsvOptions, io: CommandIO): Promise<ExitCode> {
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const shownCsv = displayPath(options.file, io.cwd);
  const conditions = (options.where ?? []).map(parseWhere);
  const mapping =
    options.mapping === undefined
      ? undefined
      : {
          text: decodeMapping(readInput(options.mapping, io.cwd), displayPath(options.mapping, io.cwd)),
          file: displayPath(options.mapping, io.cwd),
        };
  const bytes = readInput(options.file, io.cwd);
  const result = importCsv({
    bytes,
    file: shownCsv,
    ...(kind !== undefined && { kind }),
    ...(mapping !== undefined && { mapping }),
    where: conditions,
  });
  const read = `${shownCsv} (${result.encoding}, "${result.delimiter === "\t" ? "\\t" : result.delimiter}" delimiter)`;
  return writeImport(result, read, options, io);
}

export interface ImportXlsxOptions extends ImportCsvOptions {
  sheet?: string;
  headerRow?: number;
}

/** `pmo import xlsx FILE`: one sheet of an Excel workbook, as `import csv` reads a CSV export. */
export async function runImportXlsx(options: ImportXlsxOptions, io: CommandIO): Promise<ExitCode> {
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const shown = displayPath(options.file, io.cwd);
  const conditions = (options.where ?? []).map(parseWhere);
  const mapping =
    options.mapping === undefined
      ? undefined
      : {
          text: decodeMapping(readInput(options.mapping, io.cwd), displayPath(options.mapping, io.cwd)),
          file: displayPath(options.mapping, io.cwd),
        };
  const bytes = readInput(options.file, io.cwd);
  const result = await importXlsx({
    bytes,
    file: shown,
    ...(kind !== undefined && { kind }),
    ...(mapping !== undefined && { mapping }),
    where: conditions,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
  });
  const read = `${shown} (sheet ${JSON.stringify(result.sheet)}, header row ${options.headerRow ?? 1})`;
  return writeImport(result, read, options, io);
}

/** The rows read, written as new files (or, with --sync, as the plan's changes). */
async function writeImport(
  result: SheetImport,
  read: string,
  options: ImportCsvOptions,
  io: CommandIO,
): Promise<ExitCode> {
  if (options.sync) return runSync(result, read, options, io);

  // The files' paths come from the ids alone: an import that would overwrite refuses before the
  // repository is loaded and any document is written out as YAML.
  refuseOverwrites(
    result.imported.map((r) => fileOfId(options.out, r.value)),
    options,
    io,
  );
  const target = await openTarget(options.out, options.config, io.cwd);
  const planned = result.imported.map((r) => ({ ...r, ...planFile(target, result.kind, r.value) }));
  const validation = validatePlannedFiles(
    planned,
    target.documentsExcept(new Set(options.force ? planned.map((p) => p.absolute) : [])),
    options.asOf,
  );

  const rejected: RejectedRow[] = [...result.rejected];
  const accepted = planned.filter((p) => {
    const problems = validation.byFile.get(p.file);
    if (problems === undefined) return true;
    rejected.push({
      row: p.row,
      line: p.line,
      key: p.key,
      reasons: problems.map((d) => reasonWithColumn(d, result.mapping)),
    });
    return false;
  });
  rejected.sort((a, b) => a.row - b.row);
  // One change: nothing is written if any file cannot be (a plain import creates its files, --force replaces).
  if (!options.dryRun) applyAtomically(target.root, await inLayoutOfReplaced(accepted), []);

  const out = io.palette;
  if (result.ignoredColumns.length > 0)
    io.stderr(
      `${out.dim(`ignored columns (not fields of ${result.kind}):`)} ${result.ignoredColumns.map((c) => `"${c}"`).join(", ")}\n`,
    );
  if (rejected.length > 0) {
    io.stderr(out.bold("rejected rows:\n"));
    for (const r of rejected) {
      io.stderr(
        `  ${out.yellow(`row ${r.row}`)} ${out.dim(`(line ${r.line}${r.key !== undefined ? `, key ${JSON.stringify(r.key)}` : ""})`)}: ${r.reasons[0]}\n`,
      );
      for (const reason of r.reasons.slice(1)) io.stderr(`    ${reason}\n`);
    }
  }
  const verb = options.dryRun ? "would import" : "imported";
  const where = displayPath(options.out, io.cwd);
  const extra = [
    rejected.length > 0 ? `${rejected.length} rejected` : "",
    result.filteredRows > 0 ? `${result.filteredRows} left out by the row filters` : "",
    result.blankRows > 0 ? `${result.blankRows} blank ${result.blankRows === 1 ? "row" : "rows"} skipped` : "",
    target.documents === undefined
      ? "schema checked; not inside a pmo repository"
      : `checked against the repository at ${displayPath(target.root, io.cwd)}`,
  ].filter((s) => s !== "");
  io.stdout(
    `${verb} ${accepted.length} of ${result.rows} rows of ${read} as ${result.kind} documents into ${where}/ (${extra.join(", ")})\n`,
  );
  if (options.dryRun) io.stdout(out.dim("dry run: nothing written\n"));
  return rejected.length > 0 ? ExitCode.Findings : ExitCode.Clean;
}

/** `pmo import msproject FILE.xml`: a Microsoft Project plan as one project with milestones. */
export async function runImportMsProject(options: ImportMsProjectOptions, io: CommandIO): Promise<ExitCode> {
  const shown = displayPath(options.file, io.cwd);
  const bytes = readInput(options.file, io.cwd);
  const xml = decodeXml(bytes);
  let result;
  try {
    result = msProjectToProject(xml, {
      fileStem: path.basename(options.file).replace(/\.[^.]*$/, ""),
      ...(options.id !== undefined && { id: options.id }),
      ...(options.name !== undefined && { name: options.name }),
      ...(options.portfolio !== undefined && { portfolio: options.portfolio }),
    });
  } catch (error) {
    if (!(error instanceof MsProjectError)) throw error;
    const diagnostic: Diagnostic = {
      ruleId: "msproject",
      severity: "error",
      message: error.message,
      file: shown,
      line: error.line,
      column: error.column,
      pointer: "",
    };
    throw new UsageError(`cannot import ${shown}`, [diagnostic], new Map([[shown, xml]]));
  }
  const target = await openTarget(options.out, options.config, io.cwd);
  const planned = planFile(target, "Project", result.value);
  refuseOverwrites([planned.absolute], options, io);
  const validation = validatePlannedFiles(
    [planned],
    target.documentsExcept(new Set(options.force ? [planned.absolute] : [])),
    options.asOf,
  );
  const problems = validation.byFile.get(planned.file);
  const shownOut = displayPath(planned.absolute, io.cwd);
  if (problems !== undefined) {
    const shownProblems = problems.map((d) => ({ ...d, file: shownOut, sourceKey: d.file }));
    const { FORMATTERS } = await import("../core/format/index.js");
    io.stderr(FORMATTERS["stylish"]!(shownProblems, { palette: io.palette, sources: validation.sources }));
    io.stderr(
      `${shown} was not imported: the project it gives is not valid (fix the plan, or pass --id, --name or --portfolio)\n`,
    );
    return ExitCode.Findings;
  }
  if (!options.dryRun) writeFileAtomic(planned.absolute, (await inLayoutOfReplaced([planned]))[0]!.text);
  const milestones = (result.value["milestones"] as { dependsOn?: unknown[] }[] | undefined) ?? [];
  const links = milestones.reduce((n, m) => n + (m.dependsOn?.length ?? 0), 0);
  for (const note of result.notes) io.stderr(`${io.palette.dim("note:")} ${note}\n`);
  io.stdout(
    `${options.dryRun ? "would write" : "wrote"} ${shownOut}: project ${String(result.value["id"])} with ${milestones.length} milestones and ${links} milestone dependencies, from ${result.tasks} tasks of ${shown}\n`,
  );
  if (options.dryRun) io.stdout(io.palette.dim("dry run: nothing written\n"));
  return ExitCode.Clean;
}

/**
 * `--sync`: the documents the rows describe are matched by the mapping's key and updated in
 * place (only the fields the mapping owns), new ones created, and documents the sheet no longer
 * has reported, closed or removed. The whole plan is printed, then written in one step: every
 * file is staged first and swapped in together, so a failure leaves the repository as it was.
 */
async function runSync(result: SheetImport, read: string, options: ImportCsvOptions, io: CommandIO): Promise<ExitCode> {
  const target = await openTarget(options.out, options.config, io.cwd, true);
  const outAbs = path.resolve(options.out);
  const existing: ExistingDocument[] = (target.documents ?? []).flatMap((d) =>
    d.id === undefined
      ? []
      : [
          {
            id: d.id,
            kind: d.kind,
            file: d.file,
            docIndex: d.docIndex,
            value: d.value,
            inScope: isInside(path.join(target.root, d.file), outAbs),
          },
        ],
  );
  const missing = options.missing ?? "report";
  let plan = planSync({
    mapping: result.mapping,
    imported: result.imported,
    rejected: result.rejected,
    parents: result.parents,
    existing,
    missing,
  });

  // Files to write, checked together against the repository; a row whose document would not
  // be valid is rejected, and the plan made again without it.
  let files = await filesOf(plan, result.kind, target);
  for (let pass = 0; pass < 2; pass++) {
    const changed = new Set(files.writes.map((w) => w.absolute));
    const validation = validatePlannedFiles(files.writes, target.documentsExcept(changed), options.asOf);
    if (validation.byFile.size === 0) break;
    const badRows = new Map<number, string[]>();
    for (const c of plan.created) {
      const problems = validation.byFile.get(files.fileOf.get(c.id)!);
      if (problems !== undefined)
        badRows.set(
          c.row,
          problems.map((d) => reasonWithColumn(d, result.mapping)),
        );
    }
    for (const u of plan.updated) {
      const paths = u.changes.map((c) => `/${c.path.replace(/\./g, "/")}`);
      const problems = (validation.byFile.get(u.file) ?? []).filter((d) =>
        paths.some(
          (p) => d.pointer === p || d.pointer.startsWith(`${p}/`) || p.startsWith(`${d.pointer}/`) || d.pointer === "",
        ),
      );
      if (problems.length > 0)
        badRows.set(
          u.row,
          problems.map((d) => reasonWithColumn(d, result.mapping)),
        );
    }
    // A parent the mapping creates that would not be valid (a portfolio whose owner is not in
    // the roster) is not written: the rows that name it are rejected with its problems.
    for (const p of plan.parents) {
      const problems = validation.byFile.get(files.fileOf.get(p.id)!);
      if (problems === undefined) continue;
      const reasons = problems.map(
        (d) => `the ${p.kind.toLowerCase()} ${p.id} it names would not be valid: ${reasonOf(d)}`,
      );
      for (const r of result.imported)
        if (!badRows.has(r.row) && Object.values(r.value).includes(p.id)) badRows.set(r.row, reasons);
    }
    if (badRows.size === 0) break;
    const imported = result.imported.filter((r) => !badRows.has(r.row));
    const rejected = [
      ...result.rejected,
      ...result.imported
        .filter((r) => badRows.has(r.row))
        .map((r) => ({
          row: r.row,
          line: r.line,
          key: r.key,
          keys: keyValuesOf(result, r.value),
          reasons: badRows.get(r.row)!,
        })),
    ];
    plan = planSync({
      mapping: result.mapping,
      imported,
      rejected,
      parents: result.parents.filter((p) => imported.some((r) => Object.values(r.value).includes(p.id))),
      existing,
      missing,
    });
    files = await filesOf(plan, result.kind, target);
  }

  const shownFiles = new Map(
    [...files.fileOf].map(([id, file]) => [id, displayPath(path.join(target.root, file), io.cwd)]),
  );
  const context = {
    source: read,
    kind: result.kind,
    key: result.mapping.key,
    rows: result.rows,
    blankRows: result.blankRows,
    filteredRows: result.filteredRows,
    out: displayPath(options.out, io.cwd),
    files: shownFiles,
    missing,
    dryRun: options.dryRun,
  };
  if (!options.dryRun) applyAtomically(target.root, files.writes, files.deletes);
  if (options.format === "json") io.stdout(`${JSON.stringify(planJson(plan, context, !options.dryRun), null, 2)}\n`);
  else {
    io.stdout(formatPlanText(plan, context, io.palette));
    const count = files.writes.length + files.deletes.length;
    io.stdout(
      options.dryRun
        ? io.palette.dim("dry run: nothing written\n")
        : count === 0
          ? "nothing to write: the repository already says what the sheet says\n"
          : `wrote ${plural(files.writes.length, "file")}${files.deletes.length > 0 ? `, deleted ${plural(files.deletes.length, "file")}` : ""}\n`,
    );
  }
  return plan.rejected.length > 0 ? ExitCode.Findings : ExitCode.Clean;
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function keyValuesOf(result: SheetImport, value: Record<string, unknown>): [string, string][] {
  return result.mapping.key.flatMap((k) => {
    const v = k
      .split(".")
      .reduce<unknown>(
        (at, s) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[s] : undefined),
        value,
      );
    return typeof v === "string" || typeof v === "number" ? [[k, String(v)] as [string, string]] : [];
  });
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

interface SyncFiles {
  writes: { file: string; absolute: string; text: string }[];
  deletes: string[];
  /** Repository-relative file by id of a created or updated document. */
  fileOf: Map<string, string>;
}

/** The files a plan writes and deletes: new files for created documents and parents, edited files for the rest. */
async function filesOf(plan: SyncPlan, kind: ImportKind, target: Target): Promise<SyncFiles> {
  const writes: SyncFiles["writes"] = [];
  const fileOf = new Map<string, string>();
  for (const p of plan.parents) {
    const planned = planFile(target, p.kind as Kind, p.value);
    writes.push(planned);
    fileOf.set(p.id, planned.file);
  }
  for (const c of plan.created) {
    const planned = planFile(target, kind, c.value);
    writes.push(planned);
    fileOf.set(c.id, planned.file);
  }
  const edits = new Map<string, DocumentEdit[]>();
  const add = (file: string, edit: DocumentEdit) => edits.set(file, [...(edits.get(file) ?? []), edit]);
  for (const u of plan.updated) {
    fileOf.set(u.id, u.file);
    add(u.file, {
      docIndex: u.docIndex,
      set: u.changes.filter((c) => c.after !== undefined).map((c) => [c.path, c.after] as [string, unknown]),
      remove: u.changes.filter((c) => c.after === undefined).map((c) => c.path),
    });
  }
  for (const m of plan.missing) {
    if (m.action === "close") add(m.file, { docIndex: m.docIndex, set: [["stage", "closed"]] });
    else if (m.action === "remove") add(m.file, { docIndex: m.docIndex, deleteDocument: true });
  }
  const deletes: string[] = [];
  // The editor (fmt's Document machinery) is loaded only when existing files are edited.
  const { editSource } = edits.size > 0 ? await import("../core/fmt/index.js") : { editSource: undefined };
  for (const [file, list] of edits) {
    const absolute = path.join(target.root, file);
    let text: string;
    try {
      text = editSource!(readFileSync(absolute, "utf8"), list);
    } catch (error) {
      throw new UsageError(
        `cannot update ${file}: ${(error as Error).message}; nothing was written (please report this file to the pmo maintainers)`,
      );
    }
    if (text === "") deletes.push(absolute);
    else writes.push({ file, absolute, text });
  }
  return { writes, deletes, fileOf };
}

/**
 * Files that replace files the user has (`--force`) keep those files' line breaks, byte order
 * mark and line breaks at the end, as `pmo fmt` and `--sync` do; new files are LF.
 */
async function inLayoutOfReplaced<T extends { absolute: string; text: string }>(writes: readonly T[]): Promise<T[]> {
  const old = new Map<T, string>();
  for (const w of writes) {
    if (!existsSync(w.absolute)) continue;
    try {
      old.set(w, readFileSync(w.absolute, "utf8"));
    } catch {
      // Not a file (a folder, say): writing it fails and says so.
    }
  }
  if (old.size === 0) return [...writes];
  const { layoutOf, withLayout } = await import("../core/fmt/index.js");
  return writes.map((w) => (old.has(w) ? { ...w, text: withLayout(w.text, layoutOf(old.get(w)!)) } : w));
}

/**
 * Writes and deletes files as one change: a file that replaces another is staged in a folder
 * beside the files and moved into place, a new file is created in place exclusively ("wx"), and
 * if any step fails, the steps already taken are undone, so the repository is either as it was
 * or as planned, never half-imported. A new file is one file system entry, not a staged file
 * and a rename: creating thousands of small files is most of an import's system time.
 */
export function applyAtomically(
  root: string,
  writes: readonly { absolute: string; text: string }[],
  deletes: readonly string[],
): void {
  if (writes.length === 0 && deletes.length === 0) return;
  mkdirSync(root, { recursive: true });
  const replacing = writes.filter((w) => existsSync(w.absolute));
  const stage = replacing.length + deletes.length > 0 ? mkdtempSync(path.join(root, ".pmo-import-")) : undefined;
  const undo: (() => void)[] = [];
  /** Folders known to exist: each parent is looked for once, not once per file. */
  const folders = new Set<string>();
  const makeParent = (target: string) => {
    const parent = path.dirname(target);
    if (folders.has(parent)) return;
    const created: string[] = [];
    let dir = parent;
    while (!existsSync(dir)) {
      created.unshift(dir);
      dir = path.dirname(dir);
    }
    if (created.length > 0) {
      mkdirSync(parent, { recursive: true });
      undo.push(() => rmSync(created[0]!, { recursive: true, force: true }));
    }
    folders.add(parent);
  };
  try {
    const staged = replacing.map((w, i) => {
      const file = path.join(stage!, `new-${i}`);
      try {
        writeFileSync(file, w.text);
      } catch (error) {
        throw failureAt(error, w.absolute, file);
      }
      return { file, target: w.absolute };
    });
    let n = 0;
    const moveAside = (target: string) => {
      if (!existsSync(target)) return;
      if (statSync(target).isDirectory()) throw new Error(`${path.relative(root, target)} is a folder`);
      const aside = path.join(stage!, `old-${n++}`);
      renameSync(target, aside);
      undo.push(() => renameSync(aside, target));
    };
    for (const s of staged) {
      moveAside(s.target);
      makeParent(s.target);
      renameSync(s.file, s.target);
      undo.push(() => rmSync(s.target, { force: true }));
    }
    const replaced = new Set(replacing);
    for (const w of writes) {
      if (replaced.has(w)) continue;
      makeParent(w.absolute);
      try {
        writeFileSync(w.absolute, w.text, { flag: "wx" });
      } catch (error) {
        // A file that appeared meanwhile is not ours to remove; one half-written is.
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") removeQuietly(w.absolute);
        throw failureAt(error, w.absolute);
      }
      undo.push(() => rmSync(w.absolute, { force: true }));
    }
    for (const d of deletes) moveAside(d);
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Undo what can be undone; the error below says what failed.
      }
    }
    throw new UsageError(`could not write the import, nothing was changed: ${reasonOfWriteError(error)}`);
  } finally {
    if (stage !== undefined) rmSync(stage, { recursive: true, force: true });
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was there to remove (its folder is not one).
  }
}

function reasonOfWriteError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === "EEXIST"
    ? `${e.path ?? "a file"} appeared while importing`
    : (describeEnvironmentFailure(error) ?? e.message);
}

/** `--where COLUMN=VALUE`. */
function parseWhere(text: string): { column: string; value: string } {
  const at = text.indexOf("=");
  if (at <= 0)
    throw new UsageError(`--where ${JSON.stringify(text)}: expected COLUMN=VALUE, e.g. --where publication_year=2023`);
  return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

function parseKind(text: string): ImportKind {
  const kind = resolveImportKind(text.replace(/s$/i, "").replace(/^people$/i, "person"));
  if (kind === undefined)
    throw new UsageError(`cannot import "${text}" documents: expected project, risk, issue, decision or person`);
  return kind;
}

function readInput(file: string, cwd: string): Uint8Array {
  const shown = displayPath(file, cwd);
  if (!existsSync(file)) throw new UsageError(`no such file: ${shown}`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new UsageError(`not a file: ${shown}`);
  if (stat.size > MAX_INPUT_BYTES) throw new UsageError(`${shown} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  return readFileSync(file);
}

interface Target {
  /** The repository root, or the output folder when it is not inside one. */
  root: string;
  /** The repository's documents; undefined outside a repository. */
  documents: PmoDocument[] | undefined;
  documentsExcept(absolute: ReadonlySet<string>): PmoDocument[] | undefined;
  outDir: string;
}

/**
 * The repository the output folder is in: the nearest folder at or above it with a
 * pmo.config.yaml or a .git, when it holds exactly one engagement. Its documents are read as
 * every command reads them: without what .pmoignore and the config's ignore list leave out.
 */
async function openTarget(
  outDir: string,
  configFile: string | undefined,
  cwd: string,
  loadOutside = false,
): Promise<Target> {
  // Files are never written outside the repository through a linked folder.
  refuseLinkOutOfRepository(outDir, cwd);
  const root = repositoryHolding(path.resolve(outDir));
  if (root !== undefined && (await isDirectory(root))) {
    const config = await loadConfig(root, configFile);
    const workspace = await loadWorkspace(root, { ignore: config.ignore });
    if (workspace.documents.filter((d) => d.kind === "Engagement").length === 1) {
      const documents = workspace.documents;
      return {
        root,
        documents,
        documentsExcept: (absolute) => documents.filter((d) => !absolute.has(path.join(root, d.file))),
        outDir,
      };
    }
  }
  const own = path.resolve(outDir);
  if (loadOutside && (await isDirectory(own))) {
    // A sync outside a repository matches the documents already in the output folder.
    const documents = (await loadWorkspace(own)).documents;
    return { root: own, documents, documentsExcept: () => undefined, outDir };
  }
  return { root: own, documents: undefined, documentsExcept: () => undefined, outDir };
}

function planFile(
  target: Target,
  kind: Kind,
  value: Record<string, unknown>,
): { file: string; absolute: string; text: string } {
  const absolute = fileOfId(target.outDir, value);
  const file = path.relative(target.root, absolute).split(path.sep).join("/");
  // The editor's schema for this document, as pmo new and pmo init write it, when the
  // repository keeps its schemas in schemas/ (pmo init's layout).
  const schema = path.join(target.root, "schemas", `${kind.toLowerCase()}.schema.json`);
  const modeline = existsSync(schema)
    ? `# yaml-language-server: $schema=${path.relative(path.dirname(absolute), schema).split(path.sep).join("/")}\n`
    : "";
  return { file, absolute, text: modeline + documentToYaml(kind, value) };
}

/** Where an imported document goes: `<id>.yaml` in the output folder. */
function fileOfId(outDir: string, value: Record<string, unknown>): string {
  return path.join(outDir, `${String(value["id"])}.yaml`);
}

function refuseOverwrites(files: readonly string[], options: ImportTargetOptions, io: CommandIO): void {
  if (options.force) return;
  const existing = files.filter((f) => existsSync(f));
  if (existing.length === 0) return;
  const shown = existing.slice(0, 10).map((f) => `  ${displayPath(f, io.cwd)}`);
  if (existing.length > 10) shown.push(`  ... and ${existing.length - 10} more`);
  throw new UsageError(
    `${existing.length} ${existing.length === 1 ? "file exists" : "files exist"} already; nothing was written (pass --force to overwrite):\n${shown.join("\n")}`,
  );
}

/** A validation problem of an imported document, naming the column the field came from. */
function reasonWithColumn(d: Diagnostic, mapping: SheetImport["mapping"]): string {
  const dotted = d.pointer.slice(1).replace(/\//g, ".");
  const rule = mapping.fields.find((f) => f.path === dotted);
  const columns = rule?.column === undefined ? [] : [rule.column, ...(rule.fallbacks ?? [])];
  if (columns.length === 0) return reasonOf(d);
  return `${dotted} (${columns.length === 1 ? "column" : "columns"} ${columns.map((c) => JSON.stringify(c)).join(", then ")}): ${d.message}${d.ruleId === "schema" ? "" : ` (${d.ruleId})`}`;
}

function reasonOf(d: Diagnostic): string {
  const dotted = d.pointer.slice(1).replace(/\//g, ".");
  const where =
    d.pointer !== "" && !d.message.startsWith(dotted) && !d.message.includes(d.pointer) ? `${dotted}: ` : "";
  return `${where}${d.message}${d.ruleId === "schema" ? "" : ` (${d.ruleId})`}`;
}

/**
 * An XML file's text: UTF-16 when a byte order mark or the first `<` says so (Microsoft Project
 * can save its XML as UTF-16), else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeXml(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00))
    return new TextDecoder("utf-16le").decode(bytes).replace(/^\ufeff/, "");
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c))
    return new TextDecoder("utf-16be").decode(bytes).replace(/^\ufeff/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
