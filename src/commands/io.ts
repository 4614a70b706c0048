import type { Palette } from "../core/format/index.js";

/** What a command may use of the outside world; the CLI provides it, tests fake it. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  palette: Palette;
  /** Whether colour is on (for tables drawn by libraries that colour their own borders). */
  color: boolean;
  /** The directory paths are shown relative to. */
  cwd: string;
  /** Columns that prose is wrapped to: the terminal's width, 80 when output is not a terminal. */
  width?: number;
  /** Columns that tables are narrowed to: the terminal's or COLUMNS; none for a pipe or a file. */
  tableWidth?: number;
}
