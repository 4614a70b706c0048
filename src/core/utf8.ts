// Where a byte sequence that is not UTF-8 is, in the terms of a diagnostic: shared by the
// loader (a YAML file) and the importers (a CSV or mapping file).

/** The first byte sequence that is not UTF-8: its offset and length (the maximal ill-formed part). */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; length: number } {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Unicode, Table 3-7: the well-formed sequences, the second byte's range depending on the first.
    const [count, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, 0xbf]
        : b === 0xe0
          ? [2, 0xa0, 0xbf]
          : b === 0xed
            ? [2, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [2, 0x80, 0xbf]
              : b === 0xf0
                ? [3, 0x90, 0xbf]
                : b === 0xf4
                  ? [3, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [3, 0x80, 0xbf]
                    : [0, 0, 0];
    if (count === 0) return { offset: i, length: 1 };
    let n = 1;
    for (; n <= count; n++) {
      const c = bytes[i + n];
      const [lo, hi] = n === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return { offset: i, length: n };
    }
    i += n;
  }
  return { offset: bytes.length, length: 0 };
}

/**
 * Where a sequence that is not UTF-8 is, as the code frame shows it: lines end at LF, CRLF or
 * CR; columns count the characters of the line (UTF-16 units, as every pmo position), the BOM
 * left out. With what it is in words, and the text decoded with the bad bytes as U+FFFD.
 */
export function describeInvalidUtf8(
  bytes: Uint8Array,
  bad: { offset: number; length: number },
  bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
): { line: number; column: number; what: string; source: string } {
  let line = 1;
  let lineStart = bom ? 3 : 0;
  for (let i = lineStart; i < bad.offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const lossy = new TextDecoder("utf-8");
  const column = lossy.decode(bytes.subarray(lineStart, bad.offset)).length + 1;
  const shown = [...bytes.subarray(bad.offset, bad.offset + bad.length)]
    .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`)
    .join(" ");
  const what =
    bad.length === 1 && bytes[bad.offset]! >= 0x80 && bytes[bad.offset]! <= 0xbf
      ? `the byte ${shown} continues no UTF-8 character`
      : bad.length === 1 && !isLead(bytes[bad.offset]!)
        ? `the byte ${shown} is never part of UTF-8 text`
        : `${bad.length === 1 ? "the byte" : "the bytes"} ${shown} ${bad.length === 1 ? "starts" : "start"} a UTF-8 character that the next byte does not continue`;
  return { line, column, what, source: lossy.decode(bytes) };
}

const isLead = (b: number): boolean => b >= 0xc2 && b <= 0xf4;
