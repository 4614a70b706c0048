import {
  DEFAULT_EVM_THRESHOLDS,
  diffWorkspaces,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  SEVERITY_RANK,
  type DiffResult,
  type EvmThresholds,
} from "../core/diff/index.js";
import { ruleOptions, runCheck, type ResolvedRules } from "../core/engine/index.js";
import { BASELINE_TAG_PREFIX, findBaseline, gitRaw, openRepository } from "../core/git/index.js";
import { UsageError } from "../core/errors.js";
import { PLAIN } from "../core/format/index.js";
import { ExitCode, type Severity } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openSide, type Side } from "./revision.js";
import { displayPath } from "./workspace.js";
import path from "node:path";

export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffCommandOptions {
  dir: string;
  /** The base side; with `baseline`, the head side (the working tree when absent). */
  base?: string;
  head?: string;
  format: DiffFormat;
  /** Exit 1 when anything changed in meaning or in the findings. */
  exitCode: boolean;
  /** `new-findings` or `new-findings=<severity>`: exit 1 when the change introduces such findings. */
  failOn?: string;
  asOf: string;
  config?: string;
  output?: string;
  /** --baseline NAME: the base is the baseline tag pmo-baseline/NAME (pmo baseline ls). */
  baseline?: string;
}

/** Parses `--fail-on new-findings[=severity]`; a bare `new-findings` means any severity. */
export function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const match = /^new-findings(?:=(error|warn|info))?$/.exec(value);
  if (!match) throw new UsageError(`--fail-on expects new-findings or new-findings=<error|warn|info> (got "${value}")`);
  return (match[1] as Severity | undefined) ?? "info";
}

/**
 * `pmo diff <base> [<head>]`: what a change means for the portfolio. Both sides are judged
 * with the same --as-of, so that only the files' changes show, not the passing of time.
 */
export async function runDiff(options: DiffCommandOptions, io: CommandIO): Promise<ExitCode> {
  const failOn = parseFailOn(options.failOn);
  const { base: baseSpec, head: headSpec } = await sides(options, io);
  const sideOptions = { dir: options.dir, config: options.config };
  const base = await openSide(baseSpec, sideOptions, io.cwd);
  const head = await openSide(headSpec, sideOptions, io.cwd);
  const result = await compare(base, head, options.asOf);

  const text =
    options.format === "json"
      ? formatDiffJson(result)
      : options.format === "markdown"
        ? formatDiffMarkdown(result)
        : formatDiffText(result, options.output ? PLAIN : io.palette);
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);

  // A head that does not validate fails whatever the options: the change would land data that
  // `pmo validate` rejects, and what the diff says about it is incomplete. A base that does not
  // validate alone does not: a change that repairs a broken main must be able to pass.
  if (!result.validity.head.valid) return ExitCode.Findings;
  if (
    failOn !== undefined &&
    result.findings.introduced.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])
  )
    return ExitCode.Findings;
  if (
    options.exitCode &&
    (result.changes.length > 0 || result.findings.introduced.length + result.findings.resolved.length > 0)
  )
    return ExitCode.Findings;
  return ExitCode.Clean;
}

/**
 * The two sides as given, or with --baseline the baseline's tag as the base and the one side
 * given (else the working tree) as the head. The baseline must exist: its name is checked
 * against the repository's baseline tags, so that a typo names the baselines there are.
 */
async function sides(options: DiffCommandOptions, io: CommandIO): Promise<{ base: string; head: string | undefined }> {
  if (options.baseline === undefined) {
    if (options.base === undefined)
      throw new UsageError("pmo diff needs a base: pmo diff <base> [<head>], or pmo diff --baseline NAME [<head>]");
    return { base: options.base, head: options.head };
  }
  if (options.head !== undefined)
    throw new UsageError(
      "with --baseline, give at most one side, the head compared with the baseline (default: the working tree)",
    );
  const root = path.resolve(options.dir);
  const shown = displayPath(root, io.cwd);
  if ((await gitRaw(root, ["rev-parse", "--show-toplevel"])).code !== 0)
    throw new UsageError(`--baseline reads a git tag, but ${shown} is not inside a git repository`);
  const tag = `${BASELINE_TAG_PREFIX}${options.baseline}`;
  await findBaseline(await openRepository(root, shown, tag), options.baseline);
  return { base: tag, head: options.base };
}

/**
 * The head's CPI and SPI tolerances for the diff's earned value crossings: the CPI's is
 * cost-performance-vs-status's `threshold` as the head's config sets it.
 */
function evmThresholdsOf(resolved: ResolvedRules): EvmThresholds {
  const threshold = ruleOptions(resolved, "cost-performance-vs-status")?.["threshold"];
  return { ...DEFAULT_EVM_THRESHOLDS, ...(typeof threshold === "number" && { cpi: threshold }) };
}

/** Runs the checks on both sides and diffs them. */
export async function compare(base: Side, head: Side, asOf: string): Promise<DiffResult> {
  const check = async (side: Side) => {
    try {
      return await runCheck({ workspace: side.workspace, config: side.config, asOf });
    } catch (error) {
      if (error instanceof UsageError && side.commit)
        throw new UsageError(`${error.message} (at ${side.label})`, error.diagnostics, error.sources);
      throw error;
    }
  };
  const [a, b] = [await check(base), await check(head)];
  return diffWorkspaces(
    {
      label: base.label,
      documents: base.workspace.documents,
      settings: a.settings,
      findings: a.diagnostics,
      ...(base.workspace.broken && { broken: base.workspace.broken }),
    },
    {
      label: head.label,
      documents: head.workspace.documents,
      settings: b.settings,
      findings: b.diagnostics,
      asOf,
      evmThresholds: evmThresholdsOf(b.resolved),
      ...(head.workspace.broken && { broken: head.workspace.broken }),
    },
  );
}
