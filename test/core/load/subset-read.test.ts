import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { buildDocuments } from "../../../bench/generate.mjs";
import { documentToYaml } from "../../../src/core/export/index.js";
import { importCsv } from "../../../src/core/import/index.js";
import {
  decodeSource,
  documentValue,
  normaliseLineBreaks,
  parseSource,
  readFull,
} from "../../../src/core/load/index.js";
import { parseWanted } from "../../../src/core/load/parse.js";
import { scanHead } from "../../../src/core/load/head.js";
import { readSubset, readSubsetDocuments } from "../../../src/core/load/subset-read.js";
import { sharedDataDir } from "../../helpers/shared-data.js";
import { mutate, prng } from "../../helpers/yaml-mutations.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/**
 * The subset reader (src/core/load/subset-read.ts) must answer exactly what the reading of
 * record (the yaml package, yaml-read.ts) gives, or decline: whenever it answers, the reading
 * of record of the same text has no error and the same documents, each with the same value,
 * down to key order, -0, NaN and numbers too large to be exact. Checked on every case of the
 * YAML test suite (also put under a pmo head, after and before a document), every YAML file
 * of the examples and test fixtures, generated bench repositories, real data as `pmo import
 * csv` writes it (UK GMPP 2014-2023, US IT Dashboard: a sample of the rows of each), values
 * whose meaning differs between readers, and seeded mutations of all of them; it never throws.
 */

/** The reading of record: every document's value, or undefined when the text has an error. */
function recordReading(text: string): unknown[] | undefined {
  const { docs } = readFull(text);
  if (docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  const values: unknown[] = [];
  for (const doc of docs) {
    const v = documentValue(doc);
    if (!v.ok) return undefined;
    values.push(v.value);
  }
  return values;
}

/** Where two values differ (types, Object.is on scalars, key order, lengths), or undefined. */
function difference(a: unknown, b: unknown, at = ""): string | undefined {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null)
    return Object.is(a, b) ? undefined : `${at || "/"}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs not`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join("\0") !== kb.join("\0")) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}

function filesOf(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(path.resolve(dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") out.push(...filesOf(rel));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      const text = decodeSource(rel, readFileSync(path.resolve(rel)));
      if (typeof text === "string") out.push([rel, text]);
    }
  }
  return out;
}

const SUITE = yamlTestSuite();
const HEAD = "apiVersion: pmo/v1\nkind: Risk\n";
const examples = filesOf("examples");
const fixtures = filesOf("test");
const generated: [string, string][] = buildDocuments({ projects: 30, risksPerProject: 3, seed: 5 }).map(
  ({ file, doc }) => [`generated/${file}`, stringify(doc, { lineWidth: 0 })],
);

/** Every `step`th row of a real CSV export, as `pmo import csv` writes it with the shipped mapping. */
function imported(csv: string, mapping: string, step: number): [string, string][] {
  const result = importCsv({
    bytes: readFileSync(csv),
    file: csv,
    mapping: { text: readFileSync(mapping, "utf8"), file: mapping },
  });
  return result.imported
    .filter((_, i) => i % step === 0)
    .map((r) => [`${path.basename(csv)} row ${r.row}`, documentToYaml(result.kind, r.value)]);
}
const realData: [string, string][] = [
  ...imported(path.join(sharedDataDir("gmpp"), "gmpp_2014_2023_long.csv"), "examples/import/gmpp-projects.yaml", 8),
  ...imported(
    path.join(sharedDataDir("itdashboard"), "Projects_CW1_clean.csv"),
    "examples/import/itdashboard-projects.yaml",
    12,
  ),
  ...imported(
    path.join(sharedDataDir("itdashboard"), "Projects_CW1_MessedUp.csv"),
    "examples/import/itdashboard-messy-projects.yaml",
    12,
  ),
];

/** Values whose meaning differs between YAML 1.1, js-yaml and the core schema, or hard to read. */
const SCALARS = [
  "12_400_000",
  "0b101",
  "0x_1",
  "0x1F",
  "0o17",
  "0o8",
  "017",
  "+12",
  "-0",
  "-0.0",
  "1e3",
  "1E-3",
  "+.5",
  ".5",
  "1.",
  ".",
  "-",
  "+",
  ".inf",
  "-.Inf",
  "+.INF",
  ".NaN",
  ".nan",
  "~",
  "null",
  "Null",
  "nULL",
  "yes",
  "No",
  "on",
  "TRUE",
  "tRUE",
  "False",
  "2025-11-24",
  "2025-11-24T10:00:00Z",
  "1:30",
  "12345678901234567890",
  "9007199254740993",
  "0x7FFFFFFFFFFFFFFFF",
  "1e400",
  "'quoted'",
  "'it''s'",
  "''",
  '""',
  '"dq \\t"',
  '"\\x41\\u00e9\\U0001F600\\0\\a\\b\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P"',
  '"\\q"',
  '"\\x4"',
  '"\\uD800"',
  '"a" # c',
  '"a"#c',
  "'a' # c",
  "a #b",
  "a#b",
  "a # b # c",
  "a: b",
  "a:b",
  "a :b",
  "http://x.y/z?q=1#frag",
  "12:30:00",
  "0.1e-2",
  "1_000.5",
  "0xFF_FF",
  "= x",
  "<<",
  "a [b] {c}",
  "a, b",
  "-a",
  "--- x",
  "... x",
  "[]",
  "[ ]",
  "[a]",
  "[a, b ,c ]",
  "[a,]",
  "[,a]",
  "[a,,b]",
  "[1, 2.5, ~, true, '1', \"x\"]",
  "[a, [b]]",
  "[a: b]",
  "[a #b]",
  "[- a]",
  "[-1, -a]",
  "[a] x",
  "[a] # c",
  "|\n  one\n  two\n",
  "|-\n  one\n\n  two\n\n\n",
  "|\n  one\n    indented\n  back\n",
  ">\n  one\n  two\n\n  three\n",
  ">-\n  folded\n  text\n",
  ">-\n  folded\n\n\n  text\n",
  ">\n  one\n    more\n",
  "|+\n  keep\n\n",
  "|2\n   x\n",
  ">-\n\n  leading\n",
  "| # c\n  x\n",
  "|#c\n  x\n",
  "|\n  x\n  \n  y\n",
  "|\n  x\n # less-indented comment\n",
  "|\n  x\n # c\n  y\n",
  "|\n  a # not a comment\n  'q\n",
  "a\n  continued",
  "a\n\n  continued",
  "a\n  # comment\n",
  "\n  nested: 1\n  other: [1]\n",
  "\n- x\n- y\n",
  "\n  - x\n  -\n  - - y\n    - z\n  - a: 1\n    b: 2\n  - a: 1\n   b: 2\n",
  "\n  - x\n - y\n",
  "\n  a: 1\n b: 2\n",
  "\n  a: 1\n   b: 2\n",
  " # comment\n  a: 1\n",
  "\n  __proto__: x\n",
  "\n  toString: x\n  constructor: y\n",
  "\n  1: one\n  2.50: two\n  0x1F: three\n  1e3: four\n",
  "\n  1: one\n  01: dup\n",
  "\n  0: a\n  -0: b\n",
  "\n  null: a\n",
  "\n  true: a\n  TRUE: b\n",
  "\n  a: 1\n  a: 2\n",
  "\n  k: 1\n  k : 2\n",
  "&a x",
  "*a",
  "!!str x",
  "{a: 1}",
  "? x",
  "%x",
  "@x",
  "`x`",
  "x\u00a0y",
  "caf\u00e9 \ud83d\ude00",
  "lone \ud800 surrogate",
  "x".repeat(1100),
  `"${"x".repeat(1100)}"`,
  `[${"x, ".repeat(400)}y]`,
  `|-\n  ${"x".repeat(1100)}\n  y\n`,
  "|\n  x\n   \n  y\n",
  "|\n  x\n \n  y\n",
  "|-\n  x\n  \n",
  "|-\n  x\n     \n",
  "|\n  x\n  \n\n",
  ">\n  x\n \n  y\n",
  ">\n  x\n   \n  y\n",
  "|\n  x\n  ",
  "|\n  a\tb\n",
  "|\n  \ta\n",
  ">\n  a\tb\n  c\n",
  ">\n  \ta\n",
  "|\n  a\n  \t\n  b\n",
  "|-\n  x\t\n",
  "|\n  x\n\t\n",
  "|\n  x\n \t\n",
  ">-\n  a\n\n  b\tc\n",
  "|\n\tx\n",
  "|\n  x\n  \t# c\n",
  `\n  ${"k".repeat(1100)}: v\n`,
  `\n  ${"k".repeat(990)}: v\n`,
];

/** The texts of the differential test, in groups of a few thousand (one test each). */
function corpus(): Record<string, [string, string][]> {
  const suite: [string, string][] = [];
  const texts = suite;
  for (const c of SUITE) {
    texts.push([`suite ${c.id}`, c.yaml]);
    texts.push([`suite ${c.id} under a head`, `${HEAD}${c.yaml}`]);
    texts.push([`suite ${c.id} as a value`, `${HEAD}value:\n${c.yaml.replace(/^/gm, "  ")}`]);
    texts.push([`suite ${c.id} after a document`, `${HEAD}---\n${c.yaml}`]);
    texts.push([`suite ${c.id} before a document`, `${c.yaml}\n---\n${HEAD}`]);
  }
  for (const [name, text] of [
    ["an empty last document", "a: 1\n---\n"],
    ["an empty last document without a line break", "a: 1\n---"],
    ["an empty first document", "---\n---\na: 1\n"],
    ["comments before the first marker", "# c\n\n---\n# d\na: 1\n---\n# e\n"],
    ["an empty document between two", "a: 1\n---\n\n---\nb: 2\n"],
    ["a marker with a space after it", "a: 1\n--- \nb: 1\n"],
    ["a marker with a comment after it", "a: 1\n--- # c\nb: 1\n"],
    ["a marker after a block scalar", "a: |\n  x\n---\nb: 1\n"],
    ["a marker after a compact sequence", "a:\n- x\n---\nb: 1\n"],
    ["a marker after a nested mapping", "a:\n  b: 1\n---\nc: 1\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["a document end marker after a marker", "a: 1\n---\n...\n"],
    ["a marker inside a block scalar's lines", "a: |\n  x\n  ---\nb: 1\n"],
    ["an indented marker", "a: 1\n  ---\nb: 1\n"],
  ] as const)
    texts.push([`documents: ${name}`, text]);
  const files = [...examples, ...fixtures, ...generated, ...realData];
  const values: [string, string][] = [];
  for (const s of SCALARS) {
    values.push([`value ${JSON.stringify(s)}`, `${HEAD}value: ${s}\nnext: 1\n`]);
    values.push([`last value ${JSON.stringify(s)}`, `${HEAD}value: ${s}`]);
    values.push([`item ${JSON.stringify(s)}`, `${HEAD}list:\n  - ${s}\n  - next\n`]);
    values.push([`compact item ${JSON.stringify(s)}`, `${HEAD}list:\n- ${s}\nnext: 1\n`]);
    values.push([`item key ${JSON.stringify(s)}`, `${HEAD}list:\n  - id: ${s}\n    next: 1\n`]);
  }
  const seeds = [...examples.slice(0, 40), ...generated.slice(0, 60), ...realData.slice(0, 40)];
  const random = prng(20261202);
  const mutations: [string, string][] = [];
  for (let i = 0; i < 6000; i++) {
    const [name, text] = seeds[Math.floor(random() * seeds.length)]!;
    let mutated = mutate(text, random);
    if (random() < 0.5) mutated = mutate(mutated, random);
    if (random() < 0.25) mutated = mutate(mutated, random);
    mutations.push([`${name} mutation ${i}`, mutated]);
  }
  return {
    "the YAML test suite": suite,
    "the files": files,
    "hard values": values,
    "mutations 1": mutations.slice(0, 2000),
    "mutations 2": mutations.slice(2000, 4000),
    "mutations 3": mutations.slice(4000),
  };
}

describe("the subset reader answers exactly what the reading of record gives, or declines", () => {
  it.each(Object.entries(corpus()))("holds on %s, and never throws", (group, texts) => {
    const wrong: string[] = [];
    let accepted = 0;
    for (const [name, input] of texts) {
      const text = normaliseLineBreaks(input);
      let documents: unknown[] | undefined;
      let single: unknown;
      try {
        documents = readSubsetDocuments(text);
        single = readSubset(text);
      } catch (error) {
        wrong.push(`${name}: threw ${String(error)}`);
        continue;
      }
      if (single !== undefined && (documents?.length !== 1 || difference(documents[0], single) !== undefined))
        wrong.push(`${name}: readSubset is not the one document of readSubsetDocuments`);
      if (documents === undefined) continue;
      accepted++;
      const record = recordReading(text);
      if (record === undefined) wrong.push(`${name}: accepted a text the reading of record rejects`);
      else {
        const d = difference(documents, record);
        if (d) wrong.push(`${name}: ${d}`);
      }
    }
    expect(wrong.slice(0, 30)).toEqual([]);
    // Not a reader that declines everything: a good part of the corpus is in the subset.
    expect(accepted).toBeGreaterThan(texts.length / (group === "the YAML test suite" ? 20 : 4));
  });

  it("reads nearly every file of real data as pmo import csv writes it", () => {
    expect(realData.length).toBeGreaterThan(400);
    const declined = realData.filter(([, t]) => readSubset(t) === undefined);
    expect(declined.length / realData.length).toBeLessThan(0.05);
  });

  it("reads every generated file and every file of the example repository without a flow mapping", () => {
    expect(generated.filter(([, t]) => readSubset(t) === undefined).map(([n]) => n)).toEqual([]);
    // Flow mappings ({ milestone: ..., lag: 182 }) are left to the other readers.
    const repo = examples.filter(([n, t]) => n.startsWith("examples/meridian-water/") && !/[{]/.test(t));
    expect(repo.length).toBeGreaterThan(50);
    const declined = repo.filter(([, t]) => readSubsetDocuments(normaliseLineBreaks(t)) === undefined);
    expect(declined.map(([n]) => n)).toEqual([]);
  });

  it.each([
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a duplicate key spelt as another number", "1: a\n01: b\n"],
    ["__proto__", "__proto__: x\n"],
    ["a null key", "null: x\n"],
    ["an indented root", "  a: 1\n"],
    ["a root sequence", "- a\n"],
    ["a root scalar", "a\n"],
    ["an empty text", ""],
    ["a second document", "a: 1\n---\nb: 2\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a tab", "a:\t1\n"],
    ["a BOM", "\uFEFFa: 1\n"],
    ["a key of 1,000 characters", `${"k".repeat(1000)}: x\n`],
    ["a multi-line plain scalar", "a: b\n  c\n"],
    ["a multi-line quoted scalar", 'a: "b\n  c"\n'],
    ["a flow mapping", "a: {b: 1}\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a keep block scalar", "a: |+\n  x\n"],
  ])("declines %s", (_name, text) => {
    expect(readSubset(text)).toBeUndefined();
  });

  it("keeps what the core schema says of scalars and keys", () => {
    const value = readSubset(
      "z: -0\ny: .NaN\nx: 12345678901234567890\nw: 0o17\nv: 0x1F\nu: 1_000\nt: 2025-11-24\ns: ~\nr: '1'\n2: two\n1.50: x\n",
    );
    expect(Object.keys(value!)).toEqual(["2", "z", "y", "x", "w", "v", "u", "t", "s", "r", "1.5"]);
    expect(Object.is(value!["z"], -0)).toBe(true);
    expect(value!["y"]).toBeNaN();
    expect(value!["x"]).toBe(Number("12345678901234567890"));
    expect([value!["w"], value!["v"], value!["u"], value!["t"], value!["s"], value!["r"]]).toEqual([
      15,
      31,
      "1_000",
      "2025-11-24",
      null,
      "1",
    ]);
  });

  it("gives each document its index in the file, empty documents counted, as the yaml package does", () => {
    const text =
      "---\n---\napiVersion: pmo/v1\nkind: Risk\nid: R1\n---\nnote: not a pmo document\n---\napiVersion: pmo/v1\nkind: Issue\nid: I1\n";
    expect(readSubsetDocuments(text)).toHaveLength(4);
    const parsed = parseSource("raid/log.yaml", text);
    expect(parsed.documents.map((d) => [d.docIndex, d.value["id"]])).toEqual([
      [1, "R1"],
      [3, "I1"],
    ]);
    const { docs } = readFull(text);
    expect([1, 3].map((i) => (docs[i]!.toJS() as Record<string, unknown>)["id"])).toEqual(["R1", "I1"]);
    expect(parseSource("raid/notes.yaml", "note: a\n---\nother: b\n")).toMatchObject({ documents: [], notPmo: true });
  });
});

describe("a load of some kinds takes the kind from the subset reader's pass", () => {
  const risk = "apiVersion: pmo/v1\nkind: Risk\nid: R1\ntitle: Late\n";
  it("skips a file of one document of another kind, and reads one of a wanted kind", () => {
    expect(parseWanted("r.yaml", risk, ["Project"])).toBeUndefined();
    expect(parseWanted("r.yaml", risk, ["Risk"])?.documents.map((d) => d.value["id"])).toEqual(["R1"]);
  });
  it("asks the head scanner about a text the subset reader declines", () => {
    // A title over two lines: the subset reader declines it, the head scanner is certain.
    const continued = `${risk.replace("title: Late", "title: Late\n  delivery")}`;
    expect(readSubset(continued)).toBeUndefined();
    expect(parseWanted("r.yaml", continued, ["Project"])).toBeUndefined();
    expect(parseWanted("r.yaml", continued, ["Risk"])?.documents[0]?.value["title"]).toBe("Late delivery");
  });
  it("reads a text whose first kind line names another kind when the head scanner is not sure of it", () => {
    // The kind line says Risk, but a second document is a project: the head scanner is unsure, the readers decide.
    const two = `${risk}---\napiVersion: pmo/v1\nkind: Project\nid: P1\nname: Plant\n`;
    expect(scanHead(two)).toBeUndefined();
    expect(parseWanted("r.yaml", two, ["Project"])?.documents.map((d) => d.value["id"])).toEqual(["R1", "P1"]);
    // Sure of it: not read, though the subset reader would have read it.
    expect(scanHead(risk)?.kind).toBe("Risk");
    expect(parseWanted("r.yaml", `# a comment\n${risk}`, ["Project"])).toBeUndefined();
  });
  it("reads a file of several documents, and a document whose kind is not a pmo kind", () => {
    expect(parseWanted("r.yaml", `${risk}---\n${risk.replace("R1", "R2")}`, ["Project"])?.documents).toHaveLength(2);
    expect(parseWanted("r.yaml", "kind: Riskish\nid: X\n", ["Project"])).toMatchObject({ notPmo: true });
  });
});
