import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../core/config/index.js";
import { UsageError } from "../core/errors.js";
import { documentToYaml } from "../core/export/index.js";
import { FORMATTERS } from "../core/format/index.js";
import {
  importCsv,
  msProjectToProject,
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
import { displayPath } from "./workspace.js";

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
}

export interface ImportMsProjectOptions extends ImportTargetOptions {
  file: string;
  id?: string;
  name?: string;
  portfolio?: string;
}

const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** `pmo import csv FILE`: one document per row, validated, written one file per document. */
export async function runImportCsv(options: ImportCsvOptions, io: CommandIO): Promise<ExitCode> {
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const shownCsv = displayPath(options.file, io.cwd);
  const bytes = readInput(options.file, io.cwd);
  const mapping = options.mapping === undefined ? undefined : { text: new TextDecoder().decode(readInput(options.mapping, io.cwd)), file: displayPath(options.mapping, io.cwd) };
  const result = importCsv({ bytes, file: shownCsv, ...(kind !== undefined && { kind }), ...(mapping !== undefined && { mapping }) });

  const target = await openTarget(options.out, options.config);
  const planned = result.imported.map((r) => ({ ...r, ...plan(target, result.kind, r.value) }));
  refuseOverwrites(planned.map((p) => p.absolute), options, io);
  const validation = validatePlannedFiles(planned, target.documentsExcept(new Set(options.force ? planned.map((p) => p.absolute) : [])), options.asOf);

  const rejected: RejectedRow[] = [...result.rejected];
  const accepted = planned.filter((p) => {
    const problems = validation.byFile.get(p.file);
    if (problems === undefined) return true;
    rejected.push({ row: p.row, line: p.line, reasons: problems.map(reasonOf) });
    return false;
  });
  rejected.sort((a, b) => a.row - b.row);
  if (!options.dryRun) for (const p of accepted) writeFileAtomic(p.absolute, p.text);

  const out = io.palette;
  if (result.ignoredColumns.length > 0) io.stderr(`${out.dim(`ignored columns (not fields of ${result.kind}):`)} ${result.ignoredColumns.map((c) => `"${c}"`).join(", ")}\n`);
  if (rejected.length > 0) {
    io.stderr(out.bold("rejected rows:\n"));
    for (const r of rejected) {
      io.stderr(`  ${out.yellow(`row ${r.row}`)} ${out.dim(`(line ${r.line})`)}: ${r.reasons[0]}\n`);
      for (const reason of r.reasons.slice(1)) io.stderr(`    ${reason}\n`);
    }
  }
  const read = `${shownCsv} (${result.encoding}, "${result.delimiter === "\t" ? "\\t" : result.delimiter}" delimiter)`;
  const verb = options.dryRun ? "would import" : "imported";
  const where = displayPath(options.out, io.cwd);
  const extra = [
    rejected.length > 0 ? `${rejected.length} rejected` : "",
    result.blankRows > 0 ? `${result.blankRows} blank ${result.blankRows === 1 ? "row" : "rows"} skipped` : "",
    target.documents === undefined ? "schema checked; not inside a pmo repository" : `checked against the repository at ${displayPath(target.root, io.cwd)}`,
  ].filter((s) => s !== "");
  io.stdout(`${verb} ${accepted.length} of ${result.rows} rows of ${read} as ${result.kind} documents into ${where}/ (${extra.join(", ")})\n`);
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
    const diagnostic: Diagnostic = { ruleId: "msproject", severity: "error", message: error.message, file: shown, line: error.line, column: error.column, pointer: "" };
    throw new UsageError(`cannot import ${shown}`, [diagnostic], new Map([[shown, xml]]));
  }
  const target = await openTarget(options.out, options.config);
  const planned = plan(target, "Project", result.value);
  refuseOverwrites([planned.absolute], options, io);
  const validation = validatePlannedFiles([planned], target.documentsExcept(new Set(options.force ? [planned.absolute] : [])), options.asOf);
  const problems = validation.byFile.get(planned.file);
  const shownOut = displayPath(planned.absolute, io.cwd);
  if (problems !== undefined) {
    const shownProblems = problems.map((d) => ({ ...d, file: shownOut, sourceKey: d.file }));
    io.stderr(FORMATTERS["stylish"]!(shownProblems, { palette: io.palette, sources: validation.sources }));
    io.stderr(`${shown} was not imported: the project it gives is not valid (fix the plan, or pass --id, --name or --portfolio)\n`);
    return ExitCode.Findings;
  }
  if (!options.dryRun) writeFileAtomic(planned.absolute, planned.text);
  const milestones = (result.value["milestones"] as { dependsOn?: unknown[] }[] | undefined) ?? [];
  const links = milestones.reduce((n, m) => n + (m.dependsOn?.length ?? 0), 0);
  for (const note of result.notes) io.stderr(`${io.palette.dim("note:")} ${note}\n`);
  io.stdout(
    `${options.dryRun ? "would write" : "wrote"} ${shownOut}: project ${String(result.value["id"])} with ${milestones.length} milestones and ${links} milestone dependencies, from ${result.tasks} tasks of ${shown}\n`,
  );
  if (options.dryRun) io.stdout(io.palette.dim("dry run: nothing written\n"));
  return ExitCode.Clean;
}

function parseKind(text: string): ImportKind {
  const kind = resolveImportKind(text.replace(/s$/i, "").replace(/^people$/i, "person"));
  if (kind === undefined) throw new UsageError(`cannot import "${text}" documents: expected project, risk, issue, decision or person`);
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
async function openTarget(outDir: string, configFile: string | undefined): Promise<Target> {
  let dir = path.resolve(outDir);
  let root: string | undefined;
  for (;;) {
    if (existsSync(path.join(dir, "pmo.config.yaml")) || existsSync(path.join(dir, ".git"))) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
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
  return { root: path.resolve(outDir), documents: undefined, documentsExcept: () => undefined, outDir };
}

function plan(target: Target, kind: Kind, value: Record<string, unknown>): { file: string; absolute: string; text: string } {
  const absolute = path.join(target.outDir, `${String(value["id"])}.yaml`);
  const file = path.relative(target.root, absolute).split(path.sep).join("/");
  // The editor's schema for this document, as pmo new and pmo init write it, when the
  // repository keeps its schemas in schemas/ (pmo init's layout).
  const schema = path.join(target.root, "schemas", `${kind.toLowerCase()}.schema.json`);
  const modeline = existsSync(schema) ? `# yaml-language-server: $schema=${path.relative(path.dirname(absolute), schema).split(path.sep).join("/")}\n` : "";
  return { file, absolute, text: modeline + documentToYaml(kind, value) };
}

function refuseOverwrites(files: readonly string[], options: ImportTargetOptions, io: CommandIO): void {
  if (options.force) return;
  const existing = files.filter((f) => existsSync(f));
  if (existing.length === 0) return;
  const shown = existing.slice(0, 10).map((f) => `  ${displayPath(f, io.cwd)}`);
  if (existing.length > 10) shown.push(`  ... and ${existing.length - 10} more`);
  throw new UsageError(`${existing.length} ${existing.length === 1 ? "file exists" : "files exist"} already; nothing was written (pass --force to overwrite):\n${shown.join("\n")}`);
}

function reasonOf(d: Diagnostic): string {
  const dotted = d.pointer.slice(1).replace(/\//g, ".");
  const where = d.pointer !== "" && !d.message.startsWith(dotted) && !d.message.includes(d.pointer) ? `${dotted}: ` : "";
  return `${where}${d.message}${d.ruleId === "schema" ? "" : ` (${d.ruleId})`}`;
}

/**
 * An XML file's text: UTF-16 when a byte order mark or the first `<` says so (Microsoft Project
 * can save its XML as UTF-16), else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeXml(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder("utf-16le").decode(bytes).replace(/^\ufeff/, "");
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder("utf-16be").decode(bytes).replace(/^\ufeff/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
