import type { Kind, PmoDocument } from "../../model/document.js";
import { statusScaleOf, type StatusScaleInfo } from "./status.js";

/** Why a document is linked to a person. */
export type PersonRole = "owner" | "sponsor" | "manager" | "decidedBy" | "escalatedTo";

export interface PersonLink {
  doc: PmoDocument;
  role: PersonRole;
}

export interface DependencyLink {
  /** The project that depends on the one looked up. */
  doc: PmoDocument;
  type: string | undefined;
  description: string | undefined;
}

export interface GateLink {
  project: PmoDocument;
  stage: string | undefined;
  date: string | undefined;
}

/**
 * Every link between the loaded documents, both ways, built once. Documents may be invalid
 * (a command still lists what loaded), so every value is read defensively; a duplicate id
 * resolves to its first document in load order.
 */
export interface Relations {
  documents: readonly PmoDocument[];
  byId: ReadonlyMap<string, PmoDocument>;
  engagement: PmoDocument | undefined;
  /** True when the repository has Person documents, so people fields hold ids. */
  hasRoster: boolean;
  statusScale: StatusScaleInfo;
  currency: string | undefined;
  ofKind(kind: Kind): PmoDocument[];
  /** `Owen Hughes` for `owen.hughes` with a roster; the text itself otherwise. */
  personName(ref: string): string;
  subPortfolios(portfolioId: string): PmoDocument[];
  projectsOf(portfolioId: string): PmoDocument[];
  /** Risks, issues or decisions whose `project` or `portfolio` is the id. */
  attached(id: string, kind: "Risk" | "Issue" | "Decision"): PmoDocument[];
  dependents(projectId: string): DependencyLink[];
  issuesOfRisk(riskId: string): PmoDocument[];
  supersededBy(decisionId: string): PmoDocument[];
  gatesOf(decisionId: string): GateLink[];
  linksOf(personRef: string): PersonLink[];
}

export function buildRelations(documents: readonly PmoDocument[]): Relations {
  const byId = new Map<string, PmoDocument>();
  const byKind = new Map<string, PmoDocument[]>();
  const children = new Map<string, PmoDocument[]>();
  const projects = new Map<string, PmoDocument[]>();
  const attached = new Map<string, PmoDocument[]>();
  const dependents = new Map<string, DependencyLink[]>();
  const issuesByRisk = new Map<string, PmoDocument[]>();
  const superseded = new Map<string, PmoDocument[]>();
  const gates = new Map<string, GateLink[]>();
  const people = new Map<string, PersonLink[]>();

  for (const doc of documents) {
    if (doc.id === undefined) continue;
    if (!byId.has(doc.id)) byId.set(doc.id, doc);
    push(byKind, doc.kind, doc);
    const v = doc.value;
    switch (doc.kind) {
      case "Portfolio":
        pushRef(children, v["parent"], doc);
        pushPerson(people, v["owner"], doc, "owner");
        break;
      case "Project":
        pushRef(projects, v["portfolio"], doc);
        pushPerson(people, v["sponsor"], doc, "sponsor");
        pushPerson(people, v["manager"], doc, "manager");
        for (const dep of list(v["dependencies"])) {
          const target = str(field(dep, "project"));
          if (target !== undefined)
            push(dependents, target, {
              doc,
              type: str(field(dep, "type")),
              description: str(field(dep, "description")),
            });
        }
        for (const gate of list(v["gates"])) {
          const decision = str(field(gate, "decision"));
          if (decision !== undefined)
            push(gates, decision, { project: doc, stage: str(field(gate, "stage")), date: str(field(gate, "date")) });
        }
        break;
      case "Risk":
      case "Issue":
      case "Decision":
        // A document should name at most one owner; if it names both, it shows under both.
        pushRef(attached, v["project"], doc);
        pushRef(attached, v["portfolio"], doc);
        pushPerson(people, v["owner"], doc, "owner");
        if (doc.kind === "Issue") {
          pushRef(issuesByRisk, v["risk"], doc);
          pushPerson(people, v["escalatedTo"], doc, "escalatedTo");
        }
        if (doc.kind === "Decision") {
          pushRef(superseded, v["supersedes"], doc);
          pushPerson(people, v["decidedBy"], doc, "decidedBy");
        }
        break;
    }
  }

  const engagement = byKind.get("Engagement")?.[0];
  const hasRoster = (byKind.get("Person") ?? []).length > 0;

  return {
    documents,
    byId,
    engagement,
    hasRoster,
    statusScale: statusScaleOf(engagement?.value),
    currency: str(engagement?.value["currency"]),
    ofKind: (kind) => byKind.get(kind) ?? [],
    personName: (ref) => {
      const person = byId.get(ref);
      return person?.kind === "Person" ? (str(person.value["name"]) ?? ref) : ref;
    },
    subPortfolios: (id) => (children.get(id) ?? []).filter((d) => d.kind === "Portfolio"),
    projectsOf: (id) => projects.get(id) ?? [],
    attached: (id, kind) => (attached.get(id) ?? []).filter((d) => d.kind === kind),
    dependents: (id) => dependents.get(id) ?? [],
    issuesOfRisk: (id) => issuesByRisk.get(id) ?? [],
    supersededBy: (id) => superseded.get(id) ?? [],
    gatesOf: (id) => gates.get(id) ?? [],
    linksOf: (ref) => people.get(ref) ?? [],
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(value);
  else map.set(key, [value]);
}

function pushRef(map: Map<string, PmoDocument[]>, ref: unknown, doc: PmoDocument): void {
  if (typeof ref === "string" && ref !== "") push(map, ref, doc);
}

function pushPerson(map: Map<string, PersonLink[]>, ref: unknown, doc: PmoDocument, role: PersonRole): void {
  if (typeof ref === "string" && ref !== "") push(map, ref, { doc, role });
}

// Defensive readers: documents reach queries whether or not they passed validation.
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function field(value: unknown, key: string): unknown {
  return obj(value)?.[key];
}
