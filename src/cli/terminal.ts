/** How wide the terminal is, and prose re-flowed to it. No dependencies: help must stay cheap. */

export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/** Help and prose never get narrower than this, however small the window. */
const MIN_WIDTH = 40;

/**
 * The width to wrap to: `COLUMNS` when it holds a number (the POSIX convention, which also lets
 * a script ask for a width), else the terminal's width when the stream is a terminal, else 80:
 * a pipe, a file or a CI log gets the classic width, whatever window the command ran in.
 */
export function terminalWidth(stream: TerminalStream | undefined, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number.parseInt(env["COLUMNS"] ?? "", 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.max(MIN_WIDTH, fromEnv);
  if (stream?.isTTY === true && typeof stream.columns === "number" && stream.columns > 0)
    return Math.max(MIN_WIDTH, stream.columns);
  return 80;
}

/**
 * The width tables are narrowed to: `COLUMNS` or a terminal's width, as for prose, but none for
 * a pipe or a file without `COLUMNS`, so that `pmo ls | grep` and scripts get one line per row.
 */
export function tableWidth(stream: TerminalStream | undefined, env: NodeJS.ProcessEnv): number | undefined {
  const asked = Number.parseInt(env["COLUMNS"] ?? "", 10) > 0;
  return asked || (stream?.isTTY === true && typeof stream.columns === "number" && stream.columns > 0)
    ? terminalWidth(stream, env)
    : undefined;
}

/**
 * Re-flows help prose to `width` columns with `wrap` (commander's word wrapper). A paragraph is
 * a run of lines that start in the first column; it is joined and wrapped again, so text
 * written at any width reads well at every width. Indented lines (examples, lists) and blank
 * lines are kept as written: an example is a command to copy, not prose to break.
 */
export function reflowProse(text: string, width: number, wrap: (paragraph: string, width: number) => string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) out.push(wrap(paragraph.join(" "), width));
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "" || /^\s/.test(line)) {
      flush();
      out.push(line);
    } else if (/:$/.test(line)) {
      // A line ending in a colon ("Examples:", or prose introducing a list) ends its paragraph.
      paragraph.push(line.trim());
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join("\n");
}
