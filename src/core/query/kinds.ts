import { KINDS, type Kind } from "../../model/document.js";
import { KIND_INFO } from "../domain/index.js";

/** How each kind is named on the command line (the kind registry): the plural first. */
const KIND_WORDS: Record<Kind, readonly string[]> = Object.fromEntries(
  KINDS.map((kind) => [kind, KIND_INFO[kind].words]),
) as Record<Kind, readonly string[]>;

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
