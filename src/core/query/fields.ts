/**
 * Field paths such as `status.overall` or `milestones.forecast`: parsing them, reading them out
 * of documents, and knowing which paths a kind has (from its JSON Schema, plus whatever the
 * loaded documents actually hold) so that a misspelt path is an error rather than an empty list.
 */

/** A dotted path split into its segments. */
export type FieldPath = readonly string[];

export function parsePath(text: string): FieldPath {
  return text.split(".").map((segment) => segment.trim());
}

/**
 * Every value a path reaches. Lists are crossed implicitly (`milestones.forecast` reaches the
 * forecast of every milestone) unless the segment is an index (`milestones.0.forecast`), and a
 * list at the end of the path yields its elements, so `tags=dwi` means "has the tag dwi".
 */
export function selectValues(value: unknown, path: FieldPath): unknown[] {
  let current: unknown[] = [value];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const item of current) {
      if (Array.isArray(item)) {
        if (/^\d+$/.test(segment)) {
          if (Number(segment) < item.length) next.push(item[Number(segment)]);
        } else {
          for (const element of item) pushChild(next, element, segment);
        }
      } else {
        pushChild(next, item, segment);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null);
}

function pushChild(out: unknown[], value: unknown, key: string): void {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)) {
    out.push((value as Record<string, unknown>)[key]);
  }
}

/** The first value a path reaches, for sorting and display. */
export function selectValue(value: unknown, path: FieldPath): unknown {
  return selectValues(value, path)[0];
}

/** The shape of a kind's documents, as far as paths are concerned. */
export interface FieldNode {
  /** Named fields, in schema order. */
  fields: Map<string, FieldNode>;
  /** What a list holds, when the node is a list. */
  items?: FieldNode;
  /** Any key is allowed (a map such as `scores`, or an untyped value). */
  open: boolean;
}

const emptyNode = (): FieldNode => ({ fields: new Map(), open: false });

/** Looks a schema up by name (`common`, `project`); undefined when there is none. */
export type SchemaLookup = (name: string) => object | undefined;

type SchemaObject = Record<string, unknown>;

/**
 * The field tree of a JSON Schema, following `$ref`s into sibling schema files and merging the
 * branches of allOf/anyOf/oneOf/if-then-else (a path valid in any branch is a valid path).
 */
export function fieldTreeFromSchema(schema: object, lookup: SchemaLookup, schemaName: string): FieldNode {
  const node = emptyNode();
  mergeSchema(node, schema as SchemaObject, schemaName, lookup, 0);
  return node;
}

// Deep enough for every pmo schema; the limit only guards against a recursive $ref.
const MAX_SCHEMA_DEPTH = 12;

function mergeSchema(node: FieldNode, schema: SchemaObject, base: string, lookup: SchemaLookup, depth: number): void {
  if (depth > MAX_SCHEMA_DEPTH) return;
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    const target = resolveRef(ref, base, lookup);
    if (target) mergeSchema(node, target.schema, target.base, lookup, depth + 1);
  }
  const properties = schema["properties"];
  if (isObject(properties)) {
    for (const [key, sub] of Object.entries(properties)) {
      if (!isObject(sub)) continue;
      let child = node.fields.get(key);
      if (!child) {
        child = emptyNode();
        node.fields.set(key, child);
      }
      mergeSchema(child, sub, base, lookup, depth + 1);
    }
  }
  const items = schema["items"];
  if (isObject(items)) {
    node.items ??= emptyNode();
    mergeSchema(node.items, items, base, lookup, depth + 1);
  }
  if (isObject(schema["additionalProperties"]) || schema["additionalProperties"] === true) node.open = true;
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const branches = schema[keyword];
    if (Array.isArray(branches))
      for (const branch of branches) if (isObject(branch)) mergeSchema(node, branch, base, lookup, depth + 1);
  }
  for (const keyword of ["then", "else"]) {
    const branch = schema[keyword];
    if (isObject(branch)) mergeSchema(node, branch, base, lookup, depth + 1);
  }
  // A schema that says nothing about its shape (the `x-` extension value, say) accepts anything.
  const type = schema["type"];
  const shapeless =
    type === undefined &&
    ref === undefined &&
    !isObject(properties) &&
    !isObject(items) &&
    !("const" in schema) &&
    !("enum" in schema) &&
    !hasBranches(schema);
  if (shapeless) node.open = true;
}

function hasBranches(schema: SchemaObject): boolean {
  return ["allOf", "anyOf", "oneOf", "then", "else"].some((k) => k in schema);
}

function resolveRef(
  ref: string,
  base: string,
  lookup: SchemaLookup,
): { schema: SchemaObject; base: string } | undefined {
  const [file, fragment = ""] = ref.split("#", 2) as [string, string?];
  const name = file === "" ? base : file.replace(/^.*\//, "").replace(/\.schema\.json$/, "");
  let target: unknown = lookup(name);
  for (const segment of fragment.split("/").filter((s) => s !== "")) {
    if (!isObject(target)) return undefined;
    target = target[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return isObject(target) ? { schema: target, base: name } : undefined;
}

/** Adds the fields documents actually hold, so that paths the schema does not know still work. */
export function addObservedFields(node: FieldNode, value: unknown, depth = 0): void {
  if (depth > MAX_SCHEMA_DEPTH) return;
  if (Array.isArray(value)) {
    node.items ??= emptyNode();
    for (const element of value) addObservedFields(node.items, element, depth + 1);
  } else if (isObject(value)) {
    for (const [key, sub] of Object.entries(value)) {
      let child = node.fields.get(key);
      if (!child) {
        child = emptyNode();
        node.fields.set(key, child);
      }
      addObservedFields(child, sub, depth + 1);
    }
  }
}

/** Why a path is not a field of the kind: which segment failed and what was possible there. */
export interface PathProblem {
  /** Index of the first unknown segment. */
  at: number;
  /** The fields known where the path went wrong. */
  known: string[];
}

/** Checks a path against a field tree; undefined when it is a known path. */
export function checkPath(tree: FieldNode, path: FieldPath): PathProblem | undefined {
  let node = tree;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (segment.startsWith("x-") || node.open) return undefined;
    if (node.items && /^\d+$/.test(segment)) {
      node = node.items;
      continue;
    }
    // Lists are crossed implicitly, as selectValues does.
    while (node.items && !node.fields.has(segment)) node = node.items;
    if (node.open) return undefined;
    const child = node.fields.get(segment);
    if (!child) return { at: i, known: [...node.fields.keys()] };
    node = child;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
