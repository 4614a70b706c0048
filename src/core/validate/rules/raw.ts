import type { Path, PmoDocument } from "../../../model/document.js";

/*
 * Reading raw document values defensively: validation runs on documents whatever their shape,
 * so a value is only used when it has the type a check expects.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Yields [path, value] for every match of a pattern with `*` for any list item. */
export function select(
  value: unknown,
  pattern: readonly string[],
  prefix: (string | number)[] = [],
): [Path, unknown][] {
  // Runs for every document and every pattern of every integrity rule: the path walked is kept
  // in one array, and a path is copied out only for what matches (most documents match nothing).
  const found: [Path, unknown][] = [];
  collect(value, pattern, 0, [...prefix], found);
  return found;
}

function collect(
  value: unknown,
  pattern: readonly string[],
  at: number,
  trail: (string | number)[],
  found: [Path, unknown][],
): void {
  if (at === pattern.length) {
    if (value !== undefined) found.push([trail.slice(), value]);
    return;
  }
  const head = pattern[at]!;
  if (head === "*") {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      collect(value[i], pattern, at + 1, trail, found);
      trail.pop();
    }
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, head)) return;
  trail.push(head);
  collect((value as Record<string, unknown>)[head], pattern, at + 1, trail, found);
  trail.pop();
}

/**
 * Whether every value select would yield for a pattern passes `ok`, found without building a
 * path for each: most documents have nothing to report, and only those with something to
 * report need select's paths.
 */
export function everyAt(value: unknown, pattern: readonly string[], ok: (value: unknown) => boolean, at = 0): boolean {
  if (at === pattern.length) return value === undefined || ok(value);
  const head = pattern[at]!;
  if (head === "*") {
    if (!Array.isArray(value)) return true;
    for (let i = 0; i < value.length; i++) if (!everyAt(value[i], pattern, ok, at + 1)) return false;
    return true;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, head)) return true;
  return everyAt((value as Record<string, unknown>)[head], pattern, ok, at + 1);
}

/**
 * The value at a pattern without `*` (select's one match, or undefined), without building its
 * path: the common reference is a plain field, and most documents are checked without a finding.
 */
export function valueAt(value: unknown, pattern: readonly string[]): unknown {
  let at = value;
  for (const head of pattern) {
    if (typeof at !== "object" || at === null || Array.isArray(at) || !Object.hasOwn(at, head)) return undefined;
    at = (at as Record<string, unknown>)[head];
  }
  return at;
}

/** A path as people write it: schedule.actualStart, milestones[0].actual. */
export function label(path: Path): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Where a document's id is: "Project in projects/a.yaml:3". */
export function where(doc: PmoDocument): string {
  const { line } = doc.locate(["id"]);
  return `${doc.kind} in ${doc.file}:${line}`;
}

export function isDate(value: unknown): value is string {
  return typeof value === "string" && DATE.test(value);
}
export function isString(value: unknown): value is string {
  return typeof value === "string";
}
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A project's milestone ids, in order. */
export function milestoneIds(project: PmoDocument): string[] {
  return list(project.value["milestones"])
    .map((m) => str(obj(m)?.["id"]))
    .filter(isString);
}

/**
 * Resolves a milestone dependency: "M2" is a milestone of the document's own project,
 * "PRJ-002/M3" one of another project.
 */
export function resolveMilestone(
  doc: PmoDocument,
  ref: string,
  byId: ReadonlyMap<string, PmoDocument>,
): { ok: true; key: string } | { ok: false; project: string; milestone?: string } {
  const slash = ref.indexOf("/");
  const projectId = slash >= 0 ? ref.slice(0, slash) : doc.id;
  const milestoneId = slash >= 0 ? ref.slice(slash + 1) : ref;
  const project = projectId === undefined ? undefined : byId.get(projectId);
  if (project?.kind !== "Project") return { ok: false, project: String(projectId) };
  const found = list(project.value["milestones"]).some((m) => obj(m)?.["id"] === milestoneId);
  if (!found) return { ok: false, project: String(projectId), milestone: milestoneId };
  return { ok: true, key: `${projectId}/${milestoneId}` };
}

/** A `dependsOn` entry is a reference (`M2`) or a typed link (`{ milestone: M2, type, lag }`). */
export function dependsOnRef(entry: unknown, path: Path): { ref: string | undefined; path: Path } {
  if (typeof entry === "string") return { ref: entry, path };
  return { ref: str(obj(entry)?.["milestone"]), path: [...path, "milestone"] };
}
