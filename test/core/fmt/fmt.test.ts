import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { formatSource } from "../../../src/core/fmt/index.js";

const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../../..");

function format(text: string, schema?: string): string {
  const result = formatSource("test.yaml", text, { schema });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return result.text;
}

const values = (text: string): unknown[] =>
  parseAllDocuments(text, { version: "1.2" }).map((doc) => doc.toJS() as unknown);

const exampleFiles = readdirSync(path.join(projectRoot, "examples"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => `examples/${f.split(path.sep).join("/")}`)
  .sort();

describe("formatSource", () => {
  it("orders keys as the kind's schema does, recursively, with unknown and x- keys last", () => {
    const text = `kind: Project
name: Demo
x-team: blue
apiVersion: pmo/v1
stage: planning
id: PRJ-001
milestones:
  - name: Go-live
    baseline: 2026-05-01
    id: M1
schedule:
  baselineFinish: 2026-06-30
  baselineStart: 2026-01-05
`;
    expect(format(text)).toBe(`apiVersion: pmo/v1
kind: Project
id: PRJ-001
name: Demo
stage: planning
schedule:
  baselineStart: 2026-01-05
  baselineFinish: 2026-06-30
milestones:
  - id: M1
    name: Go-live
    baseline: 2026-05-01
x-team: blue
`);
  });

  it("keeps every comment and blank line with the key it belongs to", () => {
    const text = `# yaml-language-server: $schema=../schemas/risk.schema.json
# Risks of the pilot.
apiVersion: pmo/v1
kind: Risk
id: RSK-001
status: open # still live

# Scored at the March review.
impact: 4
probability: 3
title: Supplier insolvency
`;
    expect(format(text)).toBe(`# yaml-language-server: $schema=../schemas/risk.schema.json
# Risks of the pilot.
apiVersion: pmo/v1
kind: Risk
id: RSK-001
title: Supplier insolvency
probability: 3

# Scored at the March review.
impact: 4
status: open # still live
`);
  });

  it("keeps the comments at the top of a document at the top when the first key moves", () => {
    expect(
      format(
        `# yaml-language-server: $schema=person.schema.json\nname: A B\napiVersion: pmo/v1\nkind: Person\nid: a.b\n`,
      ),
    ).toBe(
      `# yaml-language-server: $schema=person.schema.json\napiVersion: pmo/v1\nkind: Person\nid: a.b\nname: A B\n`,
    );
  });

  it("keeps trailing comments as close to the last key as they were", () => {
    expect(format(`kind: Person\napiVersion: pmo/v1\nid: a.b\nname: A\n# role: TODO\n# email: TODO\n`)).toBe(
      `apiVersion: pmo/v1\nkind: Person\nid: a.b\nname: A\n# role: TODO\n# email: TODO\n`,
    );
    expect(
      format(
        `apiVersion: pmo/v1\nkind: Person\nid: a.b\nname: A\n\n# the end\n---\napiVersion: pmo/v1\nkind: Person\nid: c.d\nname: C\n# close\n`,
      ),
    ).toBe(
      `apiVersion: pmo/v1\nkind: Person\nid: a.b\nname: A\n\n# the end\n---\napiVersion: pmo/v1\nkind: Person\nid: c.d\nname: C\n# close\n`,
    );
  });

  it("writes strings plain when possible and double-quoted otherwise; dates unquoted", () => {
    const text = `apiVersion: 'pmo/v1'
kind: "Decision"
id: DEC-001
title: 'Gate 2: approval to proceed'
status: approved
date: '2026-01-21'
description: "It's \\"agreed\\""
forum: '123'
`;
    expect(format(text)).toBe(`apiVersion: pmo/v1
kind: Decision
id: DEC-001
title: "Gate 2: approval to proceed"
description: It's "agreed"
status: approved
date: 2026-01-21
forum: "123"
`);
  });

  it("indents sequences under their key, pads flow maps but not flow lists, and ends with one newline", () => {
    const text = `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: E
client: {name: Client}
provider: {   name: Provider }
pmoType: [ tactical ]
phase: { current: design, since: 2026-01-05 }
scope:
  services:
  - governance
  - reporting
currency: EUR


`;
    expect(format(text)).toBe(`apiVersion: pmo/v1
kind: Engagement
id: ENG
name: E
client: { name: Client }
provider: { name: Provider }
pmoType: [tactical]
phase: { current: design, since: 2026-01-05 }
scope:
  services:
    - governance
    - reporting
currency: EUR
`);
  });

  it("keeps the line breaks of folded text and of literal text", () => {
    const text = `apiVersion: pmo/v1
kind: Issue
title: Late delivery
id: ISS-001
description: >-
      The supplier missed both slots,
      so filling cannot start.

      Crew redeployed.
impact: |
  line one
    line two
raised: 2026-10-19
status: open
`;
    expect(format(text)).toBe(`apiVersion: pmo/v1
kind: Issue
id: ISS-001
title: Late delivery
description: >-
  The supplier missed both slots,
  so filling cannot start.

  Crew redeployed.
raised: 2026-10-19
status: open
impact: |
  line one
    line two
`);
  });

  it("writes one --- between documents and none before the first; keeps empty documents", () => {
    const text = `---
apiVersion: pmo/v1
kind: Person
id: a.b
name: A B
...
---
# second
name: C D
apiVersion: pmo/v1
kind: Person
id: c.d
---
`;
    expect(format(text)).toBe(`apiVersion: pmo/v1
kind: Person
id: a.b
name: A B
---
# second
apiVersion: pmo/v1
kind: Person
id: c.d
name: C D
---
`);
  });

  it.each([
    ["between two documents", "a: 1\n---\n---\nb: 2\n", "a: 1\n---\n---\nb: 2\n"],
    ["at the end", "a: 1\n---\n", "a: 1\n---\n"],
    ["at the start", "---\n---\na: 1\n", "---\n---\na: 1\n"],
    [
      "of a comment only",
      "a: 1\n---\n# only a comment\n\n# two\n---\nb: 2\n",
      "a: 1\n---\n# only a comment\n\n# two\n---\nb: 2\n",
    ],
    ["closed with ...", "a: 1\n...\n---\n...\n", "a: 1\n---\n"],
    ["alone", "---\n", "---\n"],
    ["a file of comments only", "# notes\n\n# more\n\n\n", "# notes\n\n# more\n"],
  ])("keeps an empty document %s", (_name, source, expected) => {
    expect(formatSource("f.yaml", source)).toEqual({ ok: true, changed: source !== expected, text: expected });
    expect(formatSource("f.yaml", expected)).toEqual({ ok: true, changed: false, text: expected });
  });

  it("orders the config by the config schema when asked to", () => {
    expect(format(`waivers: []\nrules: {}\nextends: [recommended]\n`, "config")).toBe(
      `extends: [recommended]\nrules: {}\nwaivers: []\n`,
    );
    expect(format(`waivers: []\nrules: {}\n`)).toBe(`waivers: []\nrules: {}\n`);
  });

  it("leaves documents of other tools in their key order", () => {
    expect(format(`name: build\non: push\n`)).toBe(`name: build\non: push\n`);
  });

  it("reports a file that does not parse, with its position, and formats nothing", () => {
    const result = formatSource("bad.yaml", `apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nid: PRJ-2\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      "bad.yaml:4:1 yaml-syntax",
    ]);
  });

  it.each([
    ["CRLF", "\r\n", ""],
    ["CRLF and a byte order mark", "\r\n", "\uFEFF"],
    ["CR", "\r", ""],
    ["LF and a byte order mark", "\n", "\uFEFF"],
  ])("keeps a file's line breaks and byte order mark (%s)", (_name, eol, bom) => {
    const lines = (keys: string[]) => bom + keys.map((k) => k + eol).join("");
    const canonical = lines([
      "apiVersion: pmo/v1",
      "kind: Person",
      "id: a.b",
      "name: A # the name",
      "x-note: |",
      "  one",
      "  two",
    ]);
    expect(formatSource("f.yaml", canonical)).toEqual({ ok: true, changed: false, text: canonical });
    const unordered = lines([
      "name: A # the name",
      "kind: Person",
      "apiVersion: 'pmo/v1'",
      "id: a.b",
      "x-note: |",
      "  one",
      "  two",
    ]);
    expect(formatSource("f.yaml", unordered)).toEqual({ ok: true, changed: true, text: canonical });
    // Exactly one line break at the end, of the file's kind.
    expect(formatSource("f.yaml", `${canonical}${eol}${eol}`)).toEqual({ ok: true, changed: true, text: canonical });
    expect(formatSource("f.yaml", canonical.slice(0, -eol.length))).toEqual({
      ok: true,
      changed: true,
      text: canonical,
    });
  });

  it("takes a file's first line break when it mixes them, and LF for a file of one line", () => {
    expect(formatSource("f.yaml", "apiVersion: pmo/v1\r\nkind: Person\nid: a.b\rname: A\n")).toMatchObject({
      text: "apiVersion: pmo/v1\r\nkind: Person\r\nid: a.b\r\nname: A\r\n",
    });
    expect(formatSource("f.yaml", "{ name: A, id: a.b }")).toMatchObject({ text: "{ name: A, id: a.b }\n" });
  });
});

describe("formatSource on every example file", () => {
  const parseable = exampleFiles.filter((file) => !file.includes("/yaml-"));
  it("covers the examples", () => expect(parseable.length).toBeGreaterThan(40));

  for (const file of parseable) {
    it(`${file}: keeps the values, and formatting twice changes nothing`, () => {
      const source = readFileSync(path.join(projectRoot, file), "utf8");
      const once = format(source, file.endsWith("pmo.config.yaml") ? "config" : undefined);
      expect(values(once)).toEqual(values(source).filter((v) => v !== null));
      const twice = format(once, file.endsWith("pmo.config.yaml") ? "config" : undefined);
      expect(twice).toBe(once);
    });
  }

  for (const file of exampleFiles.filter((f) => f.includes("/yaml-"))) {
    it(`${file}: does not parse, so is reported`, () => {
      expect(formatSource(file, readFileSync(path.join(projectRoot, file), "utf8")).ok).toBe(false);
    });
  }
});
