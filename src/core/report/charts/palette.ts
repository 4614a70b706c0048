import { localId } from "./svg.js";

/**
 * Colours for the values of the built-in status scales (rag and dca5), for chart fills and for
 * badges: white text on each of them has a contrast of at least 4.5:1 (WCAG AA). They are about
 * equally dark, so in greyscale they look alike: charts add a pattern and a label, never colour
 * alone. `unknown` is for a project without a status.
 */
export const STATUS_COLORS: Record<string, string> = {
  green: "#1a7f37",
  "amber-green": "#587d0f",
  amber: "#9a6700",
  "amber-red": "#bc4c00",
  red: "#cf222e",
  unknown: "#6e7781",
};

/** Risk band fills: light enough that dark text reads on them (at least 5.9:1), darker as the band worsens. */
export const BAND_COLORS: Record<string, string> = {
  low: "#cfe8d5",
  medium: "#fbe3a1",
  high: "#f6b27a",
  critical: "#e8837c",
};

/** Series colours for lines and bars: each at least 4.5:1 on white, distinct in hue. */
export const SERIES_COLORS = [
  "#0969da",
  "#bc4c00",
  "#1a7f37",
  "#8250df",
  "#bf3989",
  "#1b7c83",
  "#6e7781",
  "#9a6700",
] as const;

/** Fill patterns, in the order of growing severity, so greyscale prints still tell values apart. */
export const PATTERNS = ["solid", "dots", "diagonal", "back-diagonal", "crosshatch", "horizontal", "vertical"] as const;
export type Pattern = (typeof PATTERNS)[number];

/**
 * The pattern for the value at `rank` of a scale of `size` values: the best value is solid, the
 * worst crosshatched, the ones between spread over the patterns between.
 */
export function patternFor(rank: number, size: number): Pattern {
  if (rank <= 0 || size <= 1) return "solid";
  if (size > 5) return PATTERNS[rank % PATTERNS.length]!;
  const severe = PATTERNS.indexOf("crosshatch");
  return PATTERNS[Math.min(severe, Math.round((rank / (size - 1)) * severe))]!;
}

/** The local id of a pattern drawn in `ink` ("light" lines over dark fills, "dark" over light ones). */
export function patternId(pattern: Pattern, ink: "light" | "dark"): string {
  return `pattern-${pattern}-${ink}`;
}

/** <pattern> definitions for the given patterns (solid needs none). */
export function patternDefs(patterns: Iterable<Pattern>, ink: "light" | "dark"): string {
  const stroke = ink === "light" ? `stroke="#ffffff" stroke-opacity="0.55"` : `stroke="#1f2328" stroke-opacity="0.3"`;
  const dot = ink === "light" ? `fill="#ffffff" fill-opacity="0.6"` : `fill="#1f2328" fill-opacity="0.4"`;
  const out: string[] = [];
  for (const pattern of [...new Set(patterns)].sort((a, b) => PATTERNS.indexOf(a) - PATTERNS.indexOf(b))) {
    if (pattern === "solid") continue;
    const id = localId(patternId(pattern, ink));
    const open = `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6">`;
    const shape: Record<Exclude<Pattern, "solid">, string> = {
      dots: `<circle cx="3" cy="3" r="1.1" ${dot}/>`,
      diagonal: `<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" ${stroke} stroke-width="1.2"/>`,
      "back-diagonal": `<path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" ${stroke} stroke-width="1.2"/>`,
      crosshatch: `<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" ${stroke} stroke-width="1"/>`,
      horizontal: `<path d="M0,3 h6" ${stroke} stroke-width="1.2"/>`,
      vertical: `<path d="M3,0 v6" ${stroke} stroke-width="1.2"/>`,
    };
    out.push(`${open}${shape[pattern]}</pattern>`);
  }
  return out.join("");
}

/** A colour for a status value: the built-in one, else a series colour by its place on the scale. */
export function statusColor(value: string, rank: number): string {
  return STATUS_COLORS[value] ?? SERIES_COLORS[Math.max(0, rank) % SERIES_COLORS.length]!;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * A colour given by a user (a scale's `color`: a hex code or a CSS colour name) when it is one,
 * normalised to lower case; anything else (which could break out of an attribute) is replaced by
 * the fallback.
 */
export function safeColor(value: string | undefined, fallback: string): string {
  if (value && /^#[0-9a-fA-F]{6}$/.test(value)) return value.toLowerCase();
  if (value && /^#[0-9a-fA-F]{3}$/.test(value))
    return `#${[...value.slice(1)].map((c) => c + c).join("")}`.toLowerCase();
  if (value && /^[a-zA-Z]{3,20}$/.test(value)) return value.toLowerCase();
  return fallback;
}

/**
 * Attributes for text drawn on `fill`: white or dark ink, whichever reads better; on a named
 * colour, whose darkness is unknown here, white ink with a dark outline reads on anything.
 */
export function inkOn(fill: string): string {
  if (!fill.startsWith("#"))
    return `fill="#ffffff" stroke="#1f2328" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke"`;
  return contrastRatio(fill, "#ffffff") >= contrastRatio(fill, "#1f2328") ? `fill="#ffffff"` : `fill="#1f2328"`;
}
