import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { documentValue, normaliseLineBreaks, parseSource, readFast, readFull } from "../../../src/core/load/index.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

const SUITE = yamlTestSuite();

/** The reading of record: every non-empty document's value, or undefined when the text has an error. */
function recordReading(text: string): unknown[] | undefined {
  const { docs } = readFull(normaliseLineBreaks(text));
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  const values: unknown[] = [];
  for (const doc of docs) {
    const v = documentValue(doc);
    if (!v.ok) return undefined;
    values.push(v.value);
  }
  return values;
}

/**
 * Valid YAML that pmo refuses on purpose, with the diagnostic it gives. Two keys that are both
 * empty are a duplicate to anyone reading a pmo file, whatever the YAML grammar allows.
 */
const REASONED: Record<string, string> = {
  "2JQS": "a key appears twice in this mapping",
};

describe("the YAML test suite (conformance)", () => {
  it("has the cases its README describes", () => {
    expect(SUITE.length).toBe(402);
    expect(SUITE.filter((c) => c.error).length).toBe(94);
  });

  it.each(SUITE.filter((c) => c.error).map((c) => [c.id, c] as const))(
    "error case %s gives a yaml-syntax diagnostic with a line",
    (_id, c) => {
      for (const file of ["projects/case.yaml", "notes/case.yaml"]) {
        const parsed = parseSource(file, c.yaml);
        const syntax = parsed.diagnostics.filter((d) => d.ruleId === "yaml-syntax");
        expect(syntax.length, `${c.id} ${c.title} as ${file}`).toBeGreaterThan(0);
        expect(syntax[0]!.line).toBeGreaterThanOrEqual(1);
        expect(syntax.some((d) => d.severity === (file.startsWith("projects/") ? "error" : "warn"))).toBe(true);
        expect(parsed.documents).toEqual([]);
      }
    },
  );

  it.each(Object.entries(REASONED))("valid case %s is refused with a reason", (id, reason) => {
    const c = SUITE.find((s) => s.id === id)!;
    const parsed = parseSource("projects/case.yaml", c.yaml);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([reason]);
  });

  it.each(SUITE.filter((c) => !c.error && !(c.id in REASONED)).map((c) => [c.id, c] as const))(
    "valid case %s gives its data and no error",
    (_id, c) => {
      const values = recordReading(c.yaml);
      expect(values, `${c.id} ${c.title}`).toBeDefined();
      if (c.json) {
        // Empty documents are null in the reading; in.json leaves them out.
        const read = JSON.parse(
          JSON.stringify(values!.filter((v, i) => v !== null || (i < c.json!.length && c.json![i] === null))),
        );
        expect(read).toEqual(c.json);
      }
      for (const file of ["projects/case.yaml", "notes/case.yaml"]) {
        const parsed = parseSource(file, c.yaml);
        expect(parsed.diagnostics.filter((d) => d.severity === "error" && d.ruleId === "yaml-syntax")).toEqual([]);
      }
    },
  );
});

/** Texts for the differential test: every suite case, every example file, and mutations of them. */
function corpus(): [string, string][] {
  const texts: [string, string][] = SUITE.map((c) => [`suite ${c.id}`, c.yaml]);
  const root = path.resolve("examples");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) texts.push([path.relative(root, full), readFileSync(full, "utf8")]);
    }
  };
  walk(root);
  const examples = texts.filter(([name]) => !name.startsWith("suite "));
  // Values whose meaning differs between YAML 1.1, js-yaml and the core schema.
  const scalars = [
    "12_400_000",
    "0b101",
    "0x_1",
    "0x1F",
    "0o17",
    "017",
    "+12",
    "-0",
    "1e3",
    "+.5",
    ".5",
    "1.",
    ".inf",
    "-.Inf",
    ".NaN",
    "~",
    "null",
    "Null",
    "yes",
    "No",
    "on",
    "TRUE",
    "2025-11-24",
    "2025-11-24T10:00:00Z",
    "1:30",
    "'quoted'",
    '"dq \\t"',
    "a #b",
    "12:30:00",
    "0.1e-2",
    "1_000.5",
    "0xFF_FF",
    "= x",
    "<<",
  ];
  for (const [name, text] of examples.slice(0, 8)) {
    for (const s of scalars)
      texts.push([`${name} with ${s}`, text.replace(/^(name|summary|description): .*$/m, `$1: ${s}`)]);
    texts.push([`${name} with CR`, text.replace(/\n/g, "\r")]);
    texts.push([`${name} with CRLF`, text.replace(/\n/g, "\r\n")]);
    texts.push([`${name} with a merge key`, `${text}\n<<: {x: 1}\n`]);
    texts.push([`${name} with __proto__`, `${text}\n__proto__: {polluted: true}\n`]);
    texts.push([`${name} with a numeric key`, `${text}\n1: one\n2.50: two\n`]);
  }
  return texts;
}

describe("the fast path reads exactly what the yaml package reads", () => {
  const texts = corpus();
  it.each(texts)("%s", (_name, text) => {
    const source = normaliseLineBreaks(text);
    const fast = readFast(source);
    if (fast === undefined) return;
    const record = recordReading(source);
    expect(record, "the fast path accepted a text the yaml package rejects").toBeDefined();
    expect(record!.length).toBe(1);
    expect(
      isDeepStrictEqual(fast, record![0]),
      `fast: ${JSON.stringify(fast)}\nfull: ${JSON.stringify(record![0])}`,
    ).toBe(true);
  });

  it("answers the plain block-style files of the example repository", () => {
    const examples = texts.filter(
      ([name]) => name.startsWith("meridian-water/") && !name.includes(" with ") && !name.endsWith("README.md"),
    );
    const fast = examples.filter(([, text]) => readFast(normaliseLineBreaks(text)) !== undefined);
    expect(fast.length / examples.length).toBeGreaterThan(0.5);
  });
});
