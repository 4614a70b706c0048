import { NOT_ASSESSED, type Engagement } from "../../model/entities.js";
import type { Settings } from "../rules/index.js";
import { STATUS_COLORS } from "./charts/index.js";

/** One value of the status scale as reports show it. */
export interface StatusView {
  value: string;
  label: string;
  /** 0 for the best value, growing as it worsens; -1 for a "no rating" value (not assessed or withheld). */
  rank: number;
  color: string;
}

const BUILT_IN_LABELS: Record<string, string> = {
  green: "Green",
  "amber-green": "Amber/Green",
  amber: "Amber",
  "amber-red": "Amber/Red",
  red: "Red",
};

const NEUTRAL = "#6e7781";
/** A colour from YAML ends up inside CSS: only a hex code or a plain colour name gets there. */
const SAFE_COLOR = /^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30})$/;

/** The engagement's status scale, best first, with labels and colours. */
export function statusScaleView(engagement: Engagement | undefined, settings: Settings): StatusView[] {
  const custom = Array.isArray(engagement?.statusScale) ? engagement.statusScale : undefined;
  return settings.statusScale.values.map((value, rank) => {
    const declared = custom?.find((c) => c.value === value);
    const color =
      declared?.color !== undefined && SAFE_COLOR.test(declared.color)
        ? declared.color
        : (STATUS_COLORS[value] ?? NEUTRAL);
    return { value, label: declared?.label ?? BUILT_IN_LABELS[value] ?? value, rank, color };
  });
}

/**
 * The values that say "no rating" (not assessed or withheld), in grey with rank -1: `not-assessed`
 * on every scale, and a custom scale's `assessed: false` values with their declared labels.
 */
export function notAssessedView(engagement: Engagement | undefined, settings: Settings): StatusView[] {
  const custom = Array.isArray(engagement?.statusScale) ? engagement.statusScale : undefined;
  return settings.statusScale.notAssessed.map((value) => {
    const declared = custom?.find((c) => c.value === value);
    const color = declared?.color !== undefined && SAFE_COLOR.test(declared.color) ? declared.color : NEUTRAL;
    return { value, label: declared?.label ?? (value === NOT_ASSESSED ? "Not assessed" : value), rank: -1, color };
  });
}

/** Looks a value up on the scale; null for no value, and a neutral entry for a value off the scale. */
export function statusLookup(
  scale: readonly StatusView[],
  notAssessed: readonly StatusView[] = [],
): (value: string | undefined) => StatusView | null {
  const byValue = new Map([...notAssessed, ...scale].map((s) => [s.value, s]));
  return (value) =>
    value === undefined ? null : (byValue.get(value) ?? { value, label: value, rank: scale.length, color: NEUTRAL });
}
