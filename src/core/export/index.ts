/**
 * Exporting the repository for other tools: one JSON document of everything, or one CSV per
 * kind for spreadsheets. Also the schema-ordered field paths and YAML form that import shares.
 */
export { formatExportJson, documentsToExport } from "./json.js";
export { formatExportCsv, exportColumns } from "./csv.js";
export { flatFields, orderKeys, type FlatField, type FieldType } from "./schema-fields.js";
export { documentToYaml } from "./yaml.js";
