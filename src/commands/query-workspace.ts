import type { Kind } from "../model/document.js";
import { buildModel, documentsThatValidate } from "../core/domain/index.js";
import {
  addObservedFields,
  buildRelations,
  fieldTreeFromSchema,
  type FieldNode,
  type QueryContext,
} from "../core/query/index.js";
import { getSchema, validateWorkspace } from "../core/validate/index.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Workspace } from "../model/document.js";
import type { CommandIO } from "./io.js";
import { openWorkspace, type WorkspaceOptions } from "./workspace.js";
export { paintWith } from "./paint.js";

/** What `ls` and `show` start from: the loaded workspace and the links between its documents. */
export interface QueryWorkspace {
  root: string;
  workspace: Workspace;
  ctx: QueryContext;
}

/**
 * Loads the workspace for a read-only query. Documents with problems are still listed (a
 * half-finished repository is exactly when people want to look around), but one line on
 * stderr says that the picture may be incomplete.
 */
export async function openQueryWorkspace(
  options: WorkspaceOptions & { asOf: string },
  io: CommandIO,
): Promise<QueryWorkspace> {
  const { root, config, workspace } = await openWorkspace(options);
  const diagnostics = validateWorkspace(workspace, { asOf: options.asOf });
  const problems = documentsWithProblems(diagnostics);
  if (problems > 0) {
    const what = problems === 1 ? "1 document has problems" : `${problems} documents have problems`;
    io.stderr(io.palette.yellow(`warning: ${what}; run pmo validate`) + "\n");
  }
  // Judgements (risk bands, tolerances, review periods) come from the domain model, which holds
  // the documents that passed their schema, as in pmo check.
  const model = buildModel(documentsThatValidate(workspace.documents, diagnostics), config, options.asOf);
  return { root, workspace, ctx: { relations: buildRelations(workspace.documents), asOf: options.asOf, model } };
}

function documentsWithProblems(diagnostics: readonly Diagnostic[]): number {
  const keys = new Set<string>();
  for (const d of diagnostics) keys.add(d.docIndex === undefined ? d.file : `${d.file}#${d.docIndex}`);
  return keys.size;
}

/** The paths documents of a kind may have: its schema, plus whatever the loaded ones hold. */
export function fieldsOf(kind: Kind, workspace: Workspace): FieldNode {
  // getSchema hands out a fresh copy each call, and every $ref asks again.
  const cache = new Map<string, object | undefined>();
  const lookup = (name: string): object | undefined => {
    if (!cache.has(name)) {
      try {
        cache.set(name, getSchema(name));
      } catch {
        cache.set(name, undefined);
      }
    }
    return cache.get(name);
  };
  const schema = lookup(kind.toLowerCase());
  const tree = schema ? fieldTreeFromSchema(schema, lookup, kind.toLowerCase()) : { fields: new Map(), open: false };
  for (const doc of workspace.documents) if (doc.kind === kind) addObservedFields(tree, doc.value);
  return tree;
}
