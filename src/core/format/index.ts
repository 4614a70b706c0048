import type { Diagnostic } from "../../model/diagnostic.js";
import type { Palette } from "./colors.js";
import { formatJson } from "./json.js";
import { formatStylish } from "./stylish.js";

export { PLAIN, type Palette } from "./colors.js";
export { codeFrame } from "./codeframe.js";
export { summarise, type Summary } from "./stylish.js";

export interface FormatContext {
  palette: Palette;
  /** Source text by `Diagnostic.sourceKey ?? Diagnostic.file`, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** How many documents were checked, for the summary. */
  documents?: number;
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

/** Diagnostic formatters by name; output is a pure function of the sorted diagnostics. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};
