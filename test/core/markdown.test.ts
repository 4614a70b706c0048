import { describe, expect, it } from "vitest";
import { escapeMarkdownDeep, escapeMarkdownText } from "../../src/core/markdown.js";

describe("escapeMarkdownText: a value from the repository as Markdown text", () => {
  it.each([
    ["Mark O'Donnell", "Mark O'Donnell"],
    ["score = 4 x 3", "score = 4 x 3"],
    ['the "core" scope', 'the "core" scope'],
    ["R&D and AT&T", "R&D and AT&T"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    // Entities stay text: a named one by its escaped ampersand, a numeric one by its escaped #.
    ["&amp; &copy; &#169; &#x3D;", "&amp;amp; &amp;copy; &\\#169; &\\#x3D;"],
    [
      "[link](https://evil.example) | *bold* _it_ `code` # ~",
      "\\[link\\](https://evil.example) \\| \\*bold\\* \\_it\\_ \\`code\\` \\# \\~",
    ],
    ["two\nlines\r\nhere", "two lines here"],
  ])("%j reads %j", (input, expected) => {
    expect(escapeMarkdownText(input)).toBe(expected);
  });
});

describe("escapeMarkdownDeep", () => {
  it("escapes every string of a view except pmo's own links, files, SVG, the header's links and a full table's", () => {
    const view = {
      title: "A|B",
      rows: [{ name: "<b>", href: "#project-A_B", file: "charts/a_b.svg" }],
      site: { nav: { index: "#dashboard", hasRisks: true } },
      table: { title: "Status_of_all", first: "#status-table", last: null },
      count: 3,
      none: null,
    };
    expect(escapeMarkdownDeep(view)).toEqual({
      title: "A\\|B",
      rows: [{ name: "&lt;b&gt;", href: "#project-A_B", file: "charts/a_b.svg" }],
      site: { nav: { index: "#dashboard", hasRisks: true } },
      table: { title: "Status\\_of\\_all", first: "#status-table", last: null },
      count: 3,
      none: null,
    });
    expect(view.title).toBe("A|B");
  });
});
