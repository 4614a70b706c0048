import stringWidth from "string-width";

/** Wide punctuation that closes a phrase: never the first thing on a line (kinsoku). */
const CLOSING = new Set([..."、。，．・：；？！）」』】〕〉》〙〗ー…"]);

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Greedy word wrap of prose to `width` terminal columns, measured by display width (a CJK
 * character is two columns). Blank lines separate paragraphs; single line breaks inside a
 * paragraph are the source's layout, not the author's, and are re-flowed. Text without spaces
 * (Chinese, Japanese) may break between any two wide characters, but not before closing
 * punctuation. A word wider than the line (a URL) is kept whole on a line of its own.
 */
export function wrapProse(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = "";
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      breakPoints(word).forEach((piece, i) => {
        const gap = i === 0 && line !== "" ? 1 : 0;
        const size = stringWidth(piece);
        if (line !== "" && used + gap + size > width) {
          lines.push(line);
          line = piece;
          used = size;
        } else {
          line += (gap === 1 ? " " : "") + piece;
          used += gap + size;
        }
      });
    }
    if (line !== "") lines.push(line);
    lines.push("");
  }
  lines.pop();
  return lines;
}

/** A word cut where a line may break inside it: before and after each wide character. */
function breakPoints(word: string): string[] {
  const pieces: string[] = [];
  let run = "";
  for (const { segment } of graphemes.segment(word)) {
    if (CLOSING.has(segment) && (run !== "" || pieces.length > 0)) {
      if (run !== "") run += segment;
      else pieces[pieces.length - 1] += segment;
    } else if (stringWidth(segment) >= 2) {
      if (run !== "") pieces.push(run);
      run = "";
      pieces.push(segment);
    } else {
      run += segment;
    }
  }
  if (run !== "") pieces.push(run);
  return pieces;
}
