import path from "node:path";
import { buildCatalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import {
  baselineMessage,
  baselineRevision,
  createBaselineTag,
  findBaseline,
  gitRaw,
  isBaselineName,
  listBaselines,
  loadWorkspaceAtRevision,
  openRepository,
  resolveRevision,
  shortCommit,
  type Baseline,
  type Repository,
} from "../core/git/index.js";
import { isDirectory } from "../core/load/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { Decision } from "../model/entities.js";
import type { CommandIO } from "./io.js";
import { displayPath, openWorkspace } from "./workspace.js";

export interface BaselineCommonOptions {
  dir: string;
  config?: string;
}

export interface BaselineCreateOptions extends BaselineCommonOptions {
  name: string;
  decision: string;
  message?: string;
  /** The revision to freeze (default HEAD). */
  at: string;
}

async function repositoryOf(
  options: BaselineCommonOptions,
  io: CommandIO,
): Promise<{ root: string; repo: Repository }> {
  const root = path.resolve(options.dir);
  const shown = displayPath(root, io.cwd);
  if (!(await isDirectory(root)))
    throw new UsageError(
      `no such folder: ${shown} (pass the folder that holds the pmo repository, or run pmo inside it)`,
    );
  const result = await gitRaw(root, ["rev-parse", "--show-toplevel"]);
  if (result.code !== 0)
    throw new UsageError(
      `baselines are git tags, but ${shown} is not inside a git repository (run git init and commit the repository first)`,
    );
  return { root, repo: await openRepository(root, shown, "HEAD") };
}

/** Why a decision cannot approve a baseline, or undefined when it can. */
export function decisionProblem(decision: Decision | undefined, id: string, name: string): string | undefined {
  if (!decision) return `decision ${id} does not exist`;
  if (decision.status !== "approved") return `decision ${id} is ${decision.status}, not approved`;
  const named = decision.approves?.baselineName;
  if (named !== undefined && named !== name) return `decision ${id} approves the baseline "${named}", not "${name}"`;
  return undefined;
}

/**
 * `pmo baseline create NAME --decision DEC-ID`: the annotated tag pmo-baseline/NAME on HEAD
 * (or --at), recording the decision; git records who made it. The decision must be approved
 * in the state being frozen, so the baseline and its approval travel together.
 */
export async function runBaselineCreate(options: BaselineCreateOptions, io: CommandIO): Promise<ExitCode> {
  if (!isBaselineName(options.name)) {
    throw new UsageError(
      `"${options.name}" is not a usable baseline name: use letters, digits, ".", "_" and "-", starting with a letter or digit (e.g. 2026-Q3 or rebaseline-2)`,
    );
  }
  const { root, repo } = await repositoryOf(options, io);
  const revision = await resolveRevision(repo, options.at);
  const { workspace } = await loadWorkspaceAtRevision(repo, revision, root);
  const catalog = buildCatalog(workspace.documents.filter((d) => d.kind === "Decision"));
  const problem = decisionProblem(catalog.decision(options.decision)?.value, options.decision, options.name);
  if (problem)
    throw new UsageError(
      `cannot create baseline "${options.name}": ${problem} at ${options.at} (a baseline needs an approved decision; commit it first)`,
    );

  const dirty = await gitRaw(repo.top, [
    "status",
    "--porcelain",
    "--untracked-files=all",
    "--",
    repo.prefix === "" ? "." : repo.prefix,
  ]);
  if (options.at === "HEAD" && dirty.code === 0 && dirty.stdout.length > 0) {
    io.stderr(
      io.palette.yellow("warning: uncommitted changes are not part of the baseline: it freezes the last commit") + "\n",
    );
  }
  await createBaselineTag(
    repo,
    options.name,
    revision.commit,
    baselineMessage(options.name, options.decision, options.message),
  );
  const short = await shortCommit(repo, revision.commit);
  io.stdout(
    `created baseline ${options.name}: tag pmo-baseline/${options.name} on ${short}, approved by ${options.decision}\nshare it with: git push origin pmo-baseline/${options.name}\n`,
  );
  return ExitCode.Clean;
}

export interface BaselineListOptions extends BaselineCommonOptions {
  format: "table" | "json";
}

/** A baseline with what the current repository says of its decision. */
interface BaselineEntry extends Baseline {
  short: string;
  problem: string | undefined;
}

async function entries(options: BaselineCommonOptions, io: CommandIO): Promise<BaselineEntry[]> {
  const { repo } = await repositoryOf(options, io);
  const baselines = await listBaselines(repo);
  if (baselines.length === 0) return [];
  const { workspace } = await openWorkspace(options, io.cwd);
  const catalog = buildCatalog(workspace.documents.filter((d) => d.kind === "Decision"));
  return Promise.all(
    baselines.map(async (b) => ({
      ...b,
      short: await shortCommit(repo, b.commit),
      problem: !b.annotated
        ? "a lightweight tag: it records no decision"
        : b.decision === undefined
          ? "the tag message names no decision"
          : decisionProblem(catalog.decision(b.decision)?.value, b.decision, b.name),
    })),
  );
}

/** `pmo baseline ls`: every baseline, its commit, decision, author and whether the decision holds. */
export async function runBaselineLs(options: BaselineListOptions, io: CommandIO): Promise<ExitCode> {
  const list = await entries(options, io);
  if (options.format === "json") {
    io.stdout(JSON.stringify({ version: 1, baselines: list.map(toJson) }, null, 2) + "\n");
    return ExitCode.Clean;
  }
  if (list.length === 0) {
    io.stdout("No baselines yet. Make one with: pmo baseline create NAME --decision DEC-ID\n");
    return ExitCode.Clean;
  }
  const rows = [
    ["Baseline", "Date", "Commit", "Decision", "Created by", "Decision check"],
    ...list.map((b) => [b.name, b.date, b.short, b.decision ?? "-", b.createdBy || "-", b.problem ?? "approved"]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  io.stdout(
    rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")).join("\n") + "\n",
  );
  return ExitCode.Clean;
}

function toJson(b: BaselineEntry) {
  return {
    name: b.name,
    tag: b.tag,
    commit: b.commit,
    date: b.date,
    decision: b.decision ?? null,
    createdBy: b.createdBy || null,
    message: b.message,
    annotated: b.annotated,
    decisionProblem: b.problem ?? null,
  };
}

export interface BaselineShowOptions extends BaselineListOptions {
  name: string;
}

/** `pmo baseline show NAME`: one baseline, its decision, and what it holds. */
export async function runBaselineShow(options: BaselineShowOptions, io: CommandIO): Promise<ExitCode> {
  const { root, repo } = await repositoryOf(options, io);
  const baseline = await findBaseline(repo, options.name);
  const entry = (await entries(options, io)).find((b) => b.name === baseline.name)!;
  const { workspace } = await loadWorkspaceAtRevision(repo, baselineRevision(baseline), root);
  const counts = new Map<string, number>();
  for (const d of workspace.documents) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const holds = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${n} ${k}`);
  if (options.format === "json") {
    io.stdout(
      JSON.stringify(
        {
          version: 1,
          ...toJson(entry),
          documents: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1))),
        },
        null,
        2,
      ) + "\n",
    );
    return ExitCode.Clean;
  }
  const lines = [
    `baseline ${entry.name} (tag ${entry.tag})`,
    `commit     ${entry.commit}`,
    `date       ${entry.date || "-"}`,
    `created by ${entry.createdBy || "-"}`,
    `decision   ${entry.decision ?? "-"}: ${entry.problem ?? "approved"}`,
    `holds      ${holds.join(", ") || "no pmo documents"}`,
  ];
  if (entry.message) lines.push("", entry.message);
  io.stdout(lines.join("\n") + "\n");
  return ExitCode.Clean;
}
