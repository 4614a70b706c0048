/**
 * From the bytes of a spreadsheet export to rows of cells: the encoding (UTF-8 with or without
 * a byte order mark, or Windows-1252), the delimiter (`,` or `;`, as Excel writes it depending on
 * the locale), quoted multi-line cells, and where each row starts in the file. Parsing is
 * csv-parse's; only the choices around it are made here.
 */
import { parse } from "csv-parse/sync";
import { describeInvalidUtf8, firstInvalidUtf8 } from "../utf8.js";
import type { Encoding } from "./mapping.js";

export interface CsvRow {
  /** Spreadsheet row number: the header is row 1, the first data row 2. */
  row: number;
  /** 1-based line of the file where the row starts (cells may span lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
}

/** Thrown for a file csv-parse cannot read (an unclosed quote, say), with its position. */
export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
  constructor(
    message: string,
    readonly line: number,
    /** 1-based column of the problem, when known. */
    readonly column?: number,
    /** How to fix it. */
    readonly hint?: string,
    /** The text to show the position in, when the file could not be decoded. */
    readonly source?: string,
  ) {
    super(message);
  }
}

const HOW_TO_FIX_ENCODING =
  're-save the file as UTF-8 (Excel: Save As, "CSV UTF-8 (Comma delimited)"), or, if it is Windows-1252 (Excel\'s plain "CSV" on Windows), set "encoding: windows-1252" in the mapping file (--mapping)';

/**
 * Text of the file: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (auto). The BOM is
 * dropped. A file that says it is UTF-8 (the mapping's `encoding: utf-8`, a UTF-8 byte order
 * mark, or UTF-8 characters elsewhere in it) but holds a byte sequence that is not is an error
 * at that sequence: read as Windows-1252, every other accented letter of it would change.
 */
export function decodeCsv(bytes: Uint8Array, encoding: Encoding): { text: string; encoding: "utf-8" | "windows-1252" } {
  if (encoding !== "windows-1252") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      const bad = firstInvalidUtf8(bytes);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const why =
        encoding === "utf-8"
          ? "the mapping says it is"
          : bom
            ? "it starts with a UTF-8 byte order mark"
            : hasUtf8Character(bytes, bad.offset)
              ? "it holds UTF-8 characters before this"
              : undefined;
      if (why !== undefined) throw invalidUtf8(bytes, bad, why, bom);
    }
  }
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}

/** A well-formed multi-byte UTF-8 sequence before `end`. */
function hasUtf8Character(bytes: Uint8Array, end: number): boolean {
  for (let i = 0; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function invalidUtf8(
  bytes: Uint8Array,
  bad: { offset: number; length: number },
  why: string,
  bom: boolean,
): CsvSyntaxError {
  const at = describeInvalidUtf8(bytes, bad, bom);
  return new CsvSyntaxError(
    `the file is not valid UTF-8 (${why}): ${at.what}`,
    at.line,
    at.column,
    HOW_TO_FIX_ENCODING,
    at.source,
  );
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** The delimiter occurring most often outside quotes in the header (the first record); `,` on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** Header and data rows; blank lines are skipped, rows keep their own cell count. */
export function readCsv(text: string, delimiter: string, encoding: "utf-8" | "windows-1252"): CsvTable {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw describeCsvError(error as CsvParseError, text, delimiter);
  }
  const rows: CsvRow[] = records.map(({ record, raw, info }, index) => {
    const body = raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    return { row: index + 1, line, cells: record };
  });
  const header = rows.shift()?.cells ?? [];
  return { header, rows, encoding, delimiter };
}

/** What csv-parse's errors carry: a code, and the line the parser had reached. */
interface CsvParseError {
  code?: string;
  message: string;
  lines?: number;
}

/**
 * csv-parse's error in a plain sentence, at the character it is about. csv-parse reports the
 * line it had reached (for an unclosed quote, the end of the file) and the field number, not
 * the column, so the quote that causes the problem is found by reading the text up to it.
 */
export function describeCsvError(error: CsvParseError, text: string, delimiter: string): CsvSyntaxError {
  const found = findQuoteProblem(text, delimiter);
  const at = (kind: QuoteProblem["kind"], message: string, hint: string): CsvSyntaxError =>
    found?.kind === kind
      ? new CsvSyntaxError(message, found.line, found.column, hint)
      : new CsvSyntaxError(message, error.lines ?? 1, undefined, hint);
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return at(
        "not-closed",
        "a quote opened here is never closed, so the rest of the file reads as one cell",
        'close the quote at the end of the cell, or write a quote inside a quoted cell twice ("")',
      );
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
      return at(
        "opening",
        "a quote in the middle of a cell that is not quoted",
        'quote the whole cell and double the quote inside it ("say ""hi"""), or remove the quote',
      );
    case "CSV_INVALID_CLOSING_QUOTE":
      return at(
        "closing",
        "text follows the closing quote of this cell",
        'write a quote inside a quoted cell twice (""), or move the text inside the quotes',
      );
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return at(
        "closing",
        "text follows the closing quote of this cell",
        `put a delimiter (${describeDelimiter(delimiter)}) after the closing quote, or move the text inside the quotes`,
      );
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return new CsvSyntaxError(
        "this row has a different number of cells from the header",
        error.lines ?? 1,
        undefined,
        `give every row as many cells as the header, separated by ${describeDelimiter(delimiter)}`,
      );
    case "CSV_MAX_RECORD_SIZE":
      return new CsvSyntaxError(
        "this row is too long to read",
        error.lines ?? 1,
        undefined,
        "check for an unclosed quote before it",
      );
    default: {
      const plain = error.message.replace(/^[A-Z][A-Za-z ]+: /, "").replace(/ (?:at|on) line \d+.*$/s, "");
      return new CsvSyntaxError(plain, error.lines ?? 1, undefined, "check the quotes and delimiters around this line");
    }
  }
}

function describeDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "a tab" : `"${delimiter}"`;
}

interface QuoteProblem {
  kind: "not-closed" | "opening" | "closing";
  /** 1-based. */
  line: number;
  column: number;
}

/**
 * The first quoting mistake in the text, read as RFC 4180 reads it: a quote opens a cell only
 * as its first character, `""` inside a quoted cell is a quote, and a closing quote is followed
 * by a delimiter or the end of the line.
 */
export function findQuoteProblem(text: string, delimiter: string): QuoteProblem | undefined {
  let line = 1;
  let lineStart = 0;
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  const position = (kind: QuoteProblem["kind"], offset: number, atLine = line, atLineStart = lineStart) => ({
    kind,
    line: atLine,
    column: offset - atLineStart + 1,
  });
  const newline = (offset: number): number =>
    text[offset] === "\r" && text[offset + 1] === "\n" ? 2 : text[offset] === "\n" || text[offset] === "\r" ? 1 : 0;
  let cellStart = true;
  while (i < text.length) {
    if (cellStart && text[i] === '"') {
      const opened = { offset: i, line, lineStart };
      i++;
      for (;;) {
        if (i >= text.length) return position("not-closed", opened.offset, opened.line, opened.lineStart);
        const nl = newline(i);
        if (nl > 0) {
          i += nl;
          line++;
          lineStart = i;
        } else if (text[i] === '"' && text[i + 1] === '"') i += 2;
        else if (text[i] === '"') {
          i++;
          break;
        } else i++;
      }
      if (i < text.length && newline(i) === 0 && !text.startsWith(delimiter, i)) return position("closing", i);
      cellStart = false;
      continue;
    }
    cellStart = false;
    const nl = newline(i);
    if (nl > 0) {
      i += nl;
      line++;
      lineStart = i;
      cellStart = true;
    } else if (text.startsWith(delimiter, i)) {
      i += delimiter.length;
      cellStart = true;
    } else if (text[i] === '"') return position("opening", i);
    else i++;
  }
  return undefined;
}
