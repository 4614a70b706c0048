import { NOT_ASSESSED, STATUS_SCALES } from "../../model/entities.js";

/** The three colours a terminal status cell can take. */
export type StatusColour = "red" | "amber" | "green";

/** The engagement's status scale, best value first, with the colour each value is shown in. */
export interface StatusScaleInfo {
  values: string[];
  /** Values that say "no rating" (not assessed or withheld): never coloured, never ranked. */
  notAssessed: string[];
  colour(value: string): StatusColour | undefined;
  /** 0 for the best value, growing worse; undefined for a value off the scale or a "no rating" value. */
  rank(value: string): number | undefined;
}

const NAMED_COLOURS: Record<string, StatusColour> = {
  green: "green",
  "amber-green": "amber",
  amber: "amber",
  yellow: "amber",
  "amber-red": "red",
  red: "red",
};

/**
 * Reads `statusScale` from the engagement's value (rag when absent or unreadable). A custom
 * value's `color` wins when it names red, amber/yellow or green; otherwise the position on the
 * scale decides: the best value green, the worst red, the rest amber.
 */
export function statusScaleOf(engagement: Record<string, unknown> | undefined): StatusScaleInfo {
  const declared = engagement?.["statusScale"];
  let values: string[] = [...STATUS_SCALES.rag];
  const declaredColours = new Map<string, StatusColour>();
  const notAssessed = [NOT_ASSESSED];
  if (declared === "dca5") values = [...STATUS_SCALES.dca5];
  else if (Array.isArray(declared)) {
    values = [];
    for (const entry of declared) {
      if (typeof entry !== "object" || entry === null) continue;
      const { value, color, assessed } = entry as { value?: unknown; color?: unknown; assessed?: unknown };
      if (typeof value !== "string") continue;
      if (assessed === false) {
        if (!notAssessed.includes(value)) notAssessed.push(value);
        continue;
      }
      values.push(value);
      const named = typeof color === "string" ? NAMED_COLOURS[color.toLowerCase()] : undefined;
      if (named) declaredColours.set(value, named);
    }
  }
  const custom = Array.isArray(declared);
  return {
    values,
    notAssessed,
    rank: (value) => {
      const index = values.indexOf(value);
      return index < 0 ? undefined : index;
    },
    colour: (value) => {
      if (declaredColours.has(value)) return declaredColours.get(value);
      if (!custom) return NAMED_COLOURS[value];
      const index = values.indexOf(value);
      if (index < 0) return undefined;
      if (index === 0) return "green";
      return index === values.length - 1 ? "red" : "amber";
    },
  };
}
