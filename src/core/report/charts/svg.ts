/**
 * The shared SVG vocabulary of the report charts: escaping, byte-stable numbers, deterministic
 * ids and the outer <svg> frame with its accessible name and description.
 *
 * Charts carry no <style> element and no style attribute: a report's Content-Security-Policy
 * blocks inline styles, so everything is a presentation attribute (fill, stroke, font-size).
 */

export interface Chart {
  svg: string;
  title: string;
  description: string;
}

/** A generic family: nothing is fetched, every platform has one. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Text colours, dark enough on white (at least 7:1) and on the light panel tint. */
export const INK = "#1f2328";
export const MUTED_INK = "#57606a";
export const GRID = "#d0d7de";
export const PANEL = "#f6f8fa";

/** The token every id inside a chart starts with until the chart's hash replaces it. */
const ID_TOKEN = "\u0000id";

/** Any character escapeXml replaces or removes; most texts have none and are returned as they are. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters escapeXml removes
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Escapes text and attribute values for XML (and for HTML, where the SVG is inlined). */
export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  return (
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML cannot carry these control characters, so they are removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

/** A coordinate with at most one decimal, never "-0" and never an exponent. */
export function num(value: number): string {
  // Most coordinates are whole numbers: their text is the number's own (0 for -0).
  if (Number.isInteger(value) && Math.abs(value) < 1e14) return value === 0 ? "0" : String(value);
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return "0";
  // Below 1e15 a double is within 0.07 of its one-decimal value, so the shortest text of
  // the number is that value's text: what toFixed(1) gives, without its ".0" (a test compares the two).
  if (Math.abs(rounded) < 1e15) return String(rounded);
  return rounded.toFixed(1).replace(/\.0$/, "");
}

/** An id local to the chart: `ref("clip")` is replaced by a deterministic, chart-unique id. */
export function localId(name: string): string {
  return `${ID_TOKEN}-${name}`;
}

/** `url(#...)` for a local id. */
export function urlOf(name: string): string {
  return `url(#${localId(name)})`;
}

/** FNV-1a, 32 bits: a stable, dependency-free content hash for ids (not for security). */
export function hash(text: string): string {
  return hashOfParts([text]);
}

/** `hash(parts.join("\n"))`, without building the joined text (a chart's drawing can be long). */
export function hashOfParts(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h ^= 10;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    const text = parts[p]!;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(36).padStart(7, "0");
}

/** Roughly how wide a text is in a sans-serif face: enough to lay out labels without a font. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += ch.length === 1 ? (WIDTHS[ch.charCodeAt(0)] ?? 0.55) : 0.55;
  return units * fontSize;
}

/** The width of each ASCII character, in ems: narrow, wide, capitals and digits, the rest. */
const WIDTHS: readonly number[] = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (/[il.,:;'|!ijtf1 ]/.test(ch)) return 0.33;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[A-Z0-9#&]/.test(ch)) return 0.65;
  return 0.55;
});

/** The text cut to fit `width`, with an ellipsis; the full text belongs in a <title>. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  // The longest prefix (of one character at least) that fits with the ellipsis. A prefix's
  // width is summed character by character from the start, as textWidth sums the prefix and
  // its ellipsis, so the comparisons are those of dropping one character at a time.
  const chars = [...text];
  const units: number[] = [0];
  for (const ch of chars) units.push(units[units.length - 1]! + charUnits(ch));
  let kept = chars.length;
  while (kept > 1 && (units[kept]! + ELLIPSIS_UNITS) * fontSize > width) kept--;
  return `${chars.slice(0, kept).join("").trimEnd()}\u2026`;
}

/** The width of one character (a code point) in ems, as textWidth counts it. */
function charUnits(ch: string): number {
  return ch.length === 1 ? (WIDTHS[ch.charCodeAt(0)] ?? 0.55) : 0.55;
}

const ELLIPSIS_UNITS = charUnits("\u2026");

export interface TextOptions {
  size?: number;
  anchor?: "start" | "middle" | "end";
  weight?: "normal" | "bold";
  fill?: string;
  baseline?: "middle" | "auto";
  extra?: string;
}

/** A <text> element; the content is escaped. */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size, anchor, weight, fill, baseline, extra } = options;
  return `<text x="${num(x)}" y="${num(y)}"${size !== undefined && size !== 12 ? fontSizeAttr(size) : ""}${anchor && anchor !== "start" ? (anchor === "middle" ? ANCHOR_MIDDLE : anchor === "end" ? ANCHOR_END : ` text-anchor="${anchor}"`) : ""}${weight === "bold" ? BOLD : ""}${fill && fill !== INK ? fillAttr(fill) : ""}${baseline === "middle" ? CENTRAL : ""}${extra ? ` ${extra}` : ""}>${escapeXml(content)}</text>`;
}

// A chart writes thousands of <text> elements with a handful of sizes and colours: each
// attribute's text is made once.
const ANCHOR_MIDDLE = ` text-anchor="middle"`;
const ANCHOR_END = ` text-anchor="end"`;
const BOLD = ` font-weight="bold"`;
const CENTRAL = ` dominant-baseline="central"`;
const fontSizes = new Map<number, string>();
const fills = new Map<string, string>();

function fontSizeAttr(size: number): string {
  let attr = fontSizes.get(size);
  if (attr === undefined) {
    attr = ` font-size="${num(size)}"`;
    fontSizes.set(size, attr);
  }
  return attr;
}

function fillAttr(fill: string): string {
  let attr = fills.get(fill);
  if (attr === undefined) {
    attr = ` fill="${fill}"`;
    fills.set(fill, attr);
  }
  return attr;
}

/** A tooltip for the element it is the first child of (also read by screen readers). */
export function tooltip(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/**
 * The complete chart: `<svg>` with role="img", a <title> and <desc> it is labelled by, and ids
 * derived from a hash of the title and the drawing, so the same chart always has the same ids
 * and two different charts on one page do not share any.
 */
export function frame(input: {
  title: string;
  description: string;
  width: number;
  height: number;
  defs?: string;
  body: string;
}): Chart {
  const width = Math.max(1, Math.ceil(input.width));
  const height = Math.max(1, Math.ceil(input.height));
  const prefix = `pmo-chart-${hashOfParts([input.title, input.description, input.defs ?? "", input.body])}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${escapeXml(FONT_FAMILY)}" font-size="12" fill="${INK}">`,
    `<title id="${prefix}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(input.description)}</desc>`,
    input.defs ? `<defs>${input.defs}</defs>` : "",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    input.body,
    `</svg>`,
  ].filter((part) => part !== "");
  // Local ids can only be in the drawing (the title and description are escaped, which drops
  // the token's NUL). Most charts have none: their parts are concatenated, which V8 keeps as a
  // rope until the page is written, instead of being copied into a joined text and again to
  // replace no id.
  if (!input.body.includes(ID_TOKEN) && !(input.defs ?? "").includes(ID_TOKEN)) {
    let svg = parts[0]!;
    for (let i = 1; i < parts.length; i++) svg += `\n${parts[i]}`;
    return { svg: `${svg}\n`, title: input.title, description: input.description };
  }
  const content = parts.join("\n").split(ID_TOKEN).join(prefix);
  return { svg: `${content}\n`, title: input.title, description: input.description };
}

/** The chart every function returns for empty input: valid, labelled and saying so. */
export function noDataChart(title: string, message: string, width = 480): Chart {
  const height = 96;
  const body = [
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="${PANEL}" stroke="${GRID}"/>`,
    text(width / 2, height / 2, message, { anchor: "middle", fill: MUTED_INK, size: 14, baseline: "middle" }),
  ].join("\n");
  return frame({ title, description: `${title}: ${message}`, width, height, body });
}

/** "1 risk", "3 risks". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Ends a description sentence list cleanly. */
export function sentences(parts: readonly string[]): string {
  return parts
    .filter((p) => p !== "")
    .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
    .join(" ");
}

/** A finite, non-negative count (NaN, negatives and non-numbers count as 0). */
export function countOf(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}
