/**
 * Turns ajv errors into plain sentences: what is wrong, what was found and what is allowed.
 * Every ajv error is kept unless it is pure noise: a oneOf/anyOf branch of the wrong type, the
 * summary error of a oneOf/anyOf or if/then whose specific errors are reported, or a duplicate.
 * Needs ajv's `verbose` option (errors carry `data`, `schema` and `parentSchema`).
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { closestMatch } from "./suggest.js";

/** One schema violation, located by a JSON pointer into the validated value. */
export interface SchemaProblem {
  /** RFC 6901 pointer; for an unknown field, the pointer of that field itself. */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `enum`, `additionalProperties`, ...). */
  keyword: string;
  message: string;
  hint?: string;
  /** For a missing required field, its name (positions then point where it belongs). */
  missing?: string;
}

type SchemaNode = Record<string, unknown>;

/** What the pmo schemas' patterns stand for: [noun, what is expected]. */
const PATTERN_DESCRIPTIONS: Record<string, [noun: string, expected: string]> = {
  "^[A-Za-z][A-Za-z0-9_.-]*$": ["id", 'a letter followed by letters, digits, "_", "." or "-"'],
  "^[a-z][a-z0-9-]*$": ["status value", 'lower-kebab-case, such as "green" or "amber-green"'],
  "^[A-Z]{3}$": ["currency code", 'a three-letter ISO 4217 code such as "EUR"'],
  "^(?:[A-Za-z][A-Za-z0-9_.-]*/)?[A-Za-z][A-Za-z0-9_.-]*$": [
    "milestone reference",
    '"M2" (same project) or "PRJ-002/M3" (another project)',
  ],
};

const FORMAT_DESCRIPTIONS: Record<string, [noun: string, expected: string]> = {
  date: ["date", "YYYY-MM-DD (a real calendar date)"],
  email: ["email address", "an address such as name@example.org"],
  uri: ["URI", "an absolute URI such as https://example.org/page"],
};

/**
 * Translate ajv errors (from a validator compiled with `verbose: true`, `allErrors: true`).
 * `rootLabel` names the validated value in messages, e.g. "project" or "configuration".
 */
export function translateErrors(errors: readonly ErrorObject[], rootLabel: string): SchemaProblem[] {
  const kept = pruneErrors(errors);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const problem = translateError(error, rootLabel, errors);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  // Sorting by pointer makes the order independent of ajv's keyword evaluation order.
  return problems
    .map((problem, index) => ({ problem, index, segments: splitPointer(problem.pointer) }))
    .sort((a, b) => comparePointers(a.segments, b.segments) || a.index - b.index)
    .map(({ problem }) => problem);
}

// ---------------------------------------------------------------- pruning

function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  // ajv reports a oneOf/anyOf branch's errors right before the oneOf/anyOf error itself, so a
  // stack resolves nested combinators from the inside out.
  let stack: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === "oneOf" || error.keyword === "anyOf") {
      let start = stack.length;
      while (start > 0 && isAtOrBelow(stack[start - 1]!.instancePath, error.instancePath)) start--;
      const branchErrors = stack.slice(start);
      stack = stack.slice(0, start);
      stack.push(...resolveCombinator(error, branchErrors));
    } else if (error.keyword === "propertyNames") {
      // The inner error (at the object, about the key) is folded into the propertyNames message.
      const name = (error.params as { propertyName?: string }).propertyName;
      stack = stack.filter((e) => !(e.instancePath === error.instancePath && e.data === name && e !== error));
      stack.push(error);
    } else {
      stack.push(error);
    }
  }
  const hasOther = stack.some((e) => e.keyword !== "if");
  return dropLooserEnums(stack.filter((e) => e.keyword !== "if" || !hasOther));
}

function resolveCombinator(error: ErrorObject, branchErrors: ErrorObject[]): ErrorObject[] {
  const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  const wrongType = new Set<number>();
  branches.forEach((branch, index) => {
    const type = isNode(branch) ? branch["type"] : undefined;
    if (type !== undefined && !matchesType(error.data, type)) wrongType.add(index);
  });
  const prefix = `${error.schemaPath}/`;
  const branchOf = (e: ErrorObject): number | undefined => {
    if (!e.schemaPath.startsWith(prefix)) return undefined;
    const index = Number.parseInt(e.schemaPath.slice(prefix.length), 10);
    return Number.isNaN(index) ? undefined : index;
  };
  const relevant = branchErrors.filter((e) => {
    const branch = branchOf(e);
    return branch === undefined || !wrongType.has(branch);
  });
  // The specific errors of the branches of the right type explain the failure on their own;
  // with none left (every branch had the wrong type) the combinator error is the only message.
  return relevant.length > 0 ? relevant : [error];
}

/** A value failing both a broad enum and a conditional narrower one: report the narrower. */
function dropLooserEnums(errors: ErrorObject[]): ErrorObject[] {
  const smallest = new Map<string, number>();
  for (const e of errors) {
    if (e.keyword !== "enum") continue;
    const size = allowedValues(e).length;
    smallest.set(e.instancePath, Math.min(size, smallest.get(e.instancePath) ?? Infinity));
  }
  return errors.filter((e) => e.keyword !== "enum" || allowedValues(e).length === smallest.get(e.instancePath));
}

// ---------------------------------------------------------------- translation

function translateError(error: ErrorObject, rootLabel: string, all: readonly ErrorObject[]): SchemaProblem {
  const pointer = error.instancePath;
  const field = fieldName(pointer, rootLabel);
  const data: unknown = error.data;
  const parent = isNode(error.parentSchema) ? error.parentSchema : {};
  const params = error.params as Record<string, unknown>;
  const problem = (message: string, hint?: string, at: string = pointer): SchemaProblem =>
    hint === undefined
      ? { pointer: at, keyword: error.keyword, message }
      : { pointer: at, keyword: error.keyword, message, hint };

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const allowed = Object.keys(isNode(parent["properties"]) ? parent["properties"] : {});
      const suggestion = closestMatch(key, allowed);
      const allowedText = allowed.length > 0 ? `allowed: ${allowed.join(", ")}` : "no fields are allowed here";
      const suggestionText = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
      return problem(
        `unknown field "${key}" in ${placeName(pointer, rootLabel)} (${allowedText}${suggestionText})`,
        'Fields starting with "x-" are extensions and always allowed.',
        `${pointer}/${escapePointerSegment(key)}`,
      );
    }
    case "required": {
      const missing = String(params["missingProperty"]);
      const place = pointer === "" ? "" : ` in ${placeName(pointer, rootLabel)}`;
      const properties = isNode(parent["properties"]) ? parent["properties"] : {};
      const property = properties[missing];
      const description =
        isNode(property) && typeof property["description"] === "string" ? property["description"] : undefined;
      return {
        ...problem(`missing required field "${missing}"${place}`, description && `${missing}: ${description}`),
        missing,
      };
    }
    case "type": {
      const expected = expectedType(params["type"]);
      return problem(`${field}: expected ${expected}, found ${describeFound(data)}`);
    }
    case "enum": {
      const allowed = allowedValues(error);
      const suggestion = typeof data === "string" ? closestMatch(data, allowed.map(String)) : undefined;
      // A description that merely lists the allowed values again would add nothing as a hint.
      const description = typeof parent["description"] === "string" ? parent["description"] : undefined;
      const restates = description !== undefined && allowed.every((value) => description.includes(String(value)));
      return problem(
        `${describeValue(data)} is not a valid ${field}: expected one of ${allowed.map(String).join(", ")}${didYouMean(suggestion)}`,
        restates ? undefined : description,
      );
    }
    case "const":
      return problem(
        `${describeValue(data)} is not a valid ${field}: expected ${JSON.stringify(params["allowedValue"])}`,
      );
    case "format": {
      const format = String(params["format"]);
      const [noun, expected] = FORMAT_DESCRIPTIONS[format] ?? [`${format} value`, `a valid ${format}`];
      return problem(`${field}: ${describeValue(data)} is not a valid ${noun}: expected ${expected}`);
    }
    case "pattern": {
      const pattern = String(params["pattern"]);
      const [noun, expected] = PATTERN_DESCRIPTIONS[pattern] ?? ["value", `text matching the pattern ${pattern}`];
      // Most pattern failures are a capital letter or a space too many: offer the fixed value.
      const lowered =
        typeof data === "string"
          ? data
              .trim()
              .toLowerCase()
              .replace(/[\s_]+/g, "-")
          : undefined;
      const suggestion =
        lowered !== undefined && lowered !== data && new RegExp(pattern, "u").test(lowered) ? lowered : undefined;
      return problem(
        `${field}: ${describeValue(data)} is not a valid ${noun}: expected ${expected}${didYouMean(suggestion)}`,
      );
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const phrases: Record<string, string> = {
        minimum: "at least",
        maximum: "at most",
        exclusiveMinimum: "greater than",
        exclusiveMaximum: "less than",
      };
      const phrase = phrases[error.keyword] ?? "within";
      return problem(`${field} must be ${phrase} ${String(params["limit"])} (found ${describeValue(data)})`);
    }
    case "multipleOf":
      return problem(`${field} must be a multiple of ${String(params["multipleOf"])} (found ${describeValue(data)})`);
    case "minLength":
    case "maxLength": {
      const limit = Number(params["limit"]);
      const length = typeof data === "string" ? [...data].length : 0;
      if (error.keyword === "minLength" && limit === 1) return problem(`${field} must not be empty`);
      const phrase = error.keyword === "minLength" ? "at least" : "at most";
      return problem(`${field} must be ${phrase} ${limit} characters long (found ${length})`);
    }
    case "minItems":
    case "maxItems": {
      const limit = Number(params["limit"]);
      const count = Array.isArray(data) ? data.length : 0;
      const phrase = error.keyword === "minItems" ? "at least" : "at most";
      return problem(`${field} must have ${phrase} ${plural(limit, "item")} (found ${count === 0 ? "none" : count})`);
    }
    case "uniqueItems": {
      const later = Math.max(Number(params["i"]), Number(params["j"]));
      const earlier = Math.min(Number(params["i"]), Number(params["j"]));
      const item = Array.isArray(data) ? data[later] : undefined;
      return problem(
        `${field} lists ${describeValue(item)} more than once (items ${earlier} and ${later})`,
        undefined,
        `${pointer}/${later}`,
      );
    }
    case "propertyNames": {
      const name = String(params["propertyName"]);
      const inner = all.find((e) => e.instancePath === pointer && e.data === name && e.keyword === "pattern");
      const pattern = inner === undefined ? undefined : String((inner.params as Record<string, unknown>)["pattern"]);
      const description = pattern === undefined ? undefined : PATTERN_DESCRIPTIONS[pattern];
      const expected =
        pattern === undefined
          ? ""
          : `: expected ${description === undefined ? `a key matching ${pattern}` : `${description[1]} (keys are ${description[0]}s)`}`;
      return problem(
        `"${name}" is not a valid key in ${placeName(pointer, rootLabel)}${expected}`,
        undefined,
        `${pointer}/${escapePointerSegment(name)}`,
      );
    }
    case "not": {
      const dependent = /\/dependentSchemas\/([^/]+)\/not$/.exec(error.schemaPath);
      const schema = isNode(error.schema) ? error.schema : {};
      const required = Array.isArray(schema["required"]) ? schema["required"].map(String) : [];
      const hint = typeof parent["description"] === "string" ? parent["description"] : undefined;
      if (dependent?.[1] !== undefined && required.length > 0) {
        const names = [dependent[1], ...required].map((name) => `"${name}"`).join(" and ");
        return problem(
          `${names} cannot both be given in ${placeName(pointer, rootLabel)}`,
          hint,
          `${pointer}/${escapePointerSegment(required[0]!)}`,
        );
      }
      return problem(`${field} is not allowed in this form`, hint);
    }
    case "dependentRequired":
    case "dependencies":
      return problem(
        `"${String(params["property"])}" also needs "${String(params["missingProperty"])}" in ${placeName(pointer, rootLabel)}`,
      );
    case "false schema":
      return problem(`${field} is not allowed here`);
    case "oneOf":
    case "anyOf": {
      const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
      const types = branches.map((b) => (isNode(b) ? b["type"] : undefined)).filter((t) => t !== undefined);
      const hint = typeof parent["description"] === "string" ? parent["description"] : undefined;
      if (types.length === branches.length && types.length > 0) {
        return problem(
          `${field}: expected ${types.map(expectedType).join(" or ")}, found ${describeFound(data)}`,
          hint,
        );
      }
      return problem(`${field} does not match any of the allowed forms`, hint);
    }
    default:
      return problem(`${field}: ${error.message ?? "is not valid"}`);
  }
}

// ---------------------------------------------------------------- wording helpers

function fieldName(pointer: string, rootLabel: string): string {
  const segments = splitPointer(pointer);
  const last = segments.at(-1);
  if (last === undefined) return rootLabel;
  if (/^\d+$/.test(last)) {
    const owner = segments.at(-2);
    return owner === undefined ? `item ${last}` : `${owner} item`;
  }
  return last;
}

/** Where a field sits, for "in ..." clauses: the root label, or a path such as `milestones[0].estimate`. */
function placeName(pointer: string, rootLabel: string): string {
  const segments = splitPointer(pointer);
  if (segments.length === 0) return rootLabel;
  return segments
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join("");
}

function expectedType(type: unknown): string {
  const names: Record<string, string> = {
    object: "an object (key: value pairs)",
    array: "a list",
    string: "a string",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    null: "an empty value",
  };
  const types = Array.isArray(type) ? type.map(String) : String(type).split(",");
  return types.map((t) => names[t] ?? t).join(" or ");
}

function describeFound(value: unknown): string {
  if (value === null || value === undefined) return "nothing (an empty value)";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `a string (${describeValue(value)})`;
    case "number":
      if (Number.isNaN(value)) return ".nan (not a number)";
      if (!Number.isFinite(value)) return `${value > 0 ? "" : "-"}.inf (infinity, not an amount)`;
      return Number.isInteger(value) ? `the number ${value}` : `the fractional number ${value}`;
    case "boolean":
      return `${value} (a boolean)`;
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------- small predicates

function allowedValues(error: ErrorObject): unknown[] {
  const values = (error.params as { allowedValues?: unknown }).allowedValues;
  return Array.isArray(values) ? values : [];
}

function matchesType(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  return types.some((t) => {
    switch (t) {
      case "null":
        return value === null;
      case "array":
        return Array.isArray(value);
      case "object":
        return isNode(value);
      case "integer":
        return Number.isInteger(value);
      default:
        return typeof value === t;
    }
  });
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function comparePointers(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (numeric) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
