import {
  buildEvmHistory,
  formatEvmCsv,
  formatEvmHistory,
  formatEvmJsonPieces,
  formatEvmMarkdown,
  formatEvmTable,
  measureEvm,
  type EvmReportStream,
} from "../core/analytics/evm/index.js";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildCatalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import { IGNORE_FILE } from "../core/load/index.js";
import { ExitCode } from "../model/diagnostic.js";
import { openBaseline, EVM_PLAN_KINDS, usableDocuments } from "./baseline-plan.js";
import type { CommandIO } from "./io.js";
import { displayPath, openWorkspace } from "./workspace.js";

export const EVM_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type EvmFormat = (typeof EVM_FORMATS)[number];

export interface EvmCommandOptions {
  dir: string;
  format: EvmFormat;
  explain: boolean;
  asOf: string;
  config?: string;
  /** Measure against this baseline (a pmo-baseline/NAME tag), read from git without a checkout. */
  baseline?: string;
  /** CPI and SPI of every project over the git history instead of today's figures. */
  history?: boolean;
}

/**
 * `pmo evm`: earned value per project and roll-ups. A document that fails its schema is left
 * out (its fields cannot be trusted) and a warning says how many; `pmo validate` says why.
 */
export async function runEvm(options: EvmCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (options.history) return runEvmHistory(options, io);
  const { workspace } = await openWorkspace(options, io.cwd, { kinds: EVM_PLAN_KINDS });
  const { documents, invalid } = usableDocuments(workspace.documents);
  if (invalid > 0)
    io.stderr(
      io.palette.yellow(
        `warning: ${invalid === 1 ? "1 document fails" : `${invalid} documents fail`} schema validation and ${invalid === 1 ? "is" : "are"} left out; run pmo validate`,
      ) + "\n",
    );
  const baseline = options.baseline === undefined ? undefined : await openBaseline(options.dir, options.baseline, io);
  const catalog = buildCatalog(documents);
  // Measured as it is written, each project forgotten once it is; no format shows an
  // explanation without --explain, so the figures need not keep them.
  const report = measureEvm(catalog, {
    asOf: options.asOf,
    ...(baseline && { baseline: baseline.plan }),
    explanations: options.explain,
  });
  if (options.format === "json")
    // In pieces: ten thousand projects are 38 MB of JSON (core/json.ts).
    for (const piece of formatEvmJsonPieces(report, options.explain)) io.stdout(piece);
  else io.stdout(render(report, options, io));
  return ExitCode.Clean;
}

/** `pmo evm --history`: CPI and SPI per project from the git history alone (one git log, one cat-file batch). */
async function runEvmHistory(options: EvmCommandOptions, io: CommandIO): Promise<ExitCode> {
  if (options.baseline !== undefined)
    throw new UsageError("--history measures each commit against its own plan: it cannot be combined with --baseline");
  // Imported here: only --history reads git.
  const { discoveryFilter, gitRaw, openRepository, readBlobs, readLog } = await import("../core/git/index.js");
  const root = path.resolve(options.dir);
  const shown = displayPath(root, io.cwd);
  const inside = await gitRaw(root, ["rev-parse", "--show-toplevel"]);
  if (inside.code !== 0)
    throw new UsageError(`--history reads the git history, but ${shown} is not inside a git repository`);
  const { workspace, config } = await openWorkspace(options, io.cwd);
  const repo = await openRepository(root, shown, "HEAD");
  const pmoignore = await readFile(path.join(root, IGNORE_FILE), "utf8").catch(() => "");
  const include = discoveryFilter(pmoignore, config.ignore);
  const commits = await readLog(repo);
  const oids = commits.flatMap((c) =>
    c.changes.filter((ch) => ch.oid !== null && include(ch.path)).map((ch) => ch.oid!),
  );
  const blobs = await readBlobs(repo.top, oids);
  const engagement = workspace.documents.find((d) => d.kind === "Engagement");
  const currency = typeof engagement?.value["currency"] === "string" ? engagement.value["currency"] : "";
  const history = buildEvmHistory({
    commits: commits.filter((c) => c.date.slice(0, 10) <= options.asOf),
    blobs,
    include,
    defaultCurrency: currency,
  });
  const names = new Map(
    workspace.documents
      .filter((d) => d.kind === "Project" && d.id)
      .map((d) => [d.id!, typeof d.value["name"] === "string" ? d.value["name"] : ""]),
  );
  if (repo.shallow)
    io.stderr(
      "warning: this is a shallow clone, so the history starts at its oldest fetched commit; run `git fetch --unshallow` for all of it\n",
    );
  io.stdout(formatEvmHistory(history, names, options.format, io.palette));
  return ExitCode.Clean;
}

function render(report: EvmReportStream, options: EvmCommandOptions, io: CommandIO): string {
  switch (options.format) {
    case "csv":
      return formatEvmCsv(report);
    case "markdown":
      return formatEvmMarkdown(report, options.explain);
    default:
      return formatEvmTable(report, io.palette, options.explain);
  }
}
