import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/core/errors.js";
import { importCsv } from "../../../src/core/import/index.js";

/** The UsageError importCsv throws for this CSV text. */
function failure(text: string | Uint8Array): UsageError {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  try {
    importCsv({ bytes, file: "in.csv", kind: "Project" });
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("the import did not fail");
}

describe("CSV syntax problems", () => {
  it.each([
    {
      name: "a quote never closed: at the opening quote, not the end of the file",
      csv: 'name,stage\nok,1\n"unclosed,1\nx,y\n',
      at: [3, 1],
      message: /^a quote opened here is never closed/,
      hint: /close the quote .* twice \(""\)/,
    },
    {
      name: "a quote never closed, after a multi-line cell",
      csv: 'name,stage\n"two\nlines",1\nx,"open\n',
      at: [4, 3],
      message: /^a quote opened here is never closed/,
      hint: /close the quote/,
    },
    {
      name: "a quote in the middle of an unquoted cell",
      csv: 'name,stage\nab"c,1\n',
      at: [2, 3],
      message: /^a quote in the middle of a cell that is not quoted$/,
      hint: /quote the whole cell and double the quote/,
    },
    {
      name: "a space before the opening quote",
      csv: 'name,stage\nx, "c"\n',
      at: [2, 4],
      message: /^a quote in the middle of a cell that is not quoted$/,
      hint: /remove the quote/,
    },
    {
      name: "text after a closing quote, with ; as the delimiter and a BOM",
      csv: '\uFEFFname;stage\nx;"ok";"bad"x\n',
      at: [2, 13],
      message: /^text follows the closing quote of this cell$/,
      hint: /twice \(""\)/,
    },
    {
      name: "CRLF line ends",
      csv: 'name,stage\r\nx,1\r\n"ab"c,1\r\n',
      at: [3, 5],
      message: /^text follows the closing quote/,
      hint: /move the text inside the quotes/,
    },
  ])("$name", ({ csv, at, message, hint }) => {
    const error = failure(csv);
    expect(error.message).toBe(`cannot read in.csv:${at[0]}:${at[1]}: ${error.diagnostics[0]!.message}`);
    expect(error.message).not.toMatch(/Quote Not Closed|Invalid (Opening|Closing) Quote|field \d|parsing is finished/);
    expect(error.diagnostics).toHaveLength(1);
    const [d] = error.diagnostics;
    expect(d).toMatchObject({ ruleId: "csv-syntax", severity: "error", file: "in.csv", line: at[0], column: at[1] });
    expect(d!.message).toMatch(message);
    expect(d!.hint).toMatch(hint);
    expect(error.sources.get("in.csv")).toBe(csv.replace(/^\uFEFF/, ""));
  });

  it("keeps the line of a file that is not UTF-8 when the mapping says it is", () => {
    const error = (() => {
      try {
        importCsv({
          bytes: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x0a]),
          file: "in.csv",
          mapping: { text: "kind: Project\nencoding: utf-8\nfields:\n  name: name\n", file: "m.yaml" },
        });
      } catch (e) {
        return e as UsageError;
      }
      throw new Error("the import did not fail");
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^cannot read in\.csv:1: the file is not valid UTF-8/);
  });
});
