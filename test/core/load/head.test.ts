import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { buildDocuments, generate } from "../../../bench/generate.mjs";
import {
  decodeSource,
  HEAD_FIELDS,
  loadWorkspace,
  parseSource,
  scanHead,
  scanKind,
} from "../../../src/core/load/index.js";
import { KINDS, type Kind, type Workspace } from "../../../src/model/document.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";
import { mutate, prng } from "../../helpers/yaml-mutations.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/**
 * The head scanner (src/core/load/head.ts) reads a document's kind, apiVersion, id, project and
 * portfolio without a parser: a load that wants some kinds skips a file by it, and `pmo new`
 * takes the repository's ids and parents from it. It must never answer what the full reading
 * does not give: whenever it answers, the full reading of the same bytes gives either no
 * document or exactly one document, with that kind and those fields (absent where the head has
 * none). Checked on every case of the YAML test suite (also with a kind line put before, after
 * and inside it), the example repository, every YAML file of the repository's examples and
 * tests, generated bench repositories, hostile texts, and seeded mutations of all of them.
 */

function filesOf(dir: string, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...filesOf(path.join(dir, entry.name), `${rel}/`));
    else if (/\.ya?ml$/.test(entry.name)) out.push([rel, readFileSync(path.join(dir, entry.name), "utf8")]);
  }
  return out;
}

const benchDir = mkdtempSync(path.join(tmpdir(), "pmo-head-"));
afterAll(() => rmSync(benchDir, { recursive: true, force: true }));
generate(benchDir, { projects: 12, risksPerProject: 5, seed: 3 });

const example = filesOf(path.resolve("examples/meridian-water")).map(
  ([f, t]) => [`example/${f}`, t] as [string, string],
);
const bench = filesOf(benchDir).map(([f, t]) => [`bench/${f}`, t] as [string, string]);

/** Every YAML file of the repository's examples and test fixtures that is text. */
function fixtures(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.resolve(dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") walk(rel);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        const text = decodeSource(rel, readFileSync(path.resolve(rel)));
        if (typeof text === "string") out.push([rel, text]);
      }
    }
  };
  for (const dir of ["examples", "test"]) walk(dir);
  // The bench generator's documents as the yaml package writes them (quoting what needs it).
  for (const { file, doc } of buildDocuments({ projects: 40, risksPerProject: 2, seed: 3 }))
    out.push([`generated/${file}`, stringify(doc, { lineWidth: 0 })]);
  return out;
}
const repositoryFiles = fixtures();

/** Texts written to fool a line-based reading of `kind:`. */
const HOSTILE: [string, string][] = [
  ["kind in a multi-line double-quoted scalar", 'apiVersion: pmo/v1\nkind: Project\nname: "a\nkind: Risk\n"\n'],
  ["kind in a multi-line single-quoted scalar", "apiVersion: pmo/v1\nname: 'a\nkind: Risk\n'\n"],
  ["kind in a flow mapping", "apiVersion: pmo/v1\nx: {\nkind: Risk }\n"],
  ["kind in a flow sequence", "apiVersion: pmo/v1\nx: [\nkind: Risk ]\n"],
  ["kind in a block scalar", "apiVersion: pmo/v1\nkind: Project\nnote: |\n  text\nkind: Risk\n"],
  ["kind continued on the next line", "apiVersion: pmo/v1\nkind: Risk\n  Register\nid: R\n"],
  ["kind continued after a blank line", "apiVersion: pmo/v1\nkind: Risk\n\n  Register\nid: R\n"],
  ["kind continued after a comment", "apiVersion: pmo/v1\nkind: Risk\n# c\n  Register\n"],
  ["kind twice", "apiVersion: pmo/v1\nkind: Risk\nkind: Project\n"],
  ["kind twice, one quoted", 'apiVersion: pmo/v1\nkind: Risk\n"kind": Project\n'],
  ["kind written with an escape", 'apiVersion: pmo/v1\n"k\\x69nd": Project\nkind: Risk\n'],
  ["kind as a complex key", "apiVersion: pmo/v1\n? kind\n: Project\nkind: Risk\n"],
  ["a second document", "apiVersion: pmo/v1\nkind: Risk\n---\nkind: Project\n"],
  ["a document end then more", "kind: Risk\n...\nkind: Project\n"],
  ["a directive", "%YAML 1.1\n---\nkind: Risk\n"],
  ["a tag on the value", "kind: !!str Risk\n"],
  ["an anchor on the value", "kind: &k Risk\nother: *k\n"],
  ["an alias as the value", "a: &k Project\nkind: *k\n"],
  ["a comment touching the value", "kind: Risk#x\n"],
  ["a root sequence", "- kind: Risk\n"],
  ["an indented root mapping", "  kind: Risk\n  id: R\n"],
  ["a root scalar", "kind\n"],
  ["a tab before the value", "kind:\tRisk\n"],
  ["CR line breaks", "apiVersion: pmo/v1\rkind: Risk\rid: R\r"],
  ["a BOM", "\uFEFFkind: Risk\nid: R\n"],
  ["a merge key", "<<: {kind: Project}\nkind: Risk\n"],
  ["an unknown kind", "kind: Risky\n"],
  ["a lower-case kind", "kind: risk\n"],
  ["a kind key with a space before the colon", "kind : Risk\n"],
  ["kind under a key at column 0 (compact sequence)", "items:\n- a\nkind: Risk\n"],
  ["kind after a broken indent", "apiVersion: pmo/v1\nkind: Risk\nid: R\n title: x\n"],
  ["quoted kind", 'kind: "Risk"\nid: R\n'],
  ["single-quoted kind", "kind: 'Risk' # a comment\nid: R\n"],
  ["kind with a document start", "---\nkind: Decision\nid: D\n"],
  ["kind with a comment line first", "# header\n\nkind: Issue\nid: I\n"],
  ["an indented comment first", "  # header\nkind: Issue\nid: I\n"],
  ["an indented line first", "  note\nkind: Issue\nid: I\n"],
  ["an indented mapping first", "  a: 1\nkind: Issue\nid: I\n"],
  ["a comment touching the id", "kind: Risk\nid: R#x\n"],
  ["an id YAML reads as null", "kind: Project\nid: null\n"],
  ["an id YAML reads as a boolean", "kind: Project\nid: TRUE\n"],
  ["a numeric id", "kind: Project\nid: 12\n"],
  ["a quoted numeric id", "kind: Project\nid: '12'\n"],
  ["an id continued on the next line", "kind: Project\nid: P1\n  more\n"],
  ["an id as a nested mapping", "kind: Project\nid:\n  x: 1\n"],
  ["an id followed by words", "kind: Project\nid: P1 and more\n"],
  ["an aliased portfolio", "kind: Project\nid: P1\nportfolio: *pf\n"],
  ["a project given twice", "kind: Risk\nid: R\nproject: P1\nproject: P2\n"],
  ["a quoted value left open", 'kind: Project\nname: "two\nid: P9"\nid: P1\n'],
  ["a flow mapping left open", "kind: Project\nbudget: { a: 1,\nid: P9 }\nid: P1\n"],
  ["a flow value with quotes", 'kind: Project\nbudget: [ "]" ]\nid: P1\n'],
  ["an anchor at the top level", "kind: Project\nbase: &b [1]\nid: P1\n"],
  ["a tag at the top level", "kind: Project\nbase: !!str x\nid: P1\n"],
  ["a quoted key", 'kind: Project\n"id": P1\n'],
  ["a key without a space after its colon", "kind: Project\nid:P1\n"],
  ["a quoted portfolio with a comment", 'kind: Project\nid: P1\nportfolio: "PF-1" # x\n'],
  ["a plain portfolio with a comment", "kind: Project\nid: P1 # the id\nportfolio: PF-1   \n"],
  ["an indented id under another key", "kind: Risk\nid: R1\nmitigations:\n  - id: M\n    project: P9\n"],
];

const SUITE = yamlTestSuite();

function corpus(): [string, string][] {
  const texts: [string, string][] = [...example, ...bench, ...repositoryFiles, ...HOSTILE];
  for (const c of SUITE) {
    texts.push([`suite ${c.id}`, c.yaml]);
    texts.push([`suite ${c.id} after a kind`, `apiVersion: pmo/v1\nkind: Risk\n${c.yaml}`]);
    texts.push([`suite ${c.id} before a kind`, `${c.yaml}\nkind: Risk\n`]);
    const lines = c.yaml.split("\n");
    for (let i = 1; i < Math.min(lines.length, 12); i++)
      texts.push([
        `suite ${c.id} with a kind at line ${i + 1}`,
        [...lines.slice(0, i), "kind: Project", ...lines.slice(i)].join("\n"),
      ]);
  }
  const random = prng(20261202);
  const seeds = [...example, ...bench, ...HOSTILE];
  for (let i = 0; i < 3000; i++) {
    const [name, text] = seeds[Math.floor(random() * seeds.length)]!;
    let mutated = mutate(text, random);
    if (random() < 0.5) mutated = mutate(mutated, random);
    texts.push([`${name} mutation ${i}`, mutated]);
  }
  return texts;
}

/** The head fields of a document's value, as a head holds them. */
const headFields = (value: Record<string, unknown>) =>
  Object.fromEntries(HEAD_FIELDS.flatMap((k) => (value[k] === undefined ? [] : [[k, value[k]]])));

describe("the head scanner never answers what the full reading does not give", () => {
  const texts = corpus();

  it(`holds on ${texts.length} texts`, () => {
    const wrong: string[] = [];
    let answered = 0;
    for (const [name, text] of texts) {
      const head = scanHead(text);
      if (head === undefined) continue;
      answered++;
      const heads = parseSource(name.replace(/ .*/, ""), text).documents.map((d) => headFields(d.value));
      if (heads.length > 1 || (heads.length === 1 && !isDeepStrictEqual(heads[0], { ...head })))
        wrong.push(`${name}: scanner ${JSON.stringify(head)}, full reading ${JSON.stringify(heads)}`);
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(1000);
  });

  it(`reads the kind alone wherever it reads the head, and never a kind the full reading does not give (${texts.length} texts)`, () => {
    const wrong: string[] = [];
    let beyond = 0;
    for (const [name, text] of texts) {
      const kind = scanKind(text);
      const head = scanHead(text);
      if (head !== undefined && kind !== head.kind) wrong.push(`${name}: head ${JSON.stringify(head)}, kind ${kind}`);
      if (kind === undefined) continue;
      if (head === undefined) beyond++;
      const kinds = parseSource(name.replace(/ .*/, ""), text).documents.map((d) => d.value["kind"]);
      if (kinds.length > 1 || (kinds.length === 1 && kinds[0] !== kind))
        wrong.push(`${name}: kind scanner ${kind}, full reading ${JSON.stringify(kinds)}`);
    }
    expect(wrong).toEqual([]);
    // Texts whose other head fields are not words (a numeric id, a nested project) still have a certain kind.
    expect(beyond).toBeGreaterThan(10);
  });

  it("answers the hostile texts it can be certain about, and only those", () => {
    const answers = Object.fromEntries(HOSTILE.map(([name, text]) => [name, scanHead(text)]));
    expect(answers).toEqual({
      ...Object.fromEntries(HOSTILE.map(([name]) => [name, undefined])),
      "quoted kind": { kind: "Risk", id: "R" },
      "single-quoted kind": { kind: "Risk", id: "R" },
      "kind with a document start": { kind: "Decision", id: "D" },
      "kind with a comment line first": { kind: "Issue", id: "I" },
      "an indented comment first": { kind: "Issue", id: "I" },
      "CR line breaks": { apiVersion: "pmo/v1", kind: "Risk", id: "R" },
      "a quoted numeric id": { kind: "Project", id: "12" },
      "a quoted portfolio with a comment": { kind: "Project", id: "P1", portfolio: "PF-1" },
      "a plain portfolio with a comment": { kind: "Project", id: "P1", portfolio: "PF-1" },
      "an indented id under another key": { kind: "Risk", id: "R1" },
    });
  });

  it("reads plain and quoted words with comments, skips indented content and closed quoted or flow values", () => {
    const text = [
      "# a comment",
      "apiVersion: pmo/v1",
      "kind: Risk # the kind",
      "id: RSK-001",
      'title: "Quoted: \\"closed\\"" # ok',
      "note: 'it''s closed'",
      "scores: [1, [2, 3]]",
      "project: 'PRJ-001'",
      "mitigations:",
      "  - id: not-the-id",
      "    portfolio: not-the-portfolio",
      "",
    ].join("\n");
    expect(scanHead(text)).toEqual({ apiVersion: "pmo/v1", kind: "Risk", id: "RSK-001", project: "PRJ-001" });
  });

  it("answers nearly every document of the example and of a generated repository, most of the repository's files", () => {
    for (const [files, share] of [
      [example, 0.9],
      [bench, 0.9],
      [repositoryFiles, 0.6],
    ] as const) {
      const single = files.filter(([file, text]) => {
        if (!file.endsWith(".yaml") || /\n---/.test(text) || /config/.test(file)) return false;
        const documents = parseSource(file, text).documents;
        return documents.length === 1 && documents[0]!.value["kind"] !== "Engagement";
      });
      const answered = single.filter(([, text]) => scanHead(text) !== undefined);
      expect(single.length).toBeGreaterThan(20);
      expect(answered.length / single.length).toBeGreaterThan(share);
    }
  });
});

describe("loading some kinds only", () => {
  const files: Record<string, string | Buffer> = {
    ...Object.fromEntries(example.map(([f, t]) => [f.replace(/^example\//, "example/"), t])),
    ...Object.fromEntries(bench.map(([f, t]) => [f, t])),
    ...Object.fromEntries(HOSTILE.map(([name, t], i) => [`hostile/${i}-${name.replace(/\W+/g, "-")}.yaml`, t])),
    ...Object.fromEntries(SUITE.map((c) => [`suite/${c.id}.yaml`, c.yaml])),
    "broken/binary.yaml": Buffer.from([0x61, 0x00, 0x62]),
  };
  const repo = makeRepo(files);
  afterAll(() => removeRepo(repo));

  /** Documents as plain data, positions included. */
  const plain = (ws: Workspace): unknown[] =>
    ws.documents.map(({ locate, ...doc }) => ({ ...doc, at: locate(["id"]), key: locate(["name"], { key: true }) }));

  it.each<[string, Kind[]]>([
    ["projects and what they reference", ["Engagement", "Portfolio", "Project", "Decision", "Person"]],
    ["risks only", ["Risk"]],
    ["no kind", []],
    ["every kind", [...KINDS]],
  ])("gives exactly the documents of a full load that have the kinds (%s)", async (_name, kinds) => {
    const full = await loadWorkspace(repo, { workers: 0 });
    const some = await loadWorkspace(repo, { workers: 0, kinds });
    expect(plain(some)).toEqual(
      plain({ ...full, documents: full.documents.filter((d) => kinds.includes(d.kind as Kind)) }),
    );
    expect(some.kinds).toEqual(kinds);
    // Every source a kept document points at is there, for code frames.
    for (const doc of some.documents) expect(some.sources.get(doc.file)).toBe(full.sources.get(doc.file));
  });

  it("does not parse the files it can tell are of another kind", async () => {
    const full = await loadWorkspace(repo, { workers: 0 });
    const projects = await loadWorkspace(repo, { workers: 0, kinds: ["Project"] });
    // Files of one risk each (the example keeps several risks per file: those are parsed).
    const perFile = new Map<string, string[]>();
    for (const d of full.documents) perFile.set(d.file, [...(perFile.get(d.file) ?? []), d.kind]);
    // The hostile texts are built to be left to the parser; the example's and the bench's are not.
    const riskFiles = [...perFile]
      .filter(([f, kinds]) => kinds.length === 1 && kinds[0] === "Risk" && !f.startsWith("hostile/"))
      .map(([f]) => f);
    const unread = riskFiles.filter((f) => !projects.sources.has(f));
    expect(riskFiles.length).toBeGreaterThan(50);
    expect(unread.length / riskFiles.length).toBeGreaterThan(0.9);
  });
});
