import path from "node:path";
import { baselinePlan, type BaselinePlan } from "../core/analytics/evm/index.js";
import { buildCatalog, type Catalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import type { Baseline } from "../core/git/index.js";
import { schemaDiagnostics } from "../core/validate/index.js";
import type { PmoDocument } from "../model/document.js";
import type { CommandIO } from "./io.js";
import { EVM_PLAN_KINDS } from "./load-kinds.js";
import { displayPath } from "./workspace.js";

/** A baseline read from git: the tag, and the repository as the tag froze it. */
export interface OpenedBaseline {
  name: string;
  baseline: Baseline;
  /** The engagement, portfolios and projects at the tag that pass their schema. */
  catalog: Catalog;
  /** Its projects, as every `--baseline` measures against them (analytics/evm `withBaselinePlan`). */
  plan: BaselinePlan;
}

export { EVM_PLAN_KINDS };
const EVM_PLAN_KIND_SET: ReadonlySet<string> = new Set(EVM_PLAN_KINDS);

/**
 * The documents of the kinds a plan is read from that pass their schema (a document that does
 * not cannot be trusted), and how many did not.
 */
export function usableDocuments(all: readonly PmoDocument[]): { documents: PmoDocument[]; invalid: number } {
  const documents: PmoDocument[] = [];
  let invalid = 0;
  for (const doc of all) {
    if (!EVM_PLAN_KIND_SET.has(doc.kind)) continue;
    // The loader checked the schema as it read the document (LoadOptions.schema); schemaDiagnostics
    // checks it now otherwise, and says an unsupported apiVersion is a problem too.
    if (schemaDiagnostics(doc).length > 0) invalid++;
    else documents.push(doc);
  }
  return { documents, invalid };
}

/**
 * `--baseline NAME` of evm, report and schedule (diff reads the tag as a revision): the
 * repository as the baseline tag pmo-baseline/NAME froze it, read from git without a checkout.
 * An unknown name is a usage error naming the baselines there are; documents of the baseline
 * that fail their schema are left out, with a warning that says how many.
 */
export async function openBaseline(dir: string, name: string, io: CommandIO): Promise<OpenedBaseline> {
  // Imported here: git is read only with --baseline (evm and schedule import this module for their kinds too).
  const { BASELINE_TAG_PREFIX, baselineRevision, findBaseline, gitRaw, loadWorkspaceAtRevision, openRepository } =
    await import("../core/git/index.js");
  const root = path.resolve(dir);
  const shown = displayPath(root, io.cwd);
  const inside = await gitRaw(root, ["rev-parse", "--show-toplevel"]);
  if (inside.code !== 0)
    throw new UsageError(`--baseline reads a git tag, but ${shown} is not inside a git repository`);
  const repo = await openRepository(root, shown, `${BASELINE_TAG_PREFIX}${name}`);
  const baseline = await findBaseline(repo, name);
  const { workspace } = await loadWorkspaceAtRevision(repo, baselineRevision(baseline), root);
  const { documents, invalid } = usableDocuments(workspace.documents);
  if (invalid > 0)
    io.stderr(
      io.palette.yellow(
        `warning: in baseline ${name}, ${invalid === 1 ? "1 document fails" : `${invalid} documents fail`} schema validation and ${invalid === 1 ? "is" : "are"} left out`,
      ) + "\n",
    );
  const catalog = buildCatalog(documents);
  return {
    name,
    baseline,
    catalog,
    plan: baselinePlan(
      name,
      catalog.projects.map((e) => e.value),
    ),
  };
}
