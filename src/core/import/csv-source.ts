/**
 * From the bytes of a spreadsheet export to rows of cells: the encoding (UTF-8 with or without
 * a byte order mark, or Windows-1252), the delimiter (`,` or `;`, as Excel writes it depending on
 * the locale), quoted multi-line cells, and where each row starts in the file. Parsing is
 * csv-parse's; only the choices around it are made here.
 */
import { parse } from "csv-parse/sync";
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
  ) {
    super(message);
  }
}

/** Text of the file: UTF-8 when the bytes are valid UTF-8 (auto), else Windows-1252. The BOM is dropped. */
export function decodeCsv(bytes: Uint8Array, encoding: Encoding): { text: string; encoding: "utf-8" | "windows-1252" } {
  if (encoding !== "windows-1252") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      if (encoding === "utf-8")
        throw new CsvSyntaxError(
          `the file is not valid UTF-8 (try "encoding: windows-1252" or "auto" in the mapping)`,
          1,
        );
    }
  }
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
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
    const e = error as { message: string; lines?: number };
    throw new CsvSyntaxError(e.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, ""), e.lines ?? 1);
  }
  const rows: CsvRow[] = records.map(({ record, raw, info }, index) => {
    const body = raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    return { row: index + 1, line, cells: record };
  });
  const header = rows.shift()?.cells ?? [];
  return { header, rows, encoding, delimiter };
}
