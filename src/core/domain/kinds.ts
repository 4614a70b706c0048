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

/** What the domain model needs to know of a kind. */
export interface KindInfo {
  /** How the kind is named on the command line, the plural first (it is what `ls` lists). */
  words: readonly string[];
}

/**
 * The kind registry. A `Record<Kind, ...>`, so a kind added to KINDS (src/model/document.ts)
 * without an entry here does not compile; the catalog, `ls`/`show` and export read it.
 */
export const KIND_INFO: { readonly [K in Kind]: KindInfo } = {
  Engagement: { words: ["engagements", "engagement"] },
  Portfolio: { words: ["portfolios", "portfolio"] },
  Project: { words: ["projects", "project"] },
  Risk: { words: ["risks", "risk"] },
  Issue: { words: ["issues", "issue"] },
  Decision: { words: ["decisions", "decision"] },
  Person: { words: ["people", "person", "persons"] },
};
