import { stringify } from "yaml";
import type { Kind } from "../../model/document.js";
import { orderKeys } from "./schema-fields.js";

/**
 * The options `pmo fmt` writes its canonical form with (src/core/fmt): written directly, a
 * document whose keys are in schema order is already in that form, so a freshly imported file
 * passes `pmo fmt --check` without the cost of formatting it (test/core/export/yaml.test.ts
 * checks the two agree, on the example and on awkward text).
 */
const CANONICAL = {
  version: "1.2",
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  flowCollectionPadding: true,
  aliasDuplicateObjects: false,
} as const;

/**
 * A document as the YAML file pmo writes for it (import): keys in schema order, in the
 * canonical form of `pmo fmt`. The same value always gives the same bytes.
 */
export function documentToYaml(kind: Kind, value: Record<string, unknown>): string {
  return stringify(orderKeys(kind, value), CANONICAL);
}
