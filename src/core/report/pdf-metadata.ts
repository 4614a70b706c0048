/**
 * The document information of a PDF that Chromium printed, made reproducible. Chromium's
 * printToPDF offers no metadata option: it stamps the current time as /CreationDate and
 * /ModDate and its user agent as /Creator. This rewrites the two dates in place (same length,
 * so every byte offset of the file stays valid) and appends an incremental update (PDF 1.7,
 * ISO 32000-1 §7.5.6) whose document information dictionary names the report's title, author,
 * creator and dates, so that readers show pmo's values and two runs give the same bytes. The
 * ids of a tagged PDF's structure elements, which Chromium takes from its DOM node ids, are
 * numbered in place too.
 */
export interface PdfMetadata {
  title: string;
  author: string | null;
  subject: string | null;
  creator: string;
  /** The as-of date, YYYY-MM-DD: the creation and modification date, at midnight UTC. */
  date: string;
}

const LATIN1 = "latin1";

export function fixPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const stamp = `D:${meta.date.replaceAll("-", "")}000000+00'00'`;
  let text = Buffer.from(pdf).toString(LATIN1);
  // In place: the same length whatever the time was, so the cross-reference table stays right.
  text = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]{0,8}\)/g, (match, key: string) => {
    const replacement = `/${key} (${stamp})`;
    return replacement.length === match.length ? replacement : match;
  });
  // A tagged PDF names each structure element after Chromium's DOM node id, which changes from
  // run to run: number them in order of first appearance instead, with as many digits.
  const renumbered = new Map<string, string>();
  text = text.replace(/\(node(\d+)\)/g, (_match, digits: string) => {
    let id = renumbered.get(digits);
    if (id === undefined) {
      id = String(renumbered.size + 1).padStart(digits.length, "0");
      if (id.length !== digits.length) id = digits;
      renumbered.set(digits, id);
    }
    return `(node${id})`;
  });
  const startxref = lastMatch(text, /startxref\s+(\d+)\s+%%EOF\s*$/);
  const root = lastMatch(text, /\/Root (\d+ \d+ R)/);
  const size = lastMatch(text, /\/Size (\d+)/);
  // Not the shape Chromium writes: keep the in-place fix only, rather than risk a broken file.
  if (startxref === undefined || root === undefined || size === undefined) return Buffer.from(text, LATIN1);
  const producer = /\/Producer \(([^)\\]*)\)/.exec(text)?.[1];

  const info = Number(size);
  const entries = [
    `/Title ${pdfString(meta.title)}`,
    ...(meta.author !== null ? [`/Author ${pdfString(meta.author)}`] : []),
    ...(meta.subject !== null ? [`/Subject ${pdfString(meta.subject)}`] : []),
    `/Creator ${pdfString(meta.creator)}`,
    ...(producer !== undefined ? [`/Producer (${producer})`] : []),
    `/CreationDate (${stamp})`,
    `/ModDate (${stamp})`,
  ];
  const head = text.endsWith("\n") ? text : `${text}\n`;
  const object = `${info} 0 obj\n<<${entries.join("\n")}>>\nendobj\n`;
  const xref = head.length + Buffer.byteLength(object, LATIN1);
  const update = `${object}xref\n0 1\n0000000000 65535 f \n${info} 1\n${String(head.length).padStart(10, "0")} 00000 n \ntrailer\n<</Size ${info + 1}\n/Root ${root}\n/Info ${info} 0 R\n/Prev ${startxref}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head, LATIN1), Buffer.from(update, LATIN1)]);
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  let found: string | undefined;
  for (const m of text.matchAll(global)) found = m[1];
  return found;
}

/**
 * A PDF text string: plain ASCII as a literal string with its delimiters escaped, anything
 * else as UTF-16BE with a byte order mark (the encoding every reader accepts for Unicode).
 */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
