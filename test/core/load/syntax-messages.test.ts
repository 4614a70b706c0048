import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseSource } from "../../../src/core/load/index.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/** Syntax messages in plain words for mistakes the parser words in its own terms. */
const HEAD = "apiVersion: pmo/v1\nkind: Risk\nid: RSK-1\n";
const problem = (body: string) =>
  parseSource("raid/RSK-1.yaml", `${HEAD}${body}`).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.ruleId} ${d.message} (${d.hint})`,
  );

describe("YAML syntax messages", () => {
  it.each([
    [
      "title: 'it's late\n",
      "4:12 yaml-syntax there is text after the closing quote of this value (inside single quotes write a quote twice ('it''s'), or quote the whole value with double quotes)",
    ],
    [
      'title: "the "big" one"\n',
      '4:14 yaml-syntax there is text after the closing quote of this value (inside double quotes write a quote as \\", or quote the whole value with single quotes)',
    ],
    [
      "title: Leak\n- second item\n",
      "5:1 yaml-syntax a list item (- ) where a field was expected (indent the item under the field whose list it is (`field:` on its own line, then `  - item`), or write it as a field)",
    ],
    [
      "title: & Leak\n",
      "4:8 yaml-syntax an anchor (&name) needs a name (write &name before the value, or remove the &)",
    ],
  ])("%j", (body, expected) => {
    expect(problem(body)).toEqual([expected]);
  });

  // The yaml package's other messages, each in plain words with the likely fix (docs/validation.md).
  it.each([
    [
      '"title": Leak\nowner: PER-1\n  x: [\n',
      "6:3 yaml-syntax this line is indented deeper than the field above it, whose value is already on its line (line the field up with the fields above it, or put the value of the field above on lines of its own)",
    ],
    [
      "title: }\n",
      "4:8 yaml-syntax this } closes nothing: there is no opening bracket before it (remove the }, or quote the value if it is part of the text)",
    ],
    [
      "title: ]\n",
      "4:8 yaml-syntax this ] closes nothing: there is no opening bracket before it (remove the ], or quote the value if it is part of the text)",
    ],
    [
      "title: |\n  a\n b: c\n",
      "6:2 yaml-syntax this field does not line up with the fields above it (indent it like the fields of the mapping it belongs to (2 spaces per level))",
    ],
    [
      "tags:\n  - a\n  b: c\n",
      "6:3 yaml-syntax this field does not line up with the fields above it (indent it like the fields of the mapping it belongs to (2 spaces per level))",
    ],
    [
      "tags: [a,, b]\n",
      '4:10 yaml-syntax a comma with no value before it in this [ ] or { } list (remove the extra comma, or write an empty value as "")',
    ],
    [
      "tags: - a\n",
      "4:7 yaml-syntax a list item (- ) on the same line as its field (put the items on the lines below the field, indented: `tags:` then `  - a`)",
    ],
    [
      'title: "x"# c\n',
      "4:11 yaml-syntax a # comment needs a space before it (put a space before the #, or quote the value if the # is part of it)",
    ],
    [
      "title: x\nfoo\nbar: y\n",
      "5:1 yaml-syntax this line is neither a field (key: value) nor part of the value above it (add the colon after the key, or indent a value that goes on over several lines under its field)",
    ],
    [
      "foo\n",
      "4:1 yaml-syntax this line has no colon: a field is written `key: value` (add the colon after the key, or indent the line under the field whose value it continues)",
    ],
    [
      'title: "a\\qb"\n',
      "4:10 yaml-syntax a backslash in double quotes starts an escape, and this one is not a known escape (write \\\\ for a backslash, or put the value in single quotes)",
    ],
    [
      "title: @x\n",
      '4:8 yaml-syntax a value cannot start with @ unless it is quoted (put the value in quotes, e.g. "@text")',
    ],
    ["title: &a &b x\n", "4:11 yaml-syntax a value can have only one anchor (&name) (keep one &anchor on the value)"],
    [
      "title: !!str !!str x\n",
      "4:14 yaml-syntax a value can have only one tag (!tag) (keep at most one !tag on the value)",
    ],
    [
      `${"k".repeat(1100)}: x\n`,
      "4:1 yaml-syntax this key is longer than the 1,024 characters YAML allows (shorten the key, or check for a missing line break before its colon)",
    ],
    [
      "... x\n",
      "4:5 yaml-syntax text where the value or the line should already have ended (remove the text, quote the whole value, or start a new line for it)",
    ],
  ])("%j", (body, expected) => {
    expect(problem(body)).toEqual([expected]);
  });

  it.each([
    ["title: |2-x\n", "4:11 text after the | or > that starts a text block"],
    ["title: |\n\t\nowner: x\n", "5:1 this line of a text block (| or >) is not indented under its field"],
    [
      "title: |\n    \n  text\n",
      "6:3 the blank lines at the start of this text block are indented deeper than its text",
    ],
    ["title: &a[x]\n", "4:10 an anchor (&name) or tag (!tag) must be followed by a space"],
    ["owner: &a *b\n", "4:11 an alias (*name) cannot have an anchor or a tag of its own"],
    ["tags:\n&t\n- a\n", "4:6 a list (- ) is used as a key"],
  ])("%j (text blocks, anchors, tags)", (body, expected) => {
    const { diagnostics } = parseSource("raid/RSK-1.yaml", `${HEAD}${body}`);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([expected]);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it.each([
    ["--- a: b\n", "1:5 fields or list items cannot start on the --- line (start them on the line after ---)"],
    [
      "&anchor - item\n",
      "1:1 the anchor or tag of a list must be followed by a line break (put the list's items on the lines below the &name or !tag)",
    ],
    [
      "[ key\n  : value ]\n",
      "1:6 a key inside [ ] must fit on one line (put the key and its colon on one line, or quote the key)",
    ],
    [
      `%YAML 1.2 1.3\n---\n${HEAD}`,
      "1:1 this %YAML directive does not name a YAML version pmo reads (write %YAML 1.2, or remove the line)",
    ],
  ])("%j (whole file)", (text, expected) => {
    expect(
      parseSource("raid/RSK-1.yaml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (${d.hint})`),
    ).toEqual([expected]);
  });

  it("says a directive needs a --- line after it", () => {
    const { diagnostics } = parseSource("raid/RSK-1.yaml", `%FOO bar\n${HEAD}`);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (${d.hint})`)).toEqual([
      "2:1 a directive (a line starting with %) must be followed by a --- line (put --- on the line after the directive, or remove the directive)",
    ]);
  });

  it("keeps the indentation message for a field indented under a value on its line", () => {
    // An unclosed [ under a compact mapping: the yaml package says "nested mappings are not allowed in compact mappings".
    expect(problem("owner: PER-1\n  x: [\n")[0]).toMatch(
      /^5:3 yaml-syntax this line is indented by 2 spaces, which matches no field or list above it \(expected 0\)/,
    );
  });

  it("keeps the indentation message for a list item indented by one space too few", () => {
    const body = "mitigations:\n  - action: a\n    status: planned\n - action: b\n";
    expect(problem(body)[0]).toMatch(/^7:2 yaml-syntax this line is indented by 1 space/);
  });

  it("words the first error of every invalid case of the YAML test suite in its own sentences", () => {
    const inParserWords: string[] = [];
    for (const c of yamlTestSuite().filter((c) => c.error)) {
      const shown = parseSource("projects/case.yaml", c.yaml).diagnostics.find((d) => d.ruleId === "yaml-syntax");
      const docs = parseAllDocuments(c.yaml.replace(/\r\n?/g, "\n"));
      const parserWords = (Array.isArray(docs) ? docs : [docs])
        .flatMap((d) => d.errors)
        .map((e) => e.message.replace(/ at line \d+, column \d+.*$/s, "").toLowerCase());
      if (shown === undefined || parserWords.includes(shown.message.toLowerCase()))
        inParserWords.push(`${c.id}: ${shown?.message}`);
    }
    expect(inParserWords).toEqual([]);
  });
});
