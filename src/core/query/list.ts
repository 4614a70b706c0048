import type { Kind, PmoDocument } from "../../model/document.js";
import { UsageError } from "../errors.js";
import { closestMatch } from "../validate/index.js";
import { COLUMNS, type Column, type QueryContext } from "./columns.js";
import { checkPath, parsePath, selectValue, selectValues, type FieldNode, type FieldPath } from "./fields.js";
import { pluralOf } from "./kinds.js";
import { scalarText, matchesWhere, type WhereFilter } from "./where.js";
import { parseSort, sortRows, type SortSpec, type SortValue } from "./sort.js";

export interface ListQuery {
  kind: Kind;
  where: readonly WhereFilter[];
  /** `field` or `-field`; by id when absent. */
  sort?: string;
}

export interface ListResult {
  columns: readonly Column[];
  rows: PmoDocument[];
}

/** A field named on the command line: one of the kind's columns, or a path into the document. */
type FieldRef = { column: Column } | { path: FieldPath };

/**
 * The documents of one kind that pass every filter, sorted. `fields` is the kind's field tree
 * (schema plus what the documents hold); a name that is neither a column nor a path in it is a
 * usage error naming what is known, since a typo would otherwise just list nothing.
 */
export function listEntities(query: ListQuery, ctx: QueryContext, fields: FieldNode): ListResult {
  const columns = COLUMNS[query.kind];
  const filters = query.where.map((filter) => ({
    filter,
    ref: resolveField(filter.field, query.kind, columns, fields, "--where"),
  }));
  const spec: SortSpec = query.sort === undefined ? { field: "id", descending: false } : parseSort(query.sort);
  const sortRef = resolveField(spec.field, query.kind, columns, fields, "--sort");

  const candidates = ctx.relations.documents.filter((doc) => doc.kind === query.kind && doc.id !== undefined);
  const matching = candidates.filter((doc) =>
    filters.every(({ filter, ref }) => matchesWhere(filter, valuesOf(ref, doc, ctx))),
  );
  const rows = sortRows(
    matching,
    (doc) => sortValueOf(sortRef, doc, ctx),
    spec.descending,
    (doc) => doc.id ?? "",
  );
  return { columns, rows };
}

function resolveField(name: string, kind: Kind, columns: readonly Column[], fields: FieldNode, flag: string): FieldRef {
  const column = columns.find((c) => c.key.toLowerCase() === name.toLowerCase());
  if (column) return { column };
  const path = parsePath(name);
  const problem = checkPath(fields, path);
  if (!problem) return { path };

  const plural = pluralOf(kind);
  const wrong = path[problem.at] ?? "";
  const topLevel = problem.at === 0;
  const candidates = topLevel ? [...new Set([...problem.known, ...columns.map((c) => c.key)])] : problem.known;
  const suggestion = closestMatch(wrong, candidates);
  const hint =
    suggestion === undefined
      ? ""
      : ` (did you mean "${[...path.slice(0, problem.at), suggestion, ...path.slice(problem.at + 1)].join(".")}"?)`;
  if (topLevel) {
    throw new UsageError(
      `${flag}: unknown field "${name}" for ${plural}${hint}; known fields: ${problem.known.join(", ")}` +
        `; columns: ${columns.map((c) => c.key).join(", ")}`,
    );
  }
  const parent = path.slice(0, problem.at).join(".");
  const known =
    problem.known.length > 0 ? `; fields of ${parent}: ${problem.known.join(", ")}` : `; ${parent} has no fields`;
  throw new UsageError(`${flag}: unknown field "${name}" for ${plural}${hint}${known}`);
}

function valuesOf(ref: FieldRef, doc: PmoDocument, ctx: QueryContext): unknown[] {
  if ("column" in ref) {
    const value = ref.column.value(doc, ctx);
    return value === undefined ? [] : [value];
  }
  return selectValues(doc.value, ref.path);
}

function sortValueOf(ref: FieldRef, doc: PmoDocument, ctx: QueryContext): SortValue {
  if ("column" in ref) return (ref.column.sortValue ?? ref.column.value)(doc, ctx);
  const value = selectValue(doc.value, ref.path);
  return typeof value === "number" ? value : scalarText(value);
}

/** "where stage=delivery and status.overall=red", for the message of an empty list. */
export function describeFilters(filters: readonly WhereFilter[]): string {
  return filters.map((f) => f.text).join(" and ");
}
