/**
 * How a file's text is laid out in bytes, apart from what it says: its line breaks (LF, CRLF or
 * CR), a byte order mark, and the line breaks at its very end. pmo reads every YAML file with
 * its line breaks as LF (src/core/load/yaml-read.ts) and writes its edits in LF; every command
 * that rewrites a file the user already has (`pmo fmt`, `pmo import --sync` and `--force`) gives
 * the result the layout of the file it replaces, so that a repository checked out with Windows
 * line endings (git's core.autocrlf) is not rewritten line by line. New files are LF, no BOM.
 */
export interface TextLayout {
  /** The file's line break: the first one in it (LF for a file without any). */
  lineBreak: "\n" | "\r\n" | "\r";
  /** The file starts with a UTF-8 byte order mark (U+FEFF). */
  bom: boolean;
  /** How many line breaks end the file (0 when its last line has none). */
  finalBreaks: number;
}

export const NEW_FILE_LAYOUT: TextLayout = { lineBreak: "\n", bom: false, finalBreaks: 1 };

/**
 * The layout of a file's text. A file that mixes line breaks gets its first one (as Prettier's
 * `endOfLine: "auto"` does); an empty file is laid out as a new one.
 */
export function layoutOf(source: string): TextLayout {
  const bom = source.startsWith("\uFEFF");
  const at = source.search(/[\r\n]/);
  const lineBreak = at < 0 ? "\n" : source[at] === "\n" ? "\n" : source[at + 1] === "\n" ? "\r\n" : "\r";
  // Counted from the end: a regular expression anchored at the end would be tried at every offset.
  let finalBreaks = 0;
  for (let i = source.length - 1; i >= 0; i--) {
    const c = source[i];
    if (c === "\n") {
      finalBreaks++;
      if (source[i - 1] === "\r") i--;
    } else if (c === "\r") finalBreaks++;
    else break;
  }
  return { lineBreak, bom, finalBreaks };
}

/**
 * Gives a text written with LF line breaks the layout: its line breaks, its BOM and, unless
 * `finalBreaks` is given, its number of line breaks at the end. An empty text stays empty.
 */
export function withLayout(text: string, layout: TextLayout, finalBreaks = layout.finalBreaks): string {
  if (text === "") return text;
  let end = text.length;
  while (end > 0 && text[end - 1] === "\n") end--;
  let out = text.slice(0, end) + "\n".repeat(finalBreaks);
  if (layout.lineBreak !== "\n") out = out.replaceAll("\n", layout.lineBreak);
  return layout.bom ? `\uFEFF${out}` : out;
}
