import { KINDS, type DocumentRef, type Kind, type PmoDocument } from "../../model/document.js";
import type { Decision, Engagement, Issue, Person, Portfolio, Project, Risk } from "../../model/entities.js";
import type { KindTypes } from "./kinds.js";

/**
 * A typed document: its value as its kind's type, and the document it came from (for
 * positions), without the raw value: above the model, values are read typed.
 */
export interface Entry<T> {
  doc: DocumentRef;
  value: T;
}

/**
 * The repository as typed entities with the indexes rules, reports and diffs need, built once
 * in linear time so that no consumer has to scan every document per document. Build it from
 * documents that passed schema validation: their values then match their types.
 */
export interface Catalog {
  engagement: Entry<Engagement> | undefined;
  portfolios: Entry<Portfolio>[];
  projects: Entry<Project>[];
  risks: Entry<Risk>[];
  issues: Entry<Issue>[];
  decisions: Entry<Decision>[];
  people: Entry<Person>[];
  /** The entries of one kind, in load order. */
  ofKind<K extends Kind>(kind: K): Entry<KindTypes[K]>[];
  /** Every entry by id, of any kind (the first one when an id is duplicated). */
  byId: ReadonlyMap<string, Entry<KindTypes[Kind]>>;
  portfolio(id: string | undefined): Entry<Portfolio> | undefined;
  project(id: string | undefined): Entry<Project> | undefined;
  risk(id: string | undefined): Entry<Risk> | undefined;
  decision(id: string | undefined): Entry<Decision> | undefined;
  person(id: string | undefined): Entry<Person> | undefined;
  /** Projects whose `portfolio` is this portfolio (not its sub-portfolios). */
  projectsOf(portfolioId: string): Entry<Project>[];
  /** Direct sub-portfolios. */
  childrenOf(portfolioId: string): Entry<Portfolio>[];
  /** Risks, issues and decisions that name this project or portfolio. */
  risksOf(ownerId: string): Entry<Risk>[];
  issuesOf(ownerId: string): Entry<Issue>[];
  decisionsOf(ownerId: string): Entry<Decision>[];
  /** Issues that record this risk as the one that occurred. */
  issuesForRisk(riskId: string): Entry<Issue>[];
  /** The portfolio a project, risk, issue or decision belongs to, directly or through its project. */
  portfolioOfEntity(value: { project?: string; portfolio?: string }): string | undefined;
}

/**
 * Builds the catalog in one pass. Every kind of KINDS gets its list; a document of any other
 * kind is a bug in the caller (schema validation rejects unknown kinds before the catalog is
 * built), so it is an error rather than a document silently left out.
 */
export function buildCatalog(documents: readonly PmoDocument[]): Catalog {
  const byId = new Map<string, Entry<KindTypes[Kind]>>();
  const lists = new Map<string, Entry<unknown>[]>(KINDS.map((kind) => [kind, []]));
  for (const doc of documents) {
    const list = lists.get(doc.kind);
    if (!list)
      throw new Error(
        `the catalog has no list for kind "${doc.kind}" (${doc.file}): only documents that passed their schema belong in it`,
      );
    const entry = { doc, value: doc.value };
    if (doc.id !== undefined && !byId.has(doc.id)) byId.set(doc.id, entry as unknown as Entry<KindTypes[Kind]>);
    list.push(entry);
  }
  const ofKind = <K extends Kind>(kind: K): Entry<KindTypes[K]>[] => lists.get(kind) as Entry<KindTypes[K]>[];
  const portfolios = ofKind("Portfolio");
  const projects = ofKind("Project");
  const risks = ofKind("Risk");
  const issues = ofKind("Issue");
  const decisions = ofKind("Decision");
  const people = ofKind("Person");

  const byKindId = <T>(entries: Entry<T>[]): Map<string, Entry<T>> => {
    const map = new Map<string, Entry<T>>();
    for (const e of entries) if (e.doc.id !== undefined && !map.has(e.doc.id)) map.set(e.doc.id, e);
    return map;
  };
  const group = <T>(entries: Entry<T>[], key: (v: T) => string | undefined): Map<string, Entry<T>[]> => {
    const map = new Map<string, Entry<T>[]>();
    for (const e of entries) {
      const k = key(e.value);
      if (k === undefined) continue;
      const list = map.get(k);
      if (list) list.push(e);
      else map.set(k, [e]);
    }
    return map;
  };
  const ownerOf = (v: { project?: string; portfolio?: string }): string | undefined => v.project ?? v.portfolio;

  // An id names one document in a valid repository, so an entry of the kind asked for is found
  // in byId; a map of the kind's own ids is built only when the id is shared with another kind
  // (a duplicate-id error), rather than five more maps of every id on every run.
  const byIdOfKind = <T>(kind: Kind, entries: Entry<T>[]): ((id: string | undefined) => Entry<T> | undefined) => {
    let own: Map<string, Entry<T>> | undefined;
    return (id) => {
      if (id === undefined) return undefined;
      const first = byId.get(id);
      if (first === undefined) return undefined;
      if (first.doc.kind === kind) return first as unknown as Entry<T>;
      own ??= byKindId(entries);
      return own.get(id);
    };
  };
  const portfolioById = byIdOfKind("Portfolio", portfolios);
  const projectById = byIdOfKind("Project", projects);
  const riskById = byIdOfKind("Risk", risks);
  const decisionById = byIdOfKind("Decision", decisions);
  const personById = byIdOfKind("Person", people);
  const projectsByPortfolio = group(projects, (p) => p.portfolio);
  const childrenByParent = group(portfolios, (p) => p.parent);
  const risksByOwner = group(risks, ownerOf);
  const issuesByOwner = group(issues, ownerOf);
  const decisionsByOwner = group(decisions, ownerOf);
  const issuesByRisk = group(issues, (i) => i.risk);

  return {
    engagement: ofKind("Engagement")[0],
    portfolios,
    projects,
    risks,
    issues,
    decisions,
    people,
    ofKind,
    byId,
    portfolio: portfolioById,
    project: projectById,
    risk: riskById,
    decision: decisionById,
    person: personById,
    projectsOf: (id) => projectsByPortfolio.get(id) ?? [],
    childrenOf: (id) => childrenByParent.get(id) ?? [],
    risksOf: (id) => risksByOwner.get(id) ?? [],
    issuesOf: (id) => issuesByOwner.get(id) ?? [],
    decisionsOf: (id) => decisionsByOwner.get(id) ?? [],
    issuesForRisk: (id) => issuesByRisk.get(id) ?? [],
    portfolioOfEntity: (v) => v.portfolio ?? projectById(v.project)?.value.portfolio,
  };
}
