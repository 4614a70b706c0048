import { describe, expect, it } from "vitest";
import { layoutOf, NEW_FILE_LAYOUT, withLayout } from "../../../src/core/fmt/index.js";

describe("layoutOf and withLayout", () => {
  it.each([
    ["", { lineBreak: "\n", bom: false, finalBreaks: 0 }],
    ["a: 1", { lineBreak: "\n", bom: false, finalBreaks: 0 }],
    ["a: 1\n", { lineBreak: "\n", bom: false, finalBreaks: 1 }],
    ["a: 1\r\nb: 2\r\n\r\n", { lineBreak: "\r\n", bom: false, finalBreaks: 2 }],
    ["a: 1\rb: 2\r", { lineBreak: "\r", bom: false, finalBreaks: 1 }],
    ["\uFEFFa: 1\r\nb: 2", { lineBreak: "\r\n", bom: true, finalBreaks: 0 }],
    // Mixed: the first line break wins; the end counts every kind, CRLF as one.
    ["a: 1\r\nb: 2\nc: 3\n\r\n\r", { lineBreak: "\r\n", bom: false, finalBreaks: 3 }],
  ])("%j", (source, layout) => {
    expect(layoutOf(source)).toEqual(layout);
    // Laid out again from its LF form, the text is the source (mixed breaks become the first kind).
    const lf = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const expected = source === "" ? "" : source.includes("\r\n") ? source.replace(/\r\n|\n|\r/g, "\r\n") : source;
    expect(withLayout(lf, layoutOf(source))).toBe(lf === "" ? "" : expected);
  });

  it("gives new files LF with one line break at the end, and leaves an empty text empty", () => {
    expect(withLayout("a: 1\n\n\n", NEW_FILE_LAYOUT)).toBe("a: 1\n");
    expect(withLayout("a: 1", NEW_FILE_LAYOUT)).toBe("a: 1\n");
    expect(withLayout("", layoutOf("\uFEFFa\r\n"))).toBe("");
    expect(withLayout("a: 1\n", layoutOf("\uFEFFx\r\n"), 1)).toBe("\uFEFFa: 1\r\n");
  });
});
