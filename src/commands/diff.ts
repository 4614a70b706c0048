import {
  diffWorkspaces,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  SEVERITY_RANK,
  type DiffResult,
} from "../core/diff/index.js";
import { runCheck } from "../core/engine/index.js";
import { UsageError } from "../core/errors.js";
import { PLAIN } from "../core/format/index.js";
import { ExitCode, type Severity } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openSide, type Side } from "./revision.js";
import path from "node:path";

export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffCommandOptions {
  dir: string;
  base: string;
  head?: string;
  format: DiffFormat;
  /** Exit 1 when anything changed in meaning or in the findings. */
  exitCode: boolean;
  /** `new-findings` or `new-findings=<severity>`: exit 1 when the change introduces such findings. */
  failOn?: string;
  asOf: string;
  config?: string;
  output?: string;
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
  const sideOptions = { dir: options.dir, config: options.config };
  const base = await openSide(options.base, sideOptions, io.cwd);
  const head = await openSide(options.head, sideOptions, io.cwd);
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
      ...(head.workspace.broken && { broken: head.workspace.broken }),
    },
  );
}
