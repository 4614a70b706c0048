import { describe, expect, it } from "vitest";
import { parseSource } from "../../../src/core/load/index.js";

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

  it("keeps the indentation message for a list item indented by one space too few", () => {
    const body = "mitigations:\n  - action: a\n    status: planned\n - action: b\n";
    expect(problem(body)[0]).toMatch(/^7:2 yaml-syntax this line is indented by 1 space/);
  });
});
