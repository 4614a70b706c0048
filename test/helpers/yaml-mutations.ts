/** Seeded mutations of YAML texts, for fuzz and differential tests. */
/** What a mutation inserts or writes over: characters and strings YAML gives a meaning to. */
export const ALPHABET = [
  ":",
  "-",
  " ",
  "  ",
  "\t",
  '"',
  "'",
  "[",
  "]",
  "{",
  "}",
  "&a",
  "*a",
  "!",
  "!!binary ",
  "#",
  "%YAML 1.1\n",
  "\r",
  "\n",
  "---\n",
  "...\n",
  "? ",
  "|",
  ">",
  ",",
  "\\",
  "\u00e9",
  "\uFEFF",
  "0x_1",
  "12_400_000",
];

/** A seeded pseudo-random number generator (mulberry32): the same seed gives the same rounds. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One mutation of a text: a character inserted, deleted or replaced by one YAML cares about, a
 * line duplicated, moved, re-indented or cut short, line endings changed.
 */
export function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const at = Math.floor(random() * (text.length + 1));
  const lines = text.split("\n");
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 8)) {
    case 0:
      return text.slice(0, at) + pick(ALPHABET) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    case 2:
      return text.slice(0, at) + pick(ALPHABET) + text.slice(at + 1);
    case 3:
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case 4: {
      const [moved] = lines.splice(line, 1);
      lines.splice(Math.floor(random() * lines.length), 0, moved ?? "");
      return lines.join("\n");
    }
    case 5:
      lines[line] = random() < 0.5 ? ` ${lines[line]}` : (lines[line] ?? "").replace(/^ /, "");
      return lines.join("\n");
    case 6:
      return text.slice(0, at);
    default:
      return random() < 0.5 ? text.replace(/\n/g, "\r\n") : text.replace(/\n/g, "\r");
  }
}
