/**
 * A kind's fields as its JSON Schema declares them, in schema order: the flat field paths of
 * `pmo export csv` and `pmo import csv` (`schedule.baselineFinish`, `status.overall`), the type
 * each one holds, and the key order documents are written in. Objects with named properties are
 * walked into; everything else (lists of objects, maps, alternatives) is one opaque value.
 */
import type { Kind } from "../../model/document.js";
import { getSchema } from "../validate/index.js";

/** How a flat field's value is written to and read from a cell. */
export type FieldType = "string" | "number" | "integer" | "boolean" | "date" | "list" | "json";

export interface FlatField {
  /** Dotted path from the document root. */
  path: string;
  type: FieldType;
  /** Values the schema allows, when it lists them. */
  enum?: readonly unknown[];
}

type SchemaNode = Record<string, unknown>;

const cache = new Map<string, SchemaNode>();

function schemaNamed(name: string): SchemaNode {
  let schema = cache.get(name);
  if (schema === undefined) {
    schema = getSchema(name) as SchemaNode;
    cache.set(name, schema);
  }
  return schema;
}

type Resolved = { node: SchemaNode; schemaName: string };

/** Resolved nodes by node and schema: the schemas never change, and each document walks them again. */
const resolvedCache = new WeakMap<SchemaNode, Map<string, Resolved>>();

/** The node a `$ref` points at, merged under the referring node's own keywords. */
function resolve(node: SchemaNode, schemaName: string): Resolved {
  let bySchema = resolvedCache.get(node);
  if (bySchema === undefined) {
    bySchema = new Map();
    resolvedCache.set(node, bySchema);
  }
  let resolved = bySchema.get(schemaName);
  if (resolved === undefined) {
    resolved = resolveRef(node, schemaName);
    bySchema.set(schemaName, resolved);
  }
  return resolved;
}

function resolveRef(node: SchemaNode, schemaName: string): Resolved {
  const ref = node["$ref"];
  if (typeof ref !== "string") return { node, schemaName };
  const [file, pointer = ""] = ref.split("#");
  const targetName = file ? file.replace(/\.schema\.json$/, "") : schemaName;
  const target = pointer
    .split("/")
    .filter((s) => s !== "")
    .reduce<unknown>((at, segment) => (at as SchemaNode | undefined)?.[segment], schemaNamed(targetName)) as
    | SchemaNode
    | undefined;
  if (target === undefined) return { node, schemaName };
  const { $ref: _ignored, ...rest } = node;
  const inner = resolve(target, targetName);
  return { node: { ...inner.node, ...rest }, schemaName: inner.schemaName };
}

function isWalkable(node: SchemaNode): boolean {
  return (
    node["type"] === "object" &&
    typeof node["properties"] === "object" &&
    node["oneOf"] === undefined &&
    node["anyOf"] === undefined
  );
}

function typeOf(node: SchemaNode, schemaName: string): FieldType {
  if (node["format"] === "date") return "date";
  const type = node["type"];
  if (type === "integer") return "integer";
  if (type === "number") return "number";
  if (type === "boolean") return "boolean";
  if (type === "string" || (type === undefined && (node["const"] !== undefined || Array.isArray(node["enum"]))))
    return "string";
  if (type === "array" && typeof node["items"] === "object") {
    const items = resolve(node["items"] as SchemaNode, schemaName).node;
    return items["type"] === "string" ? "list" : "json";
  }
  return "json";
}

function walk(node: SchemaNode, schemaName: string, prefix: string, out: FlatField[]): void {
  for (const [key, child] of Object.entries(node["properties"] as Record<string, SchemaNode>)) {
    const { node: resolved, schemaName: childSchema } = resolve(child, schemaName);
    const path = prefix + key;
    if (isWalkable(resolved)) walk(resolved, childSchema, `${path}.`, out);
    else
      out.push({
        path,
        type: typeOf(resolved, childSchema),
        ...(Array.isArray(resolved["enum"]) && { enum: resolved["enum"] as unknown[] }),
      });
  }
}

const fieldsCache = new Map<Kind, readonly FlatField[]>();

/** Every flat field of a kind, `apiVersion` and `kind` included, in schema order. */
export function flatFields(kind: Kind): readonly FlatField[] {
  let fields = fieldsCache.get(kind);
  if (fields === undefined) {
    const out: FlatField[] = [];
    walk(schemaNamed(kind.toLowerCase()), kind.toLowerCase(), "", out);
    fields = out;
    fieldsCache.set(kind, fields);
  }
  return fields;
}

/**
 * A copy of a document with its keys in schema order at every level (lists included); keys the
 * schema does not name (map keys such as `scores`, `x-` extensions) follow in their own order.
 */
export function orderKeys(kind: Kind, value: Record<string, unknown>): Record<string, unknown> {
  return orderNode(value, schemaNamed(kind.toLowerCase()), kind.toLowerCase()) as Record<string, unknown>;
}

function orderNode(value: unknown, node: SchemaNode | undefined, schemaName: string): unknown {
  const resolved = node === undefined ? undefined : resolve(node, schemaName);
  if (Array.isArray(value)) {
    const items = resolved?.node["items"] as SchemaNode | undefined;
    return value.map((item) => orderNode(item, items, resolved?.schemaName ?? schemaName));
  }
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const properties = (resolved?.node["properties"] ?? {}) as Record<string, SchemaNode>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    if (Object.hasOwn(record, key))
      out[key] = orderNode(record[key], properties[key], resolved?.schemaName ?? schemaName);
  }
  const rest = Object.keys(record).filter((key) => !Object.hasOwn(properties, key));
  const additional =
    typeof resolved?.node["additionalProperties"] === "object"
      ? (resolved.node["additionalProperties"] as SchemaNode)
      : undefined;
  for (const key of rest)
    out[key] = orderNode(
      record[key],
      key.startsWith("x-") ? undefined : additional,
      resolved?.schemaName ?? schemaName,
    );
  return out;
}
