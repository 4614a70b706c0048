import { stringify } from "yaml";
import type { Kind } from "../../model/document.js";
import { orderKeys } from "./schema-fields.js";

/**
 * A document as the YAML file pmo writes for it (import): keys in schema order, dates and ids
 * plain, long text folded, one trailing newline. The same value always gives the same bytes.
 */
export function documentToYaml(kind: Kind, value: Record<string, unknown>): string {
  return stringify(orderKeys(kind, value), { version: "1.2", lineWidth: 100, minContentWidth: 40, aliasDuplicateObjects: false });
}
