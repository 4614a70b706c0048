import { getSchema } from "../validate/index.js";

/**
 * The canonical key order of a document: the property order of its kind's JSON Schema,
 * followed into `$ref`s, `allOf`/`anyOf`/`oneOf` branches, array `items` and
 * `patternProperties`/`additionalProperties`, so that nested objects and list items are ordered
 * by their own part of the schema.
 */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  then?: SchemaNode;
  else?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

/** A position in the schemas: a schema object and the schema file it belongs to (for `$ref`s). */
export interface SchemaCursor {
  node: SchemaNode;
  file: string;
}

const cache = new Map<string, SchemaNode>();

function schemaFile(name: string): SchemaNode {
  let schema = cache.get(name);
  if (schema === undefined) {
    schema = getSchema(name) as SchemaNode;
    cache.set(name, schema);
  }
  return schema;
}

/** The schema a document of this kind (or "config") follows; undefined for an unknown kind. */
export function schemaForKind(kind: string): SchemaCursor | undefined {
  const name = kind.toLowerCase();
  if (!/^[a-z]+$/.test(name)) return undefined;
  try {
    return { node: schemaFile(name), file: name };
  } catch {
    return undefined;
  }
}

function resolveRef(cursor: SchemaCursor, ref: string): SchemaCursor | undefined {
  const [filePart, pointer = ""] = ref.split("#", 2) as [string, string?];
  const file = filePart === "" ? cursor.file : filePart.replace(/\.schema\.json$/, "");
  let node: unknown = schemaFile(file);
  for (const segment of pointer.split("/").filter((s) => s !== "")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return typeof node === "object" && node !== null ? { node: node as SchemaNode, file } : undefined;
}

/** The schema itself and every schema it is made of ($ref, allOf, anyOf, oneOf, if/then/else), depth first. */
function branches(cursor: SchemaCursor, seen = new Set<SchemaNode>()): SchemaCursor[] {
  if (seen.has(cursor.node)) return [];
  seen.add(cursor.node);
  const out: SchemaCursor[] = [cursor];
  const { node } = cursor;
  if (node.$ref !== undefined) {
    const target = resolveRef(cursor, node.$ref);
    if (target) out.push(...branches(target, seen));
  }
  for (const list of [
    node.allOf,
    node.anyOf,
    node.oneOf,
    node.then ? [node.then] : undefined,
    node.else ? [node.else] : undefined,
  ]) {
    for (const sub of list ?? []) out.push(...branches({ node: sub, file: cursor.file }, seen));
  }
  return out;
}

/** The known keys of an object schema, in the order the schema declares them. */
export function propertyOrder(cursor: SchemaCursor): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const branch of branches(cursor)) {
    for (const key of Object.keys(branch.node.properties ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

/** The schema of the value under `key` in an object that follows `cursor`. */
export function propertySchema(cursor: SchemaCursor, key: string): SchemaCursor | undefined {
  const all = branches(cursor);
  for (const branch of all) {
    const sub = branch.node.properties?.[key];
    if (sub !== undefined) return { node: sub, file: branch.file };
  }
  for (const branch of all) {
    for (const [pattern, sub] of Object.entries(branch.node.patternProperties ?? {})) {
      if (new RegExp(pattern, "u").test(key)) return { node: sub, file: branch.file };
    }
  }
  for (const branch of all) {
    const extra = branch.node.additionalProperties;
    if (typeof extra === "object") return { node: extra, file: branch.file };
  }
  return undefined;
}

/** The schema of the items of an array that follows `cursor`. */
export function itemSchema(cursor: SchemaCursor): SchemaCursor | undefined {
  for (const branch of branches(cursor)) {
    if (branch.node.items !== undefined) return { node: branch.node.items, file: branch.file };
  }
  return undefined;
}
