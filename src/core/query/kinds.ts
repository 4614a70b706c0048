import { KINDS, type Kind } from "../../model/document.js";

/** How each kind is named on the command line: the plural first (it is what `ls` lists). */
const KIND_WORDS: Record<Kind, readonly string[]> = {
  Engagement: ["engagements", "engagement"],
  Portfolio: ["portfolios", "portfolio"],
  Project: ["projects", "project"],
  Risk: ["risks", "risk"],
  Issue: ["issues", "issue"],
  Decision: ["decisions", "decision"],
  Person: ["people", "person", "persons"],
};

/** The plural a user types and reads: "projects", "people". */
export function pluralOf(kind: Kind): string {
  return KIND_WORDS[kind][0]!;
}

/** Every word `pmo ls` accepts for a kind, plurals first, for messages and suggestions. */
export function kindWords(): string[] {
  return KINDS.flatMap((kind) => KIND_WORDS[kind]);
}

/** Resolves `projects`, `Project`, `PEOPLE`, `persons` to the kind; undefined when unknown. */
export function resolveKind(word: string): Kind | undefined {
  const lower = word.trim().toLowerCase();
  return KINDS.find((kind) => KIND_WORDS[kind].includes(lower));
}
