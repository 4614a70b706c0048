import { stringify } from "yaml";
import type { Kind } from "../../model/document.js";
import { formatSource } from "../fmt/index.js";
import { orderKeys } from "./schema-fields.js";

/**
 * A document as the YAML file pmo writes for it (import): keys in schema order, then put in the
 * canonical form of `pmo fmt`, so that a freshly imported file passes `pmo fmt --check`. The
 * same value always gives the same bytes.
 */
export function documentToYaml(kind: Kind, value: Record<string, unknown>): string {
  const text = stringify(orderKeys(kind, value), { version: "1.2", lineWidth: 0, aliasDuplicateObjects: false });
  const formatted = formatSource(`${String(value["id"])}.yaml`, text);
  return formatted.ok ? formatted.text : text;
}
