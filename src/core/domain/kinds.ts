import type { Kind } from "../../model/document.js";
import type { Decision, Engagement, Issue, Person, Portfolio, Project, Risk } from "../../model/entities.js";

/** The entity type of each kind: what a document of that kind holds after schema validation. */
export interface KindTypes {
  Engagement: Engagement;
  Portfolio: Portfolio;
  Project: Project;
  Risk: Risk;
  Issue: Issue;
  Decision: Decision;
  Person: Person;
}

/** What the commands need to know of a kind besides its schema. */
export interface KindInfo {
  /** How the kind is named on the command line, the plural first (it is what `ls` lists). */
  words: readonly string[];
  /** The heading of its section in `pmo diff` output. */
  title: string;
  /** The folder `pmo init` lays it out in and `pmo new` writes it to when the repository has none yet. */
  folder: string;
  /** The prefix `pmo new` numbers its ids with when the repository has none yet (PRJ-001). */
  idPrefix?: string;
}

/**
 * The kind registry. A `Record<Kind, ...>`, so a kind added to KINDS (src/model/document.ts)
 * without an entry here does not compile; `ls`/`show`, `pmo diff` and `pmo new` read it, and
 * the catalog keeps a list for every kind of KINDS.
 */
export const KIND_INFO: { readonly [K in Kind]: KindInfo } = {
  Engagement: { words: ["engagements", "engagement"], title: "Engagement", folder: "." },
  Portfolio: { words: ["portfolios", "portfolio"], title: "Portfolios", folder: "portfolios", idPrefix: "PF-" },
  Project: { words: ["projects", "project"], title: "Projects", folder: "projects", idPrefix: "PRJ-" },
  Risk: { words: ["risks", "risk"], title: "Risks", folder: "raid/risks", idPrefix: "RSK-" },
  Issue: { words: ["issues", "issue"], title: "Issues", folder: "raid/issues", idPrefix: "ISS-" },
  Decision: { words: ["decisions", "decision"], title: "Decisions", folder: "raid/decisions", idPrefix: "DEC-" },
  Person: { words: ["people", "person", "persons"], title: "People", folder: "people" },
};
