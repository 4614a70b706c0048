import { existsSync } from "node:fs";
import path from "node:path";
import { applyBaseline, ruleInfos, runCheck } from "../core/engine/index.js";
import { UsageError } from "../core/errors.js";
import { FORMATTERS, PLAIN, type FormatContext, type WaivedDiagnostic } from "../core/format/index.js";
import { ExitCode, type Diagnostic, type Severity } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openSide } from "./revision.js";
import { baselineTagsOf, checkOpenedWorkspace, openWorkspace, relativeToCwd } from "./workspace.js";

export const FAIL_SEVERITIES = ["error", "warn", "info"] as const;
const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

export interface CheckCommandOptions {
  dir: string;
  asOf: string;
  config?: string;
  /** Output specs: `name` (to stdout, or --output) or `name=path`. */
  formats: readonly string[];
  output?: string;
  failSeverity: Severity;
  maxWarnings?: number;
  quiet: boolean;
  version: string;
  /** A git ref or folder: findings already present there are shown as existing and do not fail. */
  newSince?: string;
}

/**
 * `pmo check`: validation plus governance rules, the CI gate. Exit 1 when any problem is at or
 * above --fail-severity or warnings exceed --max-warnings; 0 otherwise.
 */
export async function runCheckCommand(options: CheckCommandOptions, io: CommandIO): Promise<ExitCode> {
  const outputs = parseOutputs(options.formats, options.output, io.cwd);
  const { root, config, workspace } = await openWorkspace(options, io.cwd);
  let result = await checkOpenedWorkspace(
    { root, config, workspace },
    options.asOf,
    io.cwd,
    await baselineTagsOf(root),
  );
  if (options.newSince !== undefined) {
    // The baseline is judged with today's config, so that newly enabled rules report the
    // legacy content's findings as existing rather than new.
    const base = await openSide(options.newSince, { dir: root }, io.cwd, config);
    const baseline = await runCheck({ workspace: base.workspace, config, asOf: options.asOf });
    result = applyBaseline(result, [...baseline.diagnostics, ...baseline.waived], options.newSince);
  }
  const all = relativeToCwd(result.diagnostics, root, io.cwd);
  const shown = options.quiet ? all.filter((d) => d.severity === "error") : all;
  const waived = relativeToCwd(result.waived, root, io.cwd) as WaivedDiagnostic[];
  const rules = ruleInfos();
  for (const { name, file } of outputs) {
    const ctx: FormatContext = {
      palette: file ? PLAIN : io.palette,
      sources: result.sources,
      documents: workspace.documents.length,
      notPmo: workspace.notPmo?.length ?? 0,
      waived,
      rules,
      toolVersion: options.version,
      repositoryPath: path.relative(repositoryRoot(root), io.cwd).split(path.sep).join("/"),
    };
    const text = FORMATTERS[name]!(shown, ctx);
    if (file) writeFileAtomic(file, text);
    else io.stdout(text);
  }
  return exitCode(all, options);
}

/** The git work tree holding the workspace (where code scanning resolves paths), else the workspace. */
function repositoryRoot(root: string): string {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(root);
  }
}

function exitCode(diagnostics: readonly Diagnostic[], options: CheckCommandOptions): ExitCode {
  const threshold = RANK[options.failSeverity];
  if (diagnostics.some((d) => RANK[d.severity] >= threshold)) return ExitCode.Findings;
  const warnings = diagnostics.filter((d) => d.severity === "warn").length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return ExitCode.Findings;
  return ExitCode.Clean;
}

/**
 * `--format stylish --format sarif=results.sarif`: each format goes to its file, and at most one
 * goes to the terminal (or to --output). Checked before any work so a typo fails fast.
 */
export function parseOutputs(
  specs: readonly string[],
  output: string | undefined,
  cwd: string,
): { name: string; file?: string }[] {
  const list = (specs.length > 0 ? specs : ["stylish"]).map((spec) => {
    const eq = spec.indexOf("=");
    const name = eq >= 0 ? spec.slice(0, eq) : spec;
    const file = eq >= 0 ? spec.slice(eq + 1) : undefined;
    if (!(name in FORMATTERS))
      throw new UsageError(`unknown format "${name}": expected one of ${Object.keys(FORMATTERS).join(", ")}`);
    if (file === "") throw new UsageError(`--format ${name}= needs a file name after =`);
    return { name, file: file === undefined ? undefined : path.resolve(cwd, file) };
  });
  const toStdout = list.filter((o) => o.file === undefined);
  if (toStdout.length > 1)
    throw new UsageError(
      `only one format can go to the terminal; send the others to files, e.g. --format ${toStdout[1]!.name}=results.${toStdout[1]!.name}`,
    );
  if (output !== undefined && toStdout[0]) toStdout[0].file = path.resolve(cwd, output);
  return list;
}
