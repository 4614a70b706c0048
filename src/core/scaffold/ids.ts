/**
 * Ids for new documents, following the pattern the repository already uses: PRJ-001..PRJ-018
 * gives PRJ-019 (zero padding kept), PF-ASSET and PF-DIGITAL give PF-<FIRST WORD OF THE NAME>.
 */

import { KINDS } from "../../model/document.js";
import { KIND_INFO } from "../domain/index.js";

/** The prefix a kind's ids take when the repository has none yet: PRJ-001, RSK-001, ... */
export const DEFAULT_ID_PREFIX: Readonly<Record<string, string>> = Object.fromEntries(
  KINDS.flatMap((kind) => (KIND_INFO[kind].idPrefix === undefined ? [] : [[kind, KIND_INFO[kind].idPrefix]])),
);
const DEFAULT_WIDTH = 3;
const NUMBERED = /^(.*?)(\d+)$/;

/**
 * The next free id for a kind: the most common numbered pattern among `ofKind` (ties go to the
 * prefix that sorts first), one more than its highest number, padded to its widest number.
 * `taken` holds every id of the repository (ids are unique across kinds).
 */
export function nextId(kind: string, ofKind: readonly string[], taken: ReadonlySet<string>, name?: string): string {
  const groups = new Map<string, { max: number; width: number; count: number }>();
  for (const id of ofKind) {
    const match = NUMBERED.exec(id);
    if (!match) continue;
    const [, prefix, digits] = match as unknown as [string, string, string];
    const group = groups.get(prefix) ?? { max: 0, width: 0, count: 0 };
    group.max = Math.max(group.max, Number(digits));
    group.width = Math.max(group.width, digits.length);
    group.count++;
    groups.set(prefix, group);
  }
  const best = [...groups.entries()].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))[0];
  if (best === undefined) {
    const worded = wordedId(ofKind, taken, name);
    if (worded !== undefined) return worded;
  }
  const [prefix, { max, width }] = best ?? [
    DEFAULT_ID_PREFIX[kind] ?? `${kind.slice(0, 3).toUpperCase()}-`,
    { max: 0, width: DEFAULT_WIDTH },
  ];
  let n = max + 1;
  let id = `${prefix}${String(n).padStart(width, "0")}`;
  while (taken.has(id)) id = `${prefix}${String(++n).padStart(width, "0")}`;
  return id;
}

/** PF-ASSET, PF-DIGITAL + "Water quality" -> PF-WATER: ids made of a shared prefix and a word. */
function wordedId(ofKind: readonly string[], taken: ReadonlySet<string>, name: string | undefined): string | undefined {
  if (name === undefined || ofKind.length === 0) return undefined;
  const prefixes = new Map<string, number>();
  for (const id of ofKind) {
    const dash = id.indexOf("-");
    if (dash > 0) prefixes.set(id.slice(0, dash + 1), (prefixes.get(id.slice(0, dash + 1)) ?? 0) + 1);
  }
  const prefix = [...prefixes.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
  const word = asciiWords(name)[0]?.toUpperCase();
  if (prefix === undefined || word === undefined) return undefined;
  let id = `${prefix}${word}`;
  for (let n = 2; taken.has(id); n++) id = `${prefix}${word}-${n}`;
  return id;
}

/** A person's id from their name, as rosters usually spell them: "Zoë O'Neil" -> zoe.oneil. */
export function personId(name: string, taken: ReadonlySet<string>): string | undefined {
  const words = asciiWords(name.replace(/['’]/g, "")).map((w) => w.toLowerCase());
  if (words.length === 0) return undefined;
  const base = words.join(".");
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  return id;
}

function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "" && /^[A-Za-z]/.test(w));
}
