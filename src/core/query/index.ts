/**
 * Queries over a loaded workspace for `pmo ls` and `pmo show`: field paths, filters, sorting,
 * the columns of each kind, the links between documents and the view of one entity. Pure: no
 * file system, no process, no console; the date arrives as `asOf`.
 */
export { resolveKind, pluralOf, kindWords } from "./kinds.js";
export { parsePath, selectValues, selectValue, fieldTreeFromSchema, addObservedFields, checkPath } from "./fields.js";
export type { FieldPath, FieldNode, SchemaLookup, PathProblem } from "./fields.js";
export { parseWhere, matchesWhere, WhereSyntaxError, type WhereFilter } from "./where.js";
export { parseSort, naturalCompare, compareValues, sortRows, type SortSpec, type SortValue } from "./sort.js";
export { buildRelations, type Relations, type PersonLink, type PersonRole } from "./relations.js";
export { statusScaleOf, type StatusScaleInfo, type StatusColour } from "./status.js";
export {
  COLUMNS,
  cellOf,
  formatMoney,
  riskScore,
  type Column,
  type Cell,
  type Tone,
  type QueryContext,
} from "./columns.js";
export { listEntities, describeFilters, type ListQuery, type ListResult } from "./list.js";
export { buildShowView, showData, type ShowView, type Fact, type Section, type SectionColumn } from "./show.js";
export { renderTable, renderTextTable, type Paint, type TableOptions } from "./table.js";
