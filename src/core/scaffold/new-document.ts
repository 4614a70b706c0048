import { UsageError } from "../errors.js";
import type { DocumentHead } from "./scan.js";
import { KIND_INFO } from "../domain/index.js";
import { nextId, personId } from "./ids.js";
import { renderTemplate } from "./templates.js";

/** Kinds `pmo new` creates (the engagement comes from `pmo init`). */
export const NEW_KINDS = ["Portfolio", "Project", "Risk", "Issue", "Decision", "Person"] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** Where a kind lives when the repository has none of it yet (the layout `pmo init` writes). */
export const CONVENTIONAL_FOLDER: Readonly<Record<NewKind, string>> = Object.fromEntries(
  NEW_KINDS.map((kind) => [kind, KIND_INFO[kind].folder]),
) as Record<NewKind, string>;

export interface NewDocumentRequest {
  kind: NewKind;
  id?: string;
  name?: string;
  portfolio?: string;
  project?: string;
  owner?: string;
  /** Folder for the file, relative to the repository root; default: where the kind usually lives. */
  folder?: string;
  /** Today, for raised dates. */
  asOf: string;
  /** Relative path from the new file's folder to the repository's schemas/ folder, if it has one. */
  schemaDir?: (folder: string) => string | undefined;
}

export interface NewDocument {
  id: string;
  /** Path relative to the repository root, forward slashes. */
  file: string;
  text: string;
}

/** Parses a kind as users type it: project, projects, Project, RISK, people. */
export function parseNewKind(text: string): NewKind | undefined {
  const lower = text.toLowerCase();
  if (lower === "people") return "Person";
  return NEW_KINDS.find((kind) => kind.toLowerCase() === lower || `${kind.toLowerCase()}s` === lower);
}

/** Plans a new document: its id, where it goes and its text. Writes nothing. */
export function planNewDocument(documents: readonly DocumentHead[], request: NewDocumentRequest): NewDocument {
  const { kind } = request;
  const taken = new Set(documents.flatMap((d) => (d.id === undefined ? [] : [d.id])));
  const ofKind = documents.filter((d) => d.kind === kind);
  const id =
    request.id ??
    (kind === "Person"
      ? personIdFor(request, taken)
      : nextId(
          kind,
          ofKind.flatMap((d) => (d.id ? [d.id] : [])),
          taken,
          request.name,
        ));
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(id) || id.length > 64)
    throw new UsageError(
      `"${id}" is not a valid id: a letter followed by letters, digits, _, . or -, at most 64 characters`,
    );
  if (taken.has(id)) {
    const holder = documents.find((d) => d.id === id)!;
    throw new UsageError(`id ${id} is already used by the ${holder.kind.toLowerCase()} in ${holder.file}`);
  }
  if (kind !== "Person") {
    requireParent(documents, "portfolio", "Portfolio", request.portfolio);
    requireParent(documents, "project", "Project", request.project);
  }
  const folder = (request.folder ?? usualFolder(documents, request)).replace(/\/+$/, "");
  const file = folder === "" || folder === "." ? `${id}.yaml` : `${folder}/${id}.yaml`;
  const schemaDir = request.schemaDir?.(folder);
  const engagement = documents.find((d) => d.kind === "Engagement")?.value;
  const text = renderTemplate(`new/${kind.toLowerCase()}.yaml.hbs`, {
    ...request,
    id,
    modeline: schemaDir === undefined ? undefined : `${schemaDir}/${kind.toLowerCase()}.schema.json`,
    riskMiddle: riskScaleMiddle(engagement),
    currency: typeof engagement?.["currency"] === "string" ? engagement["currency"] : undefined,
  });
  return { id, file, text };
}

/** A --portfolio or --project must name a document of that kind: the new one would not validate otherwise. */
function requireParent(
  documents: readonly DocumentHead[],
  flag: string,
  kind: "Portfolio" | "Project",
  id: string | undefined,
): void {
  if (id === undefined) return;
  const ofKind = documents.filter((d) => d.kind === kind && d.id !== undefined).map((d) => d.id!);
  if (ofKind.includes(id)) return;
  const other = documents.find((d) => d.id === id);
  const found = other ? `; ${id} is the ${other.kind.toLowerCase()} in ${other.file}` : "";
  const known = [...ofKind].sort();
  const list =
    known.length === 0
      ? `there is none yet: create it first with pmo new ${kind.toLowerCase()} --id ${id}`
      : `${kind.toLowerCase()}s: ${known.slice(0, 8).join(", ")}${known.length > 8 ? ` and ${known.length - 8} more` : ""}`;
  throw new UsageError(`--${flag} ${id}: the repository has no ${kind.toLowerCase()} ${id}${found} (${list})`);
}

function personIdFor(request: NewDocumentRequest, taken: ReadonlySet<string>): string {
  const id = request.name === undefined ? undefined : personId(request.name, taken);
  if (id === undefined) throw new UsageError("a person needs --name (the id is made from it, e.g. jane.doe) or --id");
  return id;
}

/**
 * The folder documents of this kind usually live in: the most common folder of the existing ones
 * (for a project with --portfolio, of that portfolio's projects; for RAID entries with --project,
 * of that project's entries), ties to the folder that sorts first; else the conventional one.
 */
export function usualFolder(
  documents: readonly DocumentHead[],
  request: Pick<NewDocumentRequest, "kind" | "portfolio" | "project">,
): string {
  const ofKind = documents.filter((d) => d.kind === request.kind);
  const related = ofKind.filter(
    (d) =>
      (request.project !== undefined && d.value["project"] === request.project) ||
      (request.kind === "Project" && request.portfolio !== undefined && d.value["portfolio"] === request.portfolio),
  );
  return mostCommonFolder(related) ?? mostCommonFolder(ofKind) ?? CONVENTIONAL_FOLDER[request.kind];
}

function mostCommonFolder(documents: readonly DocumentHead[]): string | undefined {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    const slash = doc.file.lastIndexOf("/");
    const folder = slash < 0 ? "" : doc.file.slice(0, slash);
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0];
}

/** The middle of the engagement's risk scale (3 on the usual 5-point scale): a default to assess. */
function riskScaleMiddle(engagement: Record<string, unknown> | undefined): {
  probability: number;
  impact: number;
  scale: { probability: number; impact: number };
} {
  const scale = (
    (engagement?.["governance"] as Record<string, unknown> | undefined)?.["risk"] as Record<string, unknown> | undefined
  )?.["scale"] as Record<string, unknown> | undefined;
  const max = (key: string): number => (typeof scale?.[key] === "number" ? (scale[key] as number) : 5);
  return {
    probability: Math.ceil(max("probability") / 2),
    impact: Math.ceil(max("impact") / 2),
    scale: { probability: max("probability"), impact: max("impact") },
  };
}
