import { buildEvmReport, formatEvmCsv, formatEvmJson, formatEvmMarkdown, formatEvmTable } from "../core/analytics/evm/index.js";
import { buildCatalog } from "../core/catalog/index.js";
import { validateDocument } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { PmoDocument } from "../model/document.js";
import type { CommandIO } from "./io.js";
import { openWorkspace } from "./workspace.js";

export const EVM_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type EvmFormat = (typeof EVM_FORMATS)[number];

export interface EvmCommandOptions {
  dir: string;
  format: EvmFormat;
  explain: boolean;
  asOf: string;
  config?: string;
}

/** The kinds earned value reads; only these are schema-checked, so that a large repository stays fast. */
const READ_KINDS: ReadonlySet<string> = new Set(["Engagement", "Portfolio", "Project"]);

/**
 * `pmo evm`: earned value per project and roll-ups. A document that fails its schema is left
 * out (its fields cannot be trusted) and a warning says how many; `pmo validate` says why.
 */
export async function runEvm(options: EvmCommandOptions, io: CommandIO): Promise<ExitCode> {
  const { workspace } = await openWorkspace(options, io.cwd);
  const { documents, invalid } = usableDocuments(workspace.documents);
  if (invalid > 0) io.stderr(io.palette.yellow(`warning: ${invalid === 1 ? "1 document fails" : `${invalid} documents fail`} schema validation and ${invalid === 1 ? "is" : "are"} left out; run pmo validate`) + "\n");
  const report = buildEvmReport(buildCatalog(documents), { asOf: options.asOf });
  io.stdout(render(report, options, io));
  return ExitCode.Clean;
}

export function usableDocuments(all: readonly PmoDocument[]): { documents: PmoDocument[]; invalid: number } {
  const documents: PmoDocument[] = [];
  let invalid = 0;
  for (const doc of all) {
    if (!READ_KINDS.has(doc.kind)) continue;
    if (doc.apiVersion !== "pmo/v1" || validateDocument(doc.kind, doc.value).length > 0) invalid++;
    else documents.push(doc);
  }
  return { documents, invalid };
}

function render(report: ReturnType<typeof buildEvmReport>, options: EvmCommandOptions, io: CommandIO): string {
  switch (options.format) {
    case "json":
      return formatEvmJson(report);
    case "csv":
      return formatEvmCsv(report);
    case "markdown":
      return formatEvmMarkdown(report, options.explain);
    default:
      return formatEvmTable(report, io.palette, options.explain);
  }
}
