import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/core/errors.js";
import { firstInvalidUtf8 } from "../../../src/core/utf8.js";
import { decodeMapping, importCsv } from "../../../src/core/import/index.js";
import { prng } from "../../helpers/yaml-mutations.js";

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

  const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
  const UTF8_MAPPING = { text: "kind: Project\nencoding: utf-8\nfields:\n  name: name\n", file: "m.yaml" };

  it.each([
    {
      name: "a Windows-1252 é in a file the mapping says is UTF-8, on line 2",
      bytes: bytesOf("name\n", [0xe9], "\n"),
      mapping: true,
      at: [2, 1],
      message:
        "the file is not valid UTF-8 (the mapping says it is): the byte 0xE9 starts a UTF-8 character that the next byte does not continue",
    },
    {
      name: "after CRLF lines, a quoted multi-line cell and UTF-8 characters on its line",
      bytes: bytesOf('name,stage\r\n"two\r\nlines",x\r\nCafé ', [0xe9], " ok,y\r\n"),
      mapping: true,
      at: [4, 6],
      message: /: the byte 0xE9 starts a UTF-8 character/,
    },
    {
      name: "lines ended by CR only",
      bytes: bytesOf("name\rone\rtw", [0xf8], "o\r"),
      mapping: true,
      at: [3, 3],
      message: /: the byte 0xF8 is never part of UTF-8 text$/,
    },
    {
      name: "a UTF-8 file (it has a byte order mark) with a bad byte on line 1: the BOM is not a column",
      bytes: bytesOf("\uFEFFna", [0xff], "me\nx\n"),
      mapping: false,
      at: [1, 3],
      message:
        "the file is not valid UTF-8 (it starts with a UTF-8 byte order mark): the byte 0xFF is never part of UTF-8 text",
    },
    {
      name: "a UTF-8 file (UTF-8 characters before) with a stray continuation byte; columns in characters",
      bytes: bytesOf("name\nééé😀", [0x80], "\n"),
      mapping: false,
      at: [2, 6],
      message:
        "the file is not valid UTF-8 (it holds UTF-8 characters before this): the byte 0x80 continues no UTF-8 character",
    },
    {
      name: "a character cut short at the end of the file",
      bytes: bytesOf("name\n£1m ", [0xe2, 0x82]),
      mapping: false,
      at: [2, 5],
      message: /: the bytes 0xE2 0x82 start a UTF-8 character that the next byte does not continue$/,
    },
  ])("names the first byte that is not UTF-8: $name", ({ bytes, mapping, at, message }) => {
    let error: UsageError | undefined;
    try {
      importCsv({ bytes, file: "in.csv", ...(mapping ? { mapping: UTF8_MAPPING } : { kind: "Project" }) });
    } catch (e) {
      error = e as UsageError;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toBe(`cannot read in.csv:${at[0]}:${at[1]}: ${error!.diagnostics[0]!.message}`);
    expect(error!.diagnostics).toHaveLength(1);
    const [d] = error!.diagnostics;
    expect(d).toMatchObject({ ruleId: "csv-syntax", severity: "error", file: "in.csv", line: at[0], column: at[1] });
    if (typeof message === "string") expect(d!.message).toBe(message);
    else expect(d!.message).toMatch(message);
    expect(d!.hint).toBe(
      're-save the file as UTF-8 (Excel: Save As, "CSV UTF-8 (Comma delimited)"), or, if it is Windows-1252 (Excel\'s plain "CSV" on Windows), set "encoding: windows-1252" in the mapping file (--mapping)',
    );
    // The code frame shows the line, the bad bytes as U+FFFD.
    const source = error!.sources.get("in.csv")!;
    expect(source.split(/\r\n|\r|\n/)[at[0]! - 1]![at[1]! - 1]).toBe("\uFFFD");
  });

  it("reads a file with no UTF-8 in it as Windows-1252 without a word (auto)", () => {
    const result = importCsv({ bytes: bytesOf("name\nCaf", [0xe9], "\n"), file: "in.csv", kind: "Project" });
    expect(result.encoding).toBe("windows-1252");
    expect(result.imported.map((r) => r.value["name"])).toEqual(["Café"]);
  });

  it("finds the first ill-formed sequence where the platform's strict UTF-8 decoder fails (seeded random bytes)", () => {
    const random = prng(20261202);
    const pieces = [
      [0x41],
      [0x0a],
      [0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe9],
      [0x80],
      [0xc0],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90],
      [0xe0, 0x80],
    ];
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(
        Array.from(
          { length: 1 + Math.floor(random() * 8) },
          () => pieces[Math.floor(random() * pieces.length)]!,
        ).flat(),
      );
      const { offset, length } = firstInvalidUtf8(bytes);
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect(offset === bytes.length, `${[...bytes]}`).toBe(valid);
      // Everything before it is UTF-8; the sequence itself is not the start of any.
      expect(() => strict.decode(bytes.subarray(0, offset))).not.toThrow();
      if (!valid) {
        expect(length).toBeGreaterThan(0);
        expect(() => strict.decode(bytes.subarray(0, offset + length))).toThrow();
      }
    }
  });

  it("reports a mapping file that is not UTF-8 at its line and column, and reads one that is", () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("kind: Project\nfields:\n  stage: { map: { Cl"),
      0xf4,
      ...new TextEncoder().encode("t: closed } }\n"),
    ]);
    let error: UsageError | undefined;
    try {
      decodeMapping(bytes, "m.yaml");
    } catch (e) {
      error = e as UsageError;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toBe("invalid import mapping m.yaml");
    expect(error!.diagnostics).toEqual([
      {
        ruleId: "import-mapping",
        severity: "error",
        message:
          "the mapping file is not valid UTF-8: the byte 0xF4 starts a UTF-8 character that the next byte does not continue",
        hint: "save the mapping file as UTF-8 (a YAML file is UTF-8)",
        file: "m.yaml",
        line: 3,
        column: 21,
        pointer: "",
      },
    ]);
    expect(error!.sources.get("m.yaml")).toBe("kind: Project\nfields:\n  stage: { map: { Cl\uFFFDt: closed } }\n");
    expect(decodeMapping(new TextEncoder().encode("kind: Project # Clôturé\n"), "m.yaml")).toBe(
      "kind: Project # Clôturé\n",
    );
  });
});
